package com.clevercloud.client.exception;

import java.util.List;

/**
 * 400 Bad Request or 422 Unprocessable Entity: the request was refused as invalid (fix the input, do not retry). When
 * the body lists the fields at fault, {@link #fieldErrors()} has them.
 */
public class BadRequestException extends ApiException {

  private static final long serialVersionUID = 1L;

  /** The fields the body listed, masked; never null. */
  private final List<FieldError> fieldErrors;

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
    this(message, operation, statusCode, errorCode, apiMessage, requestId, body, List.of());
  }

  /**
   * Makes an exception with the fields the body listed; the client's error mapper is the usual caller.
   *
   * @param message the full message
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param errorCode the API's error code, or null
   * @param apiMessage the API's error message, or null
   * @param requestId the {@code Sozu-Id} header, or null
   * @param body the short redacted body, or null
   * @param fieldErrors the fields at fault, masked (copied)
   */
  public BadRequestException(String message, String operation, int statusCode, String errorCode, String apiMessage,
      String requestId, String body, List<FieldError> fieldErrors) {
    super(message, operation, statusCode, errorCode, apiMessage, requestId, body);
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /**
   * The fields the server refused, in the order it listed them, when its body says: the {@code errors} of
   * {@code {"code": "validation_errors", "errors": [...]}} (a list of objects or strings, or an object of field to
   * messages) and the {@code validation} list of a problem+json report such as Prism's ({@code location} joined with
   * dots: {@code body.name}). At most 50 are kept. Masked like the message.
   *
   * @return the field errors, empty if the body listed none
   */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
