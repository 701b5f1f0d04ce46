package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.internal.Routing.Auth;
import com.clevercloud.client.internal.Routing.Host;
import com.clevercloud.client.internal.Routing.Route;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import retrofit2.Invocation;

/**
 * The routing table: for raw requests by method and path, for generated operations by their row of the operations
 * table (checked for every operation, both its methods and every kind of credentials, and against the path rules),
 * and the base-URL arithmetic that moves a request to its host.
 */
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

  // Generated operations: routed by their row of the operations table (Routing.route(Request)).

  /** A request as Retrofit builds it for a generated method: on the main host, tagged with its invocation. */
  private static Request generated(OperationTable.Op op, Method method) {
    String path = op.path().replaceAll("\\{[^}/]+}", "x_1");
    RequestBody body = op.httpMethod().equals("POST") || op.httpMethod().equals("PUT")
        ? RequestBody.create(new byte[0]) : null;
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < method.getParameterCount(); i++) {
      args.add(null);
    }
    return new Request.Builder().url(MAIN.resolve(path.substring(1))).method(op.httpMethod(), body)
        .tag(Invocation.class, Invocation.of(method, args)).build();
  }

  private static List<Method> methods(OperationTable.Op op) throws ClassNotFoundException {
    List<Method> both = new ArrayList<>();
    for (Method m : Class.forName(op.api()).getMethods()) {
      if (m.getName().equals(op.id()) || m.getName().equals(op.id() + "Async")) {
        both.add(m);
      }
    }
    assertThat(both).as(op.id()).hasSize(2);
    return both;
  }

  /**
   * The rule, stated apart from the implementation: the OAuth dance goes to the main host signed by its caller;
   * operations that take no credentials carry none, on their family's host; with an API token everything goes to the
   * Bridge with Bearer; with OAuth 1.0a v2 and v4 go to the main host signed with the configured method and the
   * Bridge's own operations to the Bridge in PLAINTEXT; without credentials the call is refused.
   */
  private static Route expected(OperationTable.Op op, String kind) {
    Host own = op.family().equals("bridge") ? Host.BRIDGE : Host.MAIN;
    if (op.presigned()) {
      return new Route(Host.MAIN, Auth.PRESIGNED);
    }
    if (op.security().isEmpty()) {
      return new Route(own, Auth.NONE);
    }
    return switch (kind) {
      case "apiToken" -> new Route(Host.BRIDGE, Auth.BEARER);
      case "oauth1" -> own == Host.BRIDGE ? new Route(Host.BRIDGE, Auth.OAUTH1_PLAINTEXT) : new Route(Host.MAIN,
          Auth.OAUTH1);
      default -> new Route(own, Auth.MISSING);
    };
  }

  @Test
  void everyGeneratedOperationIsRoutedByItsTableRow() throws Exception {
    Map<String, Routing> clients = Map.of("apiToken", apiToken(), "oauth1", oauth1(), "none", none());
    Set<Route> met = new HashSet<>();
    for (OperationTable.Op op : OperationTable.INSTANCE.all()) {
      for (Method method : methods(op)) {
        for (Map.Entry<String, Routing> client : clients.entrySet()) {
          Route route = client.getValue().route(generated(op, method));
          assertThat(route).as("%s with %s", method.getName(), client.getKey())
              .isEqualTo(expected(op, client.getKey()));
          met.add(route);
        }
      }
    }
    // The table holds every kind of route.
    assertThat(met).contains(new Route(Host.BRIDGE, Auth.BEARER), new Route(Host.MAIN, Auth.OAUTH1),
        new Route(Host.BRIDGE, Auth.OAUTH1_PLAINTEXT), new Route(Host.MAIN, Auth.PRESIGNED),
        new Route(Host.MAIN, Auth.NONE), new Route(Host.BRIDGE, Auth.NONE), new Route(Host.MAIN, Auth.MISSING),
        new Route(Host.BRIDGE, Auth.MISSING));
  }

  /** The table's routes and the path rules for raw requests are the same rule: they agree on every operation. */
  @Test
  void tableRoutesAgreeWithThePathRulesOfRawRequests() throws Exception {
    for (Routing routing : List.of(apiToken(), oauth1(), none())) {
      for (OperationTable.Op op : OperationTable.INSTANCE.all()) {
        Request request = generated(op, methods(op).get(0));
        assertThat(routing.route(request)).as(op.id())
            .isEqualTo(routing.route(op.httpMethod(), routing.relativePath(request.url())));
      }
    }
  }

  @Test
  void specificOperationsTakeTheirSpecialRoutes() throws Exception {
    OperationTable table = OperationTable.INSTANCE;
    Route bridgeNone = new Route(Host.BRIDGE, Auth.NONE);
    for (Routing routing : List.of(apiToken(), oauth1(), none())) {
      assertThat(routing.route(generated(table.byId("createApiToken"), methods(table.byId("createApiToken")).get(0))))
          .isEqualTo(bridgeNone);
      for (String dance : List.of("requestToken", "requestTokenQuery", "accessToken", "accessTokenQuery")) {
        assertThat(routing.route(generated(table.byId(dance), methods(table.byId(dance)).get(0)))).as(dance)
            .isEqualTo(new Route(Host.MAIN, Auth.PRESIGNED));
      }
      assertThat(routing.route(generated(table.byId("authorize"), methods(table.byId("authorize")).get(0))))
          .isEqualTo(new Route(Host.MAIN, Auth.NONE));
    }
    assertThat(oauth1().route(generated(table.byId("listOAuthRights"), methods(table.byId("listOAuthRights")).get(0))))
        .isEqualTo(new Route(Host.MAIN, Auth.OAUTH1));
  }

  @Test
  void requestsOfNoGeneratedOperationAreRoutedByTheirPath() throws Exception {
    Request raw = new Request.Builder().url(MAIN.resolve("v2/self")).build();
    assertThat(apiToken().route(raw)).isEqualTo(new Route(Host.BRIDGE, Auth.BEARER));
    assertThat(oauth1().route(raw)).isEqualTo(new Route(Host.MAIN, Auth.OAUTH1));
    // An invocation of a method that is not an operation counts as none.
    Request tagged = raw.newBuilder()
        .tag(Invocation.class, Invocation.of(Object.class.getMethod("toString"), List.of())).build();
    assertThat(oauth1().route(tagged)).isEqualTo(new Route(Host.MAIN, Auth.OAUTH1));
    assertThat(apiToken().route(new Request.Builder().url("https://elsewhere.example.com/v2/self").build())).isNull();
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
