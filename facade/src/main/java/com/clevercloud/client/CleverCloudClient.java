package com.clevercloud.client;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.internal.AuthInterceptor;
import com.clevercloud.client.internal.CallAdapters;
import com.clevercloud.client.internal.CallExecutor;
import com.clevercloud.client.internal.check.Checks;
import com.clevercloud.client.internal.DateTimeParameterConverterFactory;
import com.clevercloud.client.internal.ErrorMapper;
import com.clevercloud.client.internal.LoggingInterceptor;
import com.clevercloud.client.internal.OperationTable;
import com.clevercloud.client.internal.RetryInterceptor;
import com.clevercloud.client.internal.TextAnswers;
import com.clevercloud.client.internal.Routing;
import com.clevercloud.client.internal.UserAgent;
import com.google.gson.Gson;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The Clever Cloud API client: one object for the Bridge, v2 and v4 APIs. It sends each call to the right host with the
 * right credential (API tokens to the Bridge with {@code Bearer}, OAuth 1.0a to the main host, signed), and turns
 * failures into {@link CleverCloudException}s.
 *
 * <pre>{@code
 * try (CleverCloudClient client = CleverCloudClient.builder()
 *     .credentials(Credentials.fromEnvironment())
 *     .build()) {
 *   UserView me = client.api(SelfApi.class).getSelf();
 *   List<ApplicationView> apps = client.api(ApplicationsApi.class).listApplications("orga_…", null);
 *   CompletableFuture<List<Zone>> zones = client.api(ZonesApi.class).listZonesAsync(null, null);
 * }
 * }</pre>
 *
 * <p>{@code GET}, {@code PUT} and {@code DELETE} calls are retried on connection failures and on {@code 429},
 * {@code 502}, {@code 503} and {@code 504} as {@link RetryPolicy} says; {@code POST} never is.
 *
 * <p>Immutable and thread-safe: share one instance. {@link #close()} releases the connection pool and threads, if the
 * client created its own {@link OkHttpClient}.
 */
public final class CleverCloudClient implements AutoCloseable {

  /** The main API host, which takes OAuth 1.0a. */
  public static final String DEFAULT_API_BASE_URL = "https://api.clever-cloud.com/";
  /** The Bridge, which takes API tokens and serves {@code /api-tokens}. */
  public static final String DEFAULT_BRIDGE_BASE_URL = "https://api-bridge.clever-cloud.com/";
  /**
   * How many idle connections a client keeps (for 5 minutes) when it makes its own {@link OkHttpClient}: up to this
   * many threads or calls in flight reuse their connections for good; more still work, with some connections opened
   * and closed as load varies.
   */
  public static final int MAX_IDLE_CONNECTIONS = 32;
  /**
   * How many asynchronous calls a client runs at once by default ({@link Builder#maxConcurrentRequests(int)}), per
   * host and in all. OkHttp's own default, 5 per host, would queue the 6th: with an API token every call goes to one
   * host. Blocking calls are not limited by it.
   */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
  /**
   * The most an answer may hold, once decompressed, unless it is a streamed file ({@link Builder#maxResponseBytes(long)}):
   * 16 MiB. The largest answers of the API are lists; 1,000 applications make about 1.8 MB of JSON, so this leaves
   * room for about nine times that, while a hostile or broken server (a gzip bomb, an endless body) costs at most
   * 16 MiB of memory per call in flight instead of all of it.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final Credentials credentials;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Routing routing;
  private final Map<String, Retrofit> retrofits;
  private final CallExecutor executor;
  private final Downloads downloads;
  private final OAuth1Signer signer;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  // One implementation per generated interface: Retrofit.create makes a new proxy each time, a cost every call paid.
  private final ConcurrentHashMap<Class<?>, Object> apis = new ConcurrentHashMap<>();

  private CleverCloudClient(Builder b) {
    this.credentials = b.credentials;
    this.clock = b.clock;
    this.signer = b.signer != null ? b.signer : new OAuth1Signer(b.clock, OAuth1Signer::randomNonce);
    // The builder's URL, else the host the credentials came with (API_HOST, AUTH_BRIDGE_HOST), else Clever Cloud's;
    // a host from the environment passes the same checks as one given here (https, or http to loopback only).
    HttpUrl main = b.apiBaseUrl != null ? b.apiBaseUrl : credentials != null && credentials.apiBaseUrl().isPresent()
        ? Builder.baseUrl(credentials.apiBaseUrl().get(), "API_HOST (from the credentials)")
        : HttpUrl.get(DEFAULT_API_BASE_URL);
    HttpUrl bridge = b.bridgeBaseUrl != null ? b.bridgeBaseUrl
        : credentials != null && credentials.bridgeBaseUrl().isPresent()
        ? Builder.baseUrl(credentials.bridgeBaseUrl().get(), "AUTH_BRIDGE_HOST (from the credentials)")
        : HttpUrl.get(DEFAULT_BRIDGE_BASE_URL);
    this.routing = new Routing(main, bridge, credentials);

    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient.Builder hb;
    if (ownsHttp) {
      hb = new OkHttpClient.Builder()
          // OkHttp's default pool keeps 5 idle connections: a client shared by more threads would close and reopen
          // (TLS included) connections all the time.
          .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
          .dispatcher(dispatcher(new Dispatcher(), b.maxConcurrentRequests))
          .connectTimeout(Duration.ofSeconds(10))
          .readTimeout(Duration.ofSeconds(30))
          .writeTimeout(Duration.ofSeconds(30))
          .callTimeout(Duration.ofSeconds(60));
    } else {
      // Shares the user's pool, dispatcher and settings; only what is set on this builder changes. A concurrency
      // limit set here gets a dispatcher of its own, on the user's threads, so the user's limits stay as they are.
      hb = b.okHttpClient.newBuilder();
      if (b.maxConcurrentRequestsSet) {
        hb.dispatcher(dispatcher(new Dispatcher(b.okHttpClient.dispatcher().executorService()),
            b.maxConcurrentRequests));
      }
    }
    if (b.connectTimeout != null) {
      hb.connectTimeout(b.connectTimeout);
    }
    if (b.readTimeout != null) {
      hb.readTimeout(b.readTimeout);
    }
    if (b.writeTimeout != null) {
      hb.writeTimeout(b.writeTimeout);
    }
    if (b.callTimeout != null) {
      hb.callTimeout(b.callTimeout);
    }
    // The API never redirects: a 3xx comes from something in between, and following it would re-send the request
    // (its credential, its body) to wherever the Location says. The caller gets it as an ApiException instead. Set
    // on a caller's OkHttpClient too, which only its copy here sees.
    hb.followRedirects(false).followSslRedirects(false);
    ErrorMapper errors = new ErrorMapper(clock, credentials);
    // Order matters, after the user's own interceptors: retry (which also bounds answers), then logging (one line per
    // attempt, and it never sees the Authorization header), then auth innermost (every attempt is signed afresh: new
    // nonce and timestamp).
    hb.addInterceptor(new RetryInterceptor(b.retryPolicy.maxAttempts(), b.retryPolicy.baseDelay(),
        b.retryPolicy.maxDelay(), b.retryPolicy.maxRetryAfter(), errors, b.sleeper, b.nanoTime, b.maxResponseBytes));
    if (b.logger != null) {
      hb.addInterceptor(new LoggingInterceptor(b.logger, b.logLevel, errors));
    }
    hb.addInterceptor(new AuthInterceptor(routing, credentials, signer, UserAgent.userAgent(b.applicationId)));
    // Tells whether a POST reached an open connection, so that a lost answer is reported as "may have been created".
    hb.addNetworkInterceptor(CallExecutor.sentMarker());
    this.http = hb.build();
    this.retryPolicy = b.retryPolicy;

    this.executor = new CallExecutor(http, errors, b.sleeper, b.nanoTime);
    this.downloads = new Downloads(errors);
    // One Retrofit per family, each with that family's generated Gson (its own date adapters). The base URL only
    // resolves paths: the auth interceptor puts each request on the host its route says.
    this.retrofits = Map.of(
        "bridge", retrofit(bridge, new com.clevercloud.api.bridge.invoker.JSON().getGson()),
        "v2", retrofit(main, new com.clevercloud.api.v2.invoker.JSON().getGson()),
        "v4", retrofit(main, new com.clevercloud.api.v4.invoker.JSON().getGson()));
  }

  private static Dispatcher dispatcher(Dispatcher dispatcher, int maxConcurrentRequests) {
    dispatcher.setMaxRequests(maxConcurrentRequests);
    dispatcher.setMaxRequestsPerHost(maxConcurrentRequests);
    return dispatcher;
  }

  private Retrofit retrofit(HttpUrl base, Gson gson) {
    return new Retrofit.Builder()
        .baseUrl(base)
        .client(http)
        .addCallAdapterFactory(new CallAdapters(executor, routing, gson))
        // Text answers first (the OAuth dance, invoice HTML): Gson would claim String. Request bodies go to Gson.
        .addConverterFactory(new TextAnswers())
        .addConverterFactory(new DateTimeParameterConverterFactory())
        .addConverterFactory(GsonConverterFactory.create(gson))
        .build();
  }

  /**
   * Starts configuring a client.
   *
   * @return a builder with the defaults: Clever Cloud's hosts, no credentials, 10 s connect, 30 s read and write and
   *     60 s call timeouts, {@link RetryPolicy#defaults()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The credentials in use.
   *
   * @return the credentials, or empty for a client made without (it can only create API tokens and run the OAuth
   *     dance)
   */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /**
   * The retry policy in use.
   *
   * @return the policy
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * The user's API tokens (Bridge {@code /api-tokens}).
   *
   * @return the API token operations
   */
  public ApiTokens apiTokens() {
    return new ApiTokens(this);
  }

  /**
   * The OAuth 1.0a dance for an OAuth consumer, signed with HMAC-SHA512: request token, user authorization, access
   * token. Needs no credentials on this client.
   *
   * @param consumerKey the consumer's key
   * @param consumerSecret the consumer's secret
   * @return the flow
   */
  public OAuth1Flow oauth1Flow(String consumerKey, String consumerSecret) {
    return oauth1Flow(consumerKey, consumerSecret, SignatureMethod.HMAC_SHA512);
  }

  /**
   * The OAuth 1.0a dance for an OAuth consumer with a chosen signature method, which the resulting credentials keep.
   *
   * @param consumerKey the consumer's key
   * @param consumerSecret the consumer's secret
   * @param signatureMethod how to sign the dance's requests and later calls
   * @return the flow
   */
  public OAuth1Flow oauth1Flow(String consumerKey, String consumerSecret, SignatureMethod signatureMethod) {
    return new OAuth1Flow(this, consumerKey, consumerSecret, signatureMethod);
  }

  /**
   * A generated interface ({@code com.clevercloud.api.{bridge,v2,v4}.api.*Api}): every operation of the specs, as a
   * blocking method that returns the decoded body and an {@code …Async} twin that returns a
   * {@link java.util.concurrent.CompletableFuture}. Each call is routed, authenticated, checked, retried (when safe)
   * and masked by the client; failures are {@link CleverCloudException}s (the future fails with them, unwrapped).
   * Implementations are cached: calling this on every call is cheap.
   *
   * <pre>{@code
   * List<Zone> zones = client.api(ZonesApi.class).listZones(null, "region:eu");
   * client.api(ApplicationsApi.class).listApplicationsAsync("orga_…", null).thenAccept(apps -> …);
   * }</pre>
   *
   * @param api the interface
   * @param <T> the interface type
   * @return an implementation
   * @throws IllegalArgumentException if the interface is not a generated one
   */
  public <T> T api(Class<T> api) {
    Objects.requireNonNull(api, "api == null");
    Object known = apis.get(api);
    if (known != null) {
      return api.cast(known);
    }
    String family = OperationTable.INSTANCE.familyOf(api);
    if (family == null) {
      throw new IllegalArgumentException(api.getName() + " is not a generated Clever Cloud interface "
          + "(com.clevercloud.api.{bridge,v2,v4}.api)");
    }
    return api.cast(apis.computeIfAbsent(api, retrofits.get(family)::create));
  }

  /**
   * Waiting for a deployment's outcome or an application's state, by polling with backoff within a timeout.
   *
   * @return the waits
   */
  public Deployments deployments() {
    return new Deployments(this);
  }

  /**
   * Writes a streamed answer to a file without holding it in memory, then closes the body. The file is written
   * next to the target under a temporary name and moved into place once complete, so a failed download never leaves
   * half a file; an existing file is replaced. An HTML answer is refused before anything is written: no file
   * operation of the API answers HTML, so such a page (a proxy's maintenance or login page) is not the file. To check
   * the exact type, use {@link #download(ResponseBody, Path, String)}.
   *
   * <pre>{@code
   * client.download(client.api(InvoicesApi.class).getInvoicePdf("orga_…", "F2025…"), Path.of("invoice.pdf"));
   * }</pre>
   *
   * @param body the open body a file operation returned
   * @param file the target file
   * @return the number of bytes written
   * @throws IllegalArgumentException if {@code file} is a directory or a root, which no file can replace
   * @throws com.clevercloud.client.exception.ResponseDecodingException if the answer is HTML
   * @throws CleverCloudException if reading fails ({@code TransportException})
   * @throws java.io.UncheckedIOException if writing fails
   */
  public long download(ResponseBody body, Path file) {
    return downloads.toFile(body, file, null);
  }

  /**
   * As {@link #download(ResponseBody, Path)}, refusing an answer whose {@code Content-Type} is not
   * {@code expectedType} (its parameters, such as {@code charset}, aside) before anything is written. The specs do
   * not tell the client which type a file operation answers; the caller knows
   * ({@code getInvoicePdf}: {@code application/pdf}).
   *
   * <pre>{@code
   * client.download(invoices.getInvoicePdf("orga_…", "F2025…"), Path.of("invoice.pdf"), "application/pdf");
   * }</pre>
   *
   * @param body the open body a file operation returned
   * @param file the target file
   * @param expectedType the media type the answer must have, for example {@code application/pdf}
   * @return the number of bytes written
   * @throws IllegalArgumentException if {@code file} is a directory or a root, or {@code expectedType} is not a
   *     media type
   * @throws com.clevercloud.client.exception.ResponseDecodingException if the answer has another type, or none
   * @throws CleverCloudException if reading fails ({@code TransportException})
   * @throws java.io.UncheckedIOException if writing fails
   */
  public long download(ResponseBody body, Path file, String expectedType) {
    return downloads.toFile(body, file, Objects.requireNonNull(expectedType, "expectedType == null"));
  }

  /**
   * Copies a streamed answer to a stream without holding it in memory, then closes the body (not the stream). An
   * HTML answer is refused before anything is written, as by {@link #download(ResponseBody, Path)}.
   *
   * @param body the open body a file operation returned
   * @param out where to write
   * @return the number of bytes written
   * @throws com.clevercloud.client.exception.ResponseDecodingException if the answer is HTML
   * @throws CleverCloudException if reading fails ({@code TransportException})
   * @throws java.io.UncheckedIOException if writing fails
   */
  public long download(ResponseBody body, OutputStream out) {
    return downloads.copy(body, out, null);
  }

  /**
   * As {@link #download(ResponseBody, OutputStream)}, refusing an answer whose {@code Content-Type} is not
   * {@code expectedType} before anything is written, as {@link #download(ResponseBody, Path, String)} does.
   *
   * @param body the open body a file operation returned
   * @param out where to write
   * @param expectedType the media type the answer must have, for example {@code application/pdf}
   * @return the number of bytes written
   * @throws IllegalArgumentException if {@code expectedType} is not a media type
   * @throws com.clevercloud.client.exception.ResponseDecodingException if the answer has another type, or none
   * @throws CleverCloudException if reading fails ({@code TransportException})
   * @throws java.io.UncheckedIOException if writing fails
   */
  public long download(ResponseBody body, OutputStream out, String expectedType) {
    return downloads.copy(body, out, Objects.requireNonNull(expectedType, "expectedType == null"));
  }

  /**
   * Raw authenticated requests for paths the specs lack, routed by their prefix ({@code /v2}, {@code /v4},
   * {@code /api-tokens}), like {@code clever curl}.
   *
   * @return the raw request operations
   */
  public RawHttp http() {
    return new RawHttp(this);
  }

  // Package-private plumbing for the resource classes.

  CallExecutor executor() {
    return executor;
  }

  Routing routing() {
    return routing;
  }

  OAuth1Signer signer() {
    return signer;
  }

  Clock clock() {
    return clock;
  }

  /**
   * Ends the client: calls made afterwards, blocking or asynchronous, throw {@link IllegalStateException} at once
   * without sending anything, and asynchronous calls still waiting for a thread fail with it now; calls already
   * running end as they would. Releases the connection pool and the dispatcher's threads if this client created its
   * own {@link OkHttpClient}; a client given to the builder stays open (its owner closes it). Closing twice is
   * harmless.
   */
  @Override
  public void close() {
    executor.close();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "CleverCloudClient[api=" + routing.baseUrl(Routing.Host.MAIN) + ", bridge="
        + routing.baseUrl(Routing.Host.BRIDGE) + ", credentials=" + credentials + ", retryPolicy=" + retryPolicy + "]";
  }

  /**
   * Configures a {@link CleverCloudClient}. Not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {

    private Credentials credentials;
    private HttpUrl apiBaseUrl;
    private HttpUrl bridgeBaseUrl;
    private OkHttpClient okHttpClient;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;
    private String applicationId;
    private Logger logger;
    private Level logLevel = Level.DEBUG;
    private OAuth1Signer signer;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RetryInterceptor.Sleeper sleeper = RetryInterceptor.THREAD_SLEEP;
    private LongSupplier nanoTime = System::nanoTime;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private boolean maxConcurrentRequestsSet;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    Builder() {}

    /**
     * The most an answer read into memory may hold, counted after decompression (default
     * {@value CleverCloudClient#DEFAULT_MAX_RESPONSE_BYTES} bytes, 16 MiB). A larger answer stops being read there and
     * the call fails with a {@link com.clevercloud.client.exception.ResponseDecodingException}, not retried; the limit
     * applies to error answers too, of which the client reads a short excerpt anyway. Streamed files
     * ({@link CleverCloudClient#download(ResponseBody, Path)}) are exempt: they never sit in memory.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder maxResponseBytes(long max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1");
      }
      this.maxResponseBytes = max;
      return this;
    }

    /**
     * How many asynchronous calls run at once, per host and in all (default
     * {@value CleverCloudClient#DEFAULT_MAX_CONCURRENT_REQUESTS}); more wait in OkHttp's queue. With an
     * {@link #okHttpClient(OkHttpClient) OkHttpClient of your own}, its dispatcher (threads and limits, OkHttp's
     * default being 5 per host) is shared unless this is set: then the client gets a dispatcher of its own with this
     * limit, running on your client's threads.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
      }
      this.maxConcurrentRequests = max;
      this.maxConcurrentRequestsSet = true;
      return this;
    }

    /**
     * The credentials. Optional: without them the client can only create API tokens (with email and password) and
     * run the OAuth dance; other calls throw {@link IllegalStateException} before sending anything.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * The main API host's base URL, for a mock server or a proxy. {@code https} only, except for loopback hosts.
     * Overrides the host the credentials came with ({@link Credentials#apiBaseUrl()}, from {@code API_HOST}).
     *
     * @param url for example {@code http://127.0.0.1:4010/}
     * @return this builder
     * @throws IllegalArgumentException if the URL is malformed or plain {@code http} to a non-loopback host
     */
    public Builder apiBaseUrl(String url) {
      this.apiBaseUrl = baseUrl(url, "apiBaseUrl");
      return this;
    }

    /**
     * The Bridge's base URL, for a mock server or a proxy. {@code https} only, except for loopback hosts.
     * Overrides the host the credentials came with ({@link Credentials#bridgeBaseUrl()}, from
     * {@code AUTH_BRIDGE_HOST}).
     *
     * @param url for example {@code http://127.0.0.1:4011/}
     * @return this builder
     * @throws IllegalArgumentException if the URL is malformed or plain {@code http} to a non-loopback host
     */
    public Builder bridgeBaseUrl(String url) {
      this.bridgeBaseUrl = baseUrl(url, "bridgeBaseUrl");
      return this;
    }

    /**
     * An {@link OkHttpClient} to build on (proxy, TLS, pool, dispatcher, interceptors). The client derives its own
     * with {@code newBuilder()}, so the given one is not changed, and {@link CleverCloudClient#close()} leaves it
     * open. Its timeouts stay unless set on this builder.
     *
     * @param client the client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * How long to wait for a connection (default 10 s).
     *
     * @param timeout a positive duration, or zero for none
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait between two reads of a response (default 30 s).
     *
     * @param timeout a positive duration, or zero for none
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout(timeout, "readTimeout");
      return this;
    }

    /**
     * How long to wait between two writes of a request (default 30 s).
     *
     * @param timeout a positive duration, or zero for none
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout(timeout, "writeTimeout");
      return this;
    }

    /**
     * How long a whole call may take, from connecting to reading the body's end, retries and the waits between them
     * included (default 60 s).
     *
     * @param timeout a positive duration, or zero for none
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout(timeout, "callTimeout");
      return this;
    }

    /**
     * Your application's name, appended to the {@code User-Agent} so Clever Cloud can tell who calls.
     *
     * @param applicationId for example {@code my-deployer/2.0}: visible ASCII, no spaces
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds spaces, control or non-ASCII characters
     */
    public Builder applicationId(String applicationId) {
      this.applicationId = Checks.visibleAscii(applicationId, "applicationId");
      return this;
    }

    /**
     * When to repeat failed calls (default {@link RetryPolicy#defaults()}: 3 attempts for GET, PUT and DELETE).
     * {@code POST} is never repeated. {@link RetryPolicy#none()} turns retries off.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /** Tests: how retries wait, and the monotonic clock that keeps them inside the call timeout. */
    Builder retryTiming(RetryInterceptor.Sleeper sleeper, LongSupplier nanoTime) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
      return this;
    }

    /**
     * Logs one line per request (method, path without query values, status, duration, operation, {@code Sozu-Id})
     * at the given level. Never headers, bodies or secrets.
     *
     * @param logger where to log, for example {@code System.getLogger("com.clevercloud.client")}
     * @param level the level of every line
     * @return this builder
     */
    public Builder logger(Logger logger, Level level) {
      this.logger = Objects.requireNonNull(logger, "logger == null");
      this.logLevel = Objects.requireNonNull(level, "level == null");
      return this;
    }

    /**
     * The OAuth 1.0a signer, to pin its clock and nonces in tests.
     *
     * @param signer the signer
     * @return this builder
     */
    public Builder oauth1Signer(OAuth1Signer signer) {
      this.signer = Objects.requireNonNull(signer, "signer == null");
      return this;
    }

    /**
     * The clock used for OAuth timestamps (unless a signer is given), token expiration checks and
     * {@code Retry-After} dates. For tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Makes the client.
     *
     * @return a new client
     * @throws IllegalArgumentException if a host the credentials came with ({@code API_HOST},
     *     {@code AUTH_BRIDGE_HOST}) is malformed or plain {@code http} to a non-loopback host
     */
    public CleverCloudClient build() {
      return new CleverCloudClient(this);
    }

    private static Duration timeout(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name + " == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(name + " is negative");
      }
      return timeout;
    }

    static HttpUrl baseUrl(String url, String name) {
      Objects.requireNonNull(url, name + " == null");
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new IllegalArgumentException(name + " is not an http(s) URL: " + url);
      }
      if (parsed.username().length() > 0 || parsed.password().length() > 0) {
        throw new IllegalArgumentException(name + " must not carry user info");
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        throw new IllegalArgumentException(name + " must not have a query or fragment");
      }
      if (parsed.scheme().equals("http") && !isLoopback(parsed.host())) {
        throw new IllegalArgumentException(name + " uses plain http to " + parsed.host()
            + ": credentials would travel in clear; use https (plain http is allowed for loopback hosts only)");
      }
      if (!parsed.encodedPath().endsWith("/")) {
        parsed = parsed.newBuilder().addPathSegment("").build();
      }
      return parsed;
    }

    /** 127.0.0.0/8, ::1 and localhost, decided without DNS so that a name cannot point elsewhere. */
    static boolean isLoopback(String host) {
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      boolean ipv6 = host.contains(":");
      if (!ipv4 && !ipv6) {
        return false;
      }
      try {
        // A literal address: getByName parses it without a lookup.
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
  }

  // ---- log streams (issue 14)

  /**
   * Opens a live log stream: an application's logs, an add-on's, or an application's access logs, as typed records
   * the caller pulls one at a time (see {@link LogStream} for what it survives and how it ends). The connection is
   * opened here, so a wrong id or a missing right throws now.
   *
   * <pre>{@code
   * try (LogStream<ApplicationLog> logs = client.logs(LogQuery.application("orga_…", "app_…"))) {
   *   for (ApplicationLog line : logs) {
   *     System.out.println(line.getDate() + " " + line.getMessage());
   *   }
   * }
   * }</pre>
   *
   * @param query what to stream
   * @param <T> the record type
   * @return the open stream; close it
   * @throws CleverCloudException if the stream cannot be opened
   */
  public <T> LogStream<T> logs(LogQuery<T> query) {
    return new LogStream<>(this, Objects.requireNonNull(query, "query == null"));
  }

  /** One family's Retrofit, for pipelines derived from this client's (log streams). */
  Retrofit retrofit(String family) {
    return retrofits.get(family);
  }
}
