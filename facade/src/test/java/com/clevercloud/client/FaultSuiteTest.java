package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.RateLimitException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TokenCreatedButUnreadableException;
import com.clevercloud.client.exception.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the network and a misbehaving server can do, on loopback: each case asserts the typed exception or the retry
 * outcome, and every token creation whose answer carried the secret hands it to the caller. Retries wait on
 * {@link FakeTime}; only the timeout cases take real time (a few hundred milliseconds each).
 */
@Timeout(30)
class FaultSuiteTest extends TestServers {

  private static final String SECRET = "CANARY-fault-secret-0001";
  private static final String ZONE = "{\"name\":\"par\"}";
  private static final String CREATED = "{\"apiToken\":\"" + SECRET + "\",\"apiTokenId\":\"api_tokens_1\","
      + "\"creationDate\":\"2026-01-15T10:30:00.000Z\",\"expirationDate\":\"2026-02-14T10:30:00.000Z\","
      + "\"name\":\"CI\",\"state\":\"ACTIVE\"}";

  private CleverCloudClient client() {
    return client(Credentials.apiToken("t"));
  }

  private static CreateApiTokenRequest create() {
    return CreateApiTokenRequest.builder().name("CI").expiration("30d").password("CANARY-fault-password")
        .email("jane.doe@example.com").build();
  }

  private static MockResponse html(int code, String page) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html; charset=utf-8").body(page)
        .build();
  }

  private static MockResponse cutMidBody(String body) {
    return json(body).newBuilder().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static String padding() {
    return "\"description\":\"" + "d".repeat(8000) + "\"";
  }

  // Timeouts

  @Test
  void connectTimeoutIsRetriedThenReportedAsATimeout() throws Exception {
    try (FullBacklog port = new FullBacklog();
        CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).bridgeBaseUrl(port.url())
            .connectTimeout(Duration.ofMillis(150)).build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOfSatisfying(TransportException.class,
            e -> assertThat(e.isTimeout()).isTrue());
    }
    assertThat(time.sleeps).hasSize(2);
  }

  @Test
  void connectionRefusedIsRetriedThenReported() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/").toString();
    closed.close();
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).bridgeBaseUrl(url).build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOfSatisfying(TransportException.class,
            e -> assertThat(e.isTimeout()).isFalse());
    }
    assertThat(time.sleeps).hasSize(2);
  }

  @Test
  void readTimeoutOnAGetIsRetriedAndRecovers() {
    bridge.enqueue(json(ZONE).newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .readTimeout(Duration.ofMillis(500)).build()) {
      assertThat(client.api(ZonesApi.class).getZone("par").getName()).isEqualTo("par");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
  }

  @Test
  void readTimeoutOnACreateIsReportedOnceAndSaysTheTokenMayExist() {
    bridge.enqueue(json(CREATED).newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .readTimeout(Duration.ofMillis(500)).build()) {
      assertThatThrownBy(() -> client.apiTokens().create(create())).isInstanceOfSatisfying(TransportException.class,
          e -> assertThat(e.isTimeout()).isTrue()).hasMessageContaining("may have been created");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSlowDripThatOutlastsTheCallTimeoutIsATimeoutAndNotRetried() {
    bridge.enqueue(json("[" + "{\"name\":\"par\"},".repeat(50) + "{}]").newBuilder()
        .throttleBody(16, 100, TimeUnit.MILLISECONDS).build());
    bridge.enqueue(json("[]"));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .callTimeout(Duration.ofMillis(400)).build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOfSatisfying(TransportException.class,
            e -> assertThat(e.isTimeout()).isTrue());
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aSlowDripOnACreateThatTimesOutAfterTheSecretHandsItOver() {
    // The first chunk (at once) holds the secret; the rest drips for a minute; the call gives up after 1.5 s.
    bridge.enqueue(json(CREATED.replace("}", "," + padding() + "}")).newBuilder()
        .throttleBody(CREATED.length(), 1, TimeUnit.SECONDS).build());
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .callTimeout(Duration.ofMillis(1500)).build()) {
      assertThatThrownBy(() -> client.apiTokens().create(create()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.secret().reveal()).isEqualTo(SECRET);
            assertThat(e.apiTokenId()).contains("api_tokens_1");
          });
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  // Connections cut short

  @Test
  void aGetCutMidBodyIsRetried() {
    bridge.enqueue(cutMidBody("[" + "{\"name\":\"par\"},".repeat(2000) + "{}]"));
    bridge.enqueue(json("[" + ZONE + "]"));
    try (CleverCloudClient client = client()) {
      assertThat(client.api(ZonesApi.class).listZones(null, null)).hasSize(1);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void aCreateCutMidBodyAfterTheSecretHandsItOver() {
    bridge.enqueue(cutMidBody(CREATED.replace("}", "," + padding() + "}")));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(create()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class,
              e -> assertThat(e.secret().reveal()).isEqualTo(SECRET));
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCreateCutBeforeTheSecretSaysTheTokenMayExist() {
    bridge.enqueue(cutMidBody("{" + padding() + ",\"apiToken\":\"" + SECRET + "\"}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(create())).isInstanceOf(TransportException.class)
          .hasMessageContaining("may have been created").hasMessageNotContaining(SECRET);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  // Bodies that are not what they should be

  @Test
  void truncatedJsonOnAGetIsADecodingErrorNotRetried() {
    bridge.enqueue(json("{\"id\":\"user_1\",\"email\":\"jane.doe@exa"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf()).isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("getSelf").hasMessageContaining("UserView");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  /** Bodies over 64 KiB are decoded through a peek at the buffer rather than a copy: the same outcomes. */
  @Test
  void aLargeListDecodesWhole() {
    bridge.enqueue(json("[" + "{\"name\":\"par\"},".repeat(9_999) + "{\"name\":\"last\"}]"));
    try (CleverCloudClient client = client()) {
      var zones = client.api(ZonesApi.class).listZones(null, null);
      assertThat(zones).hasSize(10_000);
      assertThat(zones.get(9_999).getName()).isEqualTo("last");
    }
  }

  @Test
  void truncatedJsonOverSixtyFourKibIsADecodingErrorNotRetried() {
    bridge.enqueue(json("[" + "{\"name\":\"par\"},".repeat(9_999) + "{\"name\":\"la"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("listZones").hasMessageContaining("JSON body");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void truncatedJsonOnACreateAfterTheSecretHandsItOver() {
    bridge.enqueue(json(CREATED.substring(0, CREATED.indexOf("\"creationDate\"") + 20)));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(create()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.secret().reveal()).isEqualTo(SECRET);
            assertThat(e.apiTokenId()).contains("api_tokens_1");
          });
    }
  }

  @Test
  void anHtml502PageOnAGetIsRetriedThenReportedReadably() {
    for (int i = 0; i < 3; i++) {
      bridge.enqueue(html(502, "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"));
    }
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf()).isInstanceOfSatisfying(ServerException.class, e -> {
        assertThat(e.getMessage()).isEqualTo("getSelf: HTTP 502 with an HTML body (Bad Gateway)");
        assertThat(e.getCause()).isNull();
      });
    }
    assertThat(bridge.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anHtml502PageOnACreateIsReportedOnce() {
    bridge.enqueue(html(502, "<html><body>Bad Gateway</body></html>"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(create())).isInstanceOf(ServerException.class)
          .hasMessageContaining("HTML body");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anHtml200MaintenancePageIsADecodingError() {
    bridge.enqueue(html(200, "<html><body>Maintenance</body></html>"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("HTML body");
    }
  }

  @Test
  void anEmpty200WhereABodyIsExpectedIsADecodingError() {
    bridge.enqueue(json(""));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf()).isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("empty body");
    }
  }

  @Test
  void anEmpty200ToADeletionIsASuccess() {
    bridge.enqueue(json(""));
    try (CleverCloudClient client = client()) {
      client.api(ApiTokensApi.class).deleteApiToken("api_tokens_1");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anEmpty200ToACreateSaysTheTokenMayExist() {
    bridge.enqueue(json(""));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(create())).isExactlyInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("listApiTokens()");
    }
  }

  /** Non-secret fields of unexpected types: the secret always reaches the caller, by one door or the other. */
  @ParameterizedTest
  @ValueSource(strings = {
      "\"creationDate\":42,\"name\":{}",
      "\"expirationDate\":\"in a while\"",
      "\"description\":[1,2]",
      "\"name\":{\"first\":\"CI\"}",
      "\"creationDate\":true,\"surprise\":{\"nested\":[null]}",
      "\"state\":7,\"apiTokenId\":12",
  })
  void aCreateAnswerWithUnexpectedTypesStillHandsOverTheSecret(String members) {
    bridge.enqueue(json("{\"apiToken\":\"" + SECRET + "\",\"apiTokenId\":\"api_tokens_1\"," + members + "}"));
    try (CleverCloudClient client = client()) {
      Throwable thrown = catchThrowable(() -> {
        CreatedApiToken created = client.apiTokens().create(create());
        assertThat(created.secret().reveal()).isEqualTo(SECRET);
      });
      if (thrown != null) {
        assertThat(thrown).isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
          assertThat(e.secret().reveal()).isEqualTo(SECRET);
          assertThat(e.getMessage()).doesNotContain(SECRET);
          assertThat(e.body()).isEmpty(); // a creation's answer is never quoted
        });
      }
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  // Rate limits and bursts

  @Test
  void a429WithRetryAfterIsWaitedForThenTheGetSucceeds() {
    bridge.enqueue(json(429, "{\"code\":\"rate-limited\"}").newBuilder().addHeader("Retry-After", "2").build());
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = client()) {
      assertThat(client.api(ZonesApi.class).getZone("par").getName()).isEqualTo("par");
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void a429WithRetryAfterOnACreateIsReportedWithTheDelay() {
    bridge.enqueue(json(429, "{\"code\":\"rate-limited\"}").newBuilder().addHeader("Retry-After", "2").build());
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(create()))
          .isInstanceOfSatisfying(RateLimitException.class,
              e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aShortBurstOf503sIsRiddenOut() {
    bridge.enqueue(json(503, "{}"));
    bridge.enqueue(html(503, "<html>Service Unavailable</html>"));
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = client()) {
      assertThat(client.api(ZonesApi.class).getZone("par").getName()).isEqualTo("par");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aLongBurstOf503sIsReportedAfterThreeAttempts() {
    for (int i = 0; i < 10; i++) {
      bridge.enqueue(json(503, "{}"));
    }
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).getZone("par")).isInstanceOf(ServerException.class);
      assertThatThrownBy(() -> client.apiTokens().create(create())).isInstanceOf(ServerException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(4); // three GET attempts, one creation
  }

  /**
   * A loopback port whose accept queue is full, so that a connection attempt hangs until its timeout: the kernel
   * drops the SYN. Skips the test where the platform does not behave so.
   */
  private static final class FullBacklog implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> queued = new ArrayList<>();

    FullBacklog() throws IOException {
      server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      boolean full = false;
      for (int i = 0; i < 16 && !full; i++) {
        Socket s = new Socket();
        try {
          s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 100);
          queued.add(s);
        } catch (SocketTimeoutException e) {
          s.close();
          full = true;
        }
      }
      if (!full) {
        close();
      }
      Assumptions.assumeTrue(full, "the accept queue never filled up on this platform");
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    @Override
    public void close() throws IOException {
      for (Socket s : queued) {
        s.close();
      }
      server.close();
    }
  }
}
