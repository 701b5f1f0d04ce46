package com.clevercloud.client.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.TransportException;
import com.google.gson.JsonSyntaxException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;
import retrofit2.Invocation;
import retrofit2.http.GET;
import retrofit2.http.Streaming;

/**
 * The edges of the call pipeline, seen from inside the package: responses closed on every path (their connections go
 * back to the pool), what {@code close()} cancels, the asynchronous retry's timer and deadline, the retry rule's
 * limits (backoff arithmetic, the {@code Retry-After} cap, the body bound, over-long header lines), the logging
 * line, and how cancelling a {@link CancellableFuture} travels along a chain.
 */
class PipelineEdgesTest {

  private static final String ZONE = "{\"name\":\"par\"}";

  private final ErrorMapper errors = new ErrorMapper(Clock.systemUTC());
  /** Fake monotonic time: a wait records its delay and moves it forward at once. */
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final RetryInterceptor.Sleeper fakeSleep = delay -> {
    sleeps.add(delay);
    nanos.addAndGet(delay.toNanos());
  };
  /** Calls whose response body was closed or read to its end (OkHttp ends the call then, and frees its connection). */
  private final AtomicInteger ended = new AtomicInteger();
  private final CountDownLatch firstEnd = new CountDownLatch(1);
  private final EventListener endings = new EventListener() {
    @Override
    public void callEnd(Call call) {
      ended.incrementAndGet();
      firstEnd.countDown();
    }
  };
  private final List<OkHttpClient> clients = new ArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    for (OkHttpClient http : clients) {
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
    }
    server.close();
  }

  private OkHttpClient track(OkHttpClient http) {
    clients.add(http);
    return http;
  }

  /** A client with the call-ending listener and no retry: what the executor alone does. */
  private OkHttpClient plain() {
    return track(new OkHttpClient.Builder().eventListener(endings).build());
  }

  private RetryInterceptor retry(int attempts, Duration maxRetryAfter, RetryInterceptor.Sleeper sleeper) {
    return new RetryInterceptor(attempts, Duration.ofMillis(100), Duration.ofSeconds(1), maxRetryAfter, errors,
        sleeper, nanos::get, 1 << 20);
  }

  /** A client with the retry rule (on fake time) and a whole-call timeout. */
  private OkHttpClient retrying(Duration callTimeout) {
    return track(new OkHttpClient.Builder().addInterceptor(retry(3, Duration.ofSeconds(20), fakeSleep))
        .callTimeout(callTimeout).build());
  }

  private CallExecutor executor(OkHttpClient http) {
    return new CallExecutor(http, errors, fakeSleep, nanos::get);
  }

  private Request get(String path) {
    return new Request.Builder().url(server.url(path)).build();
  }

  private static CallExecutor.Decoding decoding(Class<?> type) {
    Converter<ResponseBody, ?> converter = type == String.class ? ResponseBody::string : null;
    return new CallExecutor.Decoding(type, converter, false, "getZone");
  }

  /** A decoding whose parser refuses every body, as Gson does with a body of another shape. */
  private static CallExecutor.Decoding refusing() {
    return new CallExecutor.Decoding(Object.class, body -> {
      throw new JsonSyntaxException("Expected BEGIN_OBJECT");
    }, false, "getZone");
  }

  private static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse retryAfter(int code, String seconds) {
    return status(code, "{\"code\":\"busy\"}").newBuilder().addHeader("Retry-After", seconds).build();
  }

  private static MockResponse cutOff() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  /** What the future failed with (unwrapped), failing the test if it does not fail within ten seconds. */
  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    future.handle((v, e) -> {
      failure.set(e);
      return null;
    }).get(10, TimeUnit.SECONDS);
    assertThat(failure.get()).as("the future's failure").isNotNull();
    return failure.get();
  }

  // Responses are closed on every path: their connections go back to the pool.

  /** An error body larger than the 64 KiB the error mapper peeks at is not read to its end: only close() ends it. */
  @Test
  void anErrorAnswerIsClosedSoItsConnectionIsFreed() {
    server.enqueue(status(404, "{\"message\":\"" + "x".repeat(100 * 1024) + "\"}"));
    CallExecutor executor = executor(plain());
    assertThatThrownBy(() -> executor.send(get("/v4/zones/x"), "getZone")).isInstanceOf(ApiException.class);
    assertThat(ended).as("the error answer was closed").hasValue(1);
  }

  /** A Void operation never reads the body the server sent anyway: the response must still be closed. */
  @Test
  void aVoidAnswerWithABodyIsClosed() {
    server.enqueue(status(200, "{\"ignored\":true}"));
    Object value = executor(plain()).execute(get("/v2/x"), decoding(Void.class));
    assertThat(value).isNull();
    assertThat(ended).as("the unread answer was closed").hasValue(1);
  }

  /** A streamed body is handed over open; closing it, even unread, ends the call. */
  @Test
  void aStreamedBodyStaysOpenUntilTheCallerClosesIt() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/pdf").body("%PDF-1.4").build());
    ResponseBody body = executor(plain()).execute(get("/v4/invoice.pdf"), decoding(ResponseBody.class));
    assertThat(ended).as("handed over open").hasValue(0);
    assertThat(body.contentType()).hasToString("application/pdf");
    body.close();
    assertThat(ended).as("closed by the caller").hasValue(1);
  }

  /** A streamed body reads as the answer, and tells which operation answered it for a download's errors. */
  @Test
  void aStreamedBodyKnowsItsLengthContentAndOperation() throws IOException {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").addHeader("Sozu-Id", "sozu-7")
        .body("<html>").build());
    try (ResponseBody body = executor(plain()).execute(get("/v4/invoice.pdf"), decoding(ResponseBody.class))) {
      assertThat(body.contentLength()).isEqualTo(6);
      assertThat(body.source().readUtf8()).isEqualTo("<html>");
      assertThat(CallExecutor.operationOf(body)).isEqualTo("getZone");
      assertThat(CallExecutor.notTheFile(body, "with a text/html body where application/pdf was expected"))
          .hasMessage("getZone: HTTP 200 with a text/html body where application/pdf was expected (Sozu-Id sozu-7)")
          .satisfies(e -> {
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.requestId()).contains("sozu-7");
          });
    }
    ResponseBody elsewhere = ResponseBody.create("x", MediaType.get("text/plain"));
    assertThat(CallExecutor.operationOf(elsewhere)).isEqualTo("download");
    assertThat(CallExecutor.notTheFile(elsewhere, "empty")).hasMessage("download: empty")
        .satisfies(e -> assertThat(e.statusCode()).isZero());
  }

  /** sendAsync closes the response after its handler, even one that never looks at the body. */
  @Test
  void anAsyncHandlerThatIgnoresTheBodyStillHasTheResponseClosed() throws Exception {
    server.enqueue(status(200, ZONE));
    CancellableFuture<Integer> code = executor(plain()).sendAsync(get("/v2/x"), "op", Response::code);
    assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(firstEnd.await(10, TimeUnit.SECONDS)).as("the response was closed").isTrue();
  }

  // Redirects: every 3xx is refused as one, not only those OkHttp would follow.

  @Test
  void aNotModifiedAnswerIsReportedAsARedirectNotFollowed() {
    server.enqueue(new MockResponse.Builder().code(304).build());
    assertThatThrownBy(() -> executor(plain()).send(get("/v2/self"), "getSelf"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(304))
        .hasMessageContaining("redirects are not followed");
  }

  @Test
  void aBadRequestIsNotCalledARedirect() {
    server.enqueue(status(400, "{\"message\":\"bad\"}"));
    assertThatThrownBy(() -> executor(plain()).send(get("/v2/self"), "getSelf"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
        .hasMessageNotContaining("redirect");
  }

  // Closing

  /** close() cancels the calls still waiting for a thread (they never go out), not the one already running. */
  @Test
  void closeCancelsTheQueuedCallsAndLetsTheRunningOneEnd() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(10, TimeUnit.SECONDS);
        return status(200, ZONE);
      }
    });
    okhttp3.Dispatcher one = new okhttp3.Dispatcher();
    one.setMaxRequests(1);
    OkHttpClient http = track(new OkHttpClient.Builder().dispatcher(one).build());
    CallExecutor executor = executor(http);
    try {
      CancellableFuture<String> running = executor.executeAsync(get("/v4/zones/par"), decoding(String.class));
      CancellableFuture<String> waiting = executor.executeAsync(get("/v4/zones/par"), decoding(String.class));
      Call queued = one.queuedCalls().get(0);
      Call inFlight = one.runningCalls().get(0);
      executor.close();
      assertThat(queued.isCanceled()).as("the queued call is cancelled").isTrue();
      assertThat(inFlight.isCanceled()).as("the running call goes on").isFalse();
      assertThat(failureOf(waiting)).isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed");
      release.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(ZONE);
    } finally {
      release.countDown();
    }
  }

  /** A running call that fails after close() reports its own failure: the closing did not cause it. */
  @Test
  void aRunningCallThatFailsAfterCloseReportsTheConnectionFailure() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        received.countDown();
        release.await(10, TimeUnit.SECONDS);
        return cutOff();
      }
    });
    CallExecutor executor = executor(plain());
    try {
      CancellableFuture<String> running = executor.executeAsync(get("/v4/zones/par"), decoding(String.class));
      assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
      executor.close();
      release.countDown();
      assertThat(failureOf(running)).isInstanceOf(TransportException.class);
    } finally {
      release.countDown();
    }
  }

  /**
   * A caller's dispatcher whose pool refuses more work (all its threads busy, no queue) fails the call as a transport
   * failure: only a closed client's refusals say the client is closed.
   */
  @Test
  void aCallRefusedByABusyPoolOfAnOpenClientIsATransportFailure() throws Exception {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
    CountDownLatch busy = new CountDownLatch(1);
    try {
      pool.execute(() -> {
        try {
          busy.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      OkHttpClient http = track(new OkHttpClient.Builder().dispatcher(new okhttp3.Dispatcher(pool)).build());
      CancellableFuture<String> future = executor(http).executeAsync(get("/v4/zones/par"), decoding(String.class));
      assertThat(failureOf(future)).isInstanceOf(TransportException.class).hasMessageNotContaining("client closed");
      assertThat(server.getRequestCount()).isZero();
    } finally {
      busy.countDown();
      pool.shutdown();
    }
  }

  /** Cancelling the future cancels the HTTP call in flight. */
  @Test
  void cancellingTheFutureCancelsTheCallInFlight() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        received.countDown();
        release.await(10, TimeUnit.SECONDS);
        return status(200, ZONE);
      }
    });
    OkHttpClient http = plain();
    try {
      CancellableFuture<String> future = executor(http).executeAsync(get("/v4/zones/par"), decoding(String.class));
      assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
      Call inFlight = http.dispatcher().runningCalls().get(0);
      assertThat(future.cancel(true)).isTrue();
      assertThat(inFlight.isCanceled()).isTrue();
    } finally {
      release.countDown();
    }
  }

  // Asynchronous retries

  /**
   * The retry is sent once its wait is over, with what is left of the call timeout: 9.2 s in all, 9 s of them spent
   * waiting (Retry-After), leaves 200 ms, so an answer that takes 2 s times out.
   */
  @Test
  void anAsyncRetryGetsOnlyWhatIsLeftOfTheCallTimeout() throws Exception {
    server.enqueue(retryAfter(503, "9"));
    server.enqueue(status(200, ZONE).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    CallExecutor executor = executor(retrying(Duration.ofMillis(9200)));
    CancellableFuture<String> future = executor.executeAsync(get("/v4/zones/par"), decoding(String.class));
    assertThat(failureOf(future)).isInstanceOfSatisfying(TransportException.class,
        e -> assertThat(e.isTimeout()).isTrue());
    assertThat(sleeps).containsExactly(Duration.ofSeconds(9));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  /** Without a call timeout, a retry has no deadline either. */
  @Test
  void anAsyncRetryWithoutACallTimeoutHasNoDeadline() throws Exception {
    server.enqueue(retryAfter(503, "1"));
    server.enqueue(status(200, ZONE));
    CallExecutor executor = executor(retrying(Duration.ZERO));
    assertThat(executor.<String>executeAsync(get("/v4/zones/par"), decoding(String.class)).get(10, TimeUnit.SECONDS))
        .isEqualTo(ZONE);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  /**
   * With the real sleeper, the retry is sent from a timer (no thread waits for it). A 429, since OkHttp itself repeats
   * a 503 that says {@code Retry-After: 0}.
   */
  @Test
  void theRealTimerSendsTheAsyncRetry() throws Exception {
    server.enqueue(retryAfter(429, "0"));
    server.enqueue(status(200, ZONE));
    OkHttpClient http = track(new OkHttpClient.Builder()
        .addInterceptor(new RetryInterceptor(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20),
            errors, RetryInterceptor.THREAD_SLEEP, System::nanoTime, 1 << 20))
        .callTimeout(Duration.ofSeconds(10)).build());
    CallExecutor executor = new CallExecutor(http, errors, RetryInterceptor.THREAD_SLEEP, System::nanoTime);
    assertThat(executor.<String>executeAsync(get("/v4/zones/par"), decoding(String.class)).get(10, TimeUnit.SECONDS))
        .isEqualTo(ZONE);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  /** An interrupted wait before an asynchronous retry fails the call and leaves the thread's interrupt set. */
  @Test
  void anInterruptedAsyncWaitFailsTheCallAndKeepsTheInterrupt() throws Exception {
    server.enqueue(retryAfter(429, "0"));
    server.enqueue(status(200, ZONE));
    CountDownLatch watching = new CountDownLatch(1);
    OkHttpClient http = retrying(Duration.ofSeconds(10));
    CallExecutor executor = new CallExecutor(http, errors, delay -> {
      watching.await(10, TimeUnit.SECONDS);
      throw new InterruptedException();
    }, nanos::get);
    CancellableFuture<String> future = executor.executeAsync(get("/v4/zones/par"), decoding(String.class));
    AtomicReference<Boolean> interrupted = new AtomicReference<>();
    // Runs on the thread that fails the future; Thread.interrupted() also clears the flag it reads.
    CompletableFuture<?> seen = future.whenComplete((v, e) -> interrupted.set(Thread.interrupted()));
    watching.countDown();
    assertThat(failureOf(future)).isInstanceOf(TransportException.class);
    failureOf(seen);
    assertThat(interrupted.get()).as("the interrupt is kept").isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** Asynchronous attempts are counted like blocking ones: three connection failures, then the failure. */
  @Test
  void asyncConnectionFailuresStopAfterTheMaxAttempts() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return cutOff();
      }
    });
    CallExecutor executor = executor(retrying(Duration.ofSeconds(10)));
    CancellableFuture<String> future = executor.executeAsync(get("/v4/zones/par"), decoding(String.class));
    assertThat(failureOf(future)).isInstanceOf(TransportException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void asyncBusyAnswersStopAfterTheMaxAttempts() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return status(503, "{\"code\":\"busy\"}");
      }
    });
    CallExecutor executor = executor(retrying(Duration.ofSeconds(10)));
    CancellableFuture<String> future = executor.executeAsync(get("/v4/zones/par"), decoding(String.class));
    assertThat(failureOf(future)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  // Excerpts of undecodable answers

  /** The excerpt is decoded in the answer's charset, and in UTF-8 when it names none. */
  @Test
  void anUndecodableAnswerIsQuotedInItsOwnCharset() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain; charset=ISO-8859-1")
        .body(new Buffer().write("café au lait".getBytes(ISO_8859_1))).build());
    server.enqueue(new MockResponse.Builder().body(new Buffer().write("crème brûlée".getBytes(UTF_8))).build());
    CallExecutor executor = executor(plain());
    assertThatThrownBy(() -> executor.execute(get("/v2/x"), refusing()))
        .isInstanceOfSatisfying(ResponseDecodingException.class,
          e -> assertThat(e.body()).hasValueSatisfying(b -> assertThat(b).contains("café au lait")));
    assertThatThrownBy(() -> executor.execute(get("/v2/x"), refusing()))
        .isInstanceOfSatisfying(ResponseDecodingException.class,
          e -> assertThat(e.body()).hasValueSatisfying(b -> assertThat(b).contains("crème brûlée")));
  }

  /** An undecodable answer over 64 KiB (read in place, not copied) is quoted from its start all the same. */
  @Test
  void aLargeUndecodableAnswerIsQuotedFromItsStart() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain")
        .body("not json: " + "z".repeat(100 * 1024)).build());
    assertThatThrownBy(() -> executor(plain()).execute(get("/v2/x"), refusing()))
        .isInstanceOfSatisfying(ResponseDecodingException.class,
          e -> assertThat(e.body()).hasValueSatisfying(b -> assertThat(b).startsWith("not json: zzz")));
  }

  /**
   * A long secret the request carried, echoed near the start of an undecodable answer, is masked whole: the excerpt
   * is cut past it (4 KiB plus the longest secret), never inside it.
   */
  @Test
  void aLongSecretEchoedInAnUndecodableAnswerIsMaskedWhole() {
    String secret = "S3cr3t-" + "k".repeat(4000);
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain")
        .body("echo: " + secret + " end").build());
    Request request = get("/v2/x").newBuilder().tag(Sensitive.class, Sensitive.of(Secret.of(secret))).build();
    assertThatThrownBy(() -> executor(plain()).execute(request, refusing()))
        .isInstanceOfSatisfying(ResponseDecodingException.class, e -> {
          assertThat(e.body()).hasValueSatisfying(body -> assertThat(body).startsWith("echo: ")
              .doesNotContain("S3cr3t").doesNotContain("kkkk"));
          assertThat(e.getMessage()).doesNotContain("S3cr3t");
        });
  }

  /** Whoever prints a POST's request (a network interceptor's log) sees whether it went out. */
  @Test
  void aPostShowsWhetherItWentOut() {
    server.enqueue(status(200, "{}"));
    List<String> seen = new CopyOnWriteArrayList<>();
    Interceptor printing = chain -> {
      seen.add(chain.request().toString());
      return chain.proceed(chain.request());
    };
    OkHttpClient http = track(new OkHttpClient.Builder().addNetworkInterceptor(CallExecutor.sentMarker())
        .addNetworkInterceptor(printing).build());
    Request post = new Request.Builder().url(server.url("/v2/x"))
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
    executor(http).send(post, "createX").close();
    assertThat(seen).singleElement().asString().contains("Sent[true]");
  }

  // The retry rule's limits

  @Test
  void maxResponseBytesOfOneIsTheSmallestLimit() {
    assertThatCode(() -> new RetryInterceptor(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, errors, fakeSleep,
        nanos::get, 1)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new RetryInterceptor(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, errors, fakeSleep,
        nanos::get, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A policy without delay retries at once: half of nothing to all of nothing is nothing. */
  @Test
  void aZeroBaseDelayMeansNoWait() {
    RetryInterceptor none = new RetryInterceptor(10, Duration.ZERO, Duration.ZERO, Duration.ZERO, errors, fakeSleep,
        nanos::get, 1 << 20);
    for (int attempt = 1; attempt < 10; attempt++) {
      assertThat(none.backoff(attempt)).isZero();
    }
  }

  /** However far the attempts go, the backoff stays within half the cap and the cap: base × 2^n never overflows. */
  @Test
  void theBackoffStaysCappedForAnyAttempt() {
    RetryInterceptor slow = new RetryInterceptor(10, Duration.ofSeconds(10), Duration.ofSeconds(60),
        Duration.ofSeconds(20), errors, fakeSleep, nanos::get, 1 << 20);
    for (int attempt : new int[] {4, 10, 31, 40, 1000}) {
      assertThat(slow.backoff(attempt)).as("before retry %d", attempt)
          .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
  }

  /**
   * The cap is base × 2^(n-1) while that is at most maxDelay, even when it lies just below it: here 2^30 ns, where
   * maxDelay is 2^31 - 1 ns, so the wait is between 2^29 and 2^30 ns.
   */
  @Test
  void theDoublingIsKeptWhenItIsJustBelowTheMaximum() {
    RetryInterceptor fine = new RetryInterceptor(10, Duration.ofNanos(1), Duration.ofNanos((1L << 31) - 1),
        Duration.ofSeconds(20), errors, fakeSleep, nanos::get, 1 << 20);
    assertThat(fine.backoff(31)).isBetween(Duration.ofNanos(1L << 29), Duration.ofNanos(1L << 30));
  }

  /** A Retry-After exactly at the cap is still waited for; one second more is not. */
  @Test
  void aRetryAfterAtTheCapIsHonoured() throws IOException {
    server.enqueue(retryAfter(429, "5"));
    server.enqueue(status(200, ZONE));
    server.enqueue(retryAfter(429, "6"));
    OkHttpClient http = track(new OkHttpClient.Builder()
        .addInterceptor(retry(3, Duration.ofSeconds(5), fakeSleep)).build());
    try (Response response = http.newCall(get("/v4/zones/par")).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    try (Response response = http.newCall(get("/v4/zones/par")).execute()) {
      assertThat(response.code()).isEqualTo(429);
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  /** An answer of exactly maxResponseBytes is read whole; one byte more is refused. Its headers stay as they were. */
  @Test
  void anAnswerOfExactlyTheLimitIsReadWhole() throws IOException {
    server.enqueue(status(200, "0123456789"));
    server.enqueue(status(200, "0123456789A"));
    OkHttpClient http = track(new OkHttpClient.Builder().addInterceptor(new RetryInterceptor(1, Duration.ZERO,
        Duration.ZERO, Duration.ZERO, errors, fakeSleep, nanos::get, 10)).build());
    try (Response response = http.newCall(get("/v2/x")).execute()) {
      assertThat(response.body().contentType()).hasToString("application/json");
      assertThat(response.body().contentLength()).isEqualTo(10);
      assertThat(response.body().string()).isEqualTo("0123456789");
    }
    try (Response response = http.newCall(get("/v2/x")).execute()) {
      assertThatThrownBy(() -> response.body().string()).isInstanceOf(RetryInterceptor.ResponseTooLarge.class);
    }
  }

  private static MockResponse cutMidBody(int code) {
    return status(code, ZONE).newBuilder().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  /** A success cut mid-body is read ahead by the retry rule, so the cut is a failure it retries. */
  @Test
  void aSuccessCutMidBodyIsRetried() throws IOException {
    server.enqueue(cutMidBody(200));
    server.enqueue(status(200, ZONE));
    try (Response response = retrying(Duration.ofSeconds(10)).newCall(get("/v4/zones/par")).execute()) {
      assertThat(response.body().string()).isEqualTo(ZONE);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  /** An error answer is not read ahead: a 404 cut mid-body is still the 404, not a failure to retry. */
  @Test
  void anErrorCutMidBodyIsNotRetried() throws IOException {
    server.enqueue(cutMidBody(404));
    server.enqueue(status(200, ZONE));
    try (Response response = retrying(Duration.ofSeconds(10)).newCall(get("/v4/zones/par")).execute()) {
      assertThat(response.code()).isEqualTo(404);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** A file operation's interface: its answer is streamed. */
  interface Files {
    @Streaming
    @GET("v4/invoice.pdf")
    retrofit2.Call<ResponseBody> invoice();
  }

  /** A streamed answer is never read ahead (nor held in memory): a cut reaches its reader, and is not retried. */
  @Test
  void aStreamedAnswerIsNotReadAhead() throws Exception {
    server.enqueue(cutMidBody(200));
    server.enqueue(status(200, ZONE));
    Request streamed = get("/v4/invoice.pdf").newBuilder()
        .tag(Invocation.class, Invocation.of(Files.class.getMethod("invoice"), List.of())).build();
    try (Response response = retrying(Duration.ofSeconds(10)).newCall(streamed).execute()) {
      assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** A POST's body is made one-shot for OkHttp, its content type unchanged. */
  @Test
  void aOneShotPostKeepsItsContentType() throws Exception {
    server.enqueue(status(200, "{}"));
    Request post = new Request.Builder().url(server.url("/v2/x"))
        .post(RequestBody.create("{\"a\":1}", MediaType.get("application/json; charset=utf-8"))).build();
    retrying(Duration.ofSeconds(10)).newCall(post).execute().close();
    RecordedRequest received = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(received.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(received.getBody().utf8()).isEqualTo("{\"a\":1}");
  }

  /** okio's message for a header line it could not finish: what the server sent so far, in hex, then an ellipsis. */
  private static IOException headerLineCut(String okioMessage) {
    return new IOException("unexpected end of stream", new EOFException(okioMessage));
  }

  @Test
  void anOverlongHeaderLineIsToldApartFromAConnectionClosedBeforeAnswering() {
    assertThat(RetryInterceptor.isOverlongHeaderLine(headerLineCut("\\n not found: limit=262144 content=0a2b…")))
        .as("content starting with the hex digit 0").isTrue();
    assertThat(RetryInterceptor.isOverlongHeaderLine(headerLineCut("\\n not found: limit=262144 content=f0…")))
        .isTrue();
    assertThat(RetryInterceptor.isOverlongHeaderLine(headerLineCut("\\n not found: limit=0 content=…")))
        .as("nothing arrived").isFalse();
    assertThat(RetryInterceptor.isOverlongHeaderLine(headerLineCut("\\n not found: limit=0 content=")))
        .as("a message ending at content=").isFalse();
    assertThat(RetryInterceptor.isOverlongHeaderLine(headerLineCut("\\n not found: limit=0"))).isFalse();
    assertThat(RetryInterceptor.isOverlongHeaderLine(new IOException("unexpected end of stream"))).isFalse();
  }

  /** The signal between the interceptor and the executor carries no stack, and keeps Throwable's contract. */
  @Test
  void aRetryLaterSignalIsCheapAndKeepsThrowablesContract() {
    RetryInterceptor.RetryLater later = new RetryInterceptor.RetryLater(Duration.ofMillis(1500),
        new RetryInterceptor.AsyncAttempt(2, 0, 0));
    assertThat(later.fillInStackTrace()).isSameAs(later);
    assertThat(later.getStackTrace()).isEmpty();
    assertThat(later).hasMessage("retry in 1500 ms");
  }

  // Logging

  /** Keeps every line; says whether a level is loggable as told. */
  private static Logger capturing(List<String> lines, boolean loggable) {
    return new Logger() {
      @Override
      public String getName() {
        return "test";
      }

      @Override
      public boolean isLoggable(Level level) {
        return loggable;
      }

      @Override
      public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        lines.add(msg);
      }

      @Override
      public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.add(format);
      }
    };
  }

  private OkHttpClient logging(Logger logger) {
    return track(new OkHttpClient.Builder().addInterceptor(new LoggingInterceptor(logger, Level.INFO, errors))
        .build());
  }

  /** The milliseconds a line gives, which cannot exceed the time the test itself saw pass around the call. */
  private static long loggedMillis(String line, String before, String after) {
    int from = line.indexOf(before) + before.length();
    return Long.parseLong(line.substring(from, line.indexOf(after, from)));
  }

  @Test
  void aSuccessIsLoggedWithItsDuration() throws IOException {
    server.enqueue(status(200, ZONE));
    List<String> lines = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    logging(capturing(lines, true)).newCall(get("/v4/zones/par")).execute().close();
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(lines).singleElement().asString().startsWith("GET /v4/zones/par (GET /v4/zones/par) -> 200 in ");
    assertThat(loggedMillis(lines.get(0), "-> 200 in ", " ms")).isBetween(0L, elapsed);
  }

  @Test
  void aFailedAttemptIsLoggedWithItsDuration() {
    server.enqueue(cutOff());
    List<String> lines = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    assertThatThrownBy(() -> logging(capturing(lines, true)).newCall(get("/v4/zones/par")).execute())
        .isInstanceOf(IOException.class);
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(lines).singleElement().asString().startsWith("GET /v4/zones/par (GET /v4/zones/par) -> failed after ")
        .endsWith(" ms: IOException");
    assertThat(loggedMillis(lines.get(0), "failed after ", " ms")).isBetween(0L, elapsed);
  }

  @Test
  void aLevelThatIsNotLoggedLeavesTheCallAsItIs() throws IOException {
    server.enqueue(status(200, ZONE));
    List<String> lines = new CopyOnWriteArrayList<>();
    try (Response response = logging(capturing(lines, false)).newCall(get("/v4/zones/par")).execute()) {
      assertThat(response.body().string()).isEqualTo(ZONE);
    }
    assertThat(lines).isEmpty();
  }

  // Routing: URLs outside the base URLs are left alone

  @Test
  void onlyUrlsUnderABaseUrlAreRebased() {
    Routing routing = new Routing(HttpUrl.get("https://proxy.example.com/clever/"),
        HttpUrl.get("https://api-bridge.clever-cloud.com/"), null);
    HttpUrl beside = HttpUrl.get("https://proxy.example.com/other/v2/self");
    assertThat(routing.relativePath(beside)).as("same host, outside the base path").isNull();
    assertThat(routing.rebase(beside, Routing.Host.BRIDGE)).isSameAs(beside);
    HttpUrl elsewhere = HttpUrl.get("https://elsewhere.example.com/v2/self");
    assertThat(routing.rebase(elsewhere, Routing.Host.MAIN)).isSameAs(elsewhere);
    // A first segment that reads as a scheme cannot be resolved against the other base: the URL stays as it was.
    HttpUrl schemeLike = HttpUrl.get("https://api-bridge.clever-cloud.com/a:b");
    assertThat(routing.rebase(schemeLike, Routing.Host.MAIN)).isSameAs(schemeLike);
  }

  // User-Agent

  /** Without an application id, the User-Agent names the library (its built version) and Java, nothing more. */
  @Test
  void theUserAgentNamesTheLibraryVersionAndJava() {
    assertThat(UserAgent.libraryVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(UserAgent.userAgent(null)).isEqualTo("clevercloud-java/" + UserAgent.libraryVersion() + " (Java "
        + System.getProperty("java.version") + ")");
    assertThat(UserAgent.userAgent("my-app/1.2")).isEqualTo(UserAgent.userAgent(null) + " my-app/1.2");
  }

  // CancellableFuture

  @Test
  void cancellingADoneFutureSaysItDidNothing() {
    CancellableFuture<String> done = new CancellableFuture<>();
    done.complete("x");
    assertThat(done.cancel(true)).isFalse();
    assertThat(done.join()).isEqualTo("x");
    CancellableFuture<String> open = new CancellableFuture<>();
    assertThat(open.cancel(true)).isTrue();
  }

  /** What is set to be cancelled after the future was cancelled is cancelled at once. */
  @Test
  void aCancellerSetAfterTheCancelRunsAtOnce() {
    CancellableFuture<String> future = new CancellableFuture<>();
    future.cancel(true);
    AtomicInteger cancels = new AtomicInteger();
    future.onCancel(cancels::incrementAndGet);
    assertThat(cancels).hasValue(1);
  }

  @Test
  void cancellingAMappedFutureCancelsTheCall() {
    CancellableFuture<String> call = new CancellableFuture<>();
    AtomicInteger httpCancels = new AtomicInteger();
    call.onCancel(httpCancels::incrementAndGet);
    CancellableFuture<String> mapped = call.mapFailure(e -> new IllegalStateException("mapped", e));
    assertThat(mapped.cancel(true)).isTrue();
    assertThat(call.isCancelled()).isTrue();
    assertThat(httpCancels).hasValue(1);
  }

  @Test
  void cancellingAChainCancelsTheStepInFlight() {
    CancellableFuture<String> first = new CancellableFuture<>();
    CancellableFuture<String> second = new CancellableFuture<>();
    CancellableFuture<String> chain = first.compose(v -> second);
    chain.cancel(true);
    assertThat(first.isCancelled()).as("the first step, in flight").isTrue();
    assertThat(second.isCancelled()).isFalse();

    CancellableFuture<String> start = new CancellableFuture<>();
    CancellableFuture<String> next = new CancellableFuture<>();
    CancellableFuture<String> later = start.compose(v -> next);
    start.complete("self");
    later.cancel(true);
    assertThat(next.isCancelled()).as("the second step, in flight").isTrue();
  }

  /** A chain fails with the step's own exception: a wrapper added by CompletableFuture is removed, a cause kept. */
  @Test
  void aChainFailsWithTheStepsOwnException() throws Exception {
    IOException io = new IOException("reset");
    TransportException transport = new TransportException("failed", "getSelf", false, io);
    CancellableFuture<String> first = new CancellableFuture<>();
    CancellableFuture<String> failed = first.compose(v -> CompletableFuture.<String>failedFuture(transport)
        .thenApply(s -> s));
    first.complete("self");
    assertThat(failureOf(failed)).isSameAs(transport);

    CancellableFuture<String> broken = new CancellableFuture<>();
    CancellableFuture<String> mapped = broken.mapFailure(e -> e);
    broken.completeExceptionally(transport);
    assertThat(failureOf(mapped)).isSameAs(transport);
  }
}
