package com.clevercloud.client.internal;

import com.clevercloud.client.auth.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request tag listing the secret values the request carries (a password, an MFA code, an environment variable's
 * value, OAuth secrets of the dance), so that an error body or header that echoes one back is masked before it
 * reaches an exception or a log line. The client's own credentials are masked without a tag.
 *
 * <p>{@code toString()} shows no value: OkHttp's {@code Request.toString()} prints tags.
 */
public final class Sensitive {

  /**
   * Values shorter than this are not masked: they cannot be meaningful secrets, and masking every {@code "1"} or
   * {@code "on"} would garble status codes and ids in messages.
   */
  public static final int MIN_MASKED_LENGTH = 4;

  private final List<Secret> values;

  private Sensitive(List<Secret> values) {
    this.values = List.copyOf(values);
  }

  /**
   * Wraps secret values; null entries are skipped.
   *
   * @param values the values
   * @return the tag
   */
  public static Sensitive of(Secret... values) {
    List<Secret> list = new ArrayList<>();
    for (Secret s : values) {
      if (s != null) {
        list.add(s);
      }
    }
    return new Sensitive(list);
  }

  /**
   * Wraps a plain value, such as an environment variable's.
   *
   * @param value the value
   * @return the tag
   */
  public static Sensitive of(String value) {
    return of(Secret.of(Objects.requireNonNull(value, "value == null")));
  }

  /**
   * Replaces every occurrence of the given secrets' values in a text with {@code ***}; wiped and short values are
   * skipped.
   *
   * @param text the text, or null
   * @param secrets the secrets
   * @return the masked text, or null
   */
  public static String mask(String text, Iterable<Secret> secrets) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (Secret secret : secrets) {
      String value;
      try {
        value = secret.reveal();
      } catch (IllegalStateException wiped) {
        continue;
      }
      if (value.length() >= MIN_MASKED_LENGTH) {
        masked = masked.replace(value, "***");
      }
    }
    return masked;
  }

  /**
   * The secrets.
   *
   * @return the secrets
   */
  public List<Secret> values() {
    return values;
  }

  @Override
  public String toString() {
    return "Sensitive[" + values.size() + " values, ***]";
  }
}
