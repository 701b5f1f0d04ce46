package com.clevercloud.client.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * OAuth 1.0a credentials: a consumer (key + secret) and a user's access token (token + secret), plus the signature
 * method used towards the main API host. Made by {@link Credentials#oauth1(String, String, String, String)} or by
 * {@code OAuth1Flow.accessToken(...)}. Immutable; {@code toString()} omits the secrets and the token.
 */
public final class OAuth1Credentials implements Credentials {

  private final String consumerKey;
  private final Secret consumerSecret;
  private final String token;
  private final Secret tokenSecret;
  private final SignatureMethod signatureMethod;
  private final Instant expiration;
  private final BaseUrls baseUrls;

  OAuth1Credentials(String consumerKey, Secret consumerSecret, String token, Secret tokenSecret,
      SignatureMethod signatureMethod, Instant expiration) {
    this(consumerKey, consumerSecret, token, tokenSecret, signatureMethod, expiration, new BaseUrls(null, null));
  }

  private OAuth1Credentials(String consumerKey, Secret consumerSecret, String token, Secret tokenSecret,
      SignatureMethod signatureMethod, Instant expiration, BaseUrls baseUrls) {
    this.baseUrls = baseUrls;
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.token = token;
    this.tokenSecret = tokenSecret;
    this.signatureMethod = signatureMethod;
    this.expiration = expiration;
  }

  /**
   * The consumer's key (public: it identifies the application).
   *
   * @return the key
   */
  public String consumerKey() {
    return consumerKey;
  }

  /**
   * The consumer's secret.
   *
   * @return the secret
   */
  public Secret consumerSecret() {
    return consumerSecret;
  }

  /**
   * The access token.
   *
   * @return the token
   */
  public String token() {
    return token;
  }

  /**
   * The access token's secret.
   *
   * @return the secret
   */
  public Secret tokenSecret() {
    return tokenSecret;
  }

  /**
   * The signature method used towards the main API host.
   *
   * @return the method
   */
  public SignatureMethod signatureMethod() {
    return signatureMethod;
  }

  /**
   * When the access token expires, if known (the OAuth dance and the clever-tools login file tell).
   *
   * @return the expiration, or empty
   */
  public Optional<Instant> expiration() {
    return Optional.ofNullable(expiration);
  }

  /**
   * The same credentials with another signature method.
   *
   * @param method the method
   * @return new credentials
   */
  public OAuth1Credentials withSignatureMethod(SignatureMethod method) {
    Objects.requireNonNull(method, "method == null");
    return new OAuth1Credentials(consumerKey, consumerSecret, token, tokenSecret, method, expiration, baseUrls);
  }

  /**
   * The same credentials with a known expiration.
   *
   * @param expiration when the access token expires, or null if unknown
   * @return new credentials
   */
  public OAuth1Credentials withExpiration(Instant expiration) {
    return new OAuth1Credentials(consumerKey, consumerSecret, token, tokenSecret, signatureMethod, expiration,
        baseUrls);
  }

  /** Read by {@link Credentials#apiBaseUrl()} and {@link Credentials#bridgeBaseUrl()}. */
  BaseUrls baseUrls() {
    return baseUrls;
  }

  /** The same credentials with the hosts the environment named ({@code API_HOST}, {@code AUTH_BRIDGE_HOST}), or null. */
  OAuth1Credentials withBaseUrls(String api, String bridge) {
    return new OAuth1Credentials(consumerKey, consumerSecret, token, tokenSecret, signatureMethod, expiration,
        new BaseUrls(api, bridge));
  }

  @Override
  public String toString() {
    return "OAuth1Credentials[consumerKey=" + consumerKey + ", consumerSecret=***, token=***, tokenSecret=***"
        + ", signatureMethod=" + signatureMethod + (expiration == null ? "" : ", expiration=" + expiration)
        + baseUrls.describe() + "]";
  }
}
