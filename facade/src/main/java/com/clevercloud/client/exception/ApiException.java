package com.clevercloud.client.exception;

import java.util.Optional;

/**
 * The API answered with an error status. Carries what support and callers need: the status, the API's error code
 * ({@code code} on the Bridge and v4, the numeric {@code id} on v2), its message, the {@code Sozu-Id} request id and a
 * short body (decoded, truncated, with secrets masked).
 *
 * <p>Subtypes name the statuses a caller can act on: {@link BadRequestException} (400, 422),
 * {@link AuthenticationException} (401), {@link ForbiddenException} (403), {@link NotFoundException} (404),
 * {@link ConflictException} (409), {@link RateLimitException} (429), {@link ServerException} (5xx). Other statuses
 * give a plain {@code ApiException}.
 */
public class ApiException extends CleverCloudException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int statusCode;
  /** The API's error code, or null. */
  private final String errorCode;
  /** The API's error message, or null. */
  private final String apiMessage;
  /** The {@code Sozu-Id} request id, or null. */
  private final String requestId;
  /** The short redacted body, or null. */
  private final String body;

  /**
   * Makes an exception; the client's error mapper is the usual caller.
   *
   * @param message the full message
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param errorCode the API's error code, or null
   * @param apiMessage the API's error message, or null
   * @param requestId the {@code Sozu-Id} header, or null
   * @param body the short redacted body, or null
   */
  public ApiException(String message, String operation, int statusCode, String errorCode, String apiMessage,
      String requestId, String body) {
    super(message, operation, null);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.apiMessage = apiMessage;
    this.requestId = requestId;
    this.body = body;
  }

  /**
   * The HTTP status.
   *
   * @return for example 404
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The API's machine-readable error code: {@code code} (Bridge, v4: {@code invalid-credential}) or {@code id}
   * (v2: {@code 2001}), as a string.
   *
   * @return the code, or empty if the body had none
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * The API's human-readable message ({@code message}, else {@code error}).
   *
   * @return the message, or empty if the body had none
   */
  public Optional<String> apiMessage() {
    return Optional.ofNullable(apiMessage);
  }

  /**
   * The request id from the {@code Sozu-Id} response header: quote it to Clever Cloud's support.
   *
   * @return the id, or empty if the response had none
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The start of the response body (about 200 characters), decoded (JSON string escapes and percent-encoding undone),
   * with the client's credentials, the values the request carried and the values of keys that look secret
   * ({@code password}, {@code secret}, {@code token}, {@code mfa}) masked as {@code ***} in whatever form the server
   * echoed them. The code, the message and the request id are masked likewise.
   *
   * @return the short body, or empty if there was none
   */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }
}
