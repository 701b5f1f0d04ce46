package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.api.OAuthTokensApi;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
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
