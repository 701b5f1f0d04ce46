package com.clevercloud.client.exception;

/**
 * No usable response: the connection was refused or reset, TLS failed, or a timeout expired. Whether the server acted
 * on the request is unknown, so only idempotent calls are safe to repeat.
 *
 * <p>The I/O failure is the cause. Its message can quote the server (a malformed status line is quoted whole), so when
 * any message of its chain holds something to mask, the cause is a masked copy: its message starts with the original
 * class name, and it keeps the original stack trace, causes and suppressed exceptions (masked likewise).
 */
public class TransportException extends CleverCloudException {

  private static final long serialVersionUID = 1L;

  /** Whether a timeout ended the call. */
  private final boolean timeout;

  /**
   * Makes an exception.
   *
   * @param message what failed
   * @param operation the operation that failed
   * @param timeout whether a timeout expired
   * @param cause the I/O failure
   */
  public TransportException(String message, String operation, boolean timeout, Throwable cause) {
    super(message, operation, cause);
    this.timeout = timeout;
  }

  /**
   * Tells whether a timeout (connect, read, write or the whole call) ended the call.
   *
   * @return true for a timeout
   */
  public boolean isTimeout() {
    return timeout;
  }
}
