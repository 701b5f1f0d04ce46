package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.bridge.model.ApiTokenUpdateRequest;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.OAuthConsumersApi;
import com.clevercloud.api.v2.api.OAuthTokensApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.EnvVar;
import com.clevercloud.api.v2.model.OAuthTokenView;
import com.clevercloud.api.v2.model.SecretView;
import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.api.v2.model.WannabeValue;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.AuthenticationException;
import com.clevercloud.client.exception.BadRequestException;
import com.clevercloud.client.exception.ConflictException;
import com.clevercloud.client.exception.ForbiddenException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.RateLimitException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TokenCreatedButUnreadableException;
import com.clevercloud.client.exception.TransportException;
import com.clevercloud.client.internal.CallAdapters;
import com.clevercloud.client.internal.CallExecutor;
import com.clevercloud.client.internal.CancellableFuture;
import com.clevercloud.client.internal.DateTimeParameterConverterFactory;
import com.clevercloud.client.internal.Operation;
import com.clevercloud.client.internal.OperationTable;
import com.clevercloud.client.internal.RetryInterceptor;
import com.clevercloud.client.internal.Routing;
import com.clevercloud.client.internal.Sensitive;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One canary value per secret-bearing path, pushed through every path at every log level, against a server that
 * answers normally, with error statuses that echo the request's credential and body back, with undecodable 2xx bodies
 * holding secrets, and with connections cut mid-body. None may appear in a log line, in an exception (message,
 * causes, stack trace) or in the {@code toString()} of any object the client gave out or holds, and every public type
 * of {@code com.clevercloud.client..} must have been among those objects.
 */
class SecretCanaryTest extends TestServers {

  // The secret-bearing paths, one canary each.
  static final String API_TOKEN = "CANARY-api-token-c01";
  static final String CONSUMER_SECRET = "CANARY-consumer-secret-c02";
  static final String TOKEN_SECRET = "CANARY-token-secret-c03";
  static final String CREATED_TOKEN = "CANARY-created-token-c04";
  static final String PASSWORD = "CANARY-password-c05";
  static final String MFA_CODE = "CANARY-mfa-code-c06";
  static final String CONSUMER_SECRET_READ = "CANARY-consumer-secret-read-c07";
  static final String ENV_VALUE = "CANARY-env-value-c08";
  static final String FLOW_CONSUMER_SECRET = "CANARY-flow-consumer-secret-c09";
  static final String REQUEST_TOKEN_SECRET = "CANARY-request-token-secret-c10";
  static final String ACCESS_TOKEN_SECRET = "CANARY-access-token-secret-c11";
  static final String OAUTH_TOKEN = "CANARY-user-oauth-token-c12";
  static final String LOG_LINE = "CANARY-log-line-c13";
  static final List<String> CANARIES = List.of(API_TOKEN, CONSUMER_SECRET, TOKEN_SECRET, CREATED_TOKEN, PASSWORD,
      MFA_CODE, CONSUMER_SECRET_READ, ENV_VALUE, FLOW_CONSUMER_SECRET, REQUEST_TOKEN_SECRET, ACCESS_TOKEN_SECRET,
      OAUTH_TOKEN, LOG_LINE);

  /** How the server answers. */
  enum Mode {
    /** Realistic answers, secrets where the API puts them. */
    OK,
    /** Error statuses whose body and {@code Sozu-Id} echo the request: target, Authorization header and body. */
    ECHO,
    /** 200 with bodies of the wrong shape that still hold the secrets and the echo. */
    GARBLED,
    /** The realistic answer, padded, cut mid-body. */
    CUT
  }

  private static final int[] ERROR_STATUSES = {400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503};

  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
  private final AtomicInteger errorTurn = new AtomicInteger();
  private final AtomicReference<String> lastEchoed = new AtomicReference<>("");
  /** Canaries the server received: proof that each path was exercised. */
  private final Set<String> sentOverTheWire = ConcurrentHashMap.newKeySet();
  /** Canaries the server echoed back in error answers. */
  private final Set<String> echoedBack = ConcurrentHashMap.newKeySet();

  private final List<String> logs = new CopyOnWriteArrayList<>();
  private final List<Throwable> thrown = new ArrayList<>();
  private final List<Object> seen = new ArrayList<>();
  /** Secrets handed to the caller in OK mode: proof that each answer path was exercised. */
  private final List<String> received = new ArrayList<>();

  @BeforeEach
  void answerByPath() {
    Dispatcher dispatcher = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    };
    main.setDispatcher(dispatcher);
    bridge.setDispatcher(dispatcher);
  }

  @Test
  @Timeout(180) // a server-side crash would leave each call waiting for its timeout: fail, never hang the build
  void noCanaryEverAppearsInLogsExceptionsOrStrings() throws Exception {
    for (Level level : Level.values()) {
      for (Mode m : Mode.values()) {
        mode.set(m);
        TransportAndOptionsTest.CapturingLogger logger = new TransportAndOptionsTest.CapturingLogger(logs);
        try (CleverCloudClient tokenClient = builder().logger(logger, level).applicationId("canary-test/1.0")
            .callTimeout(Duration.ofSeconds(5)).credentials(Credentials.apiToken(API_TOKEN)).build();
            CleverCloudClient oauthClient = builder().logger(logger, level).callTimeout(Duration.ofSeconds(5))
                .credentials(Credentials.oauth1("ck", CONSUMER_SECRET, "user-token", TOKEN_SECRET,
                    SignatureMethod.PLAINTEXT)).build()) {
          everyPath(tokenClient);
          everyPath(oauthClient);
          seen.add(tokenClient);
          seen.add(oauthClient);
        }
      }
    }

    // The paths were exercised: each request-side canary went out, each answer-side one came back to the caller.
    assertThat(sentOverTheWire).containsExactlyInAnyOrder(API_TOKEN, CONSUMER_SECRET, TOKEN_SECRET, PASSWORD,
        MFA_CODE, ENV_VALUE, FLOW_CONSUMER_SECRET, REQUEST_TOKEN_SECRET, OAUTH_TOKEN);
    assertThat(echoedBack).containsAll(sentOverTheWire);
    assertThat(received).contains(CREATED_TOKEN, CONSUMER_SECRET_READ, ENV_VALUE, REQUEST_TOKEN_SECRET,
        ACCESS_TOKEN_SECRET, OAUTH_TOKEN);
    assertThat(thrown).extracting(Object::getClass).contains(ApiException.class, BadRequestException.class,
        AuthenticationException.class, ForbiddenException.class, NotFoundException.class, ConflictException.class,
        RateLimitException.class, ServerException.class, ResponseDecodingException.class,
        TokenCreatedButUnreadableException.class, TransportException.class);
    assertThat(thrown).anySatisfy(e -> assertThat(e.getMessage()).contains("***")); // echoes were masked
    assertThat(logs).isNotEmpty();

    addInternals();
    seen.addAll(thrown);
    everyPublicTypeWasSeen();

    List<String> haystacks = new ArrayList<>(logs);
    for (Throwable e : thrown) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      haystacks.add(trace.toString());
    }
    for (Object o : seen) {
      haystacks.add(String.valueOf(o));
    }
    for (String haystack : haystacks) {
      for (String canary : CANARIES) {
        assertThat(haystack).as("a log line, exception or toString()").doesNotContain(canary);
      }
    }
    for (String line : logs) {
      assertThat(line).doesNotContain("Bearer").doesNotContain("OAuth ").doesNotContain("oauth_signature");
    }
  }

  /** Every secret-bearing operation (some through their Async twin), plus the client's objects for their toString(). */
  private void everyPath(CleverCloudClient c) {
    attempt(() -> c.api(SelfApi.class).getSelf());
    ApiTokensApi apiTokens = c.api(ApiTokensApi.class);
    attempt(apiTokens::listApiTokens);
    attempt(() -> apiTokens.getApiToken("api_tokens_1"));
    attempt(() -> apiTokens.updateApiToken("api_tokens_1",
        new ApiTokenUpdateRequest().name("CI").description("described")));
    CreateApiTokenRequest request = CreateApiTokenRequest.builder().name("CI").expiration("30d").password(PASSWORD)
        .mfaCode(MFA_CODE).email("jane.doe@example.com").build();
    seen.add(request);
    seen.add(CreateApiTokenRequest.builder().password(PASSWORD.toCharArray()).mfaCode(MFA_CODE));
    CreatedApiToken created = attempt(() -> c.apiTokens().create(request));
    if (created != null) {
      received.add(created.secret().reveal());
    }
    CreatedApiToken createdAsync = attemptAsync(() -> c.apiTokens().createAsync(request));
    if (createdAsync != null) {
      received.add(createdAsync.secret().reveal());
    }
    ApplicationsApi applications = c.api(ApplicationsApi.class);
    attempt(() -> applications.setApplicationEnvVar("orga_1", "app_1", "DATABASE_PASSWORD",
        new WannabeValue().value(ENV_VALUE)));
    attemptAsync(() -> applications.setApplicationEnvVarAsync("orga_1", "app_1", "DATABASE_PASSWORD",
        new WannabeValue().value(ENV_VALUE)));
    List<EnvVar> env = attempt(() -> applications.listApplicationEnv("orga_1", "app_1"));
    if (env != null) {
      env.forEach(v -> received.add(v.getValue()));
    }
    List<EnvVar> envAsync = attemptAsync(() -> applications.listApplicationEnvAsync("orga_1", "app_1"));
    if (envAsync != null) {
      envAsync.forEach(v -> received.add(v.getValue()));
    }
    attempt(() -> applications.deleteApplicationEnvVar("orga_1", "app_1", "DATABASE_PASSWORD"));
    OAuthConsumersApi consumers = c.api(OAuthConsumersApi.class);
    SecretView consumerSecret = attempt(() -> consumers.getConsumerSecret("orga_1", "ck"));
    if (consumerSecret != null) {
      received.add(consumerSecret.getSecret());
    }
    attemptAsync(() -> consumers.getConsumerSecretAsync("orga_1", "ck"));
    attempt(() -> consumers.createConsumer("orga_1", new WannabeOAuth1Consumer().name("app")));
    OAuthTokensApi oauthTokens = c.api(OAuthTokensApi.class);
    List<OAuthTokenView> tokens = attempt(oauthTokens::listSelfOAuthTokens);
    if (tokens != null) {
      tokens.forEach(t -> received.add(t.getToken()));
    }
    attempt(() -> oauthTokens.revokeSelfOAuthToken(OAUTH_TOKEN));
    attemptAsync(() -> oauthTokens.revokeSelfOAuthTokenAsync(OAUTH_TOKEN));
    attempt(() -> c.http().get("/v2/self"));
    attempt(() -> c.http().put("/v2/organisations/orga_1/applications/app_1/env/X",
        "{\"value\":\"" + ENV_VALUE + "\"}"));

    OAuth1Flow flow = c.oauth1Flow("ck", FLOW_CONSUMER_SECRET, SignatureMethod.PLAINTEXT);
    seen.add(flow);
    RequestToken requestToken = attempt(() -> flow.requestToken("https://app.example.com/callback"));
    if (requestToken == null) {
      requestToken = new RequestToken("rt", Secret.of(REQUEST_TOKEN_SECRET), true);
    } else {
      received.add(requestToken.secret().reveal());
    }
    seen.add(requestToken);
    RequestToken exchanged = requestToken;
    OAuth1Credentials credentials = attempt(() -> flow.accessToken(exchanged, "verifier"));
    if (credentials != null) {
      received.add(credentials.tokenSecret().reveal());
    }

    seen.addAll(List.of(c.apiTokens(), c.http(), c.retryPolicy(), c.credentials().orElseThrow(),
        c.api(SelfApi.class), apiTokens, applications, consumers, oauthTokens));
  }

  /** Runs a call, keeping what it returned or threw. */
  private <T> T attempt(Supplier<T> call) {
    try {
      T result = call.get();
      if (result instanceof Collection<?> many) {
        seen.addAll(many);
      }
      seen.add(result);
      return result;
    } catch (RuntimeException e) {
      thrown.add(e);
      return null;
    }
  }

  /** Runs an asynchronous call, keeping what its future completed with or failed with (unwrapped). */
  private <T> T attemptAsync(Supplier<CompletableFuture<T>> call) {
    return attempt(() -> {
      try {
        return call.get().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw (RuntimeException) e.getCause();
      } catch (InterruptedException | TimeoutException e) {
        throw new AssertionError(e);
      }
    });
  }

  /** The client's internals and the remaining public types, made with canaries wherever they take a secret. */
  private void addInternals() {
    try (CleverCloudClient c = builder().credentials(Credentials.oauth1("ck", CONSUMER_SECRET, "t", TOKEN_SECRET))
        .logger(new TransportAndOptionsTest.CapturingLogger(logs), Level.INFO).build()) {
      seen.addAll(httpOf(c).interceptors());
      seen.add(c.executor());
      seen.add(c.executor().errors());
      seen.add(c.routing());
      seen.add(c.routing().route("GET", "/v2/self"));
      seen.add(c.signer());
      seen.add(CleverCloudClient.builder().credentials(Credentials.apiToken(API_TOKEN)));
    }
    seen.add(Credentials.apiToken(Secret.of(API_TOKEN)));
    seen.add(Secret.of(PASSWORD));
    seen.add(new OAuth1Signer());
    seen.add(Sensitive.of(Secret.of(PASSWORD), Secret.of(MFA_CODE)));
    seen.add(Sensitive.of(ENV_VALUE));
    CancellableFuture<Secret> future = new CancellableFuture<>();
    future.complete(Secret.of(PASSWORD));
    seen.add(future);
    seen.add(new Operation("createApiToken"));
    seen.add(new CallAdapters(null, null, new Gson()));
    seen.add(OperationTable.INSTANCE);
    OperationTable.Op setEnv = OperationTable.INSTANCE.byId("setApplicationEnvVar");
    seen.add(setEnv);
    seen.addAll(setEnv.params());
    seen.add(new CallExecutor.Decoding(EnvVar.class, null, true, "listApplicationEnv"));
    seen.add(new DateTimeParameterConverterFactory());
    seen.add(RetryInterceptor.THREAD_SLEEP);
    seen.add(RetryPolicy.builder().maxDelay(Duration.ofSeconds(9)));
    seen.addAll(Arrays.asList(SignatureMethod.values()));
    seen.addAll(Arrays.asList(Routing.Host.values()));
    seen.addAll(Arrays.asList(Routing.Auth.values()));
    seen.add(new EnvVar().name("K").value(ENV_VALUE));
    addLogStream();
  }

  /** A log stream whose record holds a canary (log lines may hold secrets), read through, and its query. */
  private void addLogStream() {
    try (mockwebserver3.MockWebServer logs = newServer()) {
      logs.start();
      logs.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
          .body("id: 1\nevent: APPLICATION_LOG\ndata: {\"id\":\"1\",\"message\":\"" + LOG_LINE + "\"}\n\n"
              + "event: END_OF_STREAM\ndata: {}\n\n").build());
      LogQuery<com.clevercloud.api.v4.model.ApplicationLog> query = LogQuery.application("orga_1", "app_1")
          .filter(LOG_LINE);
      try (CleverCloudClient c = CleverCloudClient.builder().credentials(Credentials.apiToken(API_TOKEN))
          .bridgeBaseUrl(logs.url("/").toString())
          .logger(new TransportAndOptionsTest.CapturingLogger(this.logs), Level.DEBUG).build();
          LogStream<com.clevercloud.api.v4.model.ApplicationLog> stream = c.logs(query)) {
        for (com.clevercloud.api.v4.model.ApplicationLog record : stream) {
          received.add(record.getMessage());
          seen.add(record);
        }
        seen.add(stream);
      }
      assertThat(received).as("the log line reached the caller").contains(LOG_LINE);
      seen.add(query);
      seen.add((Pages.Fetcher<String>) (limit, offset) -> List.of());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Every public type of the facade, found by scanning its compiled classes, was among the objects checked, or
   * cannot have instances (a class of static helpers).
   */
  private void everyPublicTypeWasSeen() {
    List<String> missing = new ArrayList<>();
    List<Class<?>> publicTypes = FacadeClasses.publicTypes();
    for (Class<?> type : publicTypes) {
      boolean covered = seen.stream().anyMatch(type::isInstance) || isStaticHelper(type);
      if (!covered) {
        missing.add(type.getName());
      }
    }
    assertThat(publicTypes).hasSizeGreaterThan(40);
    assertThat(missing).as("public types whose toString() was not checked").isEmpty();
  }

  /** No instance state and no way to make an instance: nothing to print. */
  private static boolean isStaticHelper(Class<?> type) {
    if (type.isInterface() || type.isEnum()) {
      return false;
    }
    for (Constructor<?> ctor : type.getDeclaredConstructors()) {
      if (!Modifier.isPrivate(ctor.getModifiers())) {
        return false;
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  // Table-driven: every secret a request of any operation carries, echoed back in a 400.

  /**
   * For every operation of the table whose request can carry a secret (a sensitive parameter, or a body whose model
   * holds sensitive properties), through its blocking method and its Async twin: a canary in every such place, a server
   * that echoes the whole request (target and body) in a 400 error body, and the canary in no message,
   * {@code apiMessage()}, {@code body()}, {@code toString()} or stack trace of the exception and its causes, nor in
   * the client's log lines. A new operation with a secret is covered here with no new test code.
   */
  @Test
  @Timeout(120)
  void everySecretARequestCarriesIsMaskedWhenTheServerEchoesItInAnError() throws Throwable {
    Set<String> wire = ConcurrentHashMap.newKeySet();
    Dispatcher echo400 = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String echo = request.getMethod() + " " + request.getTarget() + " "
            + (request.getBody() == null ? "" : request.getBody().utf8());
        wire.add(echo);
        JsonObject error = new JsonObject();
        error.addProperty("code", "rejected");
        error.addProperty("message", "We could not accept " + echo);
        error.addProperty("value", echo);
        return json(400, error.toString());
      }
    };
    main.setDispatcher(echo400);
    bridge.setDispatcher(echo400);

    List<String> covered = new ArrayList<>();
    for (OperationTable.Op op : OperationTable.INSTANCE.all()) {
      if (!op.carriesSecrets()) {
        continue;
      }
      for (boolean async : new boolean[] {false, true}) {
        java.lang.reflect.Method method = TableCalls.method(op, async);
        String canary = "CANARY-" + method.getName() + "-c99";
        List<String> lines = new CopyOnWriteArrayList<>();
        Throwable thrown;
        wire.clear();
        try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
            .logger(new TransportAndOptionsTest.CapturingLogger(lines), Level.INFO).retryPolicy(RetryPolicy.none())
            .build()) {
          Object[] args = TableCalls.args(op, method, (param, type) -> {
            if (param.sensitive()) {
              assertThat(type).as("%s %s", op.id(), param.name()).isEqualTo(String.class);
              return canary;
            }
            if (param.in().equals("body") && OperationTable.INSTANCE.holdsSecrets(op.family(), param.name())) {
              return secretBody(op.family(), param.name(), type, canary);
            }
            return TableCalls.defaultArgument(param, type);
          });
          thrown = org.assertj.core.api.Assertions.catchThrowable(() -> TableCalls.call(client, method, args));
        }
        String name = method.getName();
        assertThat(wire).as("%s sent its canary", name).anySatisfy(w -> assertThat(w).contains(canary));
        assertThat(thrown).as(name).isInstanceOf(BadRequestException.class);
        BadRequestException e = (BadRequestException) thrown;
        assertThat(e.operation()).as(name).isEqualTo(op.id());
        // Masked, not dropped: the echo is there, with the secret replaced.
        assertThat(e.apiMessage()).as(name).hasValueSatisfying(m -> assertThat(m).contains("We could not accept")
            .contains("***"));
        for (Throwable t = e; t != null; t = t.getCause()) {
          assertThat(String.valueOf(t.getMessage())).as(name + " message").doesNotContain(canary);
          assertThat(t.toString()).as(name + " toString").doesNotContain(canary);
          if (t instanceof ApiException api) {
            assertThat(api.apiMessage().orElse("")).as(name + " apiMessage").doesNotContain(canary);
            assertThat(api.body().orElse("")).as(name + " body").doesNotContain(canary);
            assertThat(api.errorCode().orElse("")).as(name + " errorCode").doesNotContain(canary);
            assertThat(api.requestId().orElse("")).as(name + " requestId").doesNotContain(canary);
          }
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as(name + " stack trace").doesNotContain(canary);
        assertThat(lines).as(name + " logged").isNotEmpty();
        assertThat(lines).as(name + " log lines").noneSatisfy(line -> assertThat(line).contains(canary));
        covered.add(name);
      }
    }
    // The table has secrets in each place a request can carry them: path, form, query and body.
    assertThat(covered).contains("createApiToken", "createApiTokenAsync", "setApplicationEnvVar",
        "setApplicationEnvVarAsync", "revokeSelfOAuthToken", "revokeSelfOAuthTokenAsync", "accessToken",
        "accessTokenQuery", "requestToken", "requestTokenQuery");
  }

  /**
   * A body of the given model whose every sensitive String property (and those of the secret models it holds, one
   * level of lists included) is the canary, made by the family's own Gson from JSON named as the spec names them.
   */
  private static Object secretBody(String family, String model, Class<?> type, String canary) {
    JsonObject json = secretJson(family, model, type, canary);
    assertThat(json.size()).as("%s.%s has a secret to fill", family, model).isPositive();
    Gson gson;
    try {
      Object invokerJson = Class.forName("com.clevercloud.api." + family + ".invoker.JSON").getConstructor()
          .newInstance();
      gson = (Gson) invokerJson.getClass().getMethod("getGson").invoke(invokerJson);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return gson.fromJson(json, type);
  }

  private static JsonObject secretJson(String family, String model, Class<?> type, String canary) {
    OperationTable table = OperationTable.INSTANCE;
    JsonObject json = new JsonObject();
    for (Field f : type.getDeclaredFields()) {
      com.google.gson.annotations.SerializedName serialized =
          f.getAnnotation(com.google.gson.annotations.SerializedName.class);
      if (Modifier.isStatic(f.getModifiers()) || serialized == null) {
        continue;
      }
      String property = serialized.value();
      Class<?> element = f.getType();
      boolean list = List.class.isAssignableFrom(element);
      if (list && f.getGenericType() instanceof java.lang.reflect.ParameterizedType p
          && p.getActualTypeArguments()[0] instanceof Class<?> c) {
        element = c;
      }
      com.google.gson.JsonElement value = null;
      if (table.sensitiveProperties(family, model).contains(property) && element == String.class) {
        value = new com.google.gson.JsonPrimitive(canary);
      } else {
        String nested = table.nestedModel(family, model, property);
        if (nested != null && table.holdsSecrets(family, nested) && element.getSimpleName().equals(nested)) {
          value = secretJson(family, nested, element, canary);
        }
      }
      if (value != null) {
        if (list) {
          com.google.gson.JsonArray array = new com.google.gson.JsonArray();
          array.add(value);
          value = array;
        }
        json.add(property, value);
      }
    }
    return json;
  }

  // The server

  private MockResponse answer(RecordedRequest request) {
    String authorization = String.valueOf(request.getHeaders().get("Authorization"));
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    String wire = authorization + " " + body + " " + request.getTarget();
    for (String canary : CANARIES) {
      if (wire.contains(canary)) {
        sentOverTheWire.add(canary);
      }
    }
    String echo = request.getMethod() + " " + request.getTarget() + " " + authorization + " " + body;
    return switch (mode.get()) {
      case OK -> realistic(request);
      case ECHO -> echo(echo, request.getMethod() + " " + request.getTarget() + " " + body);
      case GARBLED -> garbled(request, echo);
      case CUT -> cut(realistic(request));
    };
  }

  /**
   * An error status in turn, the same for the retries of a request (same method, target and body as the last one),
   * so that a retried call ends with that status whatever the number of calls before it.
   */
  private MockResponse echo(String echo, String requestKey) {
    for (String canary : CANARIES) {
      if (echo.contains(canary)) {
        echoedBack.add(canary);
      }
    }
    int turn = requestKey.equals(lastEchoed.getAndSet(requestKey)) ? errorTurn.get() : errorTurn.incrementAndGet();
    int status = ERROR_STATUSES[Math.floorMod(turn, ERROR_STATUSES.length)];
    JsonObject error = new JsonObject();
    error.addProperty("code", "rejected " + echo);
    error.addProperty("message", "We could not accept " + echo);
    error.addProperty("value", echo);
    return json(status, error.toString()).newBuilder()
        .addHeader("Sozu-Id", ("sozu " + echo).replaceAll("[^\\x20-\\x7e]", "_"))
        .addHeader("Retry-After", "0")
        .build();
  }

  private MockResponse garbled(RecordedRequest request, String echo) {
    String path = request.getUrl().encodedPath();
    JsonObject g = new JsonObject();
    g.addProperty("echo", echo);
    String body;
    if (path.equals("/api-tokens") && request.getMethod().equals("POST")) {
      body = "{\"apiToken\":\"" + CREATED_TOKEN + "\",\"apiTokenId\":{\"id\": 1},\"creationDate\":42}";
    } else if (path.endsWith("/env")) {
      body = "[{\"name\":\"DATABASE_PASSWORD\",\"value\": \"" + ENV_VALUE + "\"}, 42]";
    } else if (path.endsWith("/secret")) {
      body = "{\"secret\": {\"current\": \"" + CONSUMER_SECRET_READ + "\"}}";
    } else if (path.equals("/v2/self/tokens")) {
      body = "{\"token\": {\"value\": \"" + OAUTH_TOKEN + "\"}}";
    } else if (path.startsWith("/v2/oauth/")) {
      return new MockResponse.Builder().addHeader("Content-Type", "text/plain")
          .body("{\"oauth_token_secret\": {\"v\": \"" + ACCESS_TOKEN_SECRET + "\"}}").build();
    } else {
      g.add("id", new JsonObject());
      body = g.toString();
    }
    return json(body);
  }

  private static MockResponse cut(MockResponse realistic) {
    String body = realistic.getBody() == null ? "" : bodyText(realistic);
    return realistic.newBuilder().body(body + " ".repeat(20_000))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static String bodyText(MockResponse response) {
    okio.Buffer buffer = new okio.Buffer();
    try {
      response.getBody().writeTo(buffer);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return buffer.readUtf8();
  }

  private static MockResponse realistic(RecordedRequest request) {
    String method = request.getMethod();
    String path = request.getUrl().encodedPath();
    if (path.equals("/api-tokens") && method.equals("POST")) {
      return json("{\"apiToken\":\"" + CREATED_TOKEN + "\",\"apiTokenId\":\"api_tokens_1\",\"name\":\"CI\","
          + "\"creationDate\":\"2026-01-15T10:30:00.000Z\",\"expirationDate\":\"2026-02-14T10:30:00.000Z\"}");
    }
    if (path.equals("/api-tokens")) {
      return json("[{\"apiTokenId\":\"api_tokens_1\",\"name\":\"CI\",\"state\":\"ACTIVE\"}]");
    }
    if (path.startsWith("/api-tokens/")) {
      return method.equals("GET") ? json("{\"apiTokenId\":\"api_tokens_1\",\"name\":\"CI\"}")
          : new MockResponse.Builder().code(204).build();
    }
    if (path.equals("/v2/self")) {
      return json("{\"id\":\"user_1\",\"email\":\"jane.doe@example.com\",\"hasPassword\":true}");
    }
    if (path.endsWith("/env")) {
      return json("[{\"name\":\"DATABASE_PASSWORD\",\"value\":\"" + ENV_VALUE + "\"}]");
    }
    if (path.endsWith("/secret")) {
      return json("{\"secret\":\"" + CONSUMER_SECRET_READ + "\"}");
    }
    if (path.equals("/v2/self/tokens")) {
      return json("[{\"token\":\"" + OAUTH_TOKEN + "\",\"consumer\":{\"key\":\"ck\"}}]");
    }
    if (path.equals("/v2/oauth/request_token")) {
      return new MockResponse.Builder().addHeader("Content-Type", "text/plain")
          .body("oauth_token=rt&oauth_token_secret=" + REQUEST_TOKEN_SECRET + "&oauth_callback_confirmed=true").build();
    }
    if (path.equals("/v2/oauth/access_token")) {
      return new MockResponse.Builder().addHeader("Content-Type", "text/plain")
          .body("oauth_token=at&oauth_token_secret=" + ACCESS_TOKEN_SECRET + "&expiration_date=2026-04-15T10:00:00Z")
          .build();
    }
    if (path.startsWith("/v2/self/tokens/")) {
      return new MockResponse.Builder().code(204).build();
    }
    return json("{\"id\":\"app_1\",\"key\":\"ck\"}");
  }
}
