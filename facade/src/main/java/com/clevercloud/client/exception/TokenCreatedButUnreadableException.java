package com.clevercloud.client.exception;

import com.clevercloud.client.auth.Secret;
import java.util.Optional;

/**
 * An API token was created and its secret received, but the rest of the response could not be read. The secret is
 * shown only once by the API, so it is handed over here rather than lost: store it (or revoke the token), then look
 * at the token's metadata with {@code client.api(ApiTokensApi.class).listApiTokens()}.
 *
 * <pre>{@code
 * try {
 *   created = client.apiTokens().create(request);
 * } catch (TokenCreatedButUnreadableException e) {
 *   vault.store(e.secret().reveal());
 * }
 * }</pre>
 *
 * <p>If the response ended inside the secret itself (a connection broken mid-value), what arrived of it is handed over
 * and the message says that it may be only its start: the token exists either way, and should be revoked if the
 * secret is refused.
 *
 * <p>The secret never appears in the message or in {@code toString()}. The exception is not serializable in a way
 * that keeps the secret: the field is transient.
 */
public class TokenCreatedButUnreadableException extends ResponseDecodingException {

  private static final long serialVersionUID = 1L;

  private final transient Secret secret;
  /** The created token's id, or null. */
  private final String apiTokenId;

  /**
   * Makes an exception.
   *
   * @param message what could not be read (never the secret)
   * @param operation the operation
   * @param statusCode the HTTP status
   * @param requestId the {@code Sozu-Id} header, or null
   * @param body the short redacted body, or null
   * @param secret the created token's secret
   * @param apiTokenId the created token's id if it could be read, or null
   * @param cause the underlying failure, or null
   */
  public TokenCreatedButUnreadableException(String message, String operation, int statusCode, String requestId,
      String body, Secret secret, String apiTokenId, Throwable cause) {
    super(message, operation, statusCode, requestId, body, cause);
    this.secret = secret;
    this.apiTokenId = apiTokenId;
  }

  /**
   * The created token's secret: the one thing that must not be lost.
   *
   * @return the secret
   */
  public Secret secret() {
    return secret;
  }

  /**
   * The created token's id, if it could be read.
   *
   * @return the id, or empty
   */
  public Optional<String> apiTokenId() {
    return Optional.ofNullable(apiTokenId);
  }
}
