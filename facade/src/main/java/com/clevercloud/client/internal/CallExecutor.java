package com.clevercloud.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.clevercloud.client.exception.CleverCloudException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Invocation;
import retrofit2.Retrofit;

/**
 * Runs calls and turns every outcome into a value or one of the client's exceptions.
 *
 * <p>It executes the OkHttp request that Retrofit built (with its {@link Invocation} tag), rather than Retrofit's own
 * {@code execute()}, to see the whole response: an error status becomes an {@code ApiException} with the status,
 * {@code Sozu-Id} and body; an I/O failure, including one while the body is read, becomes a
 * {@code TransportException}; and only then is the fully read body decoded (from its buffered bytes), so that a
 * decoding failure is told apart from a broken connection and becomes a {@code ResponseDecodingException}.
 */
public final class CallExecutor {

  /** Bodies up to this size are copied out of the response buffer to be decoded (okio pools 64 KiB of segments). */
  private static final long POOLED_BODY_BYTES = 64 * 1024;

  private final OkHttpClient http;
  private final Retrofit retrofit;
  private final ErrorMapper errors;
  // Each generated method's body converter, looked up once (Retrofit's lookup walks the factories every time).
  private final ConcurrentHashMap<Method, Converter<ResponseBody, ?>> converters = new ConcurrentHashMap<>();

  /**
   * Makes an executor.
   *
   * @param http the client that sends requests (with the auth interceptor)
   * @param retrofit any of the client's Retrofit instances: used only for its converters
   * @param errors the error mapper
   */
  public CallExecutor(OkHttpClient http, Retrofit retrofit, ErrorMapper errors) {
    this.http = http;
    this.retrofit = retrofit;
    this.errors = errors;
  }

  /**
   * The error mapper.
   *
   * @return the mapper
   */
  public ErrorMapper errors() {
    return errors;
  }

  /**
   * Executes a call made by a generated interface.
   *
   * @param call the call; not executed before
   * @param <T> the body type
   * @return the decoded body; null for {@code Void} and 204; an open {@link ResponseBody} for streaming calls (the
   *     caller closes it)
   * @throws CleverCloudException when the call fails
   */
  public <T> T execute(Call<T> call) {
    return execute(call, null);
  }

  /**
   * Executes a call made by a generated interface whose request carries secret values, which are masked if the
   * answer echoes them.
   *
   * @param call the call; not executed before
   * @param sensitive the secret values the request carries, or null
   * @param <T> the body type
   * @return the decoded body, as {@link #execute(Call)}
   * @throws CleverCloudException when the call fails
   */
  public <T> T execute(Call<T> call, Sensitive sensitive) {
    Prepared prepared = prepare(call, sensitive);
    Response response = send(prepared.request, prepared.operation);
    return decodeAndRelease(prepared, response);
  }

  /**
   * Sends a call made by a generated interface on OkHttp's asynchronous path ({@code enqueue}): no thread waits for
   * the answer, which is decoded on OkHttp's dispatcher thread by the same code as {@link #execute(Call)}, so the
   * future completes with the same value or fails with the same exception (directly, not wrapped). Cancelling the
   * future cancels the HTTP call. Retries apply as for {@link #execute(Call)}: they are an OkHttp interceptor.
   *
   * @param call the call; not executed before
   * @param <T> the body type
   * @return the future body; for streaming calls an open {@link ResponseBody} (the caller closes it)
   */
  public <T> CancellableFuture<T> executeAsync(Call<T> call) {
    return executeAsync(call, null);
  }

  /**
   * As {@link #executeAsync(Call)}, masking the secret values the request carries should an error answer echo them.
   *
   * @param call the call; not executed before
   * @param sensitive the secret values the request carries, or null
   * @param <T> the body type
   * @return the future body
   */
  public <T> CancellableFuture<T> executeAsync(Call<T> call, Sensitive sensitive) {
    return executeAsync(call, sensitive, value -> value);
  }

  /**
   * As {@link #executeAsync(Call, Sensitive)}, then turns the decoded value with {@code then}, on the same OkHttp
   * dispatcher thread; an exception {@code then} throws fails the future as it is.
   *
   * @param call the call; not executed before
   * @param sensitive the secret values the request carries, or null
   * @param then what to make of the decoded value (it closes a streamed {@link ResponseBody})
   * @param <T> the body type
   * @param <U> the result type
   * @return the future result
   */
  public <T, U> CancellableFuture<U> executeAsync(Call<T> call, Sensitive sensitive,
      java.util.function.Function<? super T, ? extends U> then) {
    Objects.requireNonNull(then, "then == null");
    Prepared prepared = prepare(call, sensitive);
    return sendAsync(prepared.request, prepared.operation,
        response -> then.apply(this.<T>decodeAndRelease(prepared, response)), true);
  }

  /**
   * As {@link #executeDiscardingBody(Call, Sensitive)}, on OkHttp's asynchronous path.
   *
   * @param call the call
   * @param sensitive the secret values the request carries, or null
   * @return a future completed with null once the call succeeded
   */
  public CancellableFuture<Void> executeDiscardingBodyAsync(Call<?> call, Sensitive sensitive) {
    Objects.requireNonNull(call, "call == null");
    Request request = tagged(call.request(), sensitive);
    return sendAsync(request, Operation.of(request), response -> null);
  }

  /**
   * Sends a request on OkHttp's asynchronous path: the asynchronous twin of {@link #send(Request, String)}. Error
   * statuses and I/O failures complete the future exceptionally with the same exceptions {@code send} throws; a 2xx
   * response is given to {@code handler} on OkHttp's dispatcher thread (it turns it into a value or throws one of the client's
   * exceptions) and closed afterwards.
   *
   * @param request the request
   * @param operation the operation's name
   * @param handler what to make of a successful response
   * @param <T> the value type
   * @return the future value; cancelling it cancels the call
   */
  public <T> CancellableFuture<T> sendAsync(Request request, String operation, java.util.function.Function<Response, T> handler) {
    return sendAsync(request, operation, handler, false);
  }

  private <T> CancellableFuture<T> sendAsync(Request request, String operation, java.util.function.Function<Response, T> handler,
      boolean handlerReleases) {
    Objects.requireNonNull(handler, "handler == null");
    okhttp3.Call httpCall = http.newCall(request);
    CancellableFuture<T> future = new CancellableFuture<>();
    future.onCancel(httpCall::cancel);
    httpCall.enqueue(new okhttp3.Callback() {
      @Override
      public void onFailure(okhttp3.Call c, IOException e) {
        future.completeExceptionally(errors.transport(e, operation));
      }

      @Override
      public void onResponse(okhttp3.Call c, Response response) {
        boolean released = false;
        try {
          Response ok = checked(response, operation);
          released = handlerReleases;
          future.complete(handler.apply(ok));
        } catch (RuntimeException | Error e) {
          future.completeExceptionally(e);
        } finally {
          if (!released) {
            response.close();
          }
        }
      }
    });
    return future;
  }

  /** A call's request and what is needed to decode its answer, checked before anything is sent. */
  private static final class Prepared {
    final Request request;
    final Method method;
    final Type type;
    final String operation;

    Prepared(Request request, Method method, Type type, String operation) {
      this.request = request;
      this.method = method;
      this.type = type;
      this.operation = operation;
    }
  }

  private static Prepared prepare(Call<?> call, Sensitive sensitive) {
    Objects.requireNonNull(call, "call == null");
    Request request = tagged(call.request(), sensitive);
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      throw new IllegalArgumentException("Not a call made by a Retrofit interface of this client");
    }
    Method method = invocation.method();
    return new Prepared(request, method, bodyType(method), Operation.of(request));
  }

  /**
   * Decodes a 2xx response (shared by the blocking and asynchronous paths) and closes it, unless the body is handed
   * over to the caller for streaming.
   */
  @SuppressWarnings("unchecked")
  private <T> T decodeAndRelease(Prepared prepared, Response response) {
    Type type = prepared.type;
    String operation = prepared.operation;
    boolean handedOver = false;
    try {
      if (type == ResponseBody.class) {
        handedOver = true;
        return (T) response.body();
      }
      if (type == Void.class || response.code() == 204 || response.code() == 205) {
        return null;
      }
      ResponseBody body = response.body();
      MediaType contentType = body.contentType();
      BufferedSource source = body.source();
      // Decoded from the buffered bytes, never from a String copy of them (a char copy plus a re-encoding doubled
      // the allocation of a 1,000-application list; see BENCHMARKS.md), and kept so that a failure can quote them.
      // A small body is copied out; a large one is read through a peek, which leaves it in place without a copy but
      // marks its segments shared, and shared segments never return to okio's pool: for small bodies that would
      // make every call allocate fresh 8 KiB segments.
      long size;
      byte[] small;
      try {
        source.request(Long.MAX_VALUE); // the whole body, or a TransportException now (often already buffered)
        size = source.getBuffer().size();
        small = size <= POOLED_BODY_BYTES ? source.readByteArray() : null;
      } catch (IOException e) {
        throw errors.transport(e, operation);
      }
      Converter<ResponseBody, ?> converter = converters.computeIfAbsent(prepared.method,
          m -> retrofit.responseBodyConverter(type, m.getAnnotations()));
      try {
        return (T) converter.convert(small != null ? ResponseBody.create(small, contentType)
            : ResponseBody.create(source.peek(), contentType, size));
      } catch (IOException | RuntimeException e) {
        String text = small != null
            ? new String(small, contentType == null ? UTF_8 : contentType.charset(UTF_8))
            : readBody(response, operation);
        throw errors.decoding(response, contentType, text, typeName(type), operation, e, isSecretBody(type));
      }
    } finally {
      if (!handedOver) {
        response.close();
      }
    }
  }

  /**
   * Executes a call whose answer the caller does not need (a deletion): any 2xx succeeds, whatever its body, so that
   * an empty or unexpected body never turns a done deletion into an error.
   *
   * @param call the call
   * @throws CleverCloudException when the call fails
   */
  public void executeDiscardingBody(Call<?> call) {
    executeDiscardingBody(call, null);
  }

  /**
   * Executes a call whose answer the caller does not need, masking the secret values its request carries should an
   * error answer echo them.
   *
   * @param call the call
   * @param sensitive the secret values the request carries, or null
   * @throws CleverCloudException when the call fails
   */
  public void executeDiscardingBody(Call<?> call, Sensitive sensitive) {
    Objects.requireNonNull(call, "call == null");
    Request request = tagged(call.request(), sensitive);
    send(request, Operation.of(request)).close();
  }

  private static Request tagged(Request request, Sensitive sensitive) {
    return sensitive == null ? request : request.newBuilder().tag(Sensitive.class, sensitive).build();
  }

  /**
   * The generated models with secret fields ({@code x-sensitive: true} in the specs; their {@code toString()} redacts
   * them). A body that fails to decode as one of them is never quoted in the exception: {@link Redaction} masks
   * secrets by their key, and an environment variable keeps its secret under {@code value}, or a value of an
   * unexpected shape could slip past the pattern. A test keeps this list in step with the generated models.
   */
  static final Set<String> SECRET_MODELS = Set.of(
      "com.clevercloud.api.bridge.model.ApiTokenCreateRequest",
      "com.clevercloud.api.bridge.model.CreatedApiToken",
      "com.clevercloud.api.v2.model.ApplicationView",
      "com.clevercloud.api.v2.model.EnvVar",
      "com.clevercloud.api.v2.model.OAuthTokenView",
      "com.clevercloud.api.v2.model.SecretView",
      "com.clevercloud.api.v2.model.WannabeValue");

  /** Whether a (possibly generic) response type holds one of {@link #SECRET_MODELS}. */
  static boolean isSecretBody(Type type) {
    String name = type.getTypeName();
    for (String model : SECRET_MODELS) {
      int at = name.indexOf(model);
      int end = at + model.length();
      if (at >= 0 && (end == name.length() || !Character.isJavaIdentifierPart(name.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends a request and returns its successful response, open.
   *
   * @param request the request
   * @param operation the operation's name
   * @return a response with a 2xx status; the caller closes it
   * @throws CleverCloudException for error statuses and I/O failures
   */
  public Response send(Request request, String operation) {
    Response response;
    try {
      response = http.newCall(request).execute();
    } catch (IOException e) {
      throw errors.transport(e, operation);
    }
    return checked(response, operation);
  }

  /** The response if its status is 2xx; else closes it and throws the mapped exception (both paths share this). */
  private Response checked(Response response, String operation) {
    if (!response.isSuccessful()) {
      try {
        throw errors.fromResponse(response, operation);
      } finally {
        response.close();
      }
    }
    return response;
  }

  /**
   * Reads a whole body as UTF-8 text, turning I/O failures into {@code TransportException}s.
   *
   * @param response the response
   * @param operation the operation's name
   * @return the text
   */
  public String readBody(Response response, String operation) {
    try {
      return response.body().string();
    } catch (IOException e) {
      throw errors.transport(e, operation);
    }
  }

  private static Type bodyType(Method method) {
    Type returnType = method.getGenericReturnType();
    if (returnType instanceof ParameterizedType p && p.getRawType() == Call.class) {
      return p.getActualTypeArguments()[0];
    }
    throw new IllegalArgumentException(method + " does not return a retrofit2.Call");
  }

  private static String typeName(Type type) {
    String name = type.getTypeName();
    return name.replaceAll("[\\w.]+\\.(\\w+)", "$1");
  }

}
