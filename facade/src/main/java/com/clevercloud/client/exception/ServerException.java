package com.clevercloud.client.exception;

/** A 5xx status: the API or a proxy in front of it failed. Safe to retry only for idempotent calls. */
public class ServerException extends ApiException {

  private static final long serialVersionUID = 1L;

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
  public ServerException(String message, String operation, int statusCode, String errorCode, String apiMessage,
      String requestId, String body) {
    super(message, operation, statusCode, errorCode, apiMessage, requestId, body);
  }
}
