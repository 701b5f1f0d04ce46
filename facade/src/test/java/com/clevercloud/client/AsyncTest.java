package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TokenCreatedButUnreadableException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The asynchronous variants: same values and exceptions as the blocking ones, cancellable, on OkHttp's threads. */
class AsyncTest extends TestServers {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:30:00Z"), ZoneOffset.UTC);
  private static final String CANARY = "CANARY-a5c1-token";
  private static final String CREATED = "{\"apiToken\":\"" + CANARY + "\",\"apiTokenId\":\"api_tokens_1\","
      + "\"creationDate\":\"2026-01-15T10:30:00.000Z\",\"expirationDate\":\"2026-02-14T10:30:00.000Z\","
      + "\"name\":\"CI\",\"state\":\"ACTIVE\"}";
  private static final String SELF = "{\"id\":\"user_1\",\"email\":\"jane.doe@example.com\",\"hasPassword\":true,"
      + "\"preferredMFA\":\"NONE\"}";
  private static final String APP = "{\"id\":\"app_1\",\"name\":\"web\"}";
  private static final String ZONE = "{\"name\":\"par\"}";
  private static final String CONSUMER = "{\"key\":\"k1\",\"name\":\"my app\"}";
  private static final String TOKEN = "{\"apiTokenId\":\"api_tokens_1\",\"name\":\"CI\",\"state\":\"ACTIVE\"}";

  private CleverCloudClient client() {
    return builder().credentials(Credentials.apiToken("tok")).clock(CLOCK).build();
  }

  private static CreateApiTokenRequest.Builder request() {
    return CreateApiTokenRequest.builder().name("CI").expiration("30d").password("CANARY-pass-0002");
  }

  /** One row: a sample body, the blocking call and its asynchronous twin. */
  private static Arguments row(String name, String body, Function<CleverCloudClient, Object> blocking,
      Function<CleverCloudClient, CompletableFuture<?>> async) {
    return Arguments.of(name, body, blocking, async);
  }

  static Stream<Arguments> twins() {
    WannabeOAuth1Consumer consumer = new WannabeOAuth1Consumer().name("my app");
    return Stream.of(
        row("self.get", SELF, c -> c.self().get(), c -> c.self().getAsync()),
        row("http.get", SELF, c -> c.http().get("/v2/self"), c -> c.http().getAsync("/v2/self")),
        row("http.send", SELF, c -> c.http().send("PUT", "/v2/self", "{}"),
            c -> c.http().sendAsync("PUT", "/v2/self", "{}")),
        row("self.applications", "[" + APP + "]", c -> c.self().applications(), c -> c.self().applicationsAsync()),
        row("self.application", APP, c -> c.self().application("app_1"), c -> c.self().applicationAsync("app_1")),
        row("self.addons", "[{\"id\":\"addon_1\"}]", c -> c.self().addons(), c -> c.self().addonsAsync()),
        row("summary.get", "{\"user\":{\"id\":\"user_1\"}}", c -> c.summary().get(), c -> c.summary().getAsync()),
        row("summary.getFull", "{\"user\":{\"id\":\"user_1\"}}", c -> c.summary().get(true),
            c -> c.summary().getAsync(true)),
        row("organisations.list", "[{\"id\":\"orga_1\"}]", c -> c.organisations().list(),
            c -> c.organisations().listAsync()),
        row("organisations.get", "{\"id\":\"orga_1\"}", c -> c.organisations().get("orga_1"),
            c -> c.organisations().getAsync("orga_1")),
        row("applications.list", "[" + APP + "]", c -> c.applications("orga_1").list(),
            c -> c.applications("orga_1").listAsync()),
        row("applications.get", APP, c -> c.applications("orga_1").get("app_1"),
            c -> c.applications("orga_1").getAsync("app_1")),
        row("applications.env", "[{\"name\":\"A\",\"value\":\"b\"}]", c -> c.applications("orga_1").env("app_1"),
            c -> c.applications("orga_1").envAsync("app_1")),
        row("applications.setEnv", APP, c -> c.applications("orga_1").setEnv("app_1", "A", "b"),
            c -> c.applications("orga_1").setEnvAsync("app_1", "A", "b")),
        row("applications.removeEnv", APP, c -> c.applications("orga_1").removeEnv("app_1", "A"),
            c -> c.applications("orga_1").removeEnvAsync("app_1", "A")),
        row("applications.instances", "[{\"id\":\"i1\"}]", c -> c.applications("orga_1").instances("app_1"),
            c -> c.applications("orga_1").instancesAsync("app_1")),
        row("applications.restart", "{\"id\":1,\"message\":\"ok\"}", c -> c.applications("orga_1").restart("app_1"),
            c -> c.applications("orga_1").restartAsync("app_1")),
        row("applications.redeploy", "{\"id\":1,\"message\":\"ok\"}",
            c -> c.applications("orga_1").redeploy("app_1", "abc", false),
            c -> c.applications("orga_1").redeployAsync("app_1", "abc", false)),
        row("applications.stop", "{\"id\":1,\"message\":\"ok\"}", c -> c.applications("orga_1").stop("app_1"),
            c -> c.applications("orga_1").stopAsync("app_1")),
        row("applications.deployments", "[{\"uuid\":\"d1\"}]",
            c -> c.applications("orga_1").deployments("app_1", 5, 0),
            c -> c.applications("orga_1").deploymentsAsync("app_1", 5, 0)),
        row("addons.list", "[{\"id\":\"addon_1\"}]", c -> c.addons("orga_1").list(),
            c -> c.addons("orga_1").listAsync()),
        row("zones.list", "[" + ZONE + "]", c -> c.zones().list(), c -> c.zones().listAsync()),
        row("zones.listFiltered", "[" + ZONE + "]", c -> c.zones().list("orga_1", "region:eu"),
            c -> c.zones().listAsync("orga_1", "region:eu")),
        row("zones.get", ZONE, c -> c.zones().get("par"), c -> c.zones().getAsync("par")),
        row("invoices.list", "[{\"invoiceNumber\":\"F1\"}]", c -> c.invoices("orga_1").list(null, null, 3),
            c -> c.invoices("orga_1").listAsync(null, null, 3)),
        row("invoices.unpaid", "[{\"invoiceNumber\":\"F1\"}]", c -> c.invoices("orga_1").unpaid(),
            c -> c.invoices("orga_1").unpaidAsync()),
        row("invoices.get", "{\"invoiceNumber\":\"F1\"}", c -> c.invoices("orga_1").get("F1"),
            c -> c.invoices("orga_1").getAsync("F1")),
        row("invoices.html", "\"<html></html>\"", c -> c.invoices("orga_1").html("F1"),
            c -> c.invoices("orga_1").htmlAsync("F1")),
        row("oauthTokens.list", "[{\"token\":\"t1\"}]", c -> c.oauthTokens().list(),
            c -> c.oauthTokens().listAsync()),
        row("oauthTokens.revoke", "", c -> {
          c.oauthTokens().revoke("t1");
          return null;
        }, c -> c.oauthTokens().revokeAsync("t1")),
        row("oauthConsumers.list", "[" + CONSUMER + "]", c -> c.oauthConsumers("orga_1").list(),
            c -> c.oauthConsumers("orga_1").listAsync()),
        row("oauthConsumers.get", CONSUMER, c -> c.oauthConsumers("orga_1").get("k1"),
            c -> c.oauthConsumers("orga_1").getAsync("k1")),
        row("oauthConsumers.create", CONSUMER, c -> c.oauthConsumers("orga_1").create(consumer),
            c -> c.oauthConsumers("orga_1").createAsync(consumer)),
        row("oauthConsumers.update", CONSUMER, c -> c.oauthConsumers("orga_1").update("k1", consumer),
            c -> c.oauthConsumers("orga_1").updateAsync("k1", consumer)),
        row("oauthConsumers.delete", "", c -> {
          c.oauthConsumers("orga_1").delete("k1");
          return null;
        }, c -> c.oauthConsumers("orga_1").deleteAsync("k1")),
        row("oauthConsumers.secret", "{\"secret\":\"s3cr3t\"}",
            c -> c.oauthConsumers("orga_1").secret("k1").reveal(),
            c -> c.oauthConsumers("orga_1").secretAsync("k1").thenApply(s -> s.reveal())),
        row("apiTokens.list", "[" + TOKEN + "]", c -> c.apiTokens().list(), c -> c.apiTokens().listAsync()),
        row("apiTokens.get", TOKEN, c -> c.apiTokens().get("api_tokens_1"),
            c -> c.apiTokens().getAsync("api_tokens_1")),
        row("apiTokens.update", "", c -> {
          c.apiTokens().update("api_tokens_1", "CI", null);
          return null;
        }, c -> c.apiTokens().updateAsync("api_tokens_1", "CI", null)),
        row("apiTokens.delete", "", c -> {
          c.apiTokens().delete("api_tokens_1");
          return null;
        }, c -> c.apiTokens().deleteAsync("api_tokens_1")),
        row("apiTokens.create", CREATED,
            c -> c.apiTokens().create(request().email("jane.doe@example.com").build()).secret().reveal(),
            c -> c.apiTokens().createAsync(request().email("jane.doe@example.com").build())
                .thenApply(t -> t.secret().reveal())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twins")
  void asyncCompletesWithTheSameValueAsBlocking(String name, String body,
      Function<CleverCloudClient, Object> blocking, Function<CleverCloudClient, CompletableFuture<?>> async)
      throws Exception {
    bridge.enqueue(json(body));
    bridge.enqueue(json(body));
    try (CleverCloudClient client = client()) {
      Object expected = blocking.apply(client);
      Object actual = async.apply(client).get(10, TimeUnit.SECONDS);
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
      assertThat(client.invoices("orga_1").pdfAsync("F1", file).get(10, TimeUnit.SECONDS)).isEqualTo(pdf.length);
      assertThat(client.invoices("orga_1").pdfAsync("F1", out).get(10, TimeUnit.SECONDS)).isEqualTo(pdf.length);
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
      assertThat(failureOf(client.invoices("orga_1").pdfAsync("F1", dir.resolve("x.pdf"))))
          .isInstanceOf(NotFoundException.class);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void errorsCompleteTheFutureWithTheSameExceptionUnwrapped() {
    bridge.enqueue(json(404, "{\"code\":\"nope\",\"message\":\"no such zone\"}"));
    try (CleverCloudClient client = client()) {
      CompletableFuture<?> future = client.zones().getAsync("nowhere");
      assertThat(failureOf(future)).isInstanceOf(NotFoundException.class);
      assertThat(catchThrowable(future::join)).isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void invalidArgumentsAreThrownAtOnce() {
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.zones().getAsync("..")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.applications("orga_1").deploymentsAsync("app_1", 0, 0))
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
      assertThat(client.zones().getAsync("par").get(10, TimeUnit.SECONDS).getName()).isEqualTo("par");
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
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    bridge.setDispatcher(holding(received, release));
    CountDownLatch canceled = new CountDownLatch(1);
    OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void canceled(Call call) {
        canceled.countDown();
      }
    }).build();
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("tok")).okHttpClient(http).build()) {
      CompletableFuture<?> future = client.zones().getAsync("par");
      assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(future.cancel(true)).isTrue();
      assertThat(canceled.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(future.isCancelled()).isTrue();
      assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    } finally {
      release.countDown();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
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
      CompletableFuture<?> future = client.zones().getAsync("par");
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
