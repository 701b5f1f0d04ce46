package com.clevercloud.client;

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
}
