package com.clevercloud.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
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
 *
 * <p>Bodies are bounded before they are read (see {@link RetryInterceptor}): an answer over {@code maxResponseBytes}
 * is a {@code ResponseDecodingException}, and only an excerpt of an undecodable one reaches the error mapper. A
 * redirect is never followed (the client's OkHttpClient is built so): it is an {@code ApiException}. A {@code POST}
 * whose answer was lost after it went out says that its resource may have been created. Once the client is closed,
 * every call fails at once with {@link IllegalStateException}.
 */
public final class CallExecutor {

  /** Bodies up to this size are copied out of the response buffer to be decoded (okio pools 64 KiB of segments). */
  private static final long POOLED_BODY_BYTES = 64 * 1024;
  /**
   * How much of an undecodable answer is kept for its exception, in characters, before any secret the request carried:
   * the exception shows a couple of hundred, and masking costs time in proportion to the text it runs over.
   */
  private static final int EXCERPT_CHARS = 4 * 1024;

  private final OkHttpClient http;
  private final ErrorMapper errors;
  private final RetryInterceptor.Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final AtomicBoolean closed = new AtomicBoolean();

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
    Request opened = open(request);
    CancellableFuture<T> future = new CancellableFuture<>();
    long budget = TimeUnit.MILLISECONDS.toNanos(http.callTimeoutMillis());
    enqueue(opened.newBuilder().tag(RetryInterceptor.AsyncAttempt.class,
        new RetryInterceptor.AsyncAttempt(1, nanoTime.getAsLong(), budget))
        .tag(Queued.class, new Queued(this, future)).build(),
        operation, handler, handlerReleases, future);
    return future;
  }

  /**
   * Sends one attempt. A retry ({@link RetryInterceptor.RetryLater}) is sent as a new call once its delay is over,
   * from a timer rather than a dispatcher thread, with what is left of the call timeout.
   */
  private <T> void enqueue(Request request, String operation, Function<Response, T> handler, boolean handlerReleases,
      CancellableFuture<T> future) {
    if (closed.get()) {
      future.completeExceptionally(closedException()); // a retry whose wait ended after close()
      return;
    }
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
        // After close(), a queued call is rejected by the stopped dispatcher: that is the closing, not the network.
        future.completeExceptionally(closed.get() && e.getCause() instanceof RejectedExecutionException
            ? closedException() : transport(e, request, operation, false));
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
        return (T) new StreamedBody(response.body(), response.code(), operation,
            errors.mask(response.header("Sozu-Id"), response.request()));
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
        // the whole body, or an exception now (often already buffered); at most maxResponseBytes (RetryInterceptor)
        source.request(Long.MAX_VALUE);
        size = source.getBuffer().size();
        small = size <= POOLED_BODY_BYTES ? source.readByteArray() : null;
      } catch (RetryInterceptor.ResponseTooLarge e) {
        throw tooLarge(response, operation, e);
      } catch (IOException e) {
        throw transport(e, response.request(), operation, true);
      }
      try {
        return (T) decoding.converter().convert(small != null ? ResponseBody.create(small, contentType)
            : ResponseBody.create(source.peek(), contentType, size));
      } catch (IOException | RuntimeException e) {
        String text = excerpt(small != null ? small : source.getBuffer().snapshot((int) Math.min(size,
            excerptBytes(response.request()))).toByteArray(), contentType, response.request());
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
    Request sent = open(request);
    Response response;
    try {
      response = http.newCall(sent).execute();
    } catch (IOException e) {
      throw transport(e, sent, operation, false);
    }
    return checked(response, operation);
  }

  /**
   * Fails every later call: {@link #send}, {@link #execute}, their asynchronous twins, and the asynchronous calls still
   * waiting in the dispatcher's queue, which fail now rather than when a thread frees up. Calls already running end
   * as they would.
   */
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (okhttp3.Call queued : http.dispatcher().queuedCalls()) {
      Queued mine = queued.request().tag(Queued.class);
      if (mine != null && mine.executor() == this) {
        mine.future().completeExceptionally(closedException());
        queued.cancel();
      }
    }
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException("client closed: make a new CleverCloudClient to send more calls");
  }

  /** The request, tagged for the checks that follow; throws if the client is closed. */
  private Request open(Request request) {
    if (closed.get()) {
      throw closedException();
    }
    // A POST is tagged so that the network interceptor can tell whether it went out (see transport()).
    return "POST".equals(request.method()) ? request.newBuilder().tag(Sent.class, new Sent()).build() : request;
  }

  /**
   * The response if its status is 2xx; else closes it and throws the mapped exception (both paths share this). A
   * redirect is an error too: the API does not redirect, so one comes from something in between (a proxy, a wrong
   * base URL), and following it would send the request, body and all, where the caller never meant it to go.
   */
  private Response checked(Response response, String operation) {
    if (!response.isSuccessful()) {
      try {
        ApiException e = errors.fromResponse(response, operation);
        if (response.isRedirect() || (response.code() >= 300 && response.code() < 400)) {
          throw new ApiException(e.getMessage() + "; redirects are not followed: the Clever Cloud API does not "
              + "redirect, so check the base URL and any proxy in between", operation, e.statusCode(),
              e.errorCode().orElse(null), e.apiMessage().orElse(null), e.requestId().orElse(null),
              e.body().orElse(null));
        }
        throw e;
      } finally {
        response.close();
      }
    }
    return response;
  }

  /**
   * An I/O failure as the client reports it. A {@code POST} that went out (its connection was open when it failed, or
   * an answer began) may have done its work on the server though its answer was lost: the message says so, since
   * the caller must check before repeating it. One that never left (a refused connection, a TLS failure) does not.
   */
  private TransportException transport(IOException e, Request request, String operation, boolean answered) {
    TransportException mapped = errors.transport(e, operation, request);
    Sent sent = request.tag(Sent.class);
    if (!"POST".equals(request.method()) || !(answered || (sent != null && sent.value))) {
      return mapped;
    }
    return new TransportException(mapped.getMessage() + "; the request was sent and its answer lost, so the resource "
        + "may have been created: check before sending it again", operation, mapped.isTimeout(), mapped.getCause());
  }

  /**
   * Reads a whole body as UTF-8 text, turning I/O failures into {@code TransportException}s and a body over
   * {@code maxResponseBytes} into a {@code ResponseDecodingException}.
   *
   * @param response the response
   * @param operation the operation's name
   * @return the text
   */
  public String readBody(Response response, String operation) {
    try {
      return response.body().string();
    } catch (RetryInterceptor.ResponseTooLarge e) {
      throw tooLarge(response, operation, e);
    } catch (IOException e) {
      throw transport(e, response.request(), operation, true);
    }
  }

  private ResponseDecodingException tooLarge(Response response, String operation,
      RetryInterceptor.ResponseTooLarge e) {
    String requestId = errors.mask(response.header("Sozu-Id"), response.request());
    return new ResponseDecodingException(operation + ": HTTP " + response.code() + " with an answer larger than "
        + e.limit + " bytes, not read further (CleverCloudClient.builder().maxResponseBytes(…) raises the limit)"
        + (requestId == null ? "" : " (Sozu-Id " + requestId + ")"), operation, response.code(), requestId, null,
        null);
  }

  /**
   * The network interceptor that records that a tagged request reached an open connection: from then on, it may
   * have been received. Add it with {@code addNetworkInterceptor}.
   *
   * @return the interceptor
   */
  public static Interceptor sentMarker() {
    return chain -> {
      Sent sent = chain.request().tag(Sent.class);
      if (sent != null) {
        sent.value = true;
      }
      return chain.proceed(chain.request());
    };
  }

  /** Whether a request went out on a connection; set by {@link #sentMarker()}, read once the call failed. */
  private static final class Sent {
    volatile boolean value;

    @Override
    public String toString() {
      return "Sent[" + value + "]";
    }
  }

  /**
   * The operation that answered a streamed body.
   *
   * @param body a body a file operation returned
   * @return the operation's name, or {@code download} for a body from elsewhere
   */
  public static String operationOf(ResponseBody body) {
    return body instanceof StreamedBody s ? s.operation : "download";
  }

  /**
   * The exception for a streamed answer that is not the file the caller expects, made from what the answer's
   * response told (status, request id), never from its content.
   *
   * @param body the body, which the caller closes
   * @param problem what is wrong, for example {@code with a text/html body where application/pdf was expected}
   * @return the exception to throw
   */
  public static ResponseDecodingException notTheFile(ResponseBody body, String problem) {
    StreamedBody streamed = body instanceof StreamedBody s ? s : null;
    String operation = operationOf(body);
    int status = streamed == null ? 0 : streamed.statusCode; // a body from elsewhere: its status is unknown
    String requestId = streamed == null ? null : streamed.requestId;
    return new ResponseDecodingException(operation + ":" + (streamed == null ? "" : " HTTP " + status) + " " + problem
        + (requestId == null ? "" : " (Sozu-Id " + requestId + ")"), operation, status, requestId, null, null);
  }

  /**
   * A streamed answer as the caller gets it: the open body, with what a download needs to report an answer that is
   * not the file (its status, operation and request id). Closing it closes the response.
   */
  private static final class StreamedBody extends ResponseBody {
    private final ResponseBody delegate;
    private final int statusCode;
    private final String operation;
    private final String requestId;

    StreamedBody(ResponseBody delegate, int statusCode, String operation, String requestId) {
      this.delegate = delegate;
      this.statusCode = statusCode;
      this.operation = operation;
      this.requestId = requestId;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public okio.BufferedSource source() {
      return delegate.source();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Tags a queued asynchronous call with its future, so that {@link #close()} fails it at once. */
  private record Queued(CallExecutor executor, CancellableFuture<?> future) {}

  /**
   * The start of an undecodable answer, for its exception: never the whole of a large body, so that what follows
   * (masking, describing) takes a bounded time. Long enough that a secret the request carried, starting within the
   * part an exception shows, lies whole inside it and is masked.
   */
  private static String excerpt(byte[] bytes, MediaType contentType, Request request) {
    String text = new String(bytes, contentType == null ? UTF_8 : contentType.charset(UTF_8));
    int max = excerptChars(request);
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static int excerptChars(Request request) {
    int longest = 0;
    Sensitive tagged = request.tag(Sensitive.class);
    if (tagged != null) {
      for (var secret : tagged.values()) {
        try {
          longest = Math.max(longest, secret.reveal().length());
        } catch (IllegalStateException wiped) {
          // nothing left to mask
        }
      }
    }
    return (int) Math.min(Integer.MAX_VALUE / 4, (long) EXCERPT_CHARS + longest);
  }

  /** Bytes enough for {@link #excerptChars(Request)} characters in UTF-8. */
  private static long excerptBytes(Request request) {
    return 4L * excerptChars(request);
  }

  private static String typeName(Type type) {
    String name = type.getTypeName();
    return name.replaceAll("[\\w.]+\\.(\\w+)", "$1");
  }

}
