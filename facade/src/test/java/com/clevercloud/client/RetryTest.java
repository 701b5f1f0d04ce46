package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.OAuthConsumersApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.api.v2.model.WannabeValue;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.RateLimitException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TransportException;
import com.clevercloud.client.internal.OperationTable;
import java.lang.reflect.Method;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry rule: which calls, which failures, how long to wait, and never a POST. */
class RetryTest extends TestServers {

  private static final String ZONE = "{\"name\":\"par\"}";

  private CleverCloudClient client() {
    return client(Credentials.apiToken("t"));
  }

  private static MockResponse status(int code) {
    return json(code, "{\"code\":\"busy\",\"message\":\"try later\"}");
  }

  private static MockResponse retryAfter(int code, String value) {
    return status(code).newBuilder().addHeader("Retry-After", value).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void getIsRetriedOnTransientStatuses(int code) {
    bridge.enqueue(status(code));
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = client()) {
      assertThat(client.api(ZonesApi.class).getZone("par").getName()).isEqualTo("par");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422, 500, 501, 505})
  void otherStatusesAreNotRetried(int code) {
    bridge.enqueue(status(code));
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).getZone("par")).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.statusCode()).isEqualTo(code));
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aBurstOf503sEndsWithTheLastAnswerAfterMaxAttempts() {
    for (int i = 0; i < 4; i++) {
      bridge.enqueue(status(503).newBuilder().addHeader("Sozu-Id", "sozu-" + i).build());
    }
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null))
          .isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.requestId()).contains("sozu-2"); // the third and last attempt's answer
          });
    }
    assertThat(bridge.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).hasSize(2);
  }

  @Test
  void backoffIsExponentialWithJitterAndCapped() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(6).baseDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofMillis(1000)).build();
    for (int i = 0; i < 5; i++) {
      bridge.enqueue(status(503));
    }
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).retryPolicy(policy).build()) {
      client.api(ZonesApi.class).getZone("par");
    }
    long[] caps = {100, 200, 400, 800, 1000};
    assertThat(time.sleeps).hasSize(caps.length);
    for (int i = 0; i < caps.length; i++) {
      assertThat(time.sleeps.get(i)).as("delay before retry %d", i + 1)
          .isBetween(Duration.ofMillis(caps[i] / 2), Duration.ofMillis(caps[i]));
    }
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    bridge.enqueue(retryAfter(429, "3"));
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = client()) {
      client.api(ZonesApi.class).getZone("par");
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        time.clock().instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    bridge.enqueue(retryAfter(503, inSevenSeconds));
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).clock(time.clock()).build()) {
      client.api(ZonesApi.class).getZone("par");
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterBeyondTheCapEndsRetriesAndIsReported() {
    bridge.enqueue(retryAfter(429, "120"));
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).getZone("par"))
          .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void rateLimitAfterTheLastAttemptCarriesItsRetryAfter() {
    for (int i = 0; i < 3; i++) {
      bridge.enqueue(retryAfter(429, "1"));
    }
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).getZone("par"))
          .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
    }
    assertThat(bridge.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void retriesStayInsideTheCallTimeout() {
    // 2 s for the whole call: the first 1 s wait fits, a second one would end exactly at the deadline.
    for (int i = 0; i < 3; i++) {
      bridge.enqueue(retryAfter(503, "1"));
    }
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .callTimeout(Duration.ofSeconds(2)).build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).getZone("par")).isInstanceOf(ServerException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void putAndDeleteAreRetriedWithTheSameBody() throws Exception {
    bridge.enqueue(status(503));
    bridge.enqueue(json("{\"id\":\"app_1\"}"));
    bridge.enqueue(status(502));
    bridge.enqueue(new MockResponse.Builder().code(204).build());
    try (CleverCloudClient client = client()) {
      client.api(ApplicationsApi.class).setApplicationEnvVar("orga_1", "app_1", "LOG_LEVEL",
          new WannabeValue().value("debug"));
      client.api(ApiTokensApi.class).deleteApiToken("api_tokens_1");
    }
    RecordedRequest put1 = take(bridge);
    RecordedRequest put2 = take(bridge);
    assertThat(put1.getMethod()).isEqualTo("PUT");
    assertThat(put2.getBody().utf8()).isEqualTo(put1.getBody().utf8()).isEqualTo("{\"value\":\"debug\"}");
    assertThat(take(bridge).getMethod()).isEqualTo("DELETE");
    assertThat(take(bridge).getMethod()).isEqualTo("DELETE");
    assertThat(time.sleeps).hasSize(2);
  }

  @Test
  void postIsNeverRetriedWhateverTheFailure() {
    bridge.enqueue(status(503));
    bridge.enqueue(retryAfter(429, "0"));
    bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    bridge.enqueue(json("{}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ApplicationsApi.class).redeployApplication("orga_1", "app_1", null, null))
          .isInstanceOf(ServerException.class);
      assertThatThrownBy(() -> client.http().post("/v2/anything", "{}")).isInstanceOf(RateLimitException.class);
      assertThatThrownBy(() -> client.api(OAuthConsumersApi.class).createConsumer("orga_1",
          new WannabeOAuth1Consumer().name("app")))
          .isInstanceOf(TransportException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps).isEmpty();
  }

  /**
   * Every operation of the table, through both its methods, against a 503 then a success: GET, PUT and DELETE are
   * repeated and succeed, POST is sent once and reported.
   */
  @Test
  void everyOperationIsRetriedExactlyWhenItsHttpMethodIsSafeToRepeat() throws Throwable {
    AtomicInteger attempt = new AtomicInteger();
    Dispatcher firstBusy = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return attempt.getAndIncrement() == 0 ? status(503) : new MockResponse.Builder().code(204).build();
      }
    };
    main.setDispatcher(firstBusy);
    bridge.setDispatcher(firstBusy);
    Set<String> methods = new TreeSet<>();
    try (CleverCloudClient client = client()) {
      for (OperationTable.Op op : TableCalls.all()) {
        for (boolean async : new boolean[] {false, true}) {
          Method method = TableCalls.method(op, async);
          attempt.set(0);
          Object[] args = TableCalls.defaultArgs(op, method);
          if (op.httpMethod().equals("POST")) {
            assertThatThrownBy(() -> TableCalls.call(client, method, args)).as(method.getName())
                .isInstanceOf(ServerException.class);
            assertThat(attempt).as("%s sent once", method.getName()).hasValue(1);
          } else {
            TableCalls.call(client, method, args);
            assertThat(attempt).as("%s repeated once", method.getName()).hasValue(2);
          }
          methods.add(op.httpMethod());
        }
      }
    }
    assertThat(methods).containsExactlyInAnyOrder("GET", "PUT", "DELETE", "POST");
  }

  @Test
  void postIsNotRepeatedByOkHttpOnAReusedConnection() {
    // A GET leaves a pooled connection; the POST on it gets no answer. OkHttp would silently resend a replayable body.
    bridge.enqueue(json(ZONE));
    bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    bridge.enqueue(json("{}"));
    try (CleverCloudClient client = client()) {
      client.api(ZonesApi.class).getZone("par");
      assertThatThrownBy(() -> client.api(OAuthConsumersApi.class).createConsumer("orga_1",
          new WannabeOAuth1Consumer().name("app")))
          .isInstanceOf(TransportException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
  }

  @Test
  void connectionFailuresAreRetried() {
    bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = client()) {
      assertThat(client.api(ZonesApi.class).getZone("par").getName()).isEqualTo("par");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void everyAttemptIsSignedAfresh() throws Exception {
    main.enqueue(retryAfter(503, "5"));
    main.enqueue(json("{}"));
    try (CleverCloudClient client = builder().clock(time.clock())
        .credentials(Credentials.oauth1("ck", "cs", "tok", "ts", SignatureMethod.HMAC_SHA512)).build()) {
      client.api(SelfApi.class).getSelf();
    }
    RecordedRequest first = take(main);
    RecordedRequest second = take(main);
    Map<String, String> a = oauthHeader(first.getHeaders().get("Authorization"));
    Map<String, String> b = oauthHeader(second.getHeaders().get("Authorization"));
    assertThat(b.get("oauth_nonce")).isNotEqualTo(a.get("oauth_nonce"));
    assertThat(Long.parseLong(b.get("oauth_timestamp")) - Long.parseLong(a.get("oauth_timestamp"))).isEqualTo(5);
    assertThat(a.get("oauth_signature")).isEqualTo(expectedHmac(first, a, "HmacSHA512", "cs", "ts"));
    assertThat(b.get("oauth_signature")).isEqualTo(expectedHmac(second, b, "HmacSHA512", "cs", "ts"));
  }

  @Test
  void noneMeansOneAttempt() {
    bridge.enqueue(status(503));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).retryPolicy(RetryPolicy.none())
        .build()) {
      assertThat(client.retryPolicy().maxAttempts()).isEqualTo(1);
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null)).isInstanceOf(ServerException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void unknownHostsAreNotRetried() {
    AtomicInteger lookups = new AtomicInteger();
    OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
      lookups.incrementAndGet();
      throw new UnknownHostException(host);
    }).build();
    try (CleverCloudClient client = CleverCloudClient.builder().credentials(Credentials.apiToken("t"))
        .okHttpClient(noDns).retryTiming(time.sleeper(), time::nanoTime).build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null)).isInstanceOf(TransportException.class);
    }
    assertThat(lookups).hasValue(1);
    assertThat(time.sleeps).isEmpty();
  }

  /**
   * OkHttp's own follow-ups exhausted (an authenticator of the caller's that answers every 401 with another try)
   * end in a ProtocolException: 21 requests, not retried to 63.
   */
  @Test
  void protocolErrorsAreNotRetried() {
    AtomicInteger seen = new AtomicInteger();
    bridge.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        seen.incrementAndGet();
        return json(401, "{}");
      }
    });
    OkHttpClient persistent = new OkHttpClient.Builder()
        .authenticator((route, response) -> response.request().newBuilder().build()).build();
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).okHttpClient(persistent)
        .build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null)).isInstanceOf(TransportException.class)
          .hasMessageContaining("ProtocolException");
    } finally {
      persistent.dispatcher().executorService().shutdown();
    }
    assertThat(seen).hasValue(21);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void anInterruptedWaitEndsTheCallAndKeepsTheInterrupt() {
    bridge.enqueue(status(503));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .retryTiming(delay -> {
          throw new InterruptedException();
        }, time::nanoTime).build()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZones(null, null)).isInstanceOf(TransportException.class);
      assertThat(Thread.interrupted()).isTrue(); // clears the flag for the next tests
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void policyDefaultsAndValidation() {
    RetryPolicy d = RetryPolicy.defaults();
    assertThat(List.of(d.maxAttempts(), d.baseDelay(), d.maxDelay(), d.maxRetryAfter()))
        .containsExactly(3, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(20));
    assertThat(RetryPolicy.builder().build().toString()).isEqualTo(d.toString());
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    try (CleverCloudClient client = CleverCloudClient.builder().build()) {
      assertThat(client.retryPolicy()).isSameAs(RetryPolicy.defaults());
    }
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1))
        .build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CleverCloudClient.builder().retryPolicy(null)).isInstanceOf(NullPointerException.class);
  }
}
