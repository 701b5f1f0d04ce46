package com.clevercloud.client.testkit;

import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.RetryPolicy;
import com.clevercloud.client.testkit.prism.PrismHosts;
import com.clevercloud.client.testkit.prism.PrismServers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * The mock Clever Cloud of a test run, as a test sees it: choose what the next call answers, read what was sent, build
 * more clients. Injected by {@link CleverCloudMock} as a test or constructor parameter.
 *
 * <pre>{@code
 * mock.nextCall().status(404);                 // the next call gets the spec's 404
 * mock.nextCall().example("expired");          // the one after, the response example named "expired"
 * List<Exchange> sent = mock.exchanges();      // this test's requests, with Prism's verdict
 * }</pre>
 *
 * <p>One mock serves the whole run; {@link #exchanges()} and the choices are those of the current test. Tests use it one
 * at a time: with JUnit's parallel execution the exchanges of concurrent tests would mix.
 */
public final class MockCleverCloud {

  private final PrismServers prism;
  private final PrismHosts hosts;
  private final OkHttpClient http;
  private final List<Exchange> exchanges = new ArrayList<>();
  private final Deque<NextCall> choices = new ArrayDeque<>();
  private int testStart;

  private MockCleverCloud(PrismServers prism, PrismHosts hosts) {
    this.prism = prism;
    this.hosts = hosts;
    this.http = new OkHttpClient.Builder()
        // Application interceptor: runs once per call, before the facade's retries, so a choice covers the whole call.
        .addInterceptor(this::applyChoice)
        // Network interceptor: sees the request as it goes on the wire, routed and signed by the facade.
        .addNetworkInterceptor(this::record)
        .callTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Starts Prism and the two hosts; the caller closes them with {@link #close()}. */
  static MockCleverCloud start() {
    PrismServers prism = PrismServers.start();
    try {
      return new MockCleverCloud(prism, PrismHosts.start(prism));
    } catch (RuntimeException e) {
      prism.close();
      throw e;
    }
  }

  /**
   * Chooses what Prism answers to the next call of any client of this mock that has no choice yet. Calls take the
   * choices in the order they were made; a test that ends with a choice no call took fails.
   *
   * @return the choice, to set a {@link NextCall#status(int) status} and/or an {@link NextCall#example(String) example}
   */
  public NextCall nextCall() {
    NextCall next = new NextCall();
    synchronized (choices) {
      choices.addLast(next);
    }
    return next;
  }

  /**
   * The exchanges of the current test, in order.
   *
   * @return a copy
   */
  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges.subList(Math.min(testStart, exchanges.size()), exchanges.size()));
    }
  }

  /**
   * Every exchange since the mock started, all tests of the run included.
   *
   * @return a copy, in order
   */
  public List<Exchange> allExchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /**
   * Fails if Prism found a request of the current test invalid against the specs. {@link CleverCloudMock} calls it
   * after each test not annotated {@link ViolationsExpected}; call it yourself to check earlier.
   *
   * @throws AssertionError naming each invalid request and what Prism said about it
   */
  public void assertNoViolations() {
    List<Exchange> invalid = exchanges().stream().filter(Exchange::violated).toList();
    if (!invalid.isEmpty()) {
      throw new AssertionError("Prism found " + invalid.size() + " request(s) of this test invalid against the "
          + "Clever Cloud specs (sl-violations):\n  " + invalid.stream().map(Exchange::toString)
          .collect(Collectors.joining("\n  ")) + "\nFix the request, or annotate a test that sends it on purpose "
          + "with @" + ViolationsExpected.class.getSimpleName() + ".");
    }
  }

  /**
   * A builder for a client of your own (other credentials, timeouts, retry policy, logger): pointed at the mock, on its
   * recording transport, without credentials, without retries (Prism answers every attempt alike).
   *
   * @return a new builder
   */
  public CleverCloudClient.Builder clientBuilder() {
    return CleverCloudClient.builder()
        .apiBaseUrl(hosts.apiUrl())
        .bridgeBaseUrl(hosts.bridgeUrl())
        .okHttpClient(http)
        .retryPolicy(RetryPolicy.none());
  }

  /**
   * A new client pointed at the mock, as injected into tests. Close it when done.
   *
   * @param credentials the credential kind
   * @return the client
   */
  public CleverCloudClient client(MockCredentials credentials) {
    return clientBuilder().credentials(Objects.requireNonNull(credentials, "credentials == null").credentials())
        .build();
  }

  /**
   * The recording transport: what a client built on it (or a {@code newBuilder()} of it) sends is recorded and takes
   * the {@link #nextCall()} choices.
   *
   * @return the shared {@code OkHttpClient}
   */
  public OkHttpClient okHttpClient() {
    return http;
  }

  /**
   * The main API host's stand-in ({@code /v2}, {@code /v4}).
   *
   * @return its base URL, for example {@code http://127.0.0.1:40124/}
   */
  public String apiUrl() {
    return hosts.apiUrl();
  }

  /**
   * The Bridge's stand-in ({@code /api-tokens}, {@code /v2}, {@code /v4}).
   *
   * @return its base URL, for example {@code http://127.0.0.1:40123/}
   */
  public String bridgeUrl() {
    return hosts.bridgeUrl();
  }

  /**
   * The Prism processes, one per spec.
   *
   * @return the running servers
   */
  public PrismServers prism() {
    return prism;
  }

  /**
   * The two loopback hosts in front of the Prisms.
   *
   * @return the hosts
   */
  public PrismHosts hosts() {
    return hosts;
  }

  /** A test starts: its exchanges are those from now on, and no choice is pending. */
  void beginTest() {
    synchronized (exchanges) {
      testStart = exchanges.size();
    }
    synchronized (choices) {
      choices.clear();
    }
  }

  /** A test ends: the choices no call took, which are dropped. */
  List<NextCall> endTest() {
    synchronized (choices) {
      List<NextCall> unused = List.copyOf(choices);
      choices.clear();
      return unused;
    }
  }

  /** Stops the hosts, then the Prisms. */
  void close() {
    try {
      hosts.close();
    } finally {
      prism.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private Response applyChoice(Interceptor.Chain chain) throws IOException {
    NextCall next;
    synchronized (choices) {
      next = choices.pollFirst();
    }
    String prefer = next == null ? null : next.use();
    Request request = chain.request();
    return chain.proceed(prefer == null ? request : request.newBuilder().header("Prefer", prefer).build());
  }

  private Response record(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    Invocation invocation = request.tag(Invocation.class);
    Exchange exchange = new Exchange(request.method(), request.url().host() + ":" + request.url().port(),
        request.url().encodedPath(), request.url().encodedQuery(), request.headers(), response.code(),
        response.headers(), response.header("sl-violations"),
        invocation == null ? null : invocation.method().getName());
    synchronized (exchanges) {
      exchanges.add(exchange);
    }
    return response;
  }
}
