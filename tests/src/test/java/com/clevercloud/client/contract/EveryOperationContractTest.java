package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.SpecCatalog.Auth;
import com.clevercloud.client.internal.OperationTable;
import com.clevercloud.client.internal.OperationTable.Op;
import com.clevercloud.client.internal.OperationTable.Param;
import com.clevercloud.client.testkit.prism.PrismHosts;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the three specs, read from the generated {@link OperationTable} (so a new operation in a spec is
 * covered with no new test code), called through {@code client.api(…)} against Prism: its blocking method and its
 * {@code …Async} twin, with each credential kind the operation accepts (none for the token creation and the consent
 * page; the caller's own signature for the OAuth dance). Each call must answer the spec's example (a model field by
 * field, text as text, a file byte for byte, nothing for a 204) after exactly one request that hit the operation of the
 * same operationId, with the expected {@code Authorization}, made by the expected Java method, valid for Prism.
 *
 * <p>Arguments come from the specs: the example of each path parameter (and of each required query parameter), the
 * request example of each form field and body (read into the parameter's model with the family's Gson); optional
 * parameters are left out ({@code null}).
 */
@ContractTest
class EveryOperationContractTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();
  private static final Map<String, Gson> GSON = Map.of(
      "bridge", new com.clevercloud.api.bridge.invoker.JSON().getGson(),
      "v2", new com.clevercloud.api.v2.invoker.JSON().getGson(),
      "v4", new com.clevercloud.api.v4.invoker.JSON().getGson());

  /**
   * The caller's signature of a presigned operation with form parameters (the OAuth dance): the same {@code oauth_*}
   * values, also in the {@code Authorization} header, where the spec's {@code oauth1} scheme expects them. An
   * application interceptor runs before the facade's, which keeps a presigned request's own header.
   */
  private static OkHttpClient signingTheDance() {
    return Contract.http().newBuilder()
      .addInterceptor(chain -> {
        Request request = chain.request();
        if (request.header("Authorization") == null && request.body() instanceof FormBody form) {
          StringJoiner header = new StringJoiner(", ", "OAuth ", "");
          for (int i = 0; i < form.size(); i++) {
            if (form.name(i).startsWith("oauth_")) {
              header.add(form.encodedName(i) + "=\"" + form.encodedValue(i) + "\"");
            }
          }
          request = request.newBuilder().header("Authorization", header.toString()).build();
        }
        return chain.proceed(request);
      })
      .build();
  }

  /**
   * One call of the table.
   *
   * @param op the operation
   * @param auth the credential kind it is called with
   * @param async whether through the {@code …Async} twin
   */
  record Case(Op op, Auth auth, boolean async) {
    String javaMethod() {
      return async ? op.id() + "Async" : op.id();
    }

    @Override
    public String toString() {
      return op.family() + " " + javaMethod() + " with " + auth;
    }
  }

  /**
   * The credential kinds an operation accepts, as the table says: {@code bearerAuth} and {@code oauth1}, or none.
   *
   * @param op an operation
   * @return the kinds
   */
  static List<Auth> auths(Op op) {
    if (op.security().isEmpty()) {
      return List.of(Auth.NONE);
    }
    List<Auth> auths = new ArrayList<>();
    if (op.security().contains("bearerAuth")) {
      auths.add(Auth.BEARER);
    }
    if (op.security().contains("oauth1")) {
      auths.add(Auth.OAUTH1);
    }
    return auths;
  }

  static Stream<Case> cases() {
    return OperationTable.INSTANCE.all().stream()
        .flatMap(op -> auths(op).stream()
            .flatMap(auth -> Stream.of(new Case(op, auth, false), new Case(op, auth, true))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersTheSpecExampleThroughOneValidRequest(Case c, PrismHosts hosts) throws Throwable {
    Op op = c.op();
    Class<?> api = Class.forName(op.api());
    Method method = method(api, c.javaMethod());
    Object[] args = arguments(op, method);
    String status = successStatus(op);
    try (CleverCloudClient client = client(hosts, c)) {
      Object implementation = client.api(api);
      int mark = ContractRecorder.shared().mark();
      Object result = invoke(implementation, method, args);
      if (c.async()) {
        assertThat(result).as("the Async twin returns a future").isInstanceOf(CompletableFuture.class);
        result = join((CompletableFuture<?>) result);
      }
      assertAnswer(op, status, result);

      List<Exchange> sent = ContractRecorder.shared().since(mark);
      assertThat(sent).as("one request for %s", c).singleElement().satisfies(e -> {
        assertThat(SPEC.match(e.method(), e.path())).as("the operation %s hit", e)
            .hasValueSatisfying(hit -> assertThat(hit.operationId()).isEqualTo(op.id()));
        assertThat(e.method()).isEqualTo(op.httpMethod());
        assertThat(e.auth()).isEqualTo(c.auth());
        assertThat(e.javaMethod()).isEqualTo(c.javaMethod());
        assertThat(Integer.toString(e.status())).isEqualTo(status);
        assertThat(e.slViolations()).isNull();
      });
    }
  }

  static Stream<Case> casesWithPathParameters() {
    return OperationTable.INSTANCE.all().stream()
        .filter(op -> op.params().stream().anyMatch(p -> p.in().equals("path")))
        .flatMap(op -> Stream.of(new Case(op, auths(op).get(0), false), new Case(op, auths(op).get(0), true)));
  }

  /**
   * A path argument that is not one valid segment ({@code ..}, a slash, blank, surrounding whitespace, a control
   * character) is refused with an {@link IllegalArgumentException} thrown by the call itself, for the {@code …Async}
   * twin too (no future), before anything is sent.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("casesWithPathParameters")
  void aPathArgumentThatIsNotOneSegmentIsRefusedBeforeSending(Case c, PrismHosts hosts) throws Exception {
    Op op = c.op();
    Class<?> api = Class.forName(op.api());
    Method method = method(api, c.javaMethod());
    Object[] valid = arguments(op, method);
    try (CleverCloudClient client = client(hosts, c)) {
      Object implementation = client.api(api);
      int mark = ContractRecorder.shared().mark();
      for (int i = 0; i < op.params().size(); i++) {
        if (!op.params().get(i).in().equals("path")) {
          continue;
        }
        for (String bad : List.of("a/b", "a\\b", " ", " x", "x\n", "", ".", "..")) {
          Object[] args = valid.clone();
          args[i] = bad;
          Throwable thrown = catchThrowable(() -> invoke(implementation, method, args));
          assertThat(thrown).as("%s with %s = \"%s\"", c.javaMethod(), op.params().get(i).name(), bad)
              .isInstanceOf(IllegalArgumentException.class);
          if (!bad.startsWith(".")) {
            // "." and ".." are refused by Retrofit itself, first, with its own message.
            assertThat(thrown).hasMessageContaining(op.params().get(i).name());
          }
        }
      }
      assertThat(ContractRecorder.shared().since(mark)).as("nothing sent").isEmpty();
    }
  }

  private static CleverCloudClient client(PrismHosts hosts, Case c) {
    return switch (c.auth()) {
      case BEARER -> Contract.client(hosts, Credential.API_TOKEN);
      // The dance is signed by its caller with the consumer: the client needs no credentials for it.
      case OAUTH1 -> c.op().presigned() ? Contract.builder(hosts, signingTheDance()).build()
          : Contract.client(hosts, Credential.OAUTH1);
      case NONE -> Contract.builder(hosts, Contract.http()).build();
    };
  }

  private static Method method(Class<?> api, String name) {
    List<Method> found = Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(name)).toList();
    assertThat(found).as("%s.%s", api.getSimpleName(), name).hasSize(1);
    return found.get(0);
  }

  /** The arguments, in the Java method's order (the table's {@code params}), from the spec's examples. */
  private static Object[] arguments(Op op, Method method) {
    Class<?>[] types = method.getParameterTypes();
    assertThat(types).as("%s: one Java argument per parameter of the table", op.id())
        .hasSize(op.params().size());
    Object[] args = new Object[types.length];
    JsonNode requestExample = null;
    for (int i = 0; i < types.length; i++) {
      Param param = op.params().get(i);
      switch (param.in()) {
        case "path", "query", "header" -> {
          if (SPEC.parameterRequired(op.id(), param.name())) {
            String example = SPEC.parameterExample(op.id(), param.name());
            assertThat(example).as("%s: the spec's example of %s", op.id(), param.name()).isNotBlank();
            args[i] = convert(example, types[i]);
          }
        }
        case "form" -> {
          requestExample = requestExample == null ? SPEC.requestExample(op.id()) : requestExample;
          JsonNode value = requestExample.path(param.name());
          args[i] = value.isMissingNode() ? null : convert(value.asText(), types[i]);
        }
        case "body" -> args[i] = GSON.get(op.family()).fromJson(SPEC.requestExample(op.id()).toString(),
            types[i]);
        default -> throw new IllegalStateException(op.id() + ": unknown parameter location " + param.in());
      }
    }
    return args;
  }

  private static Object convert(String text, Class<?> type) {
    if (type == String.class) {
      return text;
    }
    if (type == Boolean.class) {
      return Boolean.valueOf(text);
    }
    if (type == Integer.class) {
      return Integer.valueOf(text);
    }
    if (type == Long.class) {
      return Long.valueOf(text);
    }
    if (type == OffsetDateTime.class) {
      return OffsetDateTime.parse(text);
    }
    throw new IllegalStateException("No conversion of an example to " + type.getName());
  }

  /** The 2xx status the spec declares (200, or 204 for an answer without body). */
  private static String successStatus(Op op) {
    List<String> success = SPEC.operation(op.id()).statuses().stream().filter(s -> s.startsWith("2")).sorted()
        .toList();
    assertThat(success).as("%s declares one success status", op.id()).hasSize(1);
    return success.get(0);
  }

  private static void assertAnswer(Op op, String status, Object result) throws IOException {
    if (status.equals("204")) {
      assertThat(result).as("%s answers nothing: Void is null", op.id()).isNull();
      return;
    }
    JsonNode example = SPEC.example(op.id(), status);
    if (op.streamed()) {
      assertThat(result).isInstanceOf(ResponseBody.class);
      try (ResponseBody body = (ResponseBody) result) {
        assertThat(body.bytes()).isEqualTo(example.asText().getBytes(StandardCharsets.UTF_8));
      }
    } else if (result instanceof String text) {
      assertThat(text).isEqualTo(example.asText());
    } else {
      Examples.assertMatches(result, example, op.id() + " " + status + " example");
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object join(CompletableFuture<?> future) throws Throwable {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }
}
