package com.clevercloud.client.testkit;

import com.clevercloud.client.auth.Credentials;

/**
 * The credential kinds an injected client can use. Prism checks that a request carries the credential its operation
 * asks for, not its value: these are fixed, fake values. The facade sends an API token as {@code Bearer} to the Bridge
 * and signs OAuth 1.0a requests for the main host, exactly as against Clever Cloud.
 */
public enum MockCredentials {

  /** An API token ({@link #API_TOKEN_VALUE}): requests go to the Bridge's stand-in. */
  API_TOKEN {
    @Override
    public Credentials credentials() {
      return Credentials.apiToken(API_TOKEN_VALUE);
    }
  },

  /** OAuth 1.0a tokens: requests go to the main API host's stand-in, signed. */
  OAUTH1 {
    @Override
    public Credentials credentials() {
      return Credentials.oauth1("testkit-consumer-key", "testkit-consumer-secret", "testkit-oauth-token",
          "testkit-oauth-token-secret");
    }
  };

  /** The API token {@link #API_TOKEN} sends. */
  public static final String API_TOKEN_VALUE = "testkit-api-token";

  /**
   * New credentials of this kind.
   *
   * @return the credentials to give to {@link com.clevercloud.client.CleverCloudClient.Builder#credentials}
   */
  public abstract Credentials credentials();
}
