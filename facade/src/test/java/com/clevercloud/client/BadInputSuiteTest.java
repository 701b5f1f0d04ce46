package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.bridge.model.ApiTokenUpdateRequest;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.OAuthConsumersApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.internal.OperationTable.Op;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * before any request leaves: both mock servers must have seen nothing. Table-driven over the operations table: every
 * path parameter of every operation refuses each bad id, in the blocking method and (synchronously) in its Async
 * twin; ids that are odd but legal travel as one percent-encoded path segment and never change the route; every
 * authenticated operation of a client without credentials is refused. Builder options, credentials and
 * {@link CreateApiTokenRequest} are checked case by case.
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
    Path expiredLogin = Files.writeString(dir.resolve("expired.json"), "{\"version\":1,\"profiles\":[{\"alias\":"
        + "\"default\",\"token\":\"t\",\"secret\":\"" + SECRET + "\",\"expirationDate\":\"2020-01-01T00:00:00.000Z\"}]}");
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
        refused("login file whose active profile expired", ISE, c -> Credentials.fromEnvironment(
            Map.of("OAUTH_CONSUMER_KEY", "ck", "OAUTH_CONSUMER_SECRET", SECRET), expiredLogin)),
        refused("env API_HOST not an http(s) URL", ISE, c -> Credentials.fromEnvironment(
            Map.of("CLEVER_API_TOKEN", "t", "API_HOST", "api.example.com/" + SECRET), dir.resolve("absent.json"))),

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

        // Other arguments: a generated call without its body
        refused("env value body null", IAE,
            c -> c.api(ApplicationsApi.class).setApplicationEnvVar("orga_1", "app_1", "K", null)),
        refused("consumer null", IAE, c -> c.api(OAuthConsumersApi.class).createConsumer("orga_1", null)),
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

  /** Ids that would change the route, or are slips, refused for every path parameter of every operation. */
  static final List<String> REFUSED_IDS = Arrays.asList(null, "", " ", "  ", "\t", "a/b", "..", ".", "a\\b",
      "x\r\ny", "app\n1", "x\u0000", "\uD800", " lead", "trail ");

  /** Odd but legal ids: each must arrive as exactly one segment, in the place of a plain id. */
  static final List<String> ENCODED_IDS = List.of("...", "?x=1", "#frag", "100%", "%2e%2e", "%2F", "two words",
      "\u00e9\u20ac", "\u65e5\u672c\u8a9e", "a;b=c", "+plus+", "~tilde", "a\"b<c>", "\uD83D\uDE00");

  /** Every path parameter of every operation of the specifications. */
  static Stream<Arguments> pathParameters() {
    return GeneratedCalls.operations().flatMap(named -> named.getPayload().params().stream()
        .filter(p -> p.in().equals("path"))
        .map(p -> Arguments.of(named, p.name())));
  }

  static Stream<Arguments> refusedIds() {
    return pathParameters().flatMap(a -> REFUSED_IDS.stream().map(id -> Arguments.of(a.get()[0], a.get()[1],
        Named.of(id == null ? "null" : "\"" + id.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
            .replace("\u0000", "\\0").replace("\uD800", "\\uD800") + "\"", id))));
  }

  @ParameterizedTest(name = "{0}({1}) refuses [{2}]")
  @MethodSource
  void refusedIds(Op op, String param, String id) {
    try (CleverCloudClient client = client()) {
      for (boolean async : new boolean[] {false, true}) {
        Method m = GeneratedCalls.method(op, async);
        Object[] args = GeneratedCalls.args(op, m, p -> p.name().equals(param) ? id : GeneratedCalls.validId(p), true);
        // The Async twin throws at once too: no future to inspect.
        assertThatThrownBy(() -> GeneratedCalls.invoke(client, op, m, args)).as(m.getName())
            .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
            .satisfies(e -> {
              if (id != null && id.length() > 2) {
                // It may be a secret (revokeSelfOAuthToken's token): the message names the argument, not the value.
                assertThat(String.valueOf(e.getMessage())).doesNotContain(id);
              }
            });
      }
    }
    assertThat(main.getRequestCount() + bridge.getRequestCount()).as("requests that left").isZero();
  }

  @ParameterizedTest(name = "{0}({1}) sends odd ids as one segment")
  @MethodSource("pathParameters")
  void encodedIds(Op op, String param) throws Throwable {
    String plain = "PLAIN_ID";
    try (CleverCloudClient client = builder().credentials(Credentials.oauth1("ck", "cs", "tok", "ts",
        SignatureMethod.HMAC_SHA512)).build()) {
      RecordedRequest reference = send(client, op, param, plain);
      for (String id : ENCODED_IDS) {
        RecordedRequest odd = send(client, op, param, id);
        List<String> expected = new ArrayList<>();
        for (String segment : reference.getUrl().pathSegments()) {
          expected.add(segment.equals(plain) ? id : segment.replace(plain, id));
        }
        assertThat(odd.getMethod()).as(id).isEqualTo(reference.getMethod());
        assertThat(odd.getUrl().pathSegments()).as(id).isEqualTo(expected);
        assertThat(odd.getUrl().encodedPath()).as(id).doesNotContain("/../").doesNotContain("/./");
        assertThat(odd.getUrl().query()).as(id).isEqualTo(reference.getUrl().query());
      }
    }
  }

  static Stream<Named<Op>> operationsNeedingCredentials() {
    return GeneratedCalls.operations().filter(n -> !n.getPayload().security().isEmpty() && !n.getPayload().presigned());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsNeedingCredentials")
  void authenticatedOperationsOnAClientWithoutCredentialsAreRefused(Op op) {
    try (CleverCloudClient none = builder().build()) {
      for (boolean async : new boolean[] {false, true}) {
        Method m = GeneratedCalls.method(op, async);
        assertThatThrownBy(() -> GeneratedCalls.invoke(none, op, m, GeneratedCalls.validArgs(op, m))).as(m.getName())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining(op.id());
      }
    }
    assertThat(main.getRequestCount() + bridge.getRequestCount()).isZero();
  }

  @Test
  void rawCallsOnAClientWithoutCredentialsAreRefused() {
    try (CleverCloudClient none = builder().build()) {
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
      client.api(ApiTokensApi.class).updateApiToken("api_tokens_1",
          new ApiTokenUpdateRequest().name("n".repeat(CreateApiTokenRequest.MAX_NAME_LENGTH)));
    }
    assertThat(take(bridge).getBody().utf8()).contains("n".repeat(CreateApiTokenRequest.MAX_NAME_LENGTH));
  }

  /** The limits are inclusive: a request builds with a name and a description of exactly their longest lengths. */
  @Test
  void aRequestBuildsWithANameAndADescriptionOfExactlyTheLimits() {
    String name = "n".repeat(CreateApiTokenRequest.MAX_NAME_LENGTH);
    String description = "d".repeat(4 * CreateApiTokenRequest.MAX_NAME_LENGTH);
    CreateApiTokenRequest built = request().name(name).description(description).build();
    assertThat(built.name()).isEqualTo(name);
    assertThat(built.description()).contains(description);
  }

  /**
   * Sends one call with the id in place of {@code param} and returns what the server saw (an error reading the
   * generic answer is irrelevant). OAuth 1.0a credentials: the odd path is signed too, and v2/v4 calls land on the
   * main host, /api-tokens on the Bridge.
   */
  private RecordedRequest send(CleverCloudClient client, Op op, String param, String id) throws Throwable {
    Method m = GeneratedCalls.method(op, false);
    Object[] args = GeneratedCalls.args(op, m, p -> p.name().equals(param) ? id : GeneratedCalls.validId(p), true);
    try {
      GeneratedCalls.closeQuietly(GeneratedCalls.invoke(client, op, m, args));
    } catch (CleverCloudException answerNotReadable) {
      // the request went out: that is what is checked
    }
    return main.getRequestCount() > 0 ? take(main) : take(bridge);
  }
}
