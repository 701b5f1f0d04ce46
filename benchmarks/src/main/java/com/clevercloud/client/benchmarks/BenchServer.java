package com.clevercloud.client.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The loopback server every benchmark talks to: the JDK's {@code com.sun.net.httpserver}, serving the
 * {@link Fixtures} from memory (no per-request allocation beyond the server's own, no recording of requests), in a
 * process of its own so that its allocations and GC never show in the client's {@code -prof gc} figures.
 *
 * <p>Usage: {@code java -cp benchmarks.jar com.clevercloud.client.benchmarks.BenchServer [port] [--delay-ms N]}
 * ({@code --delay-ms}: wait N ms before each answer, as a distant API would; {@link AsyncConcurrencyBench}). It prints
 * {@code LISTENING http://127.0.0.1:<port>/} once ready, and exits when its standard input reaches end of file, so
 * that it never outlives the process that started it (a JVM, or a shell holding a pipe).
 *
 * <p>Routes: {@code GET /v2/self}, {@code GET /v2/organisations/{id}/applications},
 * {@code GET /v4/billing/organisations/{id}/invoices/{number}.pdf} (a number containing {@code SLOW} is sent in
 * 64 KiB chunks 10 ms apart, for the heap probe). A request without an {@code Authorization} header gets a 401, so a
 * client that forgot its credential cannot look fast.
 */
public final class BenchServer {

  private static final int CHUNK = 64 * 1024;

  /** Printed with the base URL when the server is ready. */
  public static final String READY = "LISTENING ";

  private static final Pattern APPLICATIONS = Pattern.compile("/v2/organisations/[^/]+/applications");
  private static final Pattern PDF = Pattern.compile("/v4/billing/organisations/[^/]+/invoices/[^/]+\\.pdf");
  private static final byte[] UNAUTHORIZED =
      "{\"id\":2001,\"message\":\"Not connected\",\"type\":\"error\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_FOUND =
      "{\"id\":4004,\"message\":\"Not found\",\"type\":\"error\"}".getBytes(StandardCharsets.UTF_8);

  private final byte[] user = Fixtures.userJson();
  private final byte[] applications = Fixtures.applicationsJson();
  private final byte[] pdf = Fixtures.invoicePdf();
  private final long delayNanos;

  private BenchServer(long delayMillis) {
    this.delayNanos = delayMillis * 1_000_000L;
  }

  /**
   * Starts the server.
   *
   * @param args an optional port (default: any free port), and {@code --delay-ms N} to wait N ms before each answer
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    // The JDK server leaves Nagle's algorithm on by default: small responses would then wait for delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int port = 0;
    long delayMillis = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--delay-ms") && i + 1 < args.length) {
        delayMillis = Long.parseLong(args[++i]);
      } else {
        port = Integer.parseInt(args[i]);
      }
    }
    BenchServer fixtures = new BenchServer(delayMillis);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    ExecutorService workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "bench-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    server.createContext("/", fixtures::handle);
    server.start();
    System.out.println(READY + "http://127.0.0.1:" + server.getAddress().getPort() + "/");
    System.out.flush();
    // Exit when the parent goes away (it holds our stdin).
    try (InputStream in = System.in) {
      byte[] sink = new byte[256];
      while (in.read(sink) >= 0) {
        // discard
      }
    } catch (IOException e) {
      // the parent is gone either way
    }
    server.stop(0);
    System.exit(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      drain(exchange.getRequestBody());
      if (delayNanos > 0) {
        // On this exchange's own worker thread (a cached pool): concurrent requests wait side by side.
        long end = System.nanoTime() + delayNanos;
        for (long left = delayNanos; left > 0; left = end - System.nanoTime()) {
          LockSupport.parkNanos(left);
        }
      }
      String path = exchange.getRequestURI().getRawPath();
      if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
        send(exchange, 401, "application/json", UNAUTHORIZED);
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 404, "application/json", NOT_FOUND);
      } else if (path.equals("/v2/self")) {
        send(exchange, 200, "application/json", user);
      } else if (APPLICATIONS.matcher(path).matches()) {
        send(exchange, 200, "application/json", applications);
      } else if (PDF.matcher(path).matches()) {
        if (path.contains("SLOW")) {
          sendSlowly(exchange, pdf);
        } else {
          send(exchange, 200, "application/pdf", pdf);
        }
      } else {
        send(exchange, 404, "application/json", NOT_FOUND);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Sozu-Id", "01JBENCH000000000000000000");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      // In chunks: the JDK server copies each write into a buffer of that size, kept per connection.
      for (int off = 0; off < body.length; off += CHUNK) {
        out.write(body, off, Math.min(CHUNK, body.length - off));
      }
    }
  }

  private static void sendSlowly(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/pdf");
    exchange.getResponseHeaders().set("Sozu-Id", "01JBENCH000000000000000000");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int off = 0; off < body.length; off += CHUNK) {
        out.write(body, off, Math.min(CHUNK, body.length - off));
        out.flush();
        LockSupport.parkNanos(10_000_000L);
      }
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[1024];
    while (in.read(buf) >= 0) {
      // GET requests have no body; read to the end anyway so the connection can be reused
    }
  }
}
