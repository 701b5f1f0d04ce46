package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.bridge.model.ApiToken;
import com.clevercloud.api.bridge.model.ApiTokenState;
import com.clevercloud.api.bridge.model.ApiTokenUpdateRequest;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.AuthenticationException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.TokenCreatedButUnreadableException;
import com.clevercloud.client.exception.TransportException;
import com.clevercloud.client.internal.OperationTable;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API tokens: creation through the handwritten {@code client.apiTokens().create(...)} (the one-time secret handed
 * over typed apart and never lost, no Authorization header, never retried, the expiration and account checks before
 * anything is sent), and listing, reading, renaming and revoking through the generated
 * {@code client.api(ApiTokensApi.class)} (metadata without secrets, ids as one segment, Bearer or OAuth 1.0a
 * PLAINTEXT on the Bridge, refusals before sending).
 */
class ApiTokensTest extends TestServers {

  private static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String CANARY = "CANARY-5ec2e7-token";
  private static final String PASSWORD = "CANARY-pass-0001";
  private static final String CREATED = "{\"apiToken\":\"" + CANARY + "\",\"apiTokenId\":\"api_tokens_1\","
      + "\"creationDate\":\"2026-01-15T10:30:00.000Z\",\"expirationDate\":\"2026-02-14T10:30:00.000Z\","
      + "\"name\":\"CI\",\"state\":\"ACTIVE\"}";
  private static final String SELF = "{\"id\":\"user_1\",\"email\":\"jane.doe@example.com\",\"hasPassword\":true,"
      + "\"preferredMFA\":\"NONE\"}";

  private CleverCloudClient client() {
    return builder().credentials(Credentials.apiToken("tok")).clock(CLOCK).build();
  }

  private static CreateApiTokenRequest.Builder request() {
    return CreateApiTokenRequest.builder().name("CI").expiration("30d").password(PASSWORD)
        .email("jane.doe@example.com");
  }

  @Test
  void createSendsTheBodyToTheBridgeWithoutAuthorization() throws Exception {
    bridge.enqueue(json(CREATED));
    CreatedApiToken created;
    try (CleverCloudClient client = client()) {
      created = client.apiTokens().create(request().description("for CI").build());
    }
    RecordedRequest r = take(bridge);
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api-tokens");
    assertThat(r.getHeaders().get("Authorization")).isNull();
    JsonObject body = JsonParser.parseString(r.getBody().utf8()).getAsJsonObject();
    assertThat(body.get("email").getAsString()).isEqualTo("jane.doe@example.com");
    assertThat(body.get("password").getAsString()).isEqualTo(PASSWORD);
    assertThat(body.get("name").getAsString()).isEqualTo("CI");
    assertThat(body.get("description").getAsString()).isEqualTo("for CI");
    assertThat(Instant.parse(body.get("expirationDate").getAsString())).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(body.has("mfaCode")).isFalse();
    assertThat(created.secret().reveal()).isEqualTo(CANARY);
    assertThat(created.id()).isEqualTo("api_tokens_1");
    assertThat(created.expirationDate()).isEqualTo(Instant.parse("2026-02-14T10:30:00Z"));
    assertThat(main.getRequestCount()).isZero();
  }

  @Test
  void createdSecretCanBeUsedAsCredentials() {
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      CreatedApiToken created = client.apiTokens().create(request().build());
      assertThat(Credentials.apiToken(created.secret()).token().reveal()).isEqualTo(CANARY);
    }
  }

  @Test
  void createdTokenSecretIsRedacted() {
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      CreatedApiToken created = client.apiTokens().create(request().build());
      assertThat(created.toString()).doesNotContain(CANARY).contains("api_tokens_1");
    }
    CreateApiTokenRequest req = request().mfaCode("CANARY-mfa-1").build();
    assertThat(req.toString()).doesNotContain(PASSWORD).doesNotContain("CANARY-mfa-1");
  }

  /** What a request shows of itself: its name, its expiration as given, its email; the secrets only as ***. */
  @Test
  void aRequestShowsItsExpirationAsGivenAndNoSecret() {
    assertThat(request().build().toString()).isEqualTo("CreateApiTokenRequest[name=CI, expiration=in PT720H, "
        + "email=jane.doe@example.com, password=***]");
    assertThat(request().expiration("1y").mfaCode("CANARY-mfa-1").build().toString()).isEqualTo("CreateApiTokenRequest"
        + "[name=CI, expiration=in P1Y, email=jane.doe@example.com, password=***, mfaCode=***]");
    assertThat(request().expiration("2026-12-31").build().toString()).contains("expiration=2026-12-31T00:00:00Z");
  }

  @Test
  void createReadsEmailFromSelfWhenNotGiven() throws Exception {
    bridge.enqueue(json(SELF));
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      client.apiTokens().create(CreateApiTokenRequest.builder().name("CI").expiration("1y").password(PASSWORD)
          .build());
    }
    assertThat(take(bridge).getUrl().encodedPath()).isEqualTo("/v2/self");
    RecordedRequest create = take(bridge);
    assertThat(JsonParser.parseString(create.getBody().utf8()).getAsJsonObject().get("email").getAsString())
        .isEqualTo("jane.doe@example.com");
  }

  @Test
  void createRefusesAnAccountWithoutPassword() {
    bridge.enqueue(json("{\"email\":\"jane.doe@example.com\",\"hasPassword\":false}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(CreateApiTokenRequest.builder().name("CI").expiration("1d")
          .password(PASSWORD).build())).isInstanceOf(IllegalStateException.class).hasMessageContaining("no password");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1); // GET /v2/self only, no creation
  }

  @Test
  void createRefusesTotpAccountWithoutMfaCode() {
    bridge.enqueue(json("{\"email\":\"jane.doe@example.com\",\"hasPassword\":true,\"preferredMFA\":\"TOTP\"}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(CreateApiTokenRequest.builder().name("CI").expiration("1d")
          .password(PASSWORD).build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOTP");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createSendsTheMfaCodeForTotpAccounts() throws Exception {
    bridge.enqueue(json("{\"email\":\"jane.doe@example.com\",\"hasPassword\":true,\"preferredMFA\":\"TOTP\"}"));
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      client.apiTokens().create(CreateApiTokenRequest.builder().name("CI").expiration("1d").password(PASSWORD)
          .mfaCode("123456").build());
    }
    take(bridge);
    assertThat(JsonParser.parseString(take(bridge).getBody().utf8()).getAsJsonObject().get("mfaCode").getAsString())
        .isEqualTo("123456");
  }

  @Test
  void createWithoutEmailNeedsCredentials() {
    try (CleverCloudClient client = builder().clock(CLOCK).build()) {
      assertThatThrownBy(() -> client.apiTokens().create(CreateApiTokenRequest.builder().name("CI")
          .expiration("1d").password(PASSWORD).build())).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("email");
    }
    assertThat(bridge.getRequestCount() + main.getRequestCount()).isZero();
  }

  @Test
  void createWorksWithoutCredentialsWhenEmailIsGiven() throws Exception {
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = builder().clock(CLOCK).build()) {
      assertThat(client.apiTokens().create(request().build()).secret().reveal()).isEqualTo(CANARY);
    }
    assertThat(take(bridge).getHeaders().get("Authorization")).isNull();
  }

  @Test
  void expirationMustBeInTheFutureAndAtMostOneYearAhead() {
    try (CleverCloudClient client = client()) {
      ApiTokens tokens = client.apiTokens();
      assertThatThrownBy(() -> tokens.create(request().expiration(NOW.minusSeconds(1)).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("future");
      assertThatThrownBy(() -> tokens.create(request().expiration(NOW).build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tokens.create(request().expiration(Instant.parse("2027-01-15T10:30:01Z")).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one year");
      assertThatThrownBy(() -> tokens.create(request().expiration("13M").build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tokens.create(request().expiration("2y").build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tokens.create(request().expiration("2020-01-01").build()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(bridge.getRequestCount() + main.getRequestCount()).isZero();
  }

  @Test
  void exactlyOneYearIsAccepted() {
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      client.apiTokens().create(request().expiration("1y").build());
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void expirationAcceptsTheCliForms() {
    assertThat(request().expiration("30d").build().expiration(CLOCK)).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(request().expiration("P30D").build().expiration(CLOCK)).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(request().expiration("PT12H").build().expiration(CLOCK)).isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(request().expiration("P1Y").build().expiration(CLOCK)).isEqualTo(Instant.parse("2027-01-15T10:30:00Z"));
    assertThat(request().expiration("1y").build().expiration(CLOCK)).isEqualTo(Instant.parse("2027-01-15T10:30:00Z"));
    assertThat(request().expiration("6M").build().expiration(CLOCK)).isEqualTo(Instant.parse("2026-07-15T10:30:00Z"));
    assertThat(request().expiration("90m").build().expiration(CLOCK)).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
    assertThat(request().expiration("2w").build().expiration(CLOCK)).isEqualTo(NOW.plus(Duration.ofDays(14)));
    assertThat(request().expiration("1h").build().expiration(CLOCK)).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(request().expiration("45s").build().expiration(CLOCK)).isEqualTo(NOW.plus(Duration.ofSeconds(45)));
    assertThat(request().expiration("5000ms").build().expiration(CLOCK)).isEqualTo(NOW.plusMillis(5000));
    assertThat(request().expiration("3600").build().expiration(CLOCK)).isEqualTo(NOW.plusSeconds(3600));
    assertThat(request().expiration("2026-12-31").build().expiration(CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
    assertThat(request().expiration("2026-12-31T12:00:00+01:00").build().expiration(CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T11:00:00Z"));
    assertThat(request().expiration(Duration.ofDays(2)).build().expiration(CLOCK)).isEqualTo(NOW.plus(Duration.ofDays(2)));
    assertThat(request().expiration("2026-12-31T12:00+01:00").build().expiration(CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T11:00:00Z"));
    assertThat(request().expiration("2026-12-31T12:00:00").build().expiration(CLOCK))
        .isEqualTo(Instant.parse("2026-12-31T12:00:00Z"));
    // the last expiration set wins, whatever its form
    assertThat(request().expiration(NOW.plusSeconds(60)).expiration(Duration.ofDays(2)).build().expiration(CLOCK))
        .isEqualTo(NOW.plus(Duration.ofDays(2)));
  }

  /** An email of the longest length an address may have (320 characters) is accepted. */
  @Test
  void anEmailOfExactlyTheLongestLengthIsAccepted() {
    String email = "a".repeat(64) + "@" + "b".repeat(251) + ".com";
    assertThat(email).hasSize(320);
    assertThat(request().email(email).build().email()).contains(email);
  }

  @Test
  void unparseableOrEmptyExpirationsAreRefused() {
    assertThatThrownBy(() -> request().expiration("soon")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P30D");
    assertThatThrownBy(() -> request().expiration("10x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request().expiration("0d")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request().expiration("PT0S")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request().expiration(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nameAndPasswordAreValidated() {
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().name(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().name(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().name("x".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().name("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().password("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().email("not-an-email"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().name("CI").expiration("1d").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("password");
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().name("CI").password("p").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("expiration");
    assertThatThrownBy(() -> CreateApiTokenRequest.builder().expiration("1d").password("p").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
  }

  /** The caller's OkHttpClient of a test that has one: the client leaves it open. */
  private OkHttpClient recording;

  @AfterEach
  void shutDownTheCallersOkHttpClient() {
    if (recording != null) {
      recording.dispatcher().executorService().shutdown();
    }
  }

  /** A client whose OkHttpClient records the body of each request it sends, as it went on the wire. */
  private CleverCloudClient recordingBodies(AtomicReference<RequestBody> body) {
    recording = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      body.set(chain.request().body());
      return chain.proceed(chain.request());
    }).build();
    return builder().credentials(Credentials.apiToken("tok")).clock(CLOCK).okHttpClient(recording).build();
  }

  /** The body's bytes as the client holds them now (the body writes what it holds, each time it is asked). */
  private static byte[] heldBytes(RequestBody body) throws Exception {
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readByteArray();
  }

  /**
   * The create body is JSON (typed so, though it is written once), and the bytes that held the password are zeroed
   * once the call is over: what stays reachable from the request (a caller's interceptor, a heap dump) is zeros.
   */
  @Test
  void createSendsJsonThenZeroesTheBytesThatHeldThePassword() throws Exception {
    bridge.enqueue(json(CREATED));
    AtomicReference<RequestBody> body = new AtomicReference<>();
    try (CleverCloudClient client = recordingBodies(body)) {
      assertThat(client.apiTokens().create(request().build()).secret().reveal()).isEqualTo(CANARY);
    }
    RecordedRequest r = take(bridge);
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(r.getBody().utf8()).contains(PASSWORD);
    assertThat(body.get().contentType()).hasToString("application/json; charset=utf-8");
    assertThat(body.get().isOneShot()).isTrue();
    assertThat(heldBytes(body.get())).hasSize((int) r.getBodySize()).containsOnly((byte) 0);
  }

  @Test
  void aFailedCreateZeroesTheBytesThatHeldThePasswordToo() throws Exception {
    bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    AtomicReference<RequestBody> body = new AtomicReference<>();
    try (CleverCloudClient client = recordingBodies(body)) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build())).isInstanceOf(TransportException.class);
    }
    assertThat(take(bridge).getBody().utf8()).contains(PASSWORD);
    assertThat(heldBytes(body.get())).isNotEmpty().containsOnly((byte) 0);
  }

  @Test
  void anAsynchronousCreateZeroesTheBytesThatHeldThePassword() throws Exception {
    bridge.enqueue(json(CREATED));
    AtomicReference<RequestBody> body = new AtomicReference<>();
    try (CleverCloudClient client = recordingBodies(body)) {
      assertThat(client.apiTokens().createAsync(request().build()).join().secret().reveal()).isEqualTo(CANARY);
    }
    assertThat(take(bridge).getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    // Zeroed by a stage of the same future, which may run just after the caller's join() returns.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!isZeros(heldBytes(body.get())) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(heldBytes(body.get())).isNotEmpty().containsOnly((byte) 0);
  }

  private static boolean isZeros(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void neverRetriesCreate() {
    // The server reads the request then drops the connection: OkHttp would retry a replayable body.
    bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build())).isInstanceOf(TransportException.class)
          .hasMessageContaining("may have been created");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void neverRetriesCreateOnAReusedConnection() {
    // GET /v2/self leaves a pooled connection; OkHttp silently retries a replayable request that fails on a reused
    // connection, so only a one-shot body keeps the creation from being sent twice.
    bridge.enqueue(json(SELF));
    bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(CreateApiTokenRequest.builder().name("CI").expiration("1d")
          .password(PASSWORD).build())).isInstanceOf(TransportException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2); // self + one creation attempt
  }

  @Test
  void secretSurvivesAnUnreadableCreateResponse() {
    // creationDate of the wrong type: Gson refuses the body, but the secret is there.
    bridge.enqueue(json("{\"apiToken\":\"" + CANARY + "\",\"apiTokenId\":\"api_tokens_9\",\"creationDate\":12,"
        + "\"expirationDate\":{\"x\":1},\"name\":\"CI\"}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.secret().reveal()).isEqualTo(CANARY);
            assertThat(e.apiTokenId()).contains("api_tokens_9");
            assertThat(e.getMessage()).doesNotContain(CANARY);
            assertThat(e.toString()).doesNotContain(CANARY);
            assertThat(e.body()).isEmpty(); // a creation's answer is never quoted
          });
    }
  }

  @Test
  void secretSurvivesAResponseCutMidBody() {
    String body = "{\"apiToken\":\"" + CANARY + "\",\"apiTokenId\":\"api_tokens_9\",\"description\":\""
        + "d".repeat(4000) + "\"}";
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body)
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class,
              e -> assertThat(e.secret().reveal()).isEqualTo(CANARY));
    }
  }

  @Test
  void createResponseWithoutSecretSaysTheTokenMayExist() {
    bridge.enqueue(json("{\"apiTokenId\":\"api_tokens_9\"}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build()))
          .isExactlyInstanceOf(ResponseDecodingException.class).hasMessageContaining("listApiTokens()");
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationErrorWithoutThePassword() {
    bridge.enqueue(json(401, "{\"code\":\"invalid-credential\",\"message\":\"Invalid credentials\"}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build()))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.errorCode()).contains("invalid-credential");
            assertThat(e.operation()).isEqualTo("createApiToken");
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
          });
    }
  }

  @Test
  void listAndGetReturnMetadataWithoutSecret() throws Exception {
    String item = "{\"apiTokenId\":\"api_tokens_1\",\"userId\":\"user_1\",\"creationDate\":\"2026-01-15T10:30:00.000Z\","
        + "\"expirationDate\":\"2026-07-15T10:30:00.000Z\",\"ip\":\"203.0.113.42\",\"name\":\"CI\",\"state\":\"EXPIRED\"}";
    bridge.enqueue(json("[" + item + "]"));
    bridge.enqueue(json(item));
    try (CleverCloudClient client = client()) {
      ApiTokensApi tokens = client.api(ApiTokensApi.class);
      List<ApiToken> list = tokens.listApiTokens();
      assertThat(list).singleElement().satisfies(t -> {
        assertThat(t.getApiTokenId()).isEqualTo("api_tokens_1");
        assertThat(t.getState()).isEqualTo(ApiTokenState.EXPIRED);
        assertThat(t.getIp()).isEqualTo("203.0.113.42");
        assertThat(t.getUserId()).isEqualTo("user_1");
        assertThat(t.getExpirationDate().toInstant()).isEqualTo(Instant.parse("2026-07-15T10:30:00Z"));
      });
      assertThat(tokens.getApiToken("api_tokens_1").getName()).isEqualTo("CI");
    }
    RecordedRequest listed = take(bridge);
    assertThat(listed.getMethod() + " " + listed.getTarget()).isEqualTo("GET /api-tokens");
    assertThat(listed.getHeaders().get("Authorization")).isEqualTo("Bearer tok");
    assertThat(take(bridge).getUrl().encodedPath()).isEqualTo("/api-tokens/api_tokens_1");
    // The listed model has no place for a secret, and the spec marks none in it.
    for (Field f : ApiToken.class.getDeclaredFields()) {
      assertThat(f.getName().toLowerCase()).doesNotContain("secret").isNotEqualTo("apitoken");
    }
    assertThat(OperationTable.INSTANCE.holdsSecrets("bridge", "ApiToken")).isFalse();
    assertThat(OperationTable.INSTANCE.holdsSecrets("bridge", "CreatedApiToken")).isTrue();
  }

  @Test
  void updateAndDeleteUseTheTokenIdAsOneSegment() throws Exception {
    bridge.enqueue(new MockResponse.Builder().code(204).build());
    bridge.enqueue(new MockResponse.Builder().code(204).build());
    try (CleverCloudClient client = client()) {
      ApiTokensApi tokens = client.api(ApiTokensApi.class);
      assertThat(tokens.updateApiToken("a?c#d %\u00e9", new ApiTokenUpdateRequest().name("New name"))).isNull();
      assertThat(tokens.deleteApiToken("api_tokens_1")).isNull();
    }
    RecordedRequest put = take(bridge);
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath()).isEqualTo("/api-tokens/a%3Fc%23d%20%25%C3%A9");
    assertThat(JsonParser.parseString(put.getBody().utf8()).getAsJsonObject().get("name").getAsString())
        .isEqualTo("New name");
    RecordedRequest delete = take(bridge);
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/api-tokens/api_tokens_1");
  }

  @Test
  void theBridgeTakesOAuthSignedWithPlaintextOnly() throws Exception {
    // Listing, reading, renaming and revoking tokens with OAuth 1.0a credentials configured for HMAC-SHA512: the
    // Bridge's own endpoints take PLAINTEXT, and the call stays on the Bridge.
    bridge.enqueue(json("[]"));
    bridge.enqueue(json("{\"apiTokenId\":\"api_tokens_1\"}"));
    bridge.enqueue(new MockResponse.Builder().code(204).build());
    bridge.enqueue(new MockResponse.Builder().code(204).build());
    try (CleverCloudClient client = builder().clock(CLOCK).credentials(Credentials.oauth1("ck", "c s", "tok", "t&s",
        SignatureMethod.HMAC_SHA512)).build()) {
      ApiTokensApi tokens = client.api(ApiTokensApi.class);
      tokens.listApiTokens();
      tokens.getApiToken("api_tokens_1");
      tokens.updateApiToken("api_tokens_1", new ApiTokenUpdateRequest().name("CI"));
      tokens.deleteApiToken("api_tokens_1");
    }
    for (int i = 0; i < 4; i++) {
      Map<String, String> oauth = oauthHeader(take(bridge).getHeaders().get("Authorization"));
      assertThat(oauth).containsEntry("oauth_signature_method", "PLAINTEXT").containsEntry("oauth_consumer_key", "ck")
          .containsEntry("oauth_token", "tok").containsEntry("oauth_signature", pe("c s") + "&" + pe("t&s"));
    }
    assertThat(main.getRequestCount()).isZero();
  }

  @Test
  void tokenOperationsWithoutCredentialsAreRefusedBeforeSending() {
    try (CleverCloudClient none = builder().clock(CLOCK).build()) {
      ApiTokensApi tokens = none.api(ApiTokensApi.class);
      assertThatThrownBy(tokens::listApiTokens).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> tokens.getApiToken("api_tokens_1")).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> tokens.deleteApiTokenAsync("api_tokens_1")).isInstanceOf(IllegalStateException.class);
    }
    assertThat(bridge.getRequestCount() + main.getRequestCount()).isZero();
  }

  @Test
  void badIdsAreRefusedBeforeSending() {
    try (CleverCloudClient client = client()) {
      ApiTokensApi tokens = client.api(ApiTokensApi.class);
      assertThatThrownBy(() -> tokens.getApiToken("")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tokens.getApiToken("..")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tokens.deleteApiToken(null))
          .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
      assertThatThrownBy(() -> tokens.updateApiToken("a/b", new ApiTokenUpdateRequest().name("CI")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tokens.getApiToken("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(bridge.getRequestCount()).isZero();
  }

  @Test
  void secretGivenAsPasswordIsCopied() {
    Secret password = Secret.of(PASSWORD);
    CreateApiTokenRequest req = request().password(password).build();
    password.wipe();
    assertThat(req.password().reveal()).isEqualTo(PASSWORD);
  }

  // Long, cut and broken create answers (issue 13, finding 1): the secret is never lost, never an Error.

  private static String created(String secret, String rest) {
    return "{\"apiToken\":\"" + Encodings.json(secret) + "\",\"apiTokenId\":\"api_tokens_9\"" + rest + "}";
  }

  @Test
  void aSecretOfAHundredThousandCharactersIsCreatedAndHandedOver() {
    String secret = "T".repeat(100_000);
    bridge.enqueue(json(created(secret, ",\"name\":\"CI\"")));
    bridge.enqueue(json(created(secret, ",\"name\":\"CI\"")));
    try (CleverCloudClient client = client()) {
      assertThat(client.apiTokens().create(request().build()).secret().reveal()).isEqualTo(secret);
      assertThat(client.apiTokens().createAsync(request().build()).join().secret().reveal()).isEqualTo(secret);
    }
  }

  /** The regular expression that read this answer overflowed the stack on a value of about 1,200 characters. */
  @Test
  void aLongSecretInAnUnreadableAnswerIsHandedOverInTheException() {
    String secret = "s\\\"é/=" + "L".repeat(100_000);
    bridge.enqueue(json(created(secret, ",\"creationDate\":12")));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.secret().reveal()).isEqualTo(secret);
            assertThat(e.apiTokenId()).contains("api_tokens_9");
            assertThat(e.getMessage()).doesNotContain("LLLL").doesNotContain("may be only its start");
          });
    }
  }

  /** The answer ends (no broken connection) in the middle of a value after the secret: the secret is whole. */
  @Test
  void anAnswerCutOffAfterTheSecretGivesItWhole() {
    String secret = "C".repeat(100_000);
    String body = created(secret, ",\"name\":\"CI\",\"description\":\"cut her");
    bridge.enqueue(json(body.substring(0, body.length() - 1)));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class,
              e -> assertThat(e.secret().reveal()).isEqualTo(secret));
    }
  }

  /** The connection breaks after a long secret, in the middle of the next value: the secret is whole. */
  @Test
  void aConnectionBrokenAfterALongSecretGivesItWhole() {
    String secret = "B".repeat(30_000);
    String body = created(secret, ",\"description\":\"" + "d".repeat(70_000) + "\"");
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body)
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.secret().reveal()).isEqualTo(secret);
            assertThat(e.getMessage()).contains("connection broke").doesNotContain("may be only its start");
          });
    }
  }

  /**
   * The connection breaks inside the secret itself: what arrived is handed over, flagged as possibly only its start
   * (the token exists; without it the owner could not even tell which one to revoke).
   */
  @Test
  void aConnectionBrokenInsideTheSecretHandsOverWhatArrivedAndSaysSo() {
    String secret = "M".repeat(100_000);
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body(created(secret, "")).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request().build()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(secret).startsWith(e.secret().reveal());
            assertThat(e.secret().reveal()).isNotEmpty().isNotEqualTo(secret);
            assertThat(e.getMessage()).contains("may be only its start").doesNotContain("MMMM");
          });
    }
  }

  /**
   * A malformed status line that echoes the request (OkHttp quotes it in a {@code ProtocolException}): the password
   * is masked in the transport exception's message and in its cause, whose type stays visible.
   */
  @Test
  void aStatusLineEchoingThePasswordIsMaskedInTheMessageAndTheCause() {
    for (Encodings.Form form : List.of(Encodings.Form.RAW, Encodings.Form.PERCENT_TWICE_LOWER,
        Encodings.Form.JSON_ALL_UPPER)) {
      bridge.enqueue(new MockResponse.Builder().status("HTTP/1.1 2OO {\"password\":\"x\",\"echo\":\""
          + Encodings.encode(form, PASSWORD) + "\"}").build());
      try (CleverCloudClient client = client()) {
        assertThatThrownBy(() -> client.apiTokens().create(request().build()))
            .isInstanceOfSatisfying(TransportException.class, e -> {
              assertThat(e.getMessage()).contains("ProtocolException", "may have been created");
              assertThat(e.getCause().getMessage()).startsWith("java.net.ProtocolException: Unexpected status line");
              StringWriter trace = new StringWriter();
              e.printStackTrace(new PrintWriter(trace));
              assertThat(Encodings.leak(trace.toString(), PASSWORD)).as(form.name()).isNull();
              assertThat(trace.toString()).contains("***");
            });
      }
    }
  }

  /**
   * Property-style: random secrets (4 to 2,000 characters, escapes and non-ASCII included) in create answers that
   * are whole, wrongly typed, deeply nested, or cut at a random place: the reading never throws, gives the whole
   * secret when its string ended, and otherwise at most what arrived of it. Seeded ({@code -Dcanary.seed=…}).
   */
  @Test
  void randomCreateAnswersNeverLoseTheSecret() {
    long seed = Long.getLong("canary.seed", 0x5EC2E7L);
    Random random = new Random(seed);
    int cases = 3000;
    for (int i = 0; i < cases; i++) {
      String secret = Encodings.randomSecret(random, 4, random.nextInt(5) == 0 ? 2000 : 100);
      String before = switch (random.nextInt(4)) {
        case 0 -> "";
        case 1 -> "\"name\":\"" + Encodings.json(Encodings.randomSecret(random, 0, 50)) + "\",";
        case 2 -> "\"nested\":" + "[".repeat(random.nextInt(400)) + "]".repeat(random.nextInt(400)) + ",";
        default -> "\"creationDate\":{\"x\":[1,2,\"" + "\\\"".repeat(random.nextInt(3000)) + "\"]},";
      };
      String token = "\"apiToken\":\"" + Encodings.json(secret) + "\"";
      String after = ",\"apiTokenId\":\"api_tokens_" + i + "\",\"expirationDate\":" + (random.nextBoolean() ? "12" : "\"x\"")
          + "}";
      String body = "{" + before + token + after;
      int secretEnd = 1 + before.length() + token.length();
      int cut = random.nextInt(3) == 0 ? random.nextInt(body.length() + 1) : body.length();
      String text = body.substring(0, cut);
      String what = "seed " + seed + ", case " + i + ", cut " + cut + " of " + body.length();
      ApiTokens.Found found;
      try {
        found = ApiTokens.find(text);
      } catch (Throwable t) {
        throw new AssertionError(what + ": " + t, t);
      }
      if (cut >= secretEnd) {
        assertThat(found.secret()).as(what).isEqualTo(secret);
        assertThat(found.complete()).as(what).isTrue();
      } else if (found.secret() != null) {
        assertThat(secret).as(what).startsWith(found.secret());
        assertThat(found.complete()).as(what).isFalse();
      }
      assertThat(found.toString()).as(what).doesNotContain(secret);
    }
  }

  /**
   * The secret of an answer Gson refused is read from the top-level object first: a member holding an object or an
   * array with an {@code apiToken} of its own (an echo, a decoy) is skipped whole, not searched; an id may be a number;
   * a lenient read keeps a secret written with single quotes or unquoted names, which the plain scan cannot see.
   */
  @Test
  void theTopLevelSecretWinsOverOnesNestedBeforeIt() {
    String broken = ",\"expirationDate\":{"; // what makes Gson refuse the answer: it ends inside an object
    ApiTokens.Found nested = ApiTokens.find("{\"echo\":{\"apiToken\":\"decoy\",\"apiTokenId\":\"decoy_id\"},"
        + "\"list\":[{\"apiToken\":\"decoy2\"}],\"apiToken\":\"real-secret\",\"apiTokenId\":\"api_tokens_1\"" + broken);
    assertThat(nested.secret()).isEqualTo("real-secret");
    assertThat(nested.id()).isEqualTo("api_tokens_1");
    assertThat(nested.complete()).isTrue();
    assertThat(nested.toString()).isEqualTo("Found[***, complete=true, id=api_tokens_1]");

    ApiTokens.Found numericId = ApiTokens.find("{\"apiTokenId\":42,\"apiToken\":\"s-42\"" + broken);
    assertThat(numericId.secret()).isEqualTo("s-42");
    assertThat(numericId.id()).isEqualTo("42");

    ApiTokens.Found lenient = ApiTokens.find("{apiTokenId:'api_tokens_7',apiToken:'single-quoted'" + broken);
    assertThat(lenient.secret()).isEqualTo("single-quoted");
    assertThat(lenient.id()).isEqualTo("api_tokens_7");

    // A non-string apiToken at the top level is no secret; the scan then finds none either.
    ApiTokens.Found number = ApiTokens.find("{\"apiToken\":12345,\"apiTokenId\":\"api_tokens_8\"" + broken);
    assertThat(number.secret()).isNull();
    assertThat(number.id()).isEqualTo("api_tokens_8");
    assertThat(number.toString()).isEqualTo("Found[no secret, complete=false, id=api_tokens_8]");

    // An empty secret at the top level is none: the scan's answer (the same empty string) is none too.
    ApiTokens.Found empty = ApiTokens.find("{\"apiToken\":\"\",\"apiTokenId\":\"api_tokens_9\"" + broken);
    assertThat(empty.secret()).isNull();
    assertThat(empty.id()).isEqualTo("api_tokens_9");
    assertThat(ApiTokens.find(null)).isEqualTo(new ApiTokens.Found(null, true, null));
  }

  /**
   * Without an email, the account's is read with {@code GET /v2/self}, which needs credentials: on a client without
   * them, both twins refuse at once with the same message, and nothing is sent.
   */
  @Test
  void withoutEmailNorCredentialsBothTwinsRefuseBeforeSending() {
    CreateApiTokenRequest noEmail = CreateApiTokenRequest.builder().name("CI").expiration("30d").password(PASSWORD)
        .build();
    try (CleverCloudClient anonymous = builder().clock(CLOCK).build()) {
      assertThatThrownBy(() -> anonymous.apiTokens().create(noEmail)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("email is required when the client has no credentials to read it from GET /v2/self");
      assertThatThrownBy(() -> anonymous.apiTokens().createAsync(noEmail))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("email is required when the client has no credentials to read it from GET /v2/self");
    }
    assertThat(bridge.getRequestCount() + main.getRequestCount()).isZero();
  }
}
