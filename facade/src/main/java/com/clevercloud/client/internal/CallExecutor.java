package com.clevercloud.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.clevercloud.client.exception.CleverCloudException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Converter;

/**
 * Runs calls and turns every outcome into a value or one of the client's exceptions.
 *
 * <p>It executes the OkHttp request that Retrofit built (see {@link CallAdapters}), rather than Retrofit's own
 * {@code execute()}, to see the whole response: an error status becomes an {@code ApiException} with the status,
 * {@code Sozu-Id} and body; an I/O failure, including one while the body is read, becomes a
 * {@code TransportException}; and only then is the fully read body decoded (from its buffered bytes), so that a
 * decoding failure is told apart from a broken connection and becomes a {@code ResponseDecodingException}.
 */
public final class CallExecutor {

  /** Bodies up to this size are copied out of the response buffer to be decoded (okio pools 64 KiB of segments). */
  private static final long POOLED_BODY_BYTES = 64 * 1024;

  private final OkHttpClient http;
  private final ErrorMapper errors;
  private final RetryInterceptor.Sleeper sleeper;
  private final LongSupplier nanoTime;

  /**
   * Makes an executor.
   *
   * @param http the client that sends requests (with the auth interceptor)
   * @param errors the error mapper
   * @param sleeper how retries wait: for asynchronous calls, the next attempt is sent from a timer once the wait is
   *     over ({@link RetryInterceptor#THREAD_SLEEP}), or after this sleeper returns on a pool thread (tests)
   * @param nanoTime the monotonic clock the retry interceptor keeps the call timeout with
   */
  public CallExecutor(OkHttpClient http, ErrorMapper errors, RetryInterceptor.Sleeper sleeper, LongSupplier nanoTime) {
    this.http = http;
    this.errors = errors;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
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
   * How to turn a 2xx answer of a generated operation into its value.
   *
   * @param type the body type: a model, a list, {@code String}, {@code Void}, or {@link ResponseBody} for a stream
   * @param converter the Retrofit converter for {@code type} (null for {@code Void} and {@code ResponseBody})
   * @param secretBody whether the body holds a secret, so that an undecodable one is never quoted
   * @param operation the operation's name
   */
  public record Decoding(Type type, Converter<ResponseBody, ?> converter, boolean secretBody, String operation) {}

  /**
   * Sends a request built by a generated interface and decodes its answer.
   *
   * @param request the request
   * @param decoding how to decode the answer
   * @param <T> the body type
   * @return the decoded body; null for {@code Void} and 204; an open {@link ResponseBody} for streamed calls (the
   *     caller closes it)
   * @throws CleverCloudException when the call fails
   */
  public <T> T execute(Request request, Decoding decoding) {
    return decodeAndRelease(decoding, send(request, decoding.operation()));
  }

  /**
   * Sends a request built by a generated interface on OkHttp's asynchronous path ({@code enqueue}): no thread waits
   * for the answer, which is decoded on OkHttp's dispatcher thread by the same code as
   * {@link #execute(Request, Decoding)}, so the future completes with the same value or fails with the same exception
   * (directly, not wrapped). Cancelling the future cancels the HTTP call.
   *
   * @param request the request
   * @param decoding how to decode the answer
   * @param <T> the body type
   * @return the future body; for streamed calls an open {@link ResponseBody} (the caller closes it)
   */
  public <T> CancellableFuture<T> executeAsync(Request request, Decoding decoding) {
    return sendAsync(request, decoding.operation(), response -> this.<T>decodeAndRelease(decoding, response), true);
  }

  /**
   * Sends a request on OkHttp's asynchronous path: the asynchronous twin of {@link #send(Request, String)}. Error
   * statuses and I/O failures complete the future exceptionally with the same exceptions {@code send} throws; a 2xx
   * response is given to {@code handler} on OkHttp's dispatcher thread (it turns it into a value or throws one of the
   * client's exceptions) and closed afterwards.
   *
   * @param request the request
   * @param operation the operation's name
   * @param handler what to make of a successful response
   * @param <T> the value type
   * @return the future value; cancelling it cancels the call
   */
  public <T> CancellableFuture<T> sendAsync(Request request, String operation, Function<Response, T> handler) {
    return sendAsync(request, operation, handler, false);
  }

  private <T> CancellableFuture<T> sendAsync(Request request, String operation, Function<Response, T> handler,
      boolean handlerReleases) {
    Objects.requireNonNull(handler, "handler == null");
    CancellableFuture<T> future = new CancellableFuture<>();
    long budget = TimeUnit.MILLISECONDS.toNanos(http.callTimeoutMillis());
    enqueue(request.newBuilder().tag(RetryInterceptor.AsyncAttempt.class,
        new RetryInterceptor.AsyncAttempt(1, nanoTime.getAsLong(), budget)).build(),
        operation, handler, handlerReleases, future);
    return future;
  }

  /**
   * Sends one attempt. A retry ({@link RetryInterceptor.RetryLater}) is sent as a new call once its delay is over,
   * from a timer rather than a dispatcher thread, with what is left of the call timeout.
   */
  private <T> void enqueue(Request request, String operation, Function<Response, T> handler, boolean handlerReleases,
      CancellableFuture<T> future) {
    okhttp3.Call httpCall = http.newCall(request);
    RetryInterceptor.AsyncAttempt attempt = request.tag(RetryInterceptor.AsyncAttempt.class);
    if (attempt.attempt() > 1 && attempt.budget() > 0) {
      long left = attempt.budget() - (nanoTime.getAsLong() - attempt.start());
      httpCall.timeout().timeout(Math.max(left, 1), TimeUnit.NANOSECONDS);
    }
    future.onCancel(httpCall::cancel);
    httpCall.enqueue(new okhttp3.Callback() {
      @Override
      public void onFailure(okhttp3.Call c, IOException e) {
        if (e instanceof RetryInterceptor.RetryLater later && !future.isDone()) {
          Request next = request.newBuilder().tag(RetryInterceptor.AsyncAttempt.class, later.next).build();
          Runnable send = () -> {
            if (!future.isDone()) {
              enqueue(next, operation, handler, handlerReleases, future);
            }
          };
          later(later.delay, send, future, operation);
          return;
        }
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
  }

  private void later(Duration delay, Runnable task, CancellableFuture<?> future, String operation) {
    if (sleeper == RetryInterceptor.THREAD_SLEEP) {
      CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(task);
      return;
    }
    ForkJoinPool.commonPool().execute(() -> {
      try {
        sleeper.sleep(delay);
        task.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.completeExceptionally(errors.transport(new InterruptedIOException("interrupted"), operation));
      }
    });
  }

  /**
   * Decodes a 2xx response (shared by the blocking and asynchronous paths) and closes it, unless the body is handed
   * over to the caller for streaming.
   */
  @SuppressWarnings("unchecked")
  private <T> T decodeAndRelease(Decoding decoding, Response response) {
    Type type = decoding.type();
    String operation = decoding.operation();
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
      try {
        return (T) decoding.converter().convert(small != null ? ResponseBody.create(small, contentType)
            : ResponseBody.create(source.peek(), contentType, size));
      } catch (IOException | RuntimeException e) {
        String text = small != null
            ? new String(small, contentType == null ? UTF_8 : contentType.charset(UTF_8))
            : readBody(response, operation);
        throw errors.decoding(response, contentType, text, typeName(type), operation, e, decoding.secretBody());
      }
    } finally {
      if (!handedOver) {
        response.close();
      }
    }
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

  private static String typeName(Type type) {
    String name = type.getTypeName();
    return name.replaceAll("[\\w.]+\\.(\\w+)", "$1");
  }

}
