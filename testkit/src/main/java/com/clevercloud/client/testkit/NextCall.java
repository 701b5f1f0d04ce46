package com.clevercloud.client.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * What Prism answers to one call: an error status and/or a named example of the specs, sent to Prism as its
 * {@code Prefer} request header ({@code Prefer: code=404, example=notFound}). Obtained from
 * {@link MockCleverCloud#nextCall()}; without a choice Prism answers the operation's first success example.
 *
 * <p>The choice applies to one call of the client, retries included (Prism answers every attempt alike). A status the
 * operation does not document makes Prism answer 404 with its own message, and an unknown example name a 404 as well:
 * choose among the responses and examples of the specs.
 */
public final class NextCall {

  private Integer status;
  private String example;
  private boolean used;

  NextCall() {
  }

  /**
   * Asks Prism for the operation's documented response of this status, for instance 404: the facade turns it into its
   * typed exception ({@link com.clevercloud.client.exception.NotFoundException}).
   *
   * @param code an HTTP status between 100 and 599
   * @return this, to add an example
   * @throws IllegalArgumentException if the status is out of range
   * @throws IllegalStateException if the call was already made
   */
  public synchronized NextCall status(int code) {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + code);
    }
    checkNotUsed();
    this.status = code;
    return this;
  }

  /**
   * Asks Prism for the example of this name (a key under the response's {@code examples} in the spec).
   *
   * @param name the example's name
   * @return this, to add a status
   * @throws IllegalArgumentException if the name is blank or contains a comma or a quote (the header's syntax)
   * @throws IllegalStateException if the call was already made
   */
  public synchronized NextCall example(String name) {
    if (name == null || name.isBlank() || name.contains(",") || name.contains("\"") || name.contains("=")) {
      throw new IllegalArgumentException("Not an example name: " + name);
    }
    checkNotUsed();
    this.example = name;
    return this;
  }

  private void checkNotUsed() {
    if (used) {
      throw new IllegalStateException("This call was already made (" + this + "): ask mock.nextCall() again");
    }
  }

  /** The {@code Prefer} header value, and marks this choice as made. Null if nothing was chosen. */
  synchronized String use() {
    used = true;
    return prefer();
  }

  synchronized boolean used() {
    return used;
  }

  private String prefer() {
    List<String> parts = new ArrayList<>();
    if (status != null) {
      parts.add("code=" + status);
    }
    if (example != null) {
      parts.add("example=" + example);
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /** The choice as Prism receives it, for messages. */
  @Override
  public synchronized String toString() {
    String prefer = prefer();
    return prefer == null ? "no choice" : "Prefer: " + prefer;
  }
}
