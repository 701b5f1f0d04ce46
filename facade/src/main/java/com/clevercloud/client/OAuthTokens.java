package com.clevercloud.client;

import java.util.concurrent.CompletableFuture;
import com.clevercloud.api.v2.api.OAuthTokensApi;
import com.clevercloud.api.v2.model.OAuthTokenView;
import com.clevercloud.client.internal.Checks;
import com.clevercloud.client.internal.Sensitive;
import java.util.List;

/**
 * The user's OAuth access tokens ({@code /v2/self/tokens}): one per signed-in OAuth application (Console,
 * clever-tools, …). Get it with {@link CleverCloudClient#oauthTokens()}.
 */
public final class OAuthTokens {

  private final CleverCloudClient client;

  OAuthTokens(CleverCloudClient client) {
    this.client = client;
  }

  /**
   * Lists the user's OAuth tokens (without their secrets).
   *
   * @return the tokens
   */
  public List<OAuthTokenView> list() {
    return client.call(client.api(OAuthTokensApi.class).listSelfOAuthTokens());
  }

  /**
   * Revokes one OAuth token: the application using it is signed out.
   *
   * @param token the token, as listed
   */
  public void revoke(String token) {
    // The token is a credential's key (x-sensitive in the spec): masked if an error answer echoes it.
    client.callDiscardingBody(client.api(OAuthTokensApi.class)
        .revokeSelfOAuthToken(Checks.pathSegment(token, "token")), Sensitive.of(token));
  }

  /**
   * As {@link #list()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future tokens
   */
  public CompletableFuture<List<OAuthTokenView>> listAsync() {
    return client.callAsync(client.api(OAuthTokensApi.class).listSelfOAuthTokens());
  }

  /**
   * As {@link #revoke(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param token the token, as listed
   * @return a future completed with null once revoked
   */
  public CompletableFuture<Void> revokeAsync(String token) {
    return client.callDiscardingBodyAsync(client.api(OAuthTokensApi.class)
        .revokeSelfOAuthToken(Checks.pathSegment(token, "token")), Sensitive.of(token));
  }
}
