package com.clevercloud.client;

import com.clevercloud.api.v4.api.LogsApi;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.exception.RateLimitException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TransportException;
import com.clevercloud.client.internal.CallAdapters;
import com.clevercloud.client.internal.CallExecutor;
import com.clevercloud.client.internal.ErrorMapper;
import com.clevercloud.client.internal.RetryInterceptor;
import com.google.gson.Gson;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import retrofit2.Retrofit;

/**
 * A live log stream: the records of an application, an add-on or an application's access logs, handed over one at a
 * time as the caller pulls them. Get one with {@link CleverCloudClient#logs(LogQuery)}; close it when done.
 *
 * <pre>{@code
 * try (LogStream<ApplicationLog> logs = client.logs(LogQuery.application("orga_…", "app_…")
 *     .since(Instant.now().minus(Duration.ofMinutes(5))))) {
 *   for (ApplicationLog line : logs) {
 *     System.out.println(line.getDate() + " " + line.getInstanceId() + " " + line.getMessage());
 *   }
 * }
 * // or as a java.util.stream.Stream (closing the Stream closes the log stream):
 * try (Stream<ApplicationLog> errors = client.logs(query).stream()) {
 *   errors.filter(l -> "err".equals(l.getSeverity())).limit(10).forEach(…);
 * }
 * }</pre>
 *
 * <p><b>Why an iterator.</b> It is what Java code already loops over (a for-each, or a {@link Stream} with
 * {@code filter}/{@code map}/{@code limit}), it needs no thread and no callback, and it gives back-pressure for free:
 * nothing is read from the connection until the caller asks for the next record, so a slow consumer slows the server
 * down through TCP instead of filling a queue. A {@link java.util.concurrent.Flow.Publisher} would need an executor
 * and a subscriber protocol for the same result; with virtual threads, a blocking iterator costs nothing to park.
 * It is single-use, like {@link java.nio.file.DirectoryStream}: {@link #iterator()} may be called once.
 *
 * <p><b>What it survives.</b> A dropped connection, a server restart, a {@code 5xx} or {@code 429} while reconnecting,
 * and a silent connection (no record and no heartbeat for {@link LogQuery#heartbeatTimeout(Duration)}) are all
 * handled the same way: the stream reconnects after a backoff ({@link LogQuery#reconnectDelay(Duration, Duration)}),
 * with {@code Last-Event-ID} set to the last event received, so the server resumes after it and the caller gets every
 * record once, in order. Other failures (401, 403, 404, …) and a failure of the very first connection are thrown.
 *
 * <p><b>How it ends.</b> {@link #close()} (from any thread: a blocked {@code hasNext()} then returns {@code false}),
 * the server's {@code END_OF_STREAM} (when {@code until} or {@code limit} is reached), or an exception, after which
 * the stream is closed. Closing releases the connection.
 *
 * <p><b>Resources.</b> One HTTP connection, read on the caller's thread: no thread per stream, memory bounded by one
 * event (at most {@value #MAX_EVENT_BYTES} bytes), however long the stream runs. Every connection goes through the
 * client's pipeline (routing, credentials, retries of the connection, its log line); the client never logs a record
 * or the query's filter, and the records' {@code toString()} hide their messages, which may hold anything a program
 * printed.
 *
 * <p>Not thread-safe, except {@link #close()}: one thread iterates.
 *
 * @param <T> the record type: {@link com.clevercloud.api.v4.model.ApplicationLog},
 *     {@link com.clevercloud.api.v4.model.AddonLog} or {@link com.clevercloud.api.v4.model.AccessLog}
 */
public final class LogStream<T> implements Iterable<T>, AutoCloseable {

  /** The largest event accepted (a longer line fails the stream rather than grow the buffer without bound). */
  public static final int MAX_EVENT_BYTES = 1024 * 1024;

  private static final Gson GSON = new com.clevercloud.api.v4.invoker.JSON().getGson();
  private static final ByteString DATA = ByteString.encodeUtf8("data:");
  private static final ByteString ID = ByteString.encodeUtf8("id:");
  private static final ByteString EVENT = ByteString.encodeUtf8("event:");
  private static final String END_OF_STREAM = "END_OF_STREAM";

  private final LogQuery<T> query;
  private final Class<T> type;
  private final LogsApi api;
  private final ErrorMapper errors;
  private final Iterator<T> iterator = new Records();
  // Held while the iterating thread reads, so that close() from another thread never touches the body under it.
  private final ReentrantLock reading = new ReentrantLock();
  private final CountDownLatch closedSignal = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile okhttp3.Call call;
  private boolean iterated;
  private boolean ended;

  private ResponseBody body;
  private BufferedSource source;
  private T next;
  private long delivered;
  private int failures;
  private String lastEventId;
  private String lastDeliveredId;
  private OffsetDateTime lastDate;

  @SuppressWarnings("unchecked")
  LogStream(CleverCloudClient client, LogQuery<T> query) {
    this.query = query;
    this.type = (Class<T>) query.kind.type;
    this.errors = client.executor().errors();
    // A variant of the client's own pipeline for a long-lived answer: same pool, dispatcher, interceptors (routing,
    // credentials, retries, log line) and call adapter, but no call timeout (it would cut every stream after 60 s),
    // and the heartbeat timeout as read timeout: a silent connection fails its read, with no watchdog thread.
    Retrofit retrofit = client.retrofit("v4");
    OkHttpClient.Builder http = ((OkHttpClient) retrofit.callFactory()).newBuilder()
        .callTimeout(Duration.ZERO)
        .readTimeout(query.heartbeatTimeout);
    http.interceptors().add(0, this::intercept);
    OkHttpClient streaming = http.build();
    Retrofit.Builder streamingRetrofit = retrofit.newBuilder().client(streaming);
    streamingRetrofit.callAdapterFactories().clear();
    streamingRetrofit.addCallAdapterFactory(new CallAdapters(
        new CallExecutor(streaming, errors, RetryInterceptor.THREAD_SLEEP, System::nanoTime), client.routing(), GSON));
    this.api = streamingRetrofit.build().create(LogsApi.class);
    connect(); // bad ids, missing rights and an unreachable API show here, at the call that opens the stream
  }

  /** Keeps the connection's call, to cancel it from {@link #close()}, and asks for an event stream. */
  private Response intercept(Interceptor.Chain chain) throws IOException {
    call = chain.call();
    if (closed) {
      chain.call().cancel();
    }
    return chain.proceed(chain.request().newBuilder().header("Accept", "text/event-stream").build());
  }

  /**
   * The records, in the order the server sends them. {@code hasNext()} blocks until the next record arrives, and
   * returns {@code false} once the stream has ended or is closed; it throws the client's exceptions
   * ({@link CleverCloudException}) for a failure the stream does not survive, and the stream is then closed.
   *
   * @return the stream's iterator
   * @throws IllegalStateException if called a second time
   */
  @Override
  public Iterator<T> iterator() {
    if (iterated) {
      throw new IllegalStateException("a LogStream is iterated once");
    }
    iterated = true;
    return iterator;
  }

  /**
   * The records as a sequential, ordered {@link Stream}; closing it closes this log stream.
   *
   * @return the stream
   * @throws IllegalStateException if the records were already iterated
   */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  /**
   * Ends the stream and releases its connection. Safe from any thread and more than once; an iteration blocked in
   * {@code hasNext()} returns {@code false}.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closedSignal.countDown();
    okhttp3.Call current = call;
    if (current != null) {
      current.cancel();
    }
    if (reading.tryLock()) {
      try {
        release();
      } finally {
        reading.unlock();
      }
    } // else the reading thread releases the body when its read fails
  }

  @Override
  public String toString() {
    return "LogStream[" + query + ", " + delivered + " records" + (closed || ended ? ", ended" : "") + "]";
  }

  private final class Records implements Iterator<T> {
    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (ended || closed) {
        return false;
      }
      reading.lock();
      try {
        next = pull();
      } catch (RuntimeException | Error e) {
        ended = true;
        release();
        throw e;
      } finally {
        if (closed || ended) {
          release();
        }
        reading.unlock();
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T record = next;
      next = null;
      return record;
    }
  }

  /** The next record, or null at the end; reconnects through drops. */
  private T pull() {
    while (true) {
      if (closed || (query.limit != null && delivered >= query.limit)) {
        ended = true;
        return null;
      }
      try {
        if (source == null) {
          backoff();
          if (closed) {
            continue;
          }
          connect();
        }
        T record = readRecord();
        if (record != null || ended) {
          return record;
        }
      } catch (IOException e) {
        release();
        if (closed) {
          continue;
        }
        failed(errors.transport(e, query.kind.operation));
      } catch (TransportException | ServerException | RateLimitException e) {
        if (closed) {
          continue;
        }
        failed(e);
      }
    }
  }

  /** Counts a failed connection or a drop; gives up with it once {@code maxReconnects} attempts in a row failed. */
  private void failed(CleverCloudException e) {
    failures++;
    if (failures > query.maxReconnects) {
      throw e;
    }
  }

  /** Waits before a reconnection: the n-th attempt in a row waits between half and all of min(max, initial × 2^(n-1)). */
  private void backoff() {
    if (failures == 0) {
      return;
    }
    long max = query.maxReconnectDelay.toNanos();
    long delay = query.reconnectDelay.toNanos();
    for (int i = 1; i < failures && delay < max; i++) {
      delay = delay > max / 2 ? max : delay * 2;
    }
    delay = Math.min(delay, max);
    long wait = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    try {
      closedSignal.await(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw errors.transport(new InterruptedIOException("interrupted while waiting to reconnect"),
          query.kind.operation);
    }
  }

  /** Opens a connection: resumes after the last event received, and asks only for the records still wanted. */
  private void connect() {
    Integer remaining = query.limit == null ? null : (int) (query.limit - delivered);
    // Without event ids to resume from, the last record's date is the best position there is.
    OffsetDateTime since = lastEventId == null && lastDate != null ? lastDate : query.since;
    LogQuery<T> q = query;
    ResponseBody opened = switch (q.kind) {
      case APPLICATION -> api.streamApplicationLogs(q.ownerId, q.resourceId, since, q.until, remaining,
          q.deploymentId, q.filter, q.instanceIds, null, null, null, lastEventId);
      case ADDON -> api.streamAddonLogs(q.ownerId, q.resourceId, since, q.until, remaining, q.deploymentId,
          q.filter, q.instanceIds, null, null, null, lastEventId);
      case ACCESS -> api.streamAccessLogs(q.ownerId, q.resourceId, since, q.until, remaining, null, null, null,
          lastEventId);
    };
    body = opened;
    source = opened.source();
    if (closed) {
      release();
    }
  }

  private void release() {
    ResponseBody b = body;
    body = null;
    source = null;
    if (b != null) {
      b.close();
    }
  }

  /**
   * Reads events (Server-Sent Events: {@code field: value} lines, a blank line ends an event) until a record, the
   * server's end ({@code END_OF_STREAM}: returns null and marks the stream ended), or a failure. A connection that
   * ends without {@code END_OF_STREAM} is a drop.
   */
  private T readRecord() throws IOException {
    BufferedSource in = source;
    Buffer buffer = in.getBuffer();
    String event = null;
    String data = null;
    StringBuilder moreData = null;
    String id = null;
    while (true) {
      long eol = in.indexOf((byte) '\n', 0, MAX_EVENT_BYTES);
      if (eol == -1) {
        if (buffer.size() >= MAX_EVENT_BYTES) {
          throw new ResponseDecodingException(query.kind.operation + ": an event line is longer than "
              + MAX_EVENT_BYTES + " bytes", query.kind.operation, 200, null, null, null);
        }
        if (END_OF_STREAM.equals(event)) {
          // The server's end, cut before the blank line that would dispatch it: an end all the same, not a drop to
          // reconnect from (which would replay the stream's last records for ever).
          ended = true;
          return null;
        }
        throw new EOFException("the server closed the stream without END_OF_STREAM");
      }
      long end = eol > 0 && buffer.getByte(eol - 1) == '\r' ? eol - 1 : eol;
      if (end == 0) { // a blank line: dispatch
        in.skip(eol + 1);
        if (data == null && event == null) {
          continue;
        }
        if (id != null) {
          lastEventId = id;
        }
        failures = 0; // any event, heartbeats included, proves the connection alive
        String name = event == null ? "message" : event;
        if (name.equals(END_OF_STREAM)) {
          ended = true;
          return null;
        }
        if (name.equals(query.kind.event) && data != null) {
          String json = moreData == null ? data : moreData.toString();
          if (id != null && id.equals(lastDeliveredId)) {
            // A server that resumes at the event given in Last-Event-ID rather than after it: sent once already.
          } else {
            T record = decode(json, id);
            delivered++;
            lastDeliveredId = id;
            lastDate = dateOf(record);
            return record;
          }
        }
        event = null;
        data = null;
        moreData = null;
        id = null;
        continue;
      }
      if (in.rangeEquals(0, DATA)) {
        String value = value(in, DATA.size(), end, eol);
        if (data == null) {
          data = value;
        } else {
          if (moreData == null) {
            moreData = new StringBuilder(data);
          }
          moreData.append('\n').append(value);
        }
      } else if (in.rangeEquals(0, EVENT)) {
        event = value(in, EVENT.size(), end, eol);
      } else if (in.rangeEquals(0, ID)) {
        String value = value(in, ID.size(), end, eol);
        id = value.indexOf('\0') >= 0 ? id : value;
      } else { // a comment (":…"), "retry:" or an unknown field: ignored
        in.skip(eol + 1);
      }
    }
  }

  /** A field's value (one leading space dropped), consuming the line and its end. */
  private static String value(BufferedSource in, int prefix, long end, long eol) throws IOException {
    in.skip(prefix);
    long start = prefix;
    if (end > start && in.getBuffer().getByte(0) == ' ') {
      in.skip(1);
      start++;
    }
    String value = in.readUtf8(end - start);
    in.skip(eol - end + 1);
    return value;
  }

  private T decode(String json, String id) {
    try {
      T record = GSON.fromJson(json, type);
      if (record == null) {
        throw new com.google.gson.JsonParseException("empty");
      }
      return record;
    } catch (RuntimeException e) {
      // Neither the data nor the parser's message (which may quote it) goes into the exception: a log line may hold
      // a secret.
      String op = query.kind.operation;
      throw new ResponseDecodingException(op + ": an event" + (id == null ? "" : " (id " + id + ")")
          + " could not be read as " + type.getSimpleName(), op, 200, null, null, null);
    }
  }

  private static OffsetDateTime dateOf(Object record) {
    if (record instanceof com.clevercloud.api.v4.model.ApplicationLog r) {
      return r.getDate();
    }
    if (record instanceof com.clevercloud.api.v4.model.AddonLog r) {
      return r.getDate();
    }
    if (record instanceof com.clevercloud.api.v4.model.AccessLog r) {
      return r.getDate();
    }
    return null;
  }
}
