package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.OrganisationsApi;
import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.api.v2.model.WannabeValue;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.api.v4.model.Zone;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.internal.OperationTable;
import com.clevercloud.client.internal.RetryInterceptor;
import com.clevercloud.client.internal.Routing;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One client shared by 32 threads, 500 mixed calls each (16,000 calls: GET, PUT, DELETE, POST, raw), against a
 * loopback server that answers with what it read from each request: every answer must belong to its own request.
 * Asynchronous calls run at once up to {@link CleverCloudClient#DEFAULT_MAX_CONCURRENT_REQUESTS} (not OkHttp's 5 per
 * host), and no more than {@link CleverCloudClient.Builder#maxConcurrentRequests(int)} when set. The facade keeps no
 * global mutable state.
 */
class ConcurrencyTest {

  static final int THREADS = 32;
  static final int CALLS_PER_THREAD = 500;

  private MockWebServer server;
  private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger served = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = TestServers.newServer();
    server.setDispatcher(new EchoDispatcher());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @Timeout(120)
  void oneClientServes32ThreadsWithoutMixingAnswers() throws Exception {
    List<Future<Integer>> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (CleverCloudClient client = CleverCloudClient.builder()
        .apiBaseUrl(server.url("/").toString())
        .bridgeBaseUrl(server.url("/").toString())
        .credentials(Credentials.apiToken("concurrency-token"))
        .build()) {
      CountDownLatch go = new CountDownLatch(1);
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            call(client, "t" + thread + "-" + i, i % 7);
          }
          return CALLS_PER_THREAD;
        }));
      }
      go.countDown();
      int done = 0;
      for (Future<Integer> f : results) {
        done += f.get(60, TimeUnit.SECONDS); // rethrows the first failure of that thread
      }
      assertThat(done).isEqualTo(THREADS * CALLS_PER_THREAD);
    } finally {
      pool.shutdownNow();
    }
    assertThat(served).hasValue(THREADS * CALLS_PER_THREAD); // no retry, no duplicate
    // Synchronous calls hold at most one connection per calling thread, and the client's pool keeps
    // MAX_IDLE_CONNECTIONS (32) idle ones: no connection is opened twice for the same load.
    assertThat(THREADS).isLessThanOrEqualTo(CleverCloudClient.MAX_IDLE_CONNECTIONS);
    assertThat(connections).hasSizeBetween(1, THREADS);
  }

  /**
   * With the default builder, 20 asynchronous calls to one host are all sent at once: the server holds every answer
   * until it has received 20 requests, which only happens if none waits in OkHttp's queue (OkHttp alone would send 5).
   */
  @Test
  @Timeout(60)
  void byDefaultTwentyAsyncCallsAreInFlightAtOnce() throws Exception {
    int calls = 20;
    CountDownLatch allArrived = new CountDownLatch(calls);
    AtomicInteger answeredBeforeAllArrived = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        allArrived.countDown();
        if (!allArrived.await(30, TimeUnit.SECONDS)) {
          answeredBeforeAllArrived.incrementAndGet(); // the client never had 20 in flight
        }
        return zone(request).newBuilder().headersDelay(300, TimeUnit.MILLISECONDS).build();
      }
    });
    try (CleverCloudClient client = CleverCloudClient.builder()
        .apiBaseUrl(server.url("/").toString())
        .bridgeBaseUrl(server.url("/").toString())
        .credentials(Credentials.apiToken("concurrency-token"))
        .build()) {
      assertThat(TestServers.httpOf(client).dispatcher().getMaxRequestsPerHost())
          .isEqualTo(CleverCloudClient.DEFAULT_MAX_CONCURRENT_REQUESTS);
      List<CompletableFuture<Zone>> zones = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        zones.add(client.api(ZonesApi.class).getZoneAsync("zone-" + i));
      }
      for (int i = 0; i < calls; i++) {
        assertThat(zones.get(i).get(45, TimeUnit.SECONDS).getName()).isEqualTo("zone-" + i);
      }
    }
    assertThat(allArrived.getCount()).as("requests the server never received").isZero();
    assertThat(answeredBeforeAllArrived).as("answers given before the 20 requests were all received").hasValue(0);
    assertThat(server.getRequestCount()).isEqualTo(calls);
  }

  /**
   * With maxConcurrentRequests(5), 20 asynchronous calls never have more than 5 requests in flight: in flight counts
   * the requests the server received minus the answers the caller got, when each request arrives. The first five
   * answers wait until five requests arrived, so the limit is reached, and each answer is held a little, so that
   * requests beyond the limit would have time to arrive.
   */
  @Test
  @Timeout(60)
  void maxConcurrentRequestsCapsAsyncCallsInFlight() throws Exception {
    int calls = 20;
    int max = 5;
    CountDownLatch firstWave = new CountDownLatch(max);
    AtomicInteger received = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int inFlight = received.incrementAndGet() - completed.get();
        maxInFlight.accumulateAndGet(inFlight, Math::max);
        firstWave.countDown();
        firstWave.await(30, TimeUnit.SECONDS);
        return zone(request).newBuilder().headersDelay(100, TimeUnit.MILLISECONDS).build();
      }
    });
    try (CleverCloudClient client = CleverCloudClient.builder()
        .apiBaseUrl(server.url("/").toString())
        .bridgeBaseUrl(server.url("/").toString())
        .credentials(Credentials.apiToken("concurrency-token"))
        .maxConcurrentRequests(max)
        .build()) {
      List<CompletableFuture<Zone>> zones = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        // Counted when the caller gets the answer, before OkHttp frees its slot for the next call.
        zones.add(client.api(ZonesApi.class).getZoneAsync("zone-" + i)
            .whenComplete((zone, failure) -> completed.incrementAndGet()));
      }
      for (int i = 0; i < calls; i++) {
        assertThat(zones.get(i).get(45, TimeUnit.SECONDS).getName()).isEqualTo("zone-" + i);
      }
    }
    assertThat(server.getRequestCount()).isEqualTo(calls);
    assertThat(firstWave.getCount()).isZero();
    assertThat(maxInFlight).hasValue(max);
  }

  private static MockResponse zone(RecordedRequest request) {
    List<String> path = request.getUrl().pathSegments();
    return TestServers.json("{\"name\":\"" + path.get(path.size() - 1) + "\"}");
  }

  /**
   * No global mutable state: every static field of the facade is final, holds no array, and is of a type that cannot
   * change (or, for the nonce source, is built for sharing). A new static field of another type fails here, on
   * purpose: it must be thought about.
   */
  @Test
  void theFacadeHasNoGlobalMutableState() throws Exception {
    Set<Class<?>> immutable = Set.of(String.class, Pattern.class, MediaType.class, RetryPolicy.class,
        Routing.Route.class, RetryInterceptor.Sleeper.class,
        // Built once from the generated specs; its one mutable part is a thread-safe memo (method -> row).
        OperationTable.class,
        SecureRandom.class, // thread-safe; its state is the point of it
        // Log streams: immutable values (defaults, SSE field names), and Gson, immutable and thread-safe once built.
        java.time.Duration.class, okio.ByteString.class, com.google.gson.Gson.class);
    List<String> checked = new ArrayList<>();
    for (Class<?> c : FacadeClasses.all()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue; // instance state, or compiler-made ($VALUES, switch maps)
        }
        String name = c.getName() + "." + f.getName();
        checked.add(name);
        assertThat(Modifier.isFinal(f.getModifiers())).as(name + " is final").isTrue();
        Class<?> type = f.getType();
        assertThat(type.isArray()).as(name + " is not an array").isFalse();
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
          f.setAccessible(true);
          assertThat(f.get(null).getClass().getName()).as(name + " is unmodifiable")
              .containsAnyOf("Immutable", "Unmodifiable");
        } else {
          assertThat(type.isPrimitive() || type.isEnum() || immutable.contains(type))
              .as(name + " of type " + type.getName() + " cannot change").isTrue();
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(20);
  }

  /** One call (one request) of seven kinds; each checks that the answer echoes its own id. */
  private static void call(CleverCloudClient client, String id, int kind) {
    switch (kind) {
      case 0 -> assertThat(client.api(OrganisationsApi.class).getOrganisation("orga_" + id).getId())
          .isEqualTo("orga_" + id);
      case 1 -> assertThat(client.api(ZonesApi.class).getZone("zone-" + id).getName()).isEqualTo("zone-" + id);
      case 2 -> assertThat(client.api(ApiTokensApi.class).getApiToken("api_tokens_" + id).getApiTokenId())
          .isEqualTo("api_tokens_" + id);
      case 3 -> {
        ApplicationView app = client.api(ApplicationsApi.class).setApplicationEnvVar("orga_1", "app_" + id, "KEY",
            new WannabeValue().value("value-" + id));
        assertThat(app.getId()).isEqualTo("app_" + id);
        assertThat(app.getName()).isEqualTo("value-" + id); // the server read this request's body
      }
      case 4 -> {
        CreatedApiToken created = client.apiTokens().create(CreateApiTokenRequest.builder().name("token " + id)
            .expiration("1d").password("pw").email("jane.doe@example.com").build());
        assertThat(created.secret().reveal()).isEqualTo("secret of token " + id);
      }
      case 5 -> assertThat(client.api(ApplicationsApi.class).deleteApplicationEnvVar("orga_1", "app_" + id, "KEY")
          .getId()).isEqualTo("app_" + id);
      case 6 -> assertThat(client.http().get("/v2/echo/" + id).body()).isEqualTo("{\"echo\":\"" + id + "\"}");
      default -> throw new AssertionError(kind);
    }
  }

  /** Answers from the request itself: the last path segment, or the body's name or value. */
  private final class EchoDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      served.incrementAndGet();
      connections.add(request.getConnectionIndex());
      List<String> path = request.getUrl().pathSegments();
      String last = path.get(path.size() - 1);
      String method = request.getMethod();
      String body;
      if (method.equals("POST") && path.equals(List.of("api-tokens"))) {
        String name = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject().get("name").getAsString();
        body = "{\"apiToken\":\"secret of " + name + "\",\"apiTokenId\":\"api_tokens_x\",\"name\":\"" + name + "\"}";
      } else if (path.get(0).equals("api-tokens")) {
        body = "{\"apiTokenId\":\"" + last + "\"}";
      } else if (path.contains("env")) {
        String app = path.get(path.size() - 3);
        String value = method.equals("PUT")
            ? JsonParser.parseString(request.getBody().utf8()).getAsJsonObject().get("value").getAsString() : "";
        body = "{\"id\":\"" + app + "\",\"name\":\"" + value + "\"}";
      } else if (path.contains("zones")) {
        body = "{\"name\":\"" + last + "\"}";
      } else if (path.contains("echo")) {
        body = "{\"echo\":\"" + last + "\"}";
      } else {
        body = "{\"id\":\"" + last + "\"}";
      }
      return TestServers.json(body);
    }
  }
}
