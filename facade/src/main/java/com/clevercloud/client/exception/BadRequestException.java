package com.clevercloud.client.exception;

/** 400 Bad Request or 422 Unprocessable Entity: the request was refused as invalid (fix the input, do not retry). */
public class BadRequestException extends ApiException {

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
  public BadRequestException(String message, String operation, int statusCode, String errorCode, String apiMessage,
      String requestId, String body) {
    super(message, operation, statusCode, errorCode, apiMessage, requestId, body);
  }
}
