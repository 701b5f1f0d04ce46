package com.clevercloud.client;

import java.util.Optional;

/**
 * The answer to a {@link RawHttp} request: status and body. {@code toString()} omits the body, which may hold secrets.
 */
public final class RawResponse {

  private final int statusCode;
  private final String body;
  private final String requestId;

  RawResponse(int statusCode, String body, String requestId) {
    this.statusCode = statusCode;
    this.body = body;
    this.requestId = requestId;
  }

  /**
   * The HTTP status (2xx: other statuses throw).
   *
   * @return the status
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The body as text.
   *
   * @return the body, empty when there was none
   */
  public String body() {
    return body;
  }

  /**
   * The {@code Sozu-Id} request id.
   *
   * @return the id, or empty
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  @Override
  public String toString() {
    return "RawResponse[statusCode=" + statusCode + ", body=" + body.length() + " chars]";
  }
}
