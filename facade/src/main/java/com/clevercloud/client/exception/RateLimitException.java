package com.clevercloud.client.exception;

import java.time.Duration;
import java.util.Optional;

/** 429 Too Many Requests: slow down; {@link #retryAfter()} says for how long when the API tells. */
public class RateLimitException extends ApiException {

  private static final long serialVersionUID = 1L;

  /** The delay from {@code Retry-After}, or null. */
  private final Duration retryAfter;

  /**
   * Makes an exception; the client's error mapper is the usual caller.
   *
   * @param message the full message
   * @param operation the operation that failed
   * @param statusCode the HTTP status (429)
   * @param errorCode the API's error code, or null
   * @param apiMessage the API's error message, or null
   * @param requestId the {@code Sozu-Id} header, or null
   * @param body the short redacted body, or null
   * @param retryAfter the delay from the {@code Retry-After} header, or null
   */
  public RateLimitException(String message, String operation, int statusCode, String errorCode, String apiMessage,
      String requestId, String body, Duration retryAfter) {
    super(message, operation, statusCode, errorCode, apiMessage, requestId, body);
    this.retryAfter = retryAfter;
  }

  /**
   * The delay the API asked for in {@code Retry-After} (seconds or an HTTP date).
   *
   * @return the delay, or empty if the response gave none
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
