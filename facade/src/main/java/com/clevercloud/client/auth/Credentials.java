package com.clevercloud.client.auth;

import com.clevercloud.client.internal.check.Checks;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the client authenticates with: an {@linkplain ApiTokenCredentials API token} or
 * {@linkplain OAuth1Credentials OAuth 1.0a tokens}. The client decides from the kind which host each call goes to
 * (API tokens go to the Bridge, OAuth 1.0a to the main API host), so users never pick hosts.
 *
 * <pre>{@code
 * Credentials.apiToken(System.getenv("CLEVER_API_TOKEN"));
 * Credentials.oauth1(consumerKey, consumerSecret, token, tokenSecret);          // HMAC-SHA512
 * Credentials.fromEnvironment();  // CLEVER_API_TOKEN, else OAuth1 variables, else the clever-tools login
 * }</pre>
 *
 * <p>No implementation prints a secret in {@code toString()}.
 */
public sealed interface Credentials permits ApiTokenCredentials, OAuth1Credentials {

  /**
   * An API token, sent as {@code Authorization: Bearer <token>} to the Bridge.
   *
   * @param token the token's secret value alone (without {@code Bearer }): visible ASCII, no spaces
   * @return the credentials
   * @throws IllegalArgumentException if the token is blank or holds spaces, control or non-ASCII characters (the
   *     message gives the position, never the value)
   */
  static ApiTokenCredentials apiToken(String token) {
    Checks.visibleAscii(token, "token");
    return new ApiTokenCredentials(Secret.of(token));
  }

  /**
   * An API token given as a {@link Secret}, for instance {@code created.secret()} right after creating it. The
   * credentials keep their own copy: wiping {@code token} afterwards does not break the client.
   *
   * @param token the token; not wiped
   * @return the credentials
   * @throws IllegalArgumentException if the token is blank or holds spaces, control or non-ASCII characters
   * @throws IllegalStateException if the secret was wiped
   */
  static ApiTokenCredentials apiToken(Secret token) {
    Objects.requireNonNull(token, "token == null");
    return apiToken(token.reveal());
  }

  /**
   * OAuth 1.0a credentials signed with {@link SignatureMethod#HMAC_SHA512}.
   *
   * @param consumerKey the OAuth consumer's key
   * @param consumerSecret the OAuth consumer's secret
   * @param token the user's access token
   * @param tokenSecret the access token's secret
   * @return the credentials
   * @throws IllegalArgumentException if a value is blank or holds control characters
   */
  static OAuth1Credentials oauth1(String consumerKey, String consumerSecret, String token, String tokenSecret) {
    return oauth1(consumerKey, consumerSecret, token, tokenSecret, SignatureMethod.HMAC_SHA512);
  }

  /**
   * OAuth 1.0a credentials with a chosen signature method for the main API host. Calls to the Bridge's
   * {@code /api-tokens} endpoints are signed with PLAINTEXT whatever the choice, because the Bridge takes nothing else.
   *
   * @param consumerKey the OAuth consumer's key
   * @param consumerSecret the OAuth consumer's secret
   * @param token the user's access token
   * @param tokenSecret the access token's secret
   * @param signatureMethod how to sign calls to the main host
   * @return the credentials
   * @throws IllegalArgumentException if a value is blank or holds control characters
   */
  static OAuth1Credentials oauth1(String consumerKey, String consumerSecret, String token, String tokenSecret,
      SignatureMethod signatureMethod) {
    return new OAuth1Credentials(
        Checks.headerValue(consumerKey, "consumerKey"),
        Secret.of(Checks.headerValue(consumerSecret, "consumerSecret")),
        Checks.headerValue(token, "token"),
        Secret.of(Checks.headerValue(tokenSecret, "tokenSecret")),
        Objects.requireNonNull(signatureMethod, "signatureMethod == null"),
        null);
  }

  /**
   * Finds credentials the way Clever Cloud's tools do, first match wins:
   * <ol>
   *   <li>{@code CLEVER_API_TOKEN}: an API token;</li>
   *   <li>{@code CLEVER_TOKEN} + {@code CLEVER_SECRET} (clever-tools' variables): OAuth 1.0a, with the consumer from
   *       {@code CLEVER_CONSUMER_KEY}/{@code CLEVER_CONSUMER_SECRET} or {@code CC_CONSUMER_KEY}/{@code CC_CONSUMER_SECRET};</li>
   *   <li>{@code CC_CONSUMER_KEY}, {@code CC_CONSUMER_SECRET}, {@code CC_OAUTH_TOKEN}, {@code CC_OAUTH_SECRET}
   *       (the Go client's variables);</li>
   *   <li>the clever-tools login file {@code ~/.config/clever-cloud/clever-tools.json} (or under
   *       {@code $XDG_CONFIG_HOME}), with the consumer from the variables above.</li>
   * </ol>
   * clever-tools' own consumer pair is deliberately not built in: tokens made by {@code clever login} need it, so set
   * it yourself in {@code CLEVER_CONSUMER_KEY}/{@code CLEVER_CONSUMER_SECRET} if you reuse that login.
   *
   * @return the first credentials found
   * @throws IllegalStateException if none is found or a source is incomplete (the message says which variable)
   */
  static Credentials fromEnvironment() {
    return fromEnvironment(System.getenv(), null);
  }

  /**
   * {@link #fromEnvironment()} over given variables and login file, for tests and for applications that keep their
   * configuration elsewhere.
   *
   * @param environment the variables to read
   * @param cleverToolsLoginFile the clever-tools login file, or null for the default location derived from
   *     {@code XDG_CONFIG_HOME} in {@code environment} or the {@code user.home} system property
   * @return the first credentials found
   * @throws IllegalStateException if none is found or a source is incomplete
   */
  static Credentials fromEnvironment(Map<String, String> environment, Path cleverToolsLoginFile) {
    return EnvironmentCredentials.resolve(environment, cleverToolsLoginFile);
  }
}
