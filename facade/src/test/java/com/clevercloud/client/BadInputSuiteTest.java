package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.CleverCloudException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is refused with a JDK exception (NullPointerException, IllegalArgumentException, IllegalStateException)
 * before any request leaves: both mock servers must have seen nothing. Ids that are odd but legal travel as one
 * percent-encoded path segment and never change the route.
 */
class BadInputSuiteTest extends TestServers {

  private static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /** Part of every bad credential: no message may repeat it. */
  private static final String SECRET = "CANARY-bad-input";

  @TempDir
  static Path dir;

  @BeforeEach
  void answerEverything() {
    Dispatcher ok = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json("{}");
      }
    };
    main.setDispatcher(ok);
    bridge.setDispatcher(ok);
  }

  private CleverCloudClient client() {
    return builder().credentials(Credentials.apiToken("t")).clock(CLOCK).build();
  }

  private static Arguments refused(String name, Class<? extends Throwable> type,
      ThrowingConsumer<CleverCloudClient> a) {
    return Arguments.of(Named.of(name, a), type);
  }

  private static CreateApiTokenRequest.Builder request() {
    return CreateApiTokenRequest.builder().name("CI").expiration("30d").password("p").email("jane.doe@example.com");
  }

  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
  private static final Class<NullPointerException> NPE = NullPointerException.class;
  private static final Class<IllegalStateException> ISE = IllegalStateException.class;

  static Stream<Arguments> refusedBeforeSending() throws IOException {
    String crlf = SECRET + "\r\nX-Injected: 1";
    Path brokenLogin = Files.writeString(dir.resolve("broken.json"), "{\"token\":\"" + SECRET + "\",");
    Path oauthLogin = Files.writeString(dir.resolve("login.json"),
        "{\"token\":\"" + SECRET + "\",\"secret\":\"" + SECRET + "\"}");
    return Stream.of(
        // Token names: null, blank, overlong (limit CreateApiTokenRequest.MAX_NAME_LENGTH = 256), control characters
        refused("name null", NPE, c -> request().name(null)),
        refused("name empty", IAE, c -> request().name("")),
        refused("name blank", IAE, c -> request().name("   ")),
        refused("name tab only", IAE, c -> request().name("\t")),
        refused("name 257 characters", IAE, c -> request().name("n".repeat(257))),
        refused("name 10000 characters", IAE, c -> request().name("n".repeat(10_000))),
        refused("name with LF", IAE, c -> request().name("CI\nprod")),
        refused("name with NUL", IAE, c -> request().name("CI\u0000")),
        refused("description 1025 characters", IAE, c -> request().description("d".repeat(1025))),
        refused("update name blank", IAE, c -> c.apiTokens().update("api_tokens_1", " ", null)),
        refused("update name null", NPE, c -> c.apiTokens().update("api_tokens_1", null, null)),
        refused("update name overlong", IAE, c -> c.apiTokens().update("api_tokens_1", "n".repeat(257), null)),
        refused("update name with CR", IAE, c -> c.apiTokens().update("api_tokens_1", "a\rb", null)),
        refused("create without name", ISE,
            c -> CreateApiTokenRequest.builder().expiration("1d").password("p").build()),
        refused("create without password", ISE,
            c -> CreateApiTokenRequest.builder().name("CI").expiration("1d").build()),
        refused("password empty", IAE, c -> request().password("")),
        refused("password null", NPE, c -> request().password((String) null)),
        refused("email malformed", IAE, c -> request().email("jane.doe")),
        refused("email with CRLF", IAE, c -> request().email("jane@example.com\r\nBcc: x@example.com")),
        refused("mfaCode blank", IAE, c -> request().mfaCode(" ")),
        refused("mfaCode with CRLF", IAE, c -> request().mfaCode("123\r\n456")),

        // Expiration: in the past, beyond one year, unparseable
        refused("expiration in the past", IAE, c -> c.apiTokens().create(request().expiration(NOW.minusSeconds(1))
            .build())),
        refused("expiration now", IAE, c -> c.apiTokens().create(request().expiration(NOW).build())),
        refused("expiration a past date", IAE, c -> c.apiTokens().create(request().expiration("2020-01-01").build())),
        refused("expiration one year and a second", IAE, c -> c.apiTokens().create(request()
            .expiration(NOW.plus(Duration.ofDays(365)).plusSeconds(1)).build())),
        refused("expiration 13M", IAE, c -> c.apiTokens().create(request().expiration("13M").build())),
        refused("expiration 2y", IAE, c -> c.apiTokens().create(request().expiration("2y").build())),
        refused("expiration 400d", IAE, c -> c.apiTokens().create(request().expiration("400d").build())),
        refused("expiration 999999999y (calendar overflow)", IAE,
            c -> c.apiTokens().create(request().expiration("999999999y").build())),
        refused("expiration 'soon'", IAE, c -> request().expiration("soon")),
        refused("expiration '10x'", IAE, c -> request().expiration("10x")),
        refused("expiration empty", IAE, c -> request().expiration("")),
        refused("expiration 'P'", IAE, c -> request().expiration("P")),
        refused("expiration '2026-13-45'", IAE, c -> request().expiration("2026-13-45")),
        refused("expiration '-1d'", IAE, c -> request().expiration("-1d")),
        refused("expiration '0d'", IAE, c -> request().expiration("0d")),
        refused("expiration zero Duration", IAE, c -> request().expiration(Duration.ZERO)),
        refused("expiration negative Duration", IAE, c -> request().expiration(Duration.ofHours(-1))),
        refused("expiration null", NPE, c -> request().expiration((String) null)),

        // Anything that reaches a header
        refused("applicationId with CRLF", IAE, c -> CleverCloudClient.builder().applicationId("app\r\nX: 1")),
        refused("applicationId with a space", IAE, c -> CleverCloudClient.builder().applicationId("my app")),
        refused("applicationId non-ASCII", IAE, c -> CleverCloudClient.builder().applicationId("appé")),
        refused("applicationId empty", IAE, c -> CleverCloudClient.builder().applicationId("")),
        refused("applicationId null", NPE, c -> CleverCloudClient.builder().applicationId(null)),
        refused("API token with CRLF", IAE, c -> Credentials.apiToken(crlf)),
        refused("API token with NUL", IAE, c -> Credentials.apiToken(SECRET + "\u0000")),
        refused("API token with 'Bearer ' prefix", IAE, c -> Credentials.apiToken("Bearer " + SECRET)),
        refused("API token non-ASCII", IAE, c -> Credentials.apiToken(SECRET + "é")),
        refused("API token blank", IAE, c -> Credentials.apiToken("  ")),
        refused("API token null", NPE, c -> Credentials.apiToken((String) null)),
        refused("API token wiped Secret", ISE, c -> {
          Secret s = Secret.of(SECRET);
          s.wipe();
          Credentials.apiToken(s);
        }),
        refused("OAuth consumerKey with CRLF", IAE, c -> Credentials.oauth1(crlf, SECRET, SECRET, SECRET)),
        refused("OAuth consumerSecret with CRLF", IAE, c -> Credentials.oauth1("ck", crlf, SECRET, SECRET)),
        refused("OAuth token with CRLF", IAE, c -> Credentials.oauth1("ck", SECRET, crlf, SECRET)),
        refused("OAuth tokenSecret with CRLF", IAE, c -> Credentials.oauth1("ck", SECRET, SECRET, crlf)),
        refused("OAuth consumerKey blank", IAE, c -> Credentials.oauth1(" ", SECRET, SECRET, SECRET)),
        refused("OAuth tokenSecret null", NPE, c -> Credentials.oauth1("ck", SECRET, SECRET, null)),
        refused("OAuth signature method null", NPE, c -> Credentials.oauth1("ck", SECRET, SECRET, SECRET, null)),
        refused("OAuth flow consumerSecret with LF", IAE, c -> c.oauth1Flow("ck", SECRET + "\n")),
        refused("OAuth flow callback with CRLF", IAE,
            c -> c.oauth1Flow("ck", SECRET).requestToken("https://app.example.com/cb\r\nX: 1")),
        refused("OAuth flow callback not a URL", IAE, c -> c.oauth1Flow("ck", SECRET).requestToken("not a url")),
        refused("OAuth flow verifier with CRLF", IAE, c -> c.oauth1Flow("ck", SECRET)
            .accessToken(new RequestToken("rt", Secret.of(SECRET), true), "v\r\n1")),
        refused("OAuth request token with LF", IAE, c -> new RequestToken("rt\n", Secret.of(SECRET), true)),

        // Malformed credentials from the environment
        refused("env CLEVER_TOKEN without CLEVER_SECRET", ISE,
            c -> Credentials.fromEnvironment(Map.of("CLEVER_TOKEN", SECRET), dir.resolve("absent.json"))),
        refused("env OAuth tokens without consumer", ISE, c -> Credentials.fromEnvironment(
            Map.of("CC_OAUTH_TOKEN", SECRET, "CC_OAUTH_SECRET", SECRET), dir.resolve("absent.json"))),
        refused("env CLEVER_API_TOKEN with CRLF inside", IAE,
            c -> Credentials.fromEnvironment(Map.of("CLEVER_API_TOKEN", crlf), dir.resolve("absent.json"))),
        refused("login file not JSON", ISE, c -> Credentials.fromEnvironment(Map.of(), brokenLogin)),
        refused("login file without consumer", ISE, c -> Credentials.fromEnvironment(Map.of(), oauthLogin)),
        refused("no credentials at all", ISE, c -> Credentials.fromEnvironment(Map.of(), dir.resolve("absent.json"))),

        // Base URLs
        refused("apiBaseUrl plain http to a public host", IAE,
            c -> CleverCloudClient.builder().apiBaseUrl("http://api.clever-cloud.com/")),
        refused("bridgeBaseUrl plain http to a private address", IAE,
            c -> CleverCloudClient.builder().bridgeBaseUrl("http://10.0.0.1:8080/")),
        refused("apiBaseUrl plain http to a name that looks local", IAE,
            c -> CleverCloudClient.builder().apiBaseUrl("http://localhost.example.com/")),
        refused("apiBaseUrl plain http to 127.0.0.1.nip.io", IAE,
            c -> CleverCloudClient.builder().apiBaseUrl("http://127.0.0.1.nip.io/")),
        refused("apiBaseUrl ftp", IAE, c -> CleverCloudClient.builder().apiBaseUrl("ftp://api.example.com/")),
        refused("apiBaseUrl not a URL", IAE, c -> CleverCloudClient.builder().apiBaseUrl("api.clever-cloud.com")),
        refused("apiBaseUrl with user info", IAE,
            c -> CleverCloudClient.builder().apiBaseUrl("https://user:" + SECRET + "@api.example.com/")),
        refused("apiBaseUrl with a query", IAE,
            c -> CleverCloudClient.builder().apiBaseUrl("https://a.example.com/?x=1")),
        refused("bridgeBaseUrl null", NPE, c -> CleverCloudClient.builder().bridgeBaseUrl(null)),

        // Raw paths that could leave the API or its routes
        refused("raw absolute URL", IAE, c -> c.http().get("https://evil.example.com/v2/self")),
        refused("raw scheme-relative URL", IAE, c -> c.http().get("//evil.example.com/v2/self")),
        refused("raw dot-dot segment", IAE, c -> c.http().get("/v2/../api-tokens")),
        refused("raw encoded dot-dot segment", IAE, c -> c.http().get("/v2/%2e%2E/api-tokens")),
        refused("raw path outside the API", IAE, c -> c.http().get("/admin")),
        refused("raw relative path", IAE, c -> c.http().get("v2/self")),
        refused("raw fragment", IAE, c -> c.http().get("/v2/self#x")),
        refused("raw CRLF", IAE, c -> c.http().get("/v2/self\r\nX: 1")),
        refused("raw space", IAE, c -> c.http().get("/v2/a b")),
        refused("raw backslash", IAE, c -> c.http().get("/v2/a\\b")),
        refused("raw PATCH", IAE, c -> c.http().send("PATCH", "/v2/self", "{}")),
        refused("raw GET with a body", IAE, c -> c.http().send("GET", "/v2/self", "{}")),

        // Other arguments
        refused("invoices since after until", IAE, c -> c.invoices("orga_1").list(NOW, NOW.minusSeconds(1), null)),
        refused("invoices limit 0", IAE, c -> c.invoices("orga_1").list(null, null, 0)),
        refused("deployments limit 0", IAE, c -> c.applications("orga_1").deployments("app_1", 0, null)),
        refused("deployments negative offset", IAE, c -> c.applications("orga_1").deployments("app_1", 5, -1)),
        refused("env value null", NPE, c -> c.applications("orga_1").setEnv("app_1", "K", null)),
        refused("consumer null", NPE, c -> c.oauthConsumers("orga_1").create(null)),
        refused("generated interface not ours", IAE, c -> c.api(Runnable.class)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void refusedBeforeSending(ThrowingConsumer<CleverCloudClient> action, Class<? extends Throwable> type) {
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> action.accept(client)).isInstanceOf(type)
          .isNotInstanceOf(CleverCloudException.class)
          .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(SECRET));
    }
    assertThat(main.getRequestCount() + bridge.getRequestCount()).as("requests that left").isZero();
  }

  /** Every method that puts a caller's id in a path, with a function that calls it. */
  static List<Named<BiConsumer<CleverCloudClient, String>>> idMethods() {
    List<Named<BiConsumer<CleverCloudClient, String>>> m = new ArrayList<>();
    m.add(Named.of("apiTokens().get", (c, id) -> c.apiTokens().get(id)));
    m.add(Named.of("apiTokens().update", (c, id) -> c.apiTokens().update(id, "CI", null)));
    m.add(Named.of("apiTokens().delete", (c, id) -> c.apiTokens().delete(id)));
    m.add(Named.of("organisations().get", (c, id) -> c.organisations().get(id)));
    m.add(Named.of("applications(owner).list", (c, id) -> c.applications(id).list()));
    m.add(Named.of("applications().get", (c, id) -> c.applications("orga_1").get(id)));
    m.add(Named.of("applications().env", (c, id) -> c.applications("orga_1").env(id)));
    m.add(Named.of("applications().setEnv app", (c, id) -> c.applications("orga_1").setEnv(id, "K", "v")));
    m.add(Named.of("applications().setEnv name", (c, id) -> c.applications("orga_1").setEnv("app_1", id, "v")));
    m.add(Named.of("applications().removeEnv app", (c, id) -> c.applications("orga_1").removeEnv(id, "K")));
    m.add(Named.of("applications().removeEnv name", (c, id) -> c.applications("orga_1").removeEnv("app_1", id)));
    m.add(Named.of("applications().instances", (c, id) -> c.applications("orga_1").instances(id)));
    m.add(Named.of("applications().restart", (c, id) -> c.applications("orga_1").restart(id)));
    m.add(Named.of("applications().redeploy", (c, id) -> c.applications("orga_1").redeploy(id, "abc", false)));
    m.add(Named.of("applications().stop", (c, id) -> c.applications("orga_1").stop(id)));
    m.add(Named.of("applications().deployments", (c, id) -> c.applications("orga_1").deployments(id, null, null)));
    m.add(Named.of("addons(owner).list", (c, id) -> c.addons(id).list()));
    m.add(Named.of("self().application", (c, id) -> c.self().application(id)));
    m.add(Named.of("zones().get", (c, id) -> c.zones().get(id)));
    m.add(Named.of("invoices(owner).unpaid", (c, id) -> c.invoices(id).unpaid()));
    m.add(Named.of("invoices().get", (c, id) -> c.invoices("orga_1").get(id)));
    m.add(Named.of("invoices().html", (c, id) -> c.invoices("orga_1").html(id)));
    m.add(Named.of("invoices().pdf", (c, id) -> c.invoices("orga_1").pdf(id, new ByteArrayOutputStream())));
    m.add(Named.of("oauthTokens().revoke", (c, id) -> c.oauthTokens().revoke(id)));
    m.add(Named.of("oauthConsumers(owner).list", (c, id) -> c.oauthConsumers(id).list()));
    m.add(Named.of("oauthConsumers().get", (c, id) -> c.oauthConsumers("orga_1").get(id)));
    m.add(Named.of("oauthConsumers().update", (c, id) -> c.oauthConsumers("orga_1").update(id,
        new WannabeOAuth1Consumer())));
    m.add(Named.of("oauthConsumers().delete", (c, id) -> c.oauthConsumers("orga_1").delete(id)));
    m.add(Named.of("oauthConsumers().secret", (c, id) -> c.oauthConsumers("orga_1").secret(id)));
    return m;
  }

  /** Ids that would change the route, or are slips, refused everywhere. */
  static final List<String> REFUSED_IDS = List.of(".", "..", "", "  ", "\t", " app_1", "app_1 ", "app\n1",
      "app\r\n1", "app\u0000");

  /** Odd but legal ids: each must arrive as exactly one segment, in the place of a plain id. */
  static final List<String> ENCODED_IDS = List.of("a/b", "a/../b", "../x", "x/..", "...", "?x=1", "#frag", "100%",
      "%2e%2e", "%2F", "two words", "é€", "日本語", "a;b=c", "+plus+", "~tilde", "a\\b", "a\"b<c>");

  static Stream<Arguments> refusedIds() {
    List<Arguments> args = new ArrayList<>();
    for (var method : idMethods()) {
      for (String id : REFUSED_IDS) {
        args.add(Arguments.of(method, Named.of("\"" + id.replace("\n", "\\n").replace("\r", "\\r")
            .replace("\t", "\\t").replace("\u0000", "\\0") + "\"", id)));
      }
      args.add(Arguments.of(method, Named.of("null", null)));
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} refuses [{1}]")
  @MethodSource
  void refusedIds(BiConsumer<CleverCloudClient, String> method, String id) {
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> method.accept(client, id))
          .isInstanceOf(id == null ? NullPointerException.class : IllegalArgumentException.class);
    }
    assertThat(main.getRequestCount() + bridge.getRequestCount()).as("requests that left").isZero();
  }

  static Stream<Arguments> encodedIds() {
    List<Arguments> args = new ArrayList<>();
    for (var method : idMethods()) {
      for (String id : ENCODED_IDS) {
        args.add(Arguments.of(method, id));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} sends [{1}] as one segment")
  @MethodSource
  void encodedIds(BiConsumer<CleverCloudClient, String> method, String id) throws Exception {
    String plain = "PLAIN_ID";
    RecordedRequest reference;
    RecordedRequest odd;
    try (CleverCloudClient client = builder().credentials(Credentials.oauth1("ck", "cs", "tok", "ts",
        SignatureMethod.HMAC_SHA512)).build()) {
      reference = send(client, method, plain);
      odd = send(client, method, id);
    }
    List<String> expected = new ArrayList<>();
    for (String segment : reference.getUrl().pathSegments()) {
      expected.add(segment.replace(plain, id));
    }
    assertThat(odd.getMethod()).isEqualTo(reference.getMethod());
    assertThat(odd.getUrl().pathSegments()).isEqualTo(expected);
    assertThat(odd.getUrl().encodedPath()).doesNotContain("/../").doesNotContain("/./");
    assertThat(odd.getUrl().query()).isEqualTo(reference.getUrl().query());
  }

  /**
   * What Retrofit's {@code @Path} itself does, for users of {@code client.api(...)}, which bypasses the facade's
   * checks: {@code .} and {@code ..} are refused before sending, {@code /} travels encoded as {@code %2F}.
   */
  @Test
  void generatedInterfacesRefuseDotSegmentsAndEncodeSlashes() throws Exception {
    try (CleverCloudClient client = client()) {
      ApiTokensApi api = client.api(ApiTokensApi.class);
      assertThatThrownBy(() -> client.execute(api.getApiToken(".."))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("path traversal");
      assertThatThrownBy(() -> client.execute(api.getApiToken("."))).isInstanceOf(IllegalArgumentException.class);
      assertThat(bridge.getRequestCount()).isZero();
      client.execute(api.getApiToken("a/../b"));
    }
    RecordedRequest r = take(bridge);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api-tokens/a%2F..%2Fb");
    assertThat(r.getUrl().pathSegments()).containsExactly("api-tokens", "a/../b");
  }

  @Test
  void authenticatedCallsOnAClientWithoutCredentialsAreRefused() {
    try (CleverCloudClient none = builder().build()) {
      assertThatThrownBy(() -> none.self().get()).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> none.apiTokens().delete("api_tokens_1")).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> none.http().get("/v4/products/zones")).isInstanceOf(IllegalStateException.class);
    }
    assertThat(main.getRequestCount() + bridge.getRequestCount()).isZero();
  }

  @Test
  void aNameOfExactlyTheLimitIsSent() throws Exception {
    bridge.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(204).build();
      }
    });
    try (CleverCloudClient client = client()) {
      client.apiTokens().update("api_tokens_1", "n".repeat(CreateApiTokenRequest.MAX_NAME_LENGTH), null);
    }
    assertThat(take(bridge).getBody().utf8()).contains("n".repeat(CreateApiTokenRequest.MAX_NAME_LENGTH));
  }

  /**
   * Sends one call with the id and returns what the server saw (an error reading the generic answer is irrelevant).
   * OAuth 1.0a credentials: the odd path is signed too, and v2/v4 calls land on the main host, /api-tokens on the
   * Bridge.
   */
  private RecordedRequest send(CleverCloudClient client, BiConsumer<CleverCloudClient, String> method, String id)
      throws InterruptedException {
    try {
      method.accept(client, id);
    } catch (CleverCloudException answerNotReadable) {
      // the request went out: that is what is checked
    }
    return main.getRequestCount() > 0 ? take(main) : take(bridge);
  }
}
