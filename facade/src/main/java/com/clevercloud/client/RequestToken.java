package com.clevercloud.client;

import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.internal.check.Checks;

/**
 * A temporary OAuth request token (step 1 of {@link OAuth1Flow}): the user authorizes it in a browser, then it is
 * exchanged for an access token. Keep it (with its secret) between the two steps; {@code toString()} omits both.
 */
public final class RequestToken {

  private final String token;
  private final Secret secret;
  private final boolean callbackConfirmed;

  /**
   * Makes a request token, for instance one restored from a session between the flow's steps.
   *
   * @param token the token
   * @param secret its secret
   * @param callbackConfirmed whether the server confirmed the callback URL
   */
  public RequestToken(String token, Secret secret, boolean callbackConfirmed) {
    this.token = Checks.pathSegment(token, "token");
    this.secret = java.util.Objects.requireNonNull(secret, "secret == null");
    this.callbackConfirmed = callbackConfirmed;
  }

  /**
   * The token ({@code oauth_token}).
   *
   * @return the token
   */
  public String token() {
    return token;
  }

  /**
   * The token's secret ({@code oauth_token_secret}), needed to sign the exchange.
   *
   * @return the secret
   */
  public Secret secret() {
    return secret;
  }

  /**
   * Whether the server confirmed the callback URL ({@code oauth_callback_confirmed=true}).
   *
   * @return true if confirmed
   */
  public boolean callbackConfirmed() {
    return callbackConfirmed;
  }

  @Override
  public String toString() {
    return "RequestToken[token=***, secret=***, callbackConfirmed=" + callbackConfirmed + "]";
  }
}
