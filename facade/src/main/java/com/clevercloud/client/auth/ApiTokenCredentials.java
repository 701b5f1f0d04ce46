package com.clevercloud.client.auth;

/**
 * An API token, sent as {@code Authorization: Bearer <token>}; the client sends every call to the Bridge with it.
 * Made by {@link Credentials#apiToken(String)}. {@code toString()} omits the token.
 */
public final class ApiTokenCredentials implements Credentials {

  private final Secret token;

  ApiTokenCredentials(Secret token) {
    this.token = token;
  }

  /**
   * The token.
   *
   * @return the token as a secret
   */
  public Secret token() {
    return token;
  }

  @Override
  public String toString() {
    return "ApiTokenCredentials[token=***]";
  }
}
