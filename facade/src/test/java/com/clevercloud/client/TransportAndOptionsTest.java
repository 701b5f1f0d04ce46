package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.api.OAuthConsumersApi;
import com.clevercloud.api.v2.api.OAuthTokensApi;
import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TransportException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * The transport and the builder's options: default and chosen timeouts, the concurrency limit of asynchronous calls
 * (default and chosen, with the client's own OkHttpClient or the caller's), how timeouts, refused and reset
 * connections, HTML error pages and undecodable bodies are reported, that a caller's OkHttpClient is honoured and left
 * open, that close() releases the client's own, and that log lines never hold secrets, headers or bodies.
 */
class TransportAndOptionsTest extends TestServers {

  @Test
  void defaultTimeoutsAreSane() {
    try (CleverCloudClient client = CleverCloudClient.builder().credentials(Credentials.apiToken("t")).build()) {
      OkHttpClient http = httpOf(client);
      assertThat(http.connectTimeoutMillis()).isEqualTo(10_000);
      assertThat(http.readTimeoutMillis()).isEqualTo(30_000);
      assertThat(http.writeTimeoutMillis()).isEqualTo(30_000);
      assertThat(http.callTimeoutMillis()).isEqualTo(60_000);
    }
  }

  @Test
  void timeoutOptionsAreApplied() {
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2)).writeTimeout(Duration.ofSeconds(3))
        .callTimeout(Duration.ofSeconds(4)).build()) {
      OkHttpClient http = httpOf(client);
      assertThat(http.connectTimeoutMillis()).isEqualTo(1000);
      assertThat(http.readTimeoutMillis()).isEqualTo(2000);
      assertThat(http.writeTimeoutMillis()).isEqualTo(3000);
      assertThat(http.callTimeoutMillis()).isEqualTo(4000);
    }
    assertThatThrownBy(() -> CleverCloudClient.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asyncCallsRunSixtyFourAtOnceByDefaultNotOkHttpsFivePerHost() {
    try (CleverCloudClient client = CleverCloudClient.builder().credentials(Credentials.apiToken("t")).build()) {
      okhttp3.Dispatcher dispatcher = httpOf(client).dispatcher();
      assertThat(CleverCloudClient.DEFAULT_MAX_CONCURRENT_REQUESTS).isEqualTo(64);
      assertThat(dispatcher.getMaxRequests()).isEqualTo(CleverCloudClient.DEFAULT_MAX_CONCURRENT_REQUESTS);
      assertThat(dispatcher.getMaxRequestsPerHost()).isEqualTo(CleverCloudClient.DEFAULT_MAX_CONCURRENT_REQUESTS);
    }
  }

  @Test
  void maxConcurrentRequestsSetsBothLimitsAndRefusesLessThanOne() {
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).maxConcurrentRequests(5).build()) {
      assertThat(httpOf(client).dispatcher().getMaxRequests()).isEqualTo(5);
      assertThat(httpOf(client).dispatcher().getMaxRequestsPerHost()).isEqualTo(5);
    }
    assertThatThrownBy(() -> CleverCloudClient.builder().maxConcurrentRequests(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CleverCloudClient.builder().maxConcurrentRequests(-3))
        .isInstanceOf(IllegalArgumentException.class);
    CleverCloudClient.builder().maxConcurrentRequests(1);
  }

  @Test
  void aCallersOkHttpClientKeepsItsDispatcherUnlessALimitIsSetThenItsThreadsAreShared() {
    OkHttpClient mine = new OkHttpClient.Builder().build();
    try (CleverCloudClient shared = builder().credentials(Credentials.apiToken("t")).okHttpClient(mine).build();
        CleverCloudClient limited = builder().credentials(Credentials.apiToken("t")).okHttpClient(mine)
            .maxConcurrentRequests(7).build()) {
      assertThat(httpOf(shared).dispatcher()).isSameAs(mine.dispatcher());
      okhttp3.Dispatcher own = httpOf(limited).dispatcher();
      assertThat(own).isNotSameAs(mine.dispatcher());
      assertThat(own.getMaxRequests()).isEqualTo(7);
      assertThat(own.getMaxRequestsPerHost()).isEqualTo(7);
      assertThat(own.executorService()).isSameAs(mine.dispatcher().executorService());
    }
    // The caller's limits stay as they were (OkHttp's defaults), and its threads are not shut down.
    assertThat(mine.dispatcher().getMaxRequests()).isEqualTo(64);
    assertThat(mine.dispatcher().getMaxRequestsPerHost()).isEqualTo(5);
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    mine.dispatcher().executorService().shutdown();
  }

  @Test
  void readTimeoutIsATransportTimeout() {
    bridge.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .readTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf())
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.isTimeout()).isTrue();
            assertThat(e.operation()).isEqualTo("getSelf");
          });
    }
  }

  @Test
  void refusedConnectionIsATransportFailure() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/").toString();
    closed.close();
    try (CleverCloudClient client = CleverCloudClient.builder().credentials(Credentials.apiToken("t"))
        .bridgeBaseUrl(url).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOfSatisfying(TransportException.class,
            e -> assertThat(e.isTimeout()).isFalse());
    }
  }

  @Test
  void connectionResetMidBodyIsATransportFailureNotADecodingOne() {
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("[" + "{\"name\":\"par\"},".repeat(2000) + "{}]")
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).retryPolicy(RetryPolicy.none())
        .build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null)).isInstanceOf(TransportException.class);
    }
  }

  @Test
  void htmlErrorPageGivesAUsefulMessageAndRequestId() {
    bridge.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .addHeader("Sozu-Id", "sozu-42").body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).retryPolicy(RetryPolicy.none())
        .build()) {
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf()).isInstanceOfSatisfying(ServerException.class, e -> {
        assertThat(e.getMessage()).isEqualTo("getSelf: HTTP 502 with an HTML body (Bad Gateway) (Sozu-Id sozu-42)");
        assertThat(e.requestId()).contains("sozu-42");
        assertThat(e.getCause()).isNull();
      });
    }
  }

  @Test
  void undecodableSuccessBodyIsADecodingError() {
    bridge.enqueue(json("{\"id\":\"user_1\",\"oauthApps\":\"CANARY-x1\"}"));
    bridge.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<html>maintenance</html>").build());
    bridge.enqueue(json(""));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf())
          .isInstanceOfSatisfying(ResponseDecodingException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.getMessage()).contains("getSelf", "UserView");
            assertThat(e.getCause().getMessage()).doesNotContain("CANARY").contains("$.oauthApps");
          });
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf()).isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("HTML body");
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf()).isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("empty body");
    }
  }

  @Test
  void userSuppliedOkHttpClientIsHonouredAndLeftOpen() throws Exception {
    OkHttpClient mine = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Mine", "yes").build()))
        .readTimeout(Duration.ofSeconds(7))
        .build();
    bridge.enqueue(json("{}"));
    CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).okHttpClient(mine).build();
    client.api(SelfApi.class).getSelf();
    assertThat(httpOf(client).readTimeoutMillis()).isEqualTo(7000);
    assertThat(httpOf(client).connectionPool()).isSameAs(mine.connectionPool());
    client.close();
    var recorded = take(bridge);
    assertThat(recorded.getHeaders().get("X-Mine")).isEqualTo("yes");
    // the user's interceptor runs outside ours: it never sees the credential it could log
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer t");
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(mine.interceptors()).hasSize(1);
  }

  @Test
  void closeShutsDownAnOwnOkHttpClient() {
    CleverCloudClient client = client(Credentials.apiToken("t"));
    client.close();
    assertThat(httpOf(client).dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void loggingNeverPrintsSecretsHeadersOrBodies() {
    String canary = "CANARY-log-77";
    List<String> lines = new CopyOnWriteArrayList<>();
    Logger logger = new CapturingLogger(lines);
    bridge.enqueue(json("{\"email\":\"" + canary + "\"}").newBuilder().addHeader("Sozu-Id", "sozu-1").build());
    bridge.enqueue(json(404, "{\"message\":\"" + canary + "\"}"));
    bridge.enqueue(json("{\"id\":200,\"message\":\"Token revoked\",\"type\":\"success\"}"));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken(canary)).logger(logger, Level.INFO)
        .build()) {
      client.api(SelfApi.class).getSelf();
      assertThatThrownBy(() -> client.http().get("/v2/anything?secret=" + canary));
      // The token is a sensitive path parameter: the log line masks it.
      assertThat(client.api(OAuthTokensApi.class).revokeSelfOAuthToken(canary).getMessage()).isEqualTo("Token revoked");
    }
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("GET /v2/self", "200", "getSelf", "Sozu-Id sozu-1");
    assertThat(lines.get(1)).contains("GET /v2/anything?secret=…", "404");
    assertThat(lines.get(2)).contains("DELETE /v2/self/tokens/***");
    assertThat(String.join("\n", lines)).doesNotContain(canary).doesNotContain("Bearer");
  }

  // Answer size

  @Test
  void maxResponseBytesDefaultsToSixteenMebibytesAndRefusesLessThanOne() {
    assertThat(CleverCloudClient.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(16L << 20);
    assertThatThrownBy(() -> CleverCloudClient.builder().maxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CleverCloudClient.builder().maxResponseBytes(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The limit counts decoded bytes: a gzipped answer small on the wire but over the limit once inflated fails, with
   * the Sozu-Id; one at the limit decodes; error answers still report their status.
   */
  @Test
  void maxResponseBytesCountsDecodedBytes() throws Exception {
    String list = "[" + "{\"name\":\"par\"},".repeat(99) + "{\"name\":\"par\"}]"; // 1,501 bytes
    Buffer gzipped = new Buffer();
    try (var sink = Okio.buffer(new GzipSink(gzipped))) {
      sink.writeUtf8(list);
    }
    assertThat(gzipped.size()).isLessThan(200);
    bridge.enqueue(json(list).newBuilder().addHeader("Content-Encoding", "gzip").addHeader("Sozu-Id", "sozu-9")
        .body(gzipped).build());
    bridge.enqueue(json(list));
    bridge.enqueue(json(404, "{\"code\":\"nope\",\"message\":\"" + "m".repeat(3000) + "\"}"));
    try (CleverCloudClient at = builder().credentials(Credentials.apiToken("t")).maxResponseBytes(1500).build();
        CleverCloudClient over = builder().credentials(Credentials.apiToken("t")).maxResponseBytes(1501).build()) {
      assertThatThrownBy(() -> at.api(ZonesApi.class).listZones(null, null))
          .isInstanceOfSatisfying(ResponseDecodingException.class, e -> {
            assertThat(e.getMessage()).contains("larger than 1500 bytes", "Sozu-Id sozu-9");
            assertThat(e.requestId()).contains("sozu-9");
          });
      assertThat(over.api(ZonesApi.class).listZones(null, null)).hasSize(100);
      assertThatThrownBy(() -> at.api(ZonesApi.class).listZones(null, null))
          .isInstanceOf(com.clevercloud.client.exception.NotFoundException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(3);
  }

  // Redirects

  @Test
  void redirectsAreNeverFollowedEvenWithACallersOkHttpClient() {
    OkHttpClient mine = new OkHttpClient.Builder().build();
    assertThat(mine.followRedirects()).isTrue();
    try (CleverCloudClient own = client(Credentials.apiToken("t"));
        CleverCloudClient users = builder().credentials(Credentials.apiToken("t")).okHttpClient(mine).build()) {
      for (CleverCloudClient client : List.of(own, users)) {
        assertThat(httpOf(client).followRedirects()).isFalse();
        assertThat(httpOf(client).followSslRedirects()).isFalse();
      }
    }
    assertThat(mine.followRedirects()).isTrue();
    mine.dispatcher().executorService().shutdown();
  }

  // Closing

  /** After close(), every call fails at once with a state error, and nothing is sent. */
  @Test
  void aClosedClientRefusesEveryCallBeforeSending() {
    CleverCloudClient client = client(Credentials.apiToken("t"));
    client.close();
    client.close();
    assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed");
    assertThatThrownBy(() -> client.api(ZonesApi.class).listZonesAsync(null, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed");
    assertThatThrownBy(() -> client.http().get("/v4/products/zones")).isInstanceOf(IllegalStateException.class);
    CreateApiTokenRequest create = CreateApiTokenRequest.builder().name("CI").expiration("30d")
        .password("CANARY-closed-password").email("jane.doe@example.com").build();
    assertThatThrownBy(() -> client.apiTokens().create(create)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client closed").hasMessageNotContaining("may have been created");
    Throwable async = org.assertj.core.api.Assertions.catchThrowable(() -> client.apiTokens().createAsync(create)
        .join());
    assertThat(async instanceof CompletionException ? async.getCause() : async)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed")
        .hasMessageNotContaining("may have been created");
    assertThat(bridge.getRequestCount()).isZero();
  }

  /**
   * Asynchronous calls still queued when the client closes fail at once with the state error, not later as
   * timeouts; the call already running ends normally.
   */
  @Test
  void queuedAsyncCallsFailAtOnceWhenTheClientCloses() {
    bridge.enqueue(json("{\"name\":\"par\"}").newBuilder().headersDelay(1, TimeUnit.SECONDS).build());
    CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).maxConcurrentRequests(1).build();
    ZonesApi zones = client.api(ZonesApi.class);
    CompletableFuture<?> running = zones.getZoneAsync("par");
    List<CompletableFuture<?>> queued = List.of(zones.getZoneAsync("par"), zones.getZoneAsync("par"));
    client.close();
    for (CompletableFuture<?> f : queued) {
      assertThat(f).isCompletedExceptionally();
      assertThatThrownBy(f::join).cause().isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("client closed");
    }
    assertThat(running.join()).isNotNull();
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  // Lost answers of creations

  /**
   * A POST whose answer is lost after it went out may have created its resource: the message says so, for every
   * POST operation. One that never left (refused connection) says nothing of the kind.
   */
  @Test
  void aPostWhoseAnswerWasLostMayHaveCreatedItsResource() throws Exception {
    bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.api(OAuthConsumersApi.class).createConsumer("orga_1",
          new WannabeOAuth1Consumer().name("app")))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.operation()).isEqualTo("createConsumer"))
          .hasMessageContaining("may have been created");
      assertThatThrownBy(() -> client.api(OAuthConsumersApi.class).createConsumerAsync("orga_1",
          new WannabeOAuth1Consumer().name("app")).join()).cause().isInstanceOf(TransportException.class)
          .hasMessageContaining("may have been created");
    }
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/").toString();
    closed.close();
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).bridgeBaseUrl(url).build()) {
      assertThatThrownBy(() -> client.api(OAuthConsumersApi.class).createConsumer("orga_1",
          new WannabeOAuth1Consumer().name("app"))).isInstanceOf(TransportException.class)
          .hasMessageNotContaining("may have been");
      assertThatThrownBy(() -> client.http().post("/v2/organisations/orga_1/consumers", "{}"))
          .isInstanceOf(TransportException.class).hasMessageNotContaining("may have been");
      // A GET that failed after going out did not create anything.
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null)).isInstanceOf(TransportException.class)
          .hasMessageNotContaining("may have been");
    }
  }

  /** A System.Logger that keeps formatted lines at every level. */
  static final class CapturingLogger implements Logger {
    private final List<String> lines;

    CapturingLogger(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(msg + (thrown == null ? "" : " " + thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(java.text.MessageFormat.format(format, params));
    }
  }
}
