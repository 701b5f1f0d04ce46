package com.clevercloud.client.exception;

/**
 * Base of every exception the client throws for a failed call. Unchecked, like the rest of the modern Java SDKs: most
 * callers let it propagate, and those who handle it catch the subtype they can act on.
 *
 * <ul>
 *   <li>{@link ApiException} and its subtypes: the API answered with an error status;</li>
 *   <li>{@link TransportException}: no response (connection refused or reset, timeout);</li>
 *   <li>{@link ResponseDecodingException}: a success response whose body could not be read as expected.</li>
 * </ul>
 *
 * <p>Bad arguments are reported before any request with the JDK's {@link IllegalArgumentException} and
 * {@link NullPointerException}, and impossible states (no credentials, an account without a password) with
 * {@link IllegalStateException}; those are not {@code CleverCloudException}s. No message ever includes a secret.
 */
public class CleverCloudException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The operation that failed, or null. */
  private final String operation;

  /**
   * Makes an exception.
   *
   * @param message what went wrong, with no secret in it
   * @param operation the operation that failed (an operationId such as {@code listApiTokens}, or {@code GET /v2/self})
   * @param cause the underlying failure, or null
   */
  public CleverCloudException(String message, String operation, Throwable cause) {
    super(message, cause);
    this.operation = operation;
  }

  /**
   * The operation that failed: the spec's operationId (such as {@code getSelf}) or, for raw requests, the method and
   * path.
   *
   * @return the operation, or null if unknown
   */
  public String operation() {
    return operation;
  }
}
