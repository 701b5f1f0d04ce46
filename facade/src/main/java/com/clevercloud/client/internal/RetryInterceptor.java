package com.clevercloud.client.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import retrofit2.Invocation;
import retrofit2.http.Streaming;

/**
 * The client's one retry rule, applied to every request (see {@code RetryPolicy} for the user's view).
 *
 * <ul>
 *   <li>{@code GET}, {@code PUT} and {@code DELETE} are tried again after a connection failure or a {@code 429},
 *       {@code 502}, {@code 503} or {@code 504}, with backoff and jitter, honouring {@code Retry-After} up to the
 *       policy's cap, as long as the wait fits in the call timeout. A success's body is read here (unless the call
 *       streams it), so that a connection cut mid-body is a failure this loop can retry.</li>
 *   <li>Any other method is sent once, and its body is made one-shot: OkHttp itself silently repeats a request whose
 *       body it can replay when a reused connection fails, and a repeated {@code POST} could create twice.</li>
 * </ul>
 *
 * <p>It sits outside the logging and auth interceptors: every attempt is logged, and signed afresh (new nonce and
 * timestamp). Being the outermost of the client's interceptors, it also bounds what an answer may hold: every body
 * but a streamed file's is cut off past the client's {@code maxResponseBytes}, counted after decompression, so a
 * hostile or broken server (a gzip bomb, an endless body) costs at most that much memory per call
 * ({@link ResponseTooLarge}). Failures that say the server misbehaves rather than the network ({@link ResponseTooLarge},
 * protocol errors, a header line over OkHttp's limit) are not retried: the same server would answer the same.
 */
public final class RetryInterceptor implements Interceptor {

  /** Waits between attempts. Tests record the delays instead. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits.
     *
     * @param delay how long
     * @throws InterruptedException if the thread is interrupted
     */
    void sleep(Duration delay) throws InterruptedException;
  }

  /** The real sleeper. */
  public static final Sleeper THREAD_SLEEP = delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());

  /**
   * The tag of an asynchronous call's attempt. Such an attempt is never followed by a wait in this interceptor: it
   * throws {@link RetryLater} instead, and the executor sends the next attempt once the delay has passed, so that no
   * dispatcher thread is held while waiting.
   *
   * @param attempt this attempt's number, from 1
   * @param start when the call started ({@code nanoTime})
   * @param budget the whole call's timeout in nanoseconds, 0 for none
   */
  record AsyncAttempt(int attempt, long start, long budget) {}

  /** An asynchronous attempt that should be tried again after {@code delay}, as attempt {@code next}. */
  static final class RetryLater extends IOException {
    private static final long serialVersionUID = 1L;
    /** How long to wait. */
    public final transient Duration delay;
    /** The next attempt's tag. */
    public final transient AsyncAttempt next;

    RetryLater(Duration delay, AsyncAttempt next) {
      super("retry in " + delay.toMillis() + " ms");
      this.delay = delay;
      this.next = next;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // a signal between the interceptor and the executor, never shown
    }
  }

  /**
   * An answer that grew past the client's {@code maxResponseBytes} while being read. Every later read of the body
   * fails the same way, so whoever reads it next (the retry loop, the decoder, a handwritten reader) stops too.
   */
  static final class ResponseTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    /** The limit that was passed. */
    final long limit;

    ResponseTooLarge(long limit) {
      super("the answer is larger than " + limit + " bytes (maxResponseBytes, counted after decompression)");
      this.limit = limit;
    }
  }

  private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE");
  private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;
  private final ErrorMapper errors;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final long maxResponseBytes;

  /**
   * Makes the interceptor from the values of a {@code RetryPolicy} (given one by one, so that this package does not
   * depend on the client's).
   *
   * @param maxAttempts attempts per call, at least 1
   * @param baseDelay the backoff before the first retry
   * @param maxDelay the longest backoff
   * @param maxRetryAfter the longest {@code Retry-After} waited for
   * @param errors reads {@code Retry-After} (its clock turns an HTTP date into a delay)
   * @param sleeper waits between attempts
   * @param nanoTime a monotonic clock, such as {@code System::nanoTime}, to keep retries inside the call timeout
   * @param maxResponseBytes the most an answer that is not a streamed file may hold, once decompressed
   */
  public RetryInterceptor(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
      ErrorMapper errors, Sleeper sleeper, LongSupplier nanoTime, long maxResponseBytes) {
    this.maxAttempts = maxAttempts;
    this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay == null");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay == null");
    this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter == null");
    this.errors = Objects.requireNonNull(errors, "errors == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1");
    }
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean streaming = isStreaming(request);
    if (!IDEMPOTENT.contains(request.method())) {
      return bounded(chain.proceed(oneShot(request)), streaming);
    }
    if (maxAttempts == 1 || (request.body() != null && request.body().isOneShot())) {
      return bounded(chain.proceed(request), streaming);
    }
    AsyncAttempt async = request.tag(AsyncAttempt.class);
    long start = async != null ? async.start() : nanoTime.getAsLong();
    // the call timeout; 0 means none
    long budget = async != null ? async.budget() : chain.call().timeout().timeoutNanos();
    for (int attempt = async != null ? async.attempt() : 1; ; attempt++) {
      boolean last = attempt >= maxAttempts;
      Response response;
      boolean answered = false;
      try {
        response = bounded(chain.proceed(request), streaming);
        answered = true;
        if (!last && !streaming && response.isSuccessful()) {
          readWhole(response);
        }
      } catch (IOException e) {
        Duration delay = last || !isRetryable(e, chain, answered) ? null : backoff(attempt);
        if (delay == null || !fits(start, budget, delay)) {
          throw e;
        }
        if (async != null) {
          throw new RetryLater(delay, new AsyncAttempt(attempt + 1, start, budget));
        }
        pause(delay, chain);
        continue;
      }
      if (last || !RETRIED_STATUSES.contains(response.code())) {
        return response;
      }
      Duration delay = delayAfter(response, attempt);
      if (delay == null || !fits(start, budget, delay)) {
        return response; // the caller gets this answer as an exception, with its Retry-After
      }
      response.close();
      if (async != null) {
        throw new RetryLater(delay, new AsyncAttempt(attempt + 1, start, budget));
      }
      pause(delay, chain);
    }
  }

  /** Buffers a success's whole body, so that a connection cut mid-body is a failure the loop can retry. */
  private static void readWhole(Response response) throws IOException {
    try {
      response.body().source().request(Long.MAX_VALUE);
    } catch (ResponseTooLarge e) {
      // not worth another attempt: the reader meets the same failure and reports it
    } catch (IOException e) {
      response.close();
      throw e;
    }
  }

  /** The response, with its body cut off past {@code maxResponseBytes} unless it is a streamed file. */
  private Response bounded(Response response, boolean streaming) {
    if (streaming) {
      return response;
    }
    return response.newBuilder().body(new BoundedBody(response.body(), maxResponseBytes)).build();
  }

  /**
   * Connection failures are retried, except the call's own end (cancel, call timeout), lasting ones, and answers
   * whose status line or headers were malformed rather than cut short: a protocol error (an unreadable status line,
   * OkHttp's own follow-ups exhausted) or a header line over OkHttp's limit. Once the headers arrived, a body cut
   * short is retried (OkHttp reports it as a {@link ProtocolException} too).
   *
   * @param answered whether the status line and headers were read
   */
  private static boolean isRetryable(IOException e, Chain chain, boolean answered) {
    if (chain.call().isCanceled()) {
      return false;
    }
    if (e instanceof UnknownHostException || e instanceof SSLPeerUnverifiedException
        || (e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException)) {
      return false;
    }
    return answered || !(e instanceof ProtocolException || isOverlongHeaderLine(e));
  }

  /**
   * OkHttp reports a header line it cannot finish (over its 256 KiB header limit) as an end of stream whose cause is
   * okio's {@code EOFException("\n not found: limit=… content=…")} with some content: the server did answer, with
   * something no retry will make readable. A connection closed before any byte of the answer (a stale pooled
   * connection) shows no content, and is retried.
   */
  static boolean isOverlongHeaderLine(IOException e) {
    Throwable cause = e.getCause();
    if (!(cause instanceof EOFException) || cause.getMessage() == null) {
      return false;
    }
    String message = cause.getMessage();
    int at = message.indexOf(" content=");
    int content = at + " content=".length();
    // okio writes the bytes it holds in hex, then an ellipsis: "content=…" alone means nothing arrived.
    return message.startsWith("\\n not found: limit=") && at >= 0 && content < message.length()
        && Character.digit(message.charAt(content), 16) >= 0;
  }

  /** A body that fails with {@link ResponseTooLarge} once more than {@code limit} bytes were read from it. */
  static final class BoundedBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    BoundedBody(ResponseBody delegate, long limit) {
      this.delegate = delegate;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        private long read;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          if (read > limit) {
            throw new ResponseTooLarge(limit);
          }
          long n = super.read(sink, byteCount);
          if (n > 0) {
            read += n;
            if (read > limit) {
              throw new ResponseTooLarge(limit);
            }
          }
          return n;
        }
      });
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
    public BufferedSource source() {
      return source;
    }
  }

  /** {@code Retry-After} when present and within the cap, none when over it, else the backoff. */
  private Duration delayAfter(Response response, int attempt) {
    Duration retryAfter = errors.retryAfter(response.header("Retry-After"));
    if (retryAfter == null) {
      return backoff(attempt);
    }
    return retryAfter.compareTo(maxRetryAfter) <= 0 ? retryAfter : null;
  }

  /** Before retry n: uniformly between half and all of min(maxDelay, baseDelay × 2^(n-1)). */
  Duration backoff(int attempt) {
    long base = baseDelay.toNanos();
    long max = maxDelay.toNanos();
    int shift = Math.min(attempt - 1, 30);
    long cap = base > (max >> shift) ? max : Math.min(max, base << shift);
    long half = cap / 2;
    return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(cap - half + 1));
  }

  private boolean fits(long start, long budget, Duration delay) {
    return budget == 0 || nanoTime.getAsLong() - start + delay.toNanos() < budget;
  }

  private void pause(Duration delay, Chain chain) throws IOException {
    if (!delay.isZero()) {
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to retry");
      }
    }
    if (chain.call().isCanceled()) {
      throw new IOException("Canceled");
    }
  }

  private static boolean isStreaming(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation != null && invocation.method().isAnnotationPresent(Streaming.class);
  }

  private static Request oneShot(Request request) {
    RequestBody body = request.body();
    if (body == null || body.isOneShot()) {
      return request;
    }
    return request.newBuilder().method(request.method(), new OneShotBody(body)).build();
  }

  /** A body OkHttp may write once: after it went out, OkHttp never repeats the request by itself. */
  static final class OneShotBody extends RequestBody {
    private final RequestBody delegate;

    OneShotBody(RequestBody delegate) {
      this.delegate = delegate;
    }

    /** The wrapped body, for the signer, which reads form bodies. */
    RequestBody delegate() {
      return delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }
  }
}
