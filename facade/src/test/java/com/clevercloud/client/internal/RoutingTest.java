package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.internal.Routing.Auth;
import com.clevercloud.client.internal.Routing.Host;
import com.clevercloud.client.internal.Routing.Route;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RoutingTest {

  private static final HttpUrl MAIN = HttpUrl.get("https://api.clever-cloud.com/");
  private static final HttpUrl BRIDGE = HttpUrl.get("https://api-bridge.clever-cloud.com/");

  private static Routing apiToken() {
    return new Routing(MAIN, BRIDGE, Credentials.apiToken("t"));
  }

  private static Routing oauth1() {
    return new Routing(MAIN, BRIDGE, Credentials.oauth1("k", "s", "t", "ts"));
  }

  private static Routing none() {
    return new Routing(MAIN, BRIDGE, null);
  }

  @Test
  void apiTokenSendsEveryFamilyToTheBridgeWithBearer() {
    Route bridgeBearer = new Route(Host.BRIDGE, Auth.BEARER);
    assertThat(apiToken().route("GET", "/v2/self")).isEqualTo(bridgeBearer);
    assertThat(apiToken().route("GET", "/v4/products/zones")).isEqualTo(bridgeBearer);
    assertThat(apiToken().route("GET", "/api-tokens")).isEqualTo(bridgeBearer);
    assertThat(apiToken().route("DELETE", "/api-tokens/api_tokens_1")).isEqualTo(bridgeBearer);
  }

  @Test
  void oauth1SendsV2AndV4ToMainHostAndApiTokensToBridgeInPlaintext() {
    assertThat(oauth1().route("GET", "/v2/self")).isEqualTo(new Route(Host.MAIN, Auth.OAUTH1));
    assertThat(oauth1().route("PUT", "/v4/billing/x")).isEqualTo(new Route(Host.MAIN, Auth.OAUTH1));
    assertThat(oauth1().route("GET", "/api-tokens")).isEqualTo(new Route(Host.BRIDGE, Auth.OAUTH1_PLAINTEXT));
    assertThat(oauth1().route("PUT", "/api-tokens/x")).isEqualTo(new Route(Host.BRIDGE, Auth.OAUTH1_PLAINTEXT));
  }

  @Test
  void tokenCreationCarriesNoCredentialWhateverTheClientHolds() {
    Route expected = new Route(Host.BRIDGE, Auth.NONE);
    assertThat(apiToken().route("POST", "/api-tokens")).isEqualTo(expected);
    assertThat(oauth1().route("POST", "/api-tokens")).isEqualTo(expected);
    assertThat(none().route("POST", "/api-tokens")).isEqualTo(expected);
  }

  @Test
  void oauthDanceGoesToMainHostSignedByTheFlowItself() {
    assertThat(apiToken().route("POST", "/v2/oauth/request_token")).isEqualTo(new Route(Host.MAIN, Auth.PRESIGNED));
    assertThat(oauth1().route("POST", "/v2/oauth/access_token")).isEqualTo(new Route(Host.MAIN, Auth.PRESIGNED));
    assertThat(none().route("POST", "/v2/oauth/access_token_query")).isEqualTo(new Route(Host.MAIN, Auth.PRESIGNED));
    assertThat(oauth1().route("GET", "/v2/oauth/authorize")).isEqualTo(new Route(Host.MAIN, Auth.NONE));
    // but the rights list is an ordinary authenticated call
    assertThat(oauth1().route("GET", "/v2/oauth/rights")).isEqualTo(new Route(Host.MAIN, Auth.OAUTH1));
  }

  @Test
  void withoutCredentialsAuthenticatedCallsAreMarkedMissing() {
    assertThat(none().route("GET", "/v2/self").auth()).isEqualTo(Auth.MISSING);
    assertThat(none().route("GET", "/api-tokens").auth()).isEqualTo(Auth.MISSING);
  }

  @Test
  void unknownPathsAndLookalikePrefixesAreNotRouted() {
    assertThat(apiToken().route("GET", "/v3/self")).isNull();
    assertThat(apiToken().route("GET", "/v2x/self")).isNull();
    assertThat(apiToken().route("GET", "/api-tokensx")).isNull();
  }

  @Test
  void generatedPackagesMapToTheHostOfTheirFamily() {
    assertThat(apiToken().hostForPackage("com.clevercloud.api.v2.api.")).isEqualTo(Host.BRIDGE);
    assertThat(oauth1().hostForPackage("com.clevercloud.api.v4.api.")).isEqualTo(Host.MAIN);
    assertThat(oauth1().hostForPackage("com.clevercloud.api.bridge.api.")).isEqualTo(Host.BRIDGE);
    assertThat(oauth1().hostForPackage("org.example.")).isNull();
  }

  @Test
  void relativePathAndRebaseHonourBasePathPrefixes() {
    Routing r = new Routing(HttpUrl.get("https://proxy.example.com/clever/"), BRIDGE, null);
    HttpUrl onProxy = HttpUrl.get("https://proxy.example.com/clever/v2/self?x=1");
    assertThat(r.relativePath(onProxy)).isEqualTo("/v2/self");
    assertThat(r.rebase(onProxy, Host.BRIDGE).toString()).isEqualTo("https://api-bridge.clever-cloud.com/v2/self?x=1");
    assertThat(r.relativePath(HttpUrl.get("https://elsewhere.example.com/v2/self"))).isNull();
  }
}
