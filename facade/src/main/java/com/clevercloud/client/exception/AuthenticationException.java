package com.clevercloud.client.exception;

/** 401 Unauthorized: the credentials are missing, wrong or expired (or, on token creation, the password or MFA code is wrong). */
public class AuthenticationException extends ApiException {

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
  public AuthenticationException(String message, String operation, int statusCode, String errorCode, String apiMessage,
      String requestId, String body) {
    super(message, operation, statusCode, errorCode, apiMessage, requestId, body);
  }
}
