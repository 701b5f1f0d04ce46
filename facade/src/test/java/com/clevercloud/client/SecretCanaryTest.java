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
import com.clevercloud.client.auth.CredentialsLookupException;
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
import java.util.Map;
import java.util.Random;
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
    for (Throwable e : thrown) {
      if (e instanceof BadRequestException bad) {
        seen.addAll(bad.fieldErrors()); // their toString() is checked with the rest
      }
    }
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
    // From the environment: credentials that carry hosts, and each lookup failure, with canaries as the secrets.
    java.nio.file.Path absent = java.nio.file.Path.of("target", "no-such-clever-tools.json");
    seen.add(Credentials.fromEnvironment(Map.of("CLEVER_API_TOKEN", API_TOKEN, "API_HOST", "https://api.example.test",
        "AUTH_BRIDGE_HOST", "https://bridge.example.test"), absent));
    seen.add(Credentials.fromEnvironment(Map.of("CLEVER_TOKEN", "user-token", "CLEVER_SECRET", TOKEN_SECRET,
        "OAUTH_CONSUMER_KEY", "ck", "OAUTH_CONSUMER_SECRET", CONSUMER_SECRET, "API_HOST", "https://api.example.test"),
        absent));
    for (Map<String, String> env : List.of(Map.of("CLEVER_TOKEN", "user-token", "CLEVER_SECRET", TOKEN_SECRET),
        Map.of("CLEVER_TOKEN", "user-token", "CLEVER_SECRET", TOKEN_SECRET, "OAUTH_CONSUMER_SECRET", CONSUMER_SECRET),
        Map.of("CLEVER_API_TOKEN", API_TOKEN, "API_HOST", "ftp://" + API_TOKEN), Map.of("CC_OAUTH_SECRET", TOKEN_SECRET),
        Map.<String, String>of())) {
      try {
        Credentials.fromEnvironment(env, absent);
        throw new AssertionError("no credentials expected from " + env.keySet());
      } catch (CredentialsLookupException e) {
        seen.add(e);
      }
    }
    seen.add(Secret.of(PASSWORD));
    seen.add(new OAuth1Signer());
    seen.add(Sensitive.of(Secret.of(PASSWORD), Secret.of(MFA_CODE)));
    seen.add(Sensitive.of(ENV_VALUE));
    CancellableFuture<Secret> future = new CancellableFuture<>();
    future.complete(Secret.of(PASSWORD));
    seen.add(future);
    seen.add(new Operation("createApiToken"));
    seen.add(new com.clevercloud.client.internal.TextAnswers());
    seen.add(new CallAdapters(null, null, new Gson()));
    seen.add(OperationTable.INSTANCE);
    OperationTable.Op setEnv = OperationTable.INSTANCE.byId("setApplicationEnvVar");
    seen.add(setEnv);
    seen.addAll(setEnv.params());
    seen.add(new CallExecutor.Decoding(EnvVar.class, null, true, "listApplicationEnv"));
    seen.add(new com.clevercloud.client.internal.TextAnswers());
    seen.add(new Deployments(null));
    seen.addAll(Arrays.asList(Deployments.Outcome.values()));
    seen.add(new Deployments.Result(Deployments.Outcome.FAILED, "deployment_1",
        new com.clevercloud.api.v2.model.DeploymentView().cause(ENV_VALUE.substring(0, 3))));
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
        // Header parameters too (a password in X-Clever-Password): every header but the credential.
        StringBuilder headers = new StringBuilder();
        for (String name : request.getHeaders().names()) {
          if (!name.equalsIgnoreCase("Authorization")) {
            headers.append(name).append(": ").append(request.getHeaders().values(name)).append(' ');
          }
        }
        String echo = request.getMethod() + " " + request.getTarget() + " " + headers
            + (request.getBody() == null ? "" : request.getBody().utf8());
        wire.add(echo);
        JsonObject error = new JsonObject();
        error.addProperty("code", "rejected");
        error.addProperty("message", "We could not accept " + echo);
        error.addProperty("value", echo);
        error.add("validation", fieldErrorsEchoing(echo));
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
            if (param.sensitive() && param.in().equals("body") && type == java.util.Map.class) {
              return Map.of("CANARY_NAME", canary); // a map whose values the spec marks sensitive
            }
            if (param.sensitive() && param.in().equals("body") && type == List.class) {
              return List.of(canary);
            }
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
          if (t instanceof BadRequestException bad) {
            assertThat(bad.fieldErrors()).as(name + " field errors").isNotEmpty();
            for (com.clevercloud.client.exception.FieldError fe : bad.fieldErrors()) {
              assertThat(fe.toString() + fe.field().orElse("") + fe.message().orElse("") + fe.code().orElse(""))
                  .as(name + " field error").doesNotContain(canary);
            }
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
    // The table has secrets in each place a request can carry them: path, form, query, header, body, array body and
    // a map body whose values are sensitive (an environment sent whole).
    assertThat(covered).contains("createApiToken", "createApiTokenAsync", "setApplicationEnvVar",
        "setApplicationEnvVarAsync", "revokeSelfOAuthToken", "revokeSelfOAuthTokenAsync", "accessToken",
        "accessTokenQuery", "requestToken", "requestTokenQuery", "createSelfMfa", "updateConfigProviderEnv",
        "updateConfigProviderEnvAsync", "updateApplicationEnv", "updateApplicationEnvAsync");
  }

  /**
   * A body of the given model whose every sensitive String property (and those of the secret models it holds, one
   * level of lists included) is the canary, made by the family's own Gson from JSON named as the spec names them.
   */
  private static Object secretBody(String family, String model, Class<?> type, String canary) {
    // A bare JSON array of models (an environment as [{name, value}]): one element, of the model the table names.
    boolean array = List.class.isAssignableFrom(type);
    Class<?> element = array ? modelClass(family, model) : type;
    JsonObject json = secretJson(family, model, element, canary);
    assertThat(json.size()).as("%s.%s has a secret to fill", family, model).isPositive();
    Gson gson;
    try {
      Object invokerJson = Class.forName("com.clevercloud.api." + family + ".invoker.JSON").getConstructor()
          .newInstance();
      gson = (Gson) invokerJson.getClass().getMethod("getGson").invoke(invokerJson);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    if (array) {
      com.google.gson.JsonArray elements = new com.google.gson.JsonArray();
      elements.add(json);
      return gson.fromJson(elements, com.google.gson.reflect.TypeToken.getParameterized(List.class, element).getType());
    }
    return gson.fromJson(json, type);
  }

  /** The generated class of a model the table names. */
  private static Class<?> modelClass(String family, String model) {
    try {
      return Class.forName("com.clevercloud.api." + family + ".model." + model);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated model " + family + "." + model, e);
    }
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
      } else if (table.sensitiveProperties(family, model).contains(property) && element == Map.class) {
        // An object of name -> value (an environment): its values are the secrets.
        JsonObject entries = new JsonObject();
        entries.addProperty("NAME", canary);
        value = entries;
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

  // Every encoding, the cause chain, and random secrets (issue 13, findings 1 to 3).

  /**
   * A server that echoes the whole request (target, {@code Authorization} header, body) in an error body and in
   * {@code Sozu-Id}, written in each form a secret can take (raw, Gson's JSON escapes with {@code \u003d},
   * {@code \/}, every character escaped in either case, percent-encoded once and twice in either case, form-encoded,
   * mixtures), and in a 200 body of the wrong shape: the API token, the OAuth secrets, token and consumer key, the
   * password, the environment value and the OAuth token in a path are in no form in any message, {@code apiMessage()},
   * {@code body()}, cause, stack trace or log line, sync and async.
   */
  @Test
  @Timeout(180)
  void everyFormOfAnEchoedSecretIsMasked() {
    AtomicReference<Encodings.Form> form = new AtomicReference<>();
    AtomicInteger status = new AtomicInteger(400);
    Dispatcher echo = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String raw = request.getMethod() + " " + request.getTarget() + " Authorization: "
            + request.getHeaders().get("Authorization") + " " + (request.getBody() == null ? "" : request.getBody().utf8());
        String encoded = Encodings.encode(form.get(), raw);
        // A 200 answer of the wrong shape for every model ("id" an object), still echoing.
        String body = "{" + (status.get() == 200 ? "\"id\":{\"x\":1},\"apiTokenId\":{}," : "")
            + "\"code\":\"rejected\",\"message\":\"We could not accept " + Encodings.json(encoded)
            + "\",\"value\":\"" + Encodings.json(encoded) + "\"}";
        MockResponse.Builder b = json(status.get(), body).newBuilder();
        if (encoded.chars().allMatch(c -> c > 0x20 && c < 0x7f) && encoded.length() < 4000) {
          b.addHeader("Sozu-Id", encoded);
        }
        return b.build();
      }
    };
    main.setDispatcher(echo);
    bridge.setDispatcher(echo);
    String oauthToken = "CANARY-oauth-user-token-c13";
    String consumerKey = "CANARY-consumer-key-c14";
    List<String> secrets = List.of(API_TOKEN, CONSUMER_SECRET, TOKEN_SECRET, PASSWORD, MFA_CODE, ENV_VALUE,
        OAUTH_TOKEN, oauthToken, consumerKey);
    List<String> lines = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    int calls = 0;
    for (Encodings.Form f : Encodings.Form.values()) {
      form.set(f);
      for (int code : new int[] {400, 200}) {
        status.set(code);
        TransportAndOptionsTest.CapturingLogger logger = new TransportAndOptionsTest.CapturingLogger(lines);
        try (CleverCloudClient token = builder().credentials(Credentials.apiToken(API_TOKEN))
            .logger(logger, Level.INFO).retryPolicy(RetryPolicy.none()).build();
            CleverCloudClient oauth = builder().credentials(Credentials.oauth1(consumerKey, CONSUMER_SECRET,
                oauthToken, TOKEN_SECRET, SignatureMethod.PLAINTEXT)).logger(logger, Level.INFO)
                .retryPolicy(RetryPolicy.none()).build()) {
          for (CleverCloudClient c : List.of(token, oauth)) {
            ApplicationsApi apps = c.api(ApplicationsApi.class);
            List<Supplier<Object>> each = List.of(
                () -> c.api(SelfApi.class).getSelf(),
                () -> apps.setApplicationEnvVar("orga_1", "app_1", "K", new WannabeValue().value(ENV_VALUE)),
                () -> join(apps.setApplicationEnvVarAsync("orga_1", "app_1", "K", new WannabeValue().value(ENV_VALUE))),
                () -> c.api(OAuthTokensApi.class).revokeSelfOAuthToken(OAUTH_TOKEN),
                () -> join(c.api(OAuthTokensApi.class).revokeSelfOAuthTokenAsync(OAUTH_TOKEN)),
                () -> c.apiTokens().create(CreateApiTokenRequest.builder().name("CI").expiration("30d")
                    .password(PASSWORD).mfaCode(MFA_CODE).email("jane.doe@example.com").build()));
            for (Supplier<Object> call : each) {
              calls++;
              try {
                call.get();
              } catch (RuntimeException e) {
                failures.add(e);
              }
            }
          }
        }
      }
    }
    assertThat(failures).as("every echo ends in an exception").hasSize(calls);
    assertThat(failures).extracting(Object::getClass).contains(BadRequestException.class,
        ResponseDecodingException.class);
    assertThat(failures).anySatisfy(e -> assertThat(e.getMessage()).contains("We could not accept", "***"));
    assertThat(lines).isNotEmpty();
    for (Throwable e : failures) {
      for (String text : Encodings.shown(e)) {
        for (String secret : secrets) {
          assertThat(Encodings.leak(text, secret)).as("%s in %s", secret, text).isNull();
        }
      }
    }
    for (String line : lines) {
      for (String secret : secrets) {
        assertThat(Encodings.leak(line, secret)).as("%s in %s", secret, line).isNull();
      }
    }
  }

  /**
   * A malformed status line that echoes the request, {@code Authorization} header included (OkHttp's
   * {@code ProtocolException} quotes the line): the transport exception, its cause and the cause's own causes and
   * suppressed hold no credential in any form, and the cause's type is still shown.
   */
  @Test
  @Timeout(60)
  void theCauseChainOfATransportFailureHoldsNoSecret() {
    AtomicReference<Encodings.Form> form = new AtomicReference<>();
    Dispatcher badStatusLine = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String line = "Authorization: " + request.getHeaders().get("Authorization");
        return new MockResponse.Builder().status("HTTP/1.1 2OO " + Encodings.encode(form.get(), line)).build();
      }
    };
    main.setDispatcher(badStatusLine);
    bridge.setDispatcher(badStatusLine); // API tokens are routed to the Bridge
    List<Throwable> failures = new ArrayList<>();
    for (Encodings.Form f : Encodings.Form.values()) {
      form.set(f);
      try (CleverCloudClient token = builder().credentials(Credentials.apiToken(API_TOKEN))
          .retryPolicy(RetryPolicy.none()).build();
          CleverCloudClient oauth = builder().credentials(Credentials.oauth1("ck-CANARY-c15", CONSUMER_SECRET,
              "tok-CANARY-c16", TOKEN_SECRET, SignatureMethod.PLAINTEXT)).retryPolicy(RetryPolicy.none()).build()) {
        for (CleverCloudClient c : List.of(token, oauth)) {
          Throwable sync = org.assertj.core.api.Assertions.catchThrowable(() -> c.api(SelfApi.class).getSelf());
          Throwable async = org.assertj.core.api.Assertions.catchThrowable(
              () -> join(c.api(SelfApi.class).getSelfAsync()));
          assertThat(sync).as(f.name()).isInstanceOf(TransportException.class);
          assertThat(async).as(f.name()).isInstanceOf(TransportException.class);
          failures.add(sync);
          failures.add(async);
        }
      }
    }
    for (Throwable e : failures) {
      assertThat(e).isInstanceOf(TransportException.class);
      assertThat(e.getCause()).isNotNull();
      assertThat(String.valueOf(e.getCause().getMessage()) + e.getCause())
          .contains("java.net.ProtocolException");
      for (String text : Encodings.shown(e)) {
        for (String secret : List.of(API_TOKEN, CONSUMER_SECRET, TOKEN_SECRET, "ck-CANARY-c15", "tok-CANARY-c16")) {
          assertThat(Encodings.leak(text, secret)).as("%s in %s", secret, text).isNull();
        }
      }
    }
  }

  /**
   * Property-style, through the client: random environment values (4 to 2,000 characters: quotes, backslashes,
   * {@code % + & = < > /}, controls, non-ASCII) sent with {@code setApplicationEnvVar} (sync and async in turn),
   * answered by random hostile bodies echoing the value in a random form (nested, long, unterminated, cut), with a
   * random error status or 200: always a typed exception, never an {@code Error}, the value in no form in any
   * exception text or log line. Seeded: set {@code -Dcanary.seed=…} to replay; the seed is in every message.
   */
  @Test
  @Timeout(300)
  void randomSecretsAndHostileAnswersThroughTheClient() {
    long seed = Long.getLong("canary.seed", 0x5EC2E7L);
    Random random = new Random(seed);
    int cases = 300;
    int[] statuses = {200, 400, 401, 404, 409, 422, 500, 503};
    AtomicReference<MockResponse> next = new AtomicReference<>();
    int failures = 0;
    Dispatcher answer = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return next.get();
      }
    };
    main.setDispatcher(answer);
    bridge.setDispatcher(answer);
    List<String> lines = new CopyOnWriteArrayList<>();
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken(API_TOKEN))
        .logger(new TransportAndOptionsTest.CapturingLogger(lines), Level.INFO).retryPolicy(RetryPolicy.none())
        .build()) {
      ApplicationsApi apps = client.api(ApplicationsApi.class);
      for (int i = 0; i < cases; i++) {
        String what = "seed " + seed + ", case " + i;
        String secret = Encodings.randomSecret(random, 4, random.nextInt(10) == 0 ? 2000 : 80);
        String header = Encodings.encode(Encodings.Form.PERCENT_TWICE_UPPER, secret);
        int status = statuses[random.nextInt(statuses.length)];
        next.set(json(status, Encodings.hostileBody(random, secret)).newBuilder()
            .addHeader("Sozu-Id", header.length() < 8000 ? header : "id").build());
        lines.clear();
        boolean async = i % 2 == 1;
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
          if (async) {
            join(apps.setApplicationEnvVarAsync("orga_1", "app_1", "K", new WannabeValue().value(secret)));
          } else {
            apps.setApplicationEnvVar("orga_1", "app_1", "K", new WannabeValue().value(secret));
          }
        });
        if (thrown == null) {
          // A 200 body can happen to decode (lenient Gson reads {"id":4001} as an ApplicationView): nothing thrown.
          assertThat(status).as(what).isEqualTo(200);
          continue;
        }
        failures++;
        assertThat(thrown).as(what).isInstanceOf(com.clevercloud.client.exception.CleverCloudException.class);
        List<String> forms = Encodings.allForms(secret);
        for (String text : Encodings.shown(thrown)) {
          assertThat(Encodings.leak(text, forms)).as("%s: exception", what).isNull();
        }
        for (String line : lines) {
          assertThat(Encodings.leak(line, forms)).as("%s: log line", what).isNull();
        }
      }
    }
    assertThat(failures).as("seed %s: cases that ended in an exception", seed).isGreaterThan(cases * 3 / 4);
  }

  /**
   * Log lines are masked after decoding (a secret in a path is found however it was encoded), so a decoded
   * {@code %0A} must not start a forged line: every log line stays one line.
   */
  @Test
  void aDecodedLogLineStaysOneLine() {
    List<String> lines = new CopyOnWriteArrayList<>();
    main.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(404, "{}");
      }
    });
    try (CleverCloudClient client = builder().credentials(Credentials.oauth1("ck", CONSUMER_SECRET, "t", TOKEN_SECRET))
        .logger(new TransportAndOptionsTest.CapturingLogger(lines), Level.INFO).retryPolicy(RetryPolicy.none())
        .build()) {
      assertThat(org.assertj.core.api.Assertions.catchThrowable(
          () -> client.http().get("/v2/x%0AFORGED%0D%0Aline%E2%80%A8x"))).isInstanceOf(NotFoundException.class);
    }
    assertThat(lines).singleElement().satisfies(line -> assertThat(line).contains("FORGED")
        .doesNotContain("\n").doesNotContain("\r").doesNotContain("\u2028"));
  }

  /** The future's value, or its own exception (unwrapped), as a blocking call would throw it. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
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
    error.add("errors", fieldErrorsEchoing(echo));
    return json(status, error.toString()).newBuilder()
        .addHeader("Sozu-Id", ("sozu " + echo).replaceAll("[^\\x20-\\x7e]", "_"))
        .addHeader("Retry-After", "0")
        .build();
  }

  /**
   * Field errors as validation bodies list them (seed 003's {@code errors}, Prism's {@code validation}), each text
   * echoing the request: the field's path, its message and its code.
   */
  static com.google.gson.JsonArray fieldErrorsEchoing(String echo) {
    com.google.gson.JsonArray errors = new com.google.gson.JsonArray();
    JsonObject byName = new JsonObject();
    byName.addProperty("field", echo);
    byName.addProperty("message", "cannot be " + echo);
    byName.addProperty("code", echo);
    errors.add(byName);
    JsonObject byLocation = new JsonObject();
    com.google.gson.JsonArray location = new com.google.gson.JsonArray();
    location.add("body");
    location.add(echo);
    byLocation.add("location", location);
    byLocation.addProperty("message", echo);
    errors.add(byLocation);
    errors.add("refused: " + echo);
    return errors;
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
