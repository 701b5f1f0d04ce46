package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.model.WannabeValue;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.ApiException;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.Buffer;
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

  // Oversized and compressed answers

  /**
   * A real gzip stream that inflates to {@code inflated} zero bytes (a multiple of 1 MiB): 1 MiB of zeros deflated
   * once with a full flush (so every copy is the same, byte-aligned), repeated, closed by a final empty block and the
   * gzip trailer. 2 GiB make about 2 MB on the wire, built in a fraction of a second.
   */
  static Buffer gzipBomb(long inflated) {
    byte[] zeros = new byte[1 << 20];
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(zeros);
    byte[] chunk = new byte[1 << 16];
    int chunkSize = deflater.deflate(chunk, 0, chunk.length, Deflater.FULL_FLUSH);
    assertThat(chunkSize).isLessThan(chunk.length);
    deflater.finish();
    byte[] end = new byte[64];
    int endSize = deflater.deflate(end);
    assertThat(deflater.finished()).isTrue();
    deflater.end();
    Buffer gzip = new Buffer().write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    CRC32 crc = new CRC32();
    for (long i = 0; i < inflated >> 20; i++) {
      gzip.write(chunk, 0, chunkSize);
      crc.update(zeros);
    }
    gzip.write(end, 0, endSize);
    gzip.writeIntLe((int) crc.getValue()).writeIntLe((int) inflated);
    return gzip;
  }

  private static MockResponse gzipped(int code, Buffer body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("Content-Encoding", "gzip").body(body).build();
  }

  /**
   * 2 MB on the wire, 2 GiB once inflated: the client stops past its limit (16 MiB by default), counted after
   * decompression, and the call fails as a decoding error, once (no retry), blocking and async alike. Before the
   * limit, the whole 2 GiB was inflated into memory: OutOfMemoryError at -Xmx256m.
   */
  @Test
  void aGzipBombIsCutOffPastTheLimitAndNotRetried() {
    Buffer bomb = gzipBomb(2L << 30);
    assertThat(bomb.size()).isLessThan(3_000_000);
    bridge.enqueue(gzipped(200, bomb.copy()));
    bridge.enqueue(gzipped(200, bomb));
    bridge.enqueue(json("[]"));
    try (CleverCloudClient client = client()) {
      ZonesApi zones = client.api(ZonesApi.class);
      assertThatThrownBy(() -> zones.listZones(null, null)).isInstanceOfSatisfying(ResponseDecodingException.class,
          e -> {
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.getMessage()).contains("listZones", "larger than " + (16 << 20) + " bytes");
          });
      assertThatThrownBy(() -> zones.listZonesAsync(null, null).join()).isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(ResponseDecodingException.class).hasMessageContaining("maxResponseBytes");
      assertThat(zones.listZones(null, null)).isEmpty();
    }
    assertThat(bridge.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).isEmpty();
  }

  /** An error answer that is a gzip bomb: its status is reported, from a short excerpt. */
  @Test
  void aGzipBombErrorAnswerIsReportedByItsStatus() {
    bridge.enqueue(gzipped(500, gzipBomb(1L << 30)));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).retryPolicy(RetryPolicy.none())
        .build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    }
  }

  /** A raw request and a creation read their answers through the same limit. */
  @Test
  void rawAnswersAreBoundedToo() {
    bridge.enqueue(json("[" + "{\"name\":\"par\"},".repeat(200) + "{}]"));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).maxResponseBytes(1000)
        .build()) {
      assertThatThrownBy(() -> client.http().get("/v4/products/zones"))
          .isInstanceOfSatisfying(ResponseDecodingException.class, e -> {
            assertThat(e.getMessage()).contains("GET /v4/products/zones", "larger than 1000 bytes");
            assertThat(e.body()).isEmpty();
          });
    }
  }

  /**
   * An undecodable answer of 300 KB built to make pattern-based masking slow (one quote, then a key-like word over
   * and over): only an excerpt of it reaches the error mapper, so the call ends in the time an excerpt takes, well
   * inside the class's timeout, where masking the whole text took minutes.
   */
  @Test
  void aLargeUndecodableAnswerIsReportedFromAnExcerpt() {
    bridge.enqueue(json("\"" + "token".repeat(60_000)));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf())
          .isInstanceOfSatisfying(ResponseDecodingException.class, e -> {
            assertThat(e.getMessage()).contains("getSelf", "UserView");
            assertThat(e.body().orElse("")).hasSizeLessThan(1000);
          });
    }
  }

  // Redirects

  /**
   * A redirect, whatever its status, is never followed: the body (an environment variable's value) is sent once, to
   * the API's host only, the host the Location names sees nothing, and the caller gets an ApiException with the
   * status. Also with an OkHttpClient of the caller's, which follows redirects by default.
   */
  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsNeverFollowed(int code) throws Exception {
    try (MockWebServer foreign = newServer()) {
      foreign.start();
      foreign.enqueue(json("{\"name\":\"K\",\"value\":\"from elsewhere\"}"));
      foreign.enqueue(json("{\"name\":\"K\",\"value\":\"from elsewhere\"}"));
      for (int i = 0; i < 2; i++) {
        main.enqueue(new MockResponse.Builder().code(code).addHeader("Location", foreign.url("/steal").toString())
            .build());
      }
      OkHttpClient mine = new OkHttpClient.Builder().build();
      try (CleverCloudClient own = builder().credentials(Credentials.oauth1("ck", "cs", "tok", "ts")).build();
          CleverCloudClient users = builder().credentials(Credentials.oauth1("ck", "cs", "tok", "ts"))
              .okHttpClient(mine).build()) {
        for (CleverCloudClient client : List.of(own, users)) {
          assertThatThrownBy(() -> client.api(ApplicationsApi.class).setApplicationEnvVar("orga_1", "app_1", "K",
              new WannabeValue().value("CANARY-redirected-value")))
              .isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(code);
                assertThat(e.getMessage()).contains("redirects are not followed").doesNotContain("CANARY");
              });
        }
      } finally {
        mine.dispatcher().executorService().shutdown();
      }
      assertThat(foreign.getRequestCount()).isZero();
      assertThat(main.getRequestCount()).isEqualTo(2); // one PUT per client: neither followed nor retried
      assertThat(take(main).getBody().utf8()).contains("CANARY-redirected-value");
    }
    assertThat(time.sleeps).isEmpty();
  }

  /** A redirect loop is one request, not 21 followed then retried 3 times. */
  @Test
  void aRedirectLoopIsOneRequest() {
    for (int i = 0; i < 70; i++) {
      bridge.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/v4/products/zones").build());
    }
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  // Malformed heads

  /** A 2 MB response header is over OkHttp's limit: a transport failure, not retried (the server would send it again). */
  @Test
  void aHugeResponseHeaderIsNotRetried() {
    for (int i = 0; i < 3; i++) {
      bridge.enqueue(json(ZONE).newBuilder().addHeader("X-Huge", "h".repeat(2_000_000)).build());
    }
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).getZone("par")).isInstanceOf(TransportException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  /** An unreadable status line is a protocol error: not retried. */
  @Test
  void aMalformedStatusLineIsNotRetried() {
    for (int i = 0; i < 3; i++) {
      bridge.enqueue(json(ZONE).newBuilder().status("HTTP/1.1 2OO Fine").build());
    }
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).getZone("par")).isInstanceOf(TransportException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
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
