package com.clevercloud.client.auth;


/**
 * An API token, sent as {@code Authorization: Bearer <token>}; the client sends every call to the Bridge with it.
 * Made by {@link Credentials#apiToken(String)}. {@code toString()} omits the token.
 */
public final class ApiTokenCredentials implements Credentials {

  private final Secret token;
  private final BaseUrls baseUrls;

  ApiTokenCredentials(Secret token) {
    this(token, new BaseUrls(null, null));
  }

  private ApiTokenCredentials(Secret token, BaseUrls baseUrls) {
    this.token = token;
    this.baseUrls = baseUrls;
  }

  /**
   * The token.
   *
   * @return the token as a secret
   */
  public Secret token() {
    return token;
  }

  /** Read by {@link Credentials#apiBaseUrl()} and {@link Credentials#bridgeBaseUrl()}. */
  BaseUrls baseUrls() {
    return baseUrls;
  }

  /** The same token with the hosts the environment named ({@code API_HOST}, {@code AUTH_BRIDGE_HOST}), or null. */
  ApiTokenCredentials withBaseUrls(String api, String bridge) {
    return new ApiTokenCredentials(token, new BaseUrls(api, bridge));
  }

  @Override
  public String toString() {
    return "ApiTokenCredentials[token=***" + baseUrls.describe() + "]";
  }
}
