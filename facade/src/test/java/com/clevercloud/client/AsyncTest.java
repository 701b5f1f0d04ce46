package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clevercloud.api.v4.api.InvoicesApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TokenCreatedButUnreadableException;
import com.clevercloud.client.internal.OperationTable.Op;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The asynchronous twins: for every operation of the operations table, {@code opAsync} sends the same request as
 * {@code op} (method, path, query, body), completes with an equal value, fails with the same exception class as the
 * blocking call throws (unwrapped, naming the spec's operationId), and cancelling its future cancels the HTTP call.
 * Also the handwritten twins ({@code http().getAsync/sendAsync}, {@code apiTokens().createAsync}: the one-time secret
 * never lost, the creation never retried), retries, streamed files and the threads callbacks run on.
 */
class AsyncTest extends TestServers {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:30:00Z"), ZoneOffset.UTC);
  private static final String CANARY = "CANARY-a5c1-token";
  private static final String CREATED = "{\"apiToken\":\"" + CANARY + "\",\"apiTokenId\":\"api_tokens_1\","
      + "\"creationDate\":\"2026-01-15T10:30:00.000Z\",\"expirationDate\":\"2026-02-14T10:30:00.000Z\","
      + "\"name\":\"CI\",\"state\":\"ACTIVE\"}";
  private static final String SELF = "{\"id\":\"user_1\",\"email\":\"jane.doe@example.com\",\"hasPassword\":true,"
      + "\"preferredMFA\":\"NONE\"}";
  private static final String ZONE = "{\"name\":\"par\"}";

  private CleverCloudClient client() {
    return builder().credentials(Credentials.apiToken("tok")).clock(CLOCK).build();
  }

  private static CreateApiTokenRequest.Builder request() {
    return CreateApiTokenRequest.builder().name("CI").expiration("30d").password("CANARY-pass-0002");
  }

  static Stream<Named<Op>> operations() {
    return GeneratedCalls.operations();
  }

  /** Both hosts answer every request with {@code answer}: wherever an operation is routed, it gets it. */
  private void answerEverywhere(Supplier<MockResponse> answer) {
    Dispatcher d = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer.get();
      }
    };
    main.setDispatcher(d);
    bridge.setDispatcher(d);
  }

  /** The requests that reached either host, in order, when all reached the same one. */
  private List<RecordedRequest> received(int expected) throws InterruptedException {
    assertThat(main.getRequestCount() + bridge.getRequestCount()).as("requests sent").isEqualTo(expected);
    MockWebServer server = main.getRequestCount() > 0 ? main : bridge;
    assertThat(server.getRequestCount()).as("all on one host").isEqualTo(expected);
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < expected; i++) {
      requests.add(take(server));
    }
    return requests;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void asyncSendsTheSameRequestAndCompletesWithAnEqualValue(Op op) throws Throwable {
    answerEverywhere(() -> GeneratedCalls.sampleResponse(op));
    Method blocking = GeneratedCalls.method(op, false);
    Object[] args = GeneratedCalls.validArgs(op, blocking);
    Object expected;
    Object actual;
    try (CleverCloudClient client = client()) {
      expected = GeneratedCalls.comparable(GeneratedCalls.invoke(client, op, blocking, args));
      actual = GeneratedCalls.comparable(GeneratedCalls.invokeAsync(client, op, args).get(10, TimeUnit.SECONDS));
    }
    if (GeneratedCalls.answerType(op) == Void.class) {
      assertThat(expected).isNull();
      assertThat(actual).isNull();
    } else {
      assertThat(expected).as("the blocking call's value").isNotNull();
      assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }
    List<RecordedRequest> sent = received(2);
    RecordedRequest first = sent.get(0);
    RecordedRequest second = sent.get(1);
    assertThat(second.getMethod()).isEqualTo(first.getMethod()).isEqualTo(op.httpMethod());
    assertThat(second.getTarget()).isEqualTo(first.getTarget());
    assertThat(second.getHeaders().get("Content-Type")).isEqualTo(first.getHeaders().get("Content-Type"));
    assertThat(second.getBody()).isEqualTo(first.getBody());
    if (op.params().stream().anyMatch(p -> p.in().equals("query"))) {
      assertThat(first.getUrl().encodedQuery()).as("the sample query values were sent").isNotNull();
    }
    if (op.params().stream().anyMatch(p -> p.in().equals("body") || p.in().equals("form"))) {
      assertThat(first.getBody()).as("the sample body was sent").isNotNull();
      assertThat(first.getBody().size()).as("the sample body was sent").isPositive();
    }
  }

  static Stream<Arguments> errorStatuses() {
    return operations().flatMap(op -> Stream.of(400, 404, 500).map(status -> Arguments.of(op, status)));
  }

  @ParameterizedTest(name = "{0} answered {1}")
  @MethodSource("errorStatuses")
  void anErrorFailsTheFutureWithTheExceptionTheBlockingCallThrows(Op op, int status) throws Throwable {
    answerEverywhere(() -> json(status, "{\"code\":\"oops\",\"message\":\"refused\"}"));
    Method blocking = GeneratedCalls.method(op, false);
    Object[] args = GeneratedCalls.validArgs(op, blocking);
    Throwable thrown;
    Throwable failure;
    CompletableFuture<?> future;
    try (CleverCloudClient client = client()) {
      thrown = catchThrowable(() -> GeneratedCalls.invoke(client, op, blocking, args));
      future = GeneratedCalls.invokeAsync(client, op, args);
      failure = failureOf(future);
    }
    assertThat(thrown).isInstanceOf(CleverCloudException.class);
    assertThat(failure).isExactlyInstanceOf(thrown.getClass());
    assertThat(((CleverCloudException) failure).operation()).isEqualTo(op.id())
        .isEqualTo(((CleverCloudException) thrown).operation());
    assertThat(catchThrowable(future::join)).isInstanceOf(CompletionException.class).hasCause(failure);
    // 500 is not retried: one attempt each.
    received(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void cancellingTheFutureCancelsTheHttpCall(Op op) throws Throwable {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Dispatcher holding = holding(received, release);
    main.setDispatcher(holding);
    bridge.setDispatcher(holding);
    CountDownLatch canceled = new CountDownLatch(1);
    OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void canceled(Call call) {
        canceled.countDown();
      }
    }).build();
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("tok")).okHttpClient(http).build()) {
      CompletableFuture<?> future = GeneratedCalls.invokeAsync(client, op,
          GeneratedCalls.validArgs(op, GeneratedCalls.method(op, true)));
      assertThat(received.await(10, TimeUnit.SECONDS)).as("the call reached the server").isTrue();
      assertThat(future.cancel(true)).isTrue();
      assertThat(canceled.await(10, TimeUnit.SECONDS)).as("OkHttp's call was cancelled").isTrue();
      assertThat(future.isCancelled()).isTrue();
      assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    } finally {
      release.countDown();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** One row of the handwritten twins: a sample body, the blocking call and its asynchronous twin. */
  private static Arguments row(String name, String body, Function<CleverCloudClient, Object> blocking,
      Function<CleverCloudClient, CompletableFuture<?>> async) {
    return Arguments.of(name, body, blocking, async);
  }

  static Stream<Arguments> handwrittenTwins() {
    return Stream.of(
        row("http.get", SELF, c -> c.http().get("/v2/self"), c -> c.http().getAsync("/v2/self")),
        row("http.send", SELF, c -> c.http().send("PUT", "/v2/self", "{}"),
            c -> c.http().sendAsync("PUT", "/v2/self", "{}")),
        row("apiTokens.create", CREATED,
            c -> c.apiTokens().create(request().email("jane.doe@example.com").build()).secret().reveal(),
            c -> c.apiTokens().createAsync(request().email("jane.doe@example.com").build())
                .thenApply(t -> t.secret().reveal())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handwrittenTwins")
  void handwrittenAsyncCompletesWithTheSameValueAsBlocking(String name, String body,
      Function<CleverCloudClient, Object> blocking, Function<CleverCloudClient, CompletableFuture<?>> async)
      throws Exception {
    bridge.enqueue(json(body));
    bridge.enqueue(json(body));
    try (CleverCloudClient client = client()) {
      Object expected = blocking.apply(client);
      Object actual = async.apply(client).get(10, TimeUnit.SECONDS);
      assertThat(expected).isNotNull();
      assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }
    RecordedRequest first = bridge.takeRequest();
    RecordedRequest second = bridge.takeRequest();
    assertThat(second.getMethod()).isEqualTo(first.getMethod());
    assertThat(second.getTarget()).isEqualTo(first.getTarget());
  }

  @Test
  void createAsyncReadsTheEmailFromSelfFirst() throws Exception {
    bridge.enqueue(json(SELF));
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      CreatedApiToken created = client.apiTokens().createAsync(request().build()).get(10, TimeUnit.SECONDS);
      assertThat(created.secret().reveal()).isEqualTo(CANARY);
    }
    assertThat(bridge.takeRequest().getTarget()).isEqualTo("/v2/self");
    RecordedRequest create = bridge.takeRequest();
    assertThat(create.getMethod()).isEqualTo("POST");
    assertThat(create.getBody().utf8()).contains("jane.doe@example.com");
  }

  @Test
  void createAsyncFailsTheFutureWhenSelfHasNoPassword() {
    bridge.enqueue(json("{\"email\":\"jane.doe@example.com\",\"hasPassword\":false}"));
    try (CleverCloudClient client = client()) {
      CompletableFuture<CreatedApiToken> future = client.apiTokens().createAsync(request().build());
      assertThat(failureOf(future)).isInstanceOf(IllegalStateException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pdfAsyncStreamsToTheFileAndToAStream(@TempDir Path dir) throws Exception {
    byte[] pdf = "%PDF-1.4 fake".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/pdf")
        .body(new okio.Buffer().write(pdf)).build());
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/pdf")
        .body(new okio.Buffer().write(pdf)).build());
    Path file = dir.resolve("invoice.pdf");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CleverCloudClient client = client()) {
      InvoicesApi invoices = client.api(InvoicesApi.class);
      assertThat(invoices.getInvoicePdfAsync("orga_1", "F1").thenApply(body -> client.download(body, file))
          .get(10, TimeUnit.SECONDS)).isEqualTo(pdf.length);
      assertThat(invoices.getInvoicePdfAsync("orga_1", "F1").thenApply(body -> client.download(body, out))
          .get(10, TimeUnit.SECONDS)).isEqualTo(pdf.length);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
    assertThat(out.toByteArray()).isEqualTo(pdf);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void pdfAsyncLeavesNoFileOn404(@TempDir Path dir) throws Exception {
    bridge.enqueue(json(404, "{\"code\":\"nope\",\"message\":\"no such invoice\"}"));
    try (CleverCloudClient client = client()) {
      CompletableFuture<okhttp3.ResponseBody> pdf = client.api(InvoicesApi.class).getInvoicePdfAsync("orga_1", "F1");
      CompletableFuture<Long> written = pdf.thenApply(body -> client.download(body, dir.resolve("x.pdf")));
      assertThat(failureOf(pdf)).isInstanceOf(NotFoundException.class);
      assertThat(catchThrowable(written::join)).hasCauseInstanceOf(NotFoundException.class);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void errorsCompleteTheFutureWithTheSameExceptionUnwrapped() {
    bridge.enqueue(json(404, "{\"code\":\"nope\",\"message\":\"no such zone\"}"));
    try (CleverCloudClient client = client()) {
      CompletableFuture<?> future = client.api(ZonesApi.class).getZoneAsync("nowhere");
      assertThat(failureOf(future)).isInstanceOf(NotFoundException.class);
      assertThat(catchThrowable(future::join)).isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void invalidArgumentsAreThrownAtOnce() {
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.api(ZonesApi.class).getZoneAsync(".."))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.apiTokens().createAsync(request().expiration("2y").build()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(bridge.getRequestCount()).isZero();
  }

  @Test
  void getIsRetriedOn503Asynchronously() throws Exception {
    bridge.enqueue(json(503, "{\"code\":\"busy\",\"message\":\"later\"}"));
    bridge.enqueue(json(ZONE));
    try (CleverCloudClient client = client()) {
      assertThat(client.api(ZonesApi.class).getZoneAsync("par").get(10, TimeUnit.SECONDS).getName())
          .isEqualTo("par");
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
  }

  @Test
  void createAsyncIsNeverRetried() {
    bridge.enqueue(json(503, "{\"code\":\"busy\",\"message\":\"later\"}"));
    bridge.enqueue(json(CREATED));
    try (CleverCloudClient client = client()) {
      CompletableFuture<CreatedApiToken> future =
          client.apiTokens().createAsync(request().email("jane.doe@example.com").build());
      assertThat(failureOf(future)).isInstanceOf(ServerException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createAsyncStillYieldsTheSecretOfAGarbledAnswer() {
    bridge.enqueue(json("{\"apiToken\":\"" + CANARY + "\",\"apiTokenId\":\"api_tokens_9\",\"creationDate\":12,"
        + "\"expirationDate\":{\"x\":1},\"name\":\"CI\"}"));
    try (CleverCloudClient client = client()) {
      CompletableFuture<CreatedApiToken> future =
          client.apiTokens().createAsync(request().email("jane.doe@example.com").build());
      assertThat(failureOf(future)).isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
        assertThat(e.secret().reveal()).isEqualTo(CANARY);
        assertThat(e.apiTokenId()).contains("api_tokens_9");
      });
      assertThat(catchThrowable(future::join)).hasCauseInstanceOf(TokenCreatedButUnreadableException.class);
    }
  }

  @Test
  void cancellingACreateWhileSelfIsInFlightCancelsThatCallAndSendsNoCreation() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    bridge.setDispatcher(holding(received, release));
    try (CleverCloudClient client = client()) {
      CompletableFuture<CreatedApiToken> future = client.apiTokens().createAsync(request().build());
      assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(future.cancel(true)).isTrue();
      assertThat(future.isCancelled()).isTrue();
      release.countDown();
    } finally {
      release.countDown();
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void callbacksRunOnOkHttpThreadsWithoutAPool() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    bridge.setDispatcher(holding(received, release));
    AtomicReference<String> thread = new AtomicReference<>();
    try (CleverCloudClient client = client()) {
      CompletableFuture<?> future = client.api(ZonesApi.class).getZoneAsync("par");
      CompletableFuture<?> observed = future.whenComplete((v, e) -> thread.set(Thread.currentThread().getName()));
      assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(future).isNotDone();
      release.countDown();
      observed.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
    }
    assertThat(thread.get()).startsWith("OkHttp");
  }

  /** Answers a zone once {@code release} opens, after telling {@code received}: the call stays in flight till then. */
  private static Dispatcher holding(CountDownLatch received, CountDownLatch release) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        received.countDown();
        release.await(10, TimeUnit.SECONDS);
        return json(ZONE);
      }
    };
  }

  /** The exception the future completed with, as it is (not wrapped). */
  private static Throwable failureOf(CompletableFuture<?> future) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      future.handle((v, e) -> {
        failure.set(e);
        return null;
      }).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(failure.get()).as("the future's failure").isNotNull();
    return failure.get();
  }
}
