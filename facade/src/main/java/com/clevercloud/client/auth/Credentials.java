package com.clevercloud.client.auth;

import com.clevercloud.client.internal.check.Checks;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the client authenticates with: an {@linkplain ApiTokenCredentials API token} or
 * {@linkplain OAuth1Credentials OAuth 1.0a tokens}. The client decides from the kind which host each call goes to
 * (API tokens go to the Bridge, OAuth 1.0a to the main API host), so users never pick hosts.
 *
 * <pre>{@code
 * Credentials.apiToken(System.getenv("CLEVER_API_TOKEN"));
 * Credentials.oauth1(consumerKey, consumerSecret, token, tokenSecret);          // HMAC-SHA512
 * Credentials.fromEnvironment();  // CLEVER_API_TOKEN, else OAuth1 variables, else clever-tools' login file
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
   * The main API host these credentials came with ({@code API_HOST} in the environment or in clever-tools' active
   * profile, see {@link #fromEnvironment()}). The client uses it unless its builder sets
   * {@code apiBaseUrl(...)}; credentials made in code have none, and the client uses Clever Cloud's host.
   *
   * @return the base URL, or empty
   */
  default Optional<String> apiBaseUrl() {
    return baseUrls(this).apiUrl();
  }

  /**
   * The Bridge host these credentials came with ({@code AUTH_BRIDGE_HOST}), used like {@link #apiBaseUrl()}.
   *
   * @return the base URL, or empty
   */
  default Optional<String> bridgeBaseUrl() {
    return baseUrls(this).bridgeUrl();
  }

  private static BaseUrls baseUrls(Credentials credentials) {
    return credentials instanceof ApiTokenCredentials token ? token.baseUrls()
        : ((OAuth1Credentials) credentials).baseUrls();
  }

  /**
   * Finds credentials the way Clever Cloud's tools do (clever-tools 4.x for its variables and login file), first
   * match wins:
   * <ol>
   *   <li>{@code CLEVER_API_TOKEN}: an API token;</li>
   *   <li>{@code CLEVER_TOKEN} + {@code CLEVER_SECRET} (clever-tools' variables): OAuth 1.0a, the login file unread;</li>
   *   <li>{@code CC_OAUTH_TOKEN} + {@code CC_OAUTH_SECRET} with {@code CC_CONSUMER_KEY} + {@code CC_CONSUMER_SECRET}
   *       (the Go client's variables);</li>
   *   <li>clever-tools' login file: {@code CONFIGURATION_FILE}, else {@code %APPDATA%\clever-cloud\clever-tools.json}
   *       on Windows, else {@code $XDG_CONFIG_HOME/clever-cloud/clever-tools.json} ({@code ~/.config} by default);
   *       in the current format ({@code {"version":1,"profiles":[...]}}) the first profile is the active one and
   *       its {@code overrides} apply, the legacy format ({@code {token, secret, expirationDate}}) is one profile.</li>
   * </ol>
   * The OAuth consumer of clever-tools' tokens is, key by key: {@code OAUTH_CONSUMER_KEY}/{@code OAUTH_CONSUMER_SECRET}
   * in the environment, else in the active profile's {@code overrides}, else {@code CC_CONSUMER_KEY}/
   * {@code CC_CONSUMER_SECRET}. clever-tools falls back on its own consumer pair; this client does not ship it (it
   * belongs to clever-tools), so tokens from {@code clever login} need it set in those variables. The hosts are
   * {@code API_HOST} and {@code AUTH_BRIDGE_HOST} from the environment, else from the active profile's
   * {@code overrides}, else Clever Cloud's (see {@link #apiBaseUrl()}).
   *
   * @return the first credentials found
   * @throws CredentialsLookupException (an {@link IllegalStateException}) if none is found, a source is incomplete,
   *     the login file cannot be read or its active profile has expired; the message names variables and files,
   *     never a secret
   */
  static Credentials fromEnvironment() {
    return fromEnvironment(System.getenv(), null);
  }

  /**
   * {@link #fromEnvironment()} over given variables and login file, for tests and for applications that keep their
   * configuration elsewhere.
   *
   * @param environment the variables to read
   * @param cleverToolsLoginFile the clever-tools login file, or null for the location clever-tools uses, derived from
   *     {@code CONFIGURATION_FILE}, {@code APPDATA} or {@code XDG_CONFIG_HOME} in {@code environment}, else the
   *     {@code user.home} system property
   * @return the first credentials found
   * @throws CredentialsLookupException if none is found, a source is incomplete or the active profile has expired
   */
  static Credentials fromEnvironment(Map<String, String> environment, Path cleverToolsLoginFile) {
    return EnvironmentCredentials.resolve(environment, cleverToolsLoginFile);
  }
}
