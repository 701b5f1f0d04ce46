package com.clevercloud.client.benchmarks;

import com.clevercloud.api.v4.model.ApplicationLog;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.LogQuery;
import com.clevercloud.client.LogStream;
import com.clevercloud.client.auth.Credentials;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Log streams (issue 14): events per second through {@code client.logs(…)} versus reading the same Server-Sent Events
 * body with bare OkHttp, and the heap over one million events.
 *
 * <p>A loopback HTTP/1.1 server (in this JVM, one thread per connection) answers every request with the same body:
 * {@code N} {@code APPLICATION_LOG} events of about 450 bytes (a heartbeat every 100), then {@code END_OF_STREAM}, then
 * it closes the connection. The baseline is what a user would write with OkHttp alone: {@code readUtf8Line()} in a
 * loop, each {@code data:} line decoded with the same generated Gson model ({@code ApplicationLog}), since the facade
 * hands out decoded records. Both sides run in the same process, interleaved (facade, bare, facade, …), after a
 * warm-up; the figures are medians of 5 repetitions.
 *
 * <p>Heap: one stream of 1,000,000 events through the facade; the used heap after a full GC is read before the first
 * record, every 250,000 records, and after the last.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.clevercloud.client.benchmarks.LogStreamBench [events]</pre>
 */
public final class LogStreamBench {

  private static final String OWNER = "orga_00000000-0000-0000-0000-000000000001";
  private static final String APP = "app_00000000-0000-0000-0000-000000000001";
  private static final Gson GSON = new com.clevercloud.api.v4.invoker.JSON().getGson();
  private static final int REPETITIONS = 5;
  private static final int HEAP_EVENTS = 1_000_000;

  private LogStreamBench() {}

  /**
   * Runs both measurements and prints Markdown tables.
   *
   * @param args the number of events per repetition (default 200,000)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    try (SseServer server = new SseServer()) {
      String base = "http://127.0.0.1:" + server.port() + "/";
      OkHttpClient bare = new OkHttpClient();
      try (CleverCloudClient client = CleverCloudClient.builder().credentials(Credentials.apiToken("bench-token"))
          .apiBaseUrl(base).bridgeBaseUrl(base).build()) {
        String url = base + "v4/logs/organisations/" + OWNER + "/applications/" + APP + "/logs";
        // Warm-up: JIT, connections, okio's segment pool.
        for (int i = 0; i < 5; i++) {
          server.events = 100_000;
          viaFacade(client);
          viaBare(bare, url);
        }
        server.events = events;
        List<Double> facade = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int i = 0; i < REPETITIONS; i++) {
          facade.add(rate(events, () -> viaFacade(client)));
          raw.add(rate(events, () -> viaBare(bare, url)));
        }
        double f = median(facade);
        double r = median(raw);
        List<Double> pairs = new ArrayList<>();
        for (int i = 0; i < REPETITIONS; i++) {
          pairs.add(facade.get(i) / raw.get(i));
        }
        System.out.println("### Log stream throughput (" + String.format(Locale.ROOT, "%,d", events)
            + " events of ~" + SseServer.EVENT_BYTES + " bytes per run, " + REPETITIONS + " runs each, interleaved)");
        System.out.println();
        System.out.println("| reader | events/s (median) | runs |");
        System.out.println("|---|---:|---|");
        System.out.println(row("facade: `for (ApplicationLog l : client.logs(query))`", f, facade));
        System.out.println(row("bare OkHttp: `readUtf8Line()` + Gson `ApplicationLog`", r, raw));
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "ratio facade / bare: **%.2f** (of the medians); "
            + "median of the 5 paired ratios: %.2f", f / r, median(pairs)));
        System.out.println();

        server.events = HEAP_EVENTS;
        heap(client);
      }
      bare.dispatcher().executorService().shutdown();
      bare.connectionPool().evictAll();
    }
  }

  private static long viaFacade(CleverCloudClient client) {
    long n = 0;
    long chars = 0;
    try (LogStream<ApplicationLog> logs = client.logs(LogQuery.application(OWNER, APP))) {
      for (ApplicationLog l : logs) {
        n++;
        chars += l.getMessage().length();
      }
    }
    return check(n, chars);
  }

  private static long viaBare(OkHttpClient http, String url) {
    long n = 0;
    long chars = 0;
    Request request = new Request.Builder().url(url).header("Accept", "text/event-stream")
        .header("Authorization", "Bearer bench-token").build();
    try (Response response = http.newCall(request).execute()) {
      BufferedSource source = response.body().source();
      String event = null;
      for (String line; (line = source.readUtf8Line()) != null; ) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:") && "APPLICATION_LOG".equals(event)) {
          ApplicationLog l = GSON.fromJson(line.substring(5), ApplicationLog.class);
          n++;
          chars += l.getMessage().length();
        } else if (line.isEmpty()) {
          if ("END_OF_STREAM".equals(event)) {
            break;
          }
          event = null;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return check(n, chars);
  }

  private static long check(long n, long chars) {
    if (chars == 0) {
      throw new IllegalStateException("nothing read");
    }
    return n;
  }

  private interface Run {
    long run();
  }

  private static double rate(int expected, Run run) {
    long start = System.nanoTime();
    long n = run.run();
    long elapsed = System.nanoTime() - start;
    if (n != expected) {
      throw new IllegalStateException("read " + n + " events, expected " + expected);
    }
    return n / (elapsed / 1e9);
  }

  private static void heap(CleverCloudClient client) {
    System.out.println("### Heap over " + String.format(Locale.ROOT, "%,d", HEAP_EVENTS)
        + " events through one facade stream (used heap after a full GC)");
    System.out.println();
    System.out.println("| after | used heap |");
    System.out.println("|---:|---:|");
    long first = 0;
    long last = 0;
    long n = 0;
    try (LogStream<ApplicationLog> logs = client.logs(LogQuery.application(OWNER, APP))) {
      first = usedAfterGc();
      System.out.println("| 0 events (stream open) | " + mib(first) + " |");
      for (ApplicationLog l : logs) {
        n++;
        if (n % 250_000 == 0) {
          last = usedAfterGc();
          System.out.println(String.format(Locale.ROOT, "| %,d events | %s |", n, mib(last)));
        }
      }
    }
    if (n != HEAP_EVENTS) {
      throw new IllegalStateException("read " + n + " events");
    }
    System.out.println();
    System.out.println(String.format(Locale.ROOT, "growth from the open stream to the last event: %s",
        mib(last - first)));
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%+.2f MiB", bytes / 1048576.0).replace("+", bytes < 0 ? "" : "");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String row(String name, double median, List<Double> runs) {
    StringBuilder all = new StringBuilder();
    for (double v : runs) {
      all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", v));
    }
    return String.format(Locale.ROOT, "| %s | %,.0f | %s |", name, median, all);
  }

  /**
   * A minimal HTTP/1.1 server on loopback: reads a request's head, answers {@code 200 text/event-stream} with
   * {@code events} log events (built once, written in 64 KiB blocks), {@code END_OF_STREAM}, and closes.
   */
  static final class SseServer implements AutoCloseable {
    static final int EVENT_BYTES;
    private static final byte[] BLOCK; // 100 events and a heartbeat
    private static final int BLOCK_EVENTS = 100;

    static {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < BLOCK_EVENTS; i++) {
        sb.append("id: 3:").append(1000 + i).append(":0\nevent: APPLICATION_LOG\ndata: {\"id\":\"3:").append(1000 + i)
            .append(":0\",\"applicationId\":\"").append(APP).append("\",\"commitId\":\"0123456789abcdef0123456789")
            .append("abcdef01234567\",\"deploymentId\":\"deployment_00000000-0000-0000-0000-000000000001\",")
            .append("\"instanceId\":\"00000000-0000-0000-0000-00000000b001\",\"date\":\"2025-07-18T10:00:0")
            .append(i % 10).append(".123Z\",\"zone\":\"par\",\"pid\":1234,\"facility\":\"local0\",")
            .append("\"severity\":\"info\",\"priority\":134,\"version\":\"1\",\"service\":\"app\",")
            .append("\"message\":\"GET /api/items?page=").append(i).append(" 200 12ms user-agent=curl/8.5\"}\n\n");
      }
      EVENT_BYTES = sb.length() / BLOCK_EVENTS;
      sb.append("event: HEARTBEAT\ndata: {}\n\n");
      BLOCK = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sse-server");
      t.setDaemon(true);
      return t;
    });
    volatile int events;

    SseServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      threads.execute(this::accept);
    }

    int port() {
      return socket.getLocalPort();
    }

    private void accept() {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          threads.execute(() -> serve(s));
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket s) {
      try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) != -1; ) { // the request head ends with CRLF CRLF
          matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        int n = events;
        for (int sent = 0; sent < n; sent += BLOCK_EVENTS) {
          out.write(BLOCK);
        }
        out.write("event: END_OF_STREAM\ndata: {\"endedBy\":\"LIMIT_REACHED\"}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        // the client went away (closed its stream): nothing to do
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      threads.shutdownNow();
    }
  }
}
