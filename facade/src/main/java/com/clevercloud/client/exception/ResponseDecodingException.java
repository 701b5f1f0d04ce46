package com.clevercloud.client.exception;

import java.util.Optional;

/**
 * The API answered with a success status but the body was not what the operation expects (empty, truncated, HTML,
 * or JSON of another shape). The request itself may well have taken effect.
 */
public class ResponseDecodingException extends CleverCloudException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int statusCode;
  /** The {@code Sozu-Id} request id, or null. */
  private final String requestId;
  /** The short redacted body, or null. */
  private final String body;

  /**
   * Makes an exception.
   *
   * @param message what could not be read
   * @param operation the operation
   * @param statusCode the HTTP status
   * @param requestId the {@code Sozu-Id} header, or null
   * @param body the short redacted body, or null
   * @param cause the parser's failure, or null
   */
  public ResponseDecodingException(String message, String operation, int statusCode, String requestId, String body,
      Throwable cause) {
    super(message, operation, cause);
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.body = body;
  }

  /**
   * The HTTP status.
   *
   * @return for example 200
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The {@code Sozu-Id} request id.
   *
   * @return the id, or empty
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The start of the body, decoded and truncated, with secrets masked as in {@link ApiException#body()}; empty for
   * bodies that are secrets as a whole (environment variables, a created token's answer).
   *
   * @return the short body, or empty
   */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }
}
