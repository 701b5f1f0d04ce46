package com.clevercloud.client.benchmarks;

import com.clevercloud.api.v4.api.InvoicesApi;
import com.clevercloud.client.CleverCloudClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * How much the heap grows while the 5 MiB invoice PDF streams to a file, through the facade and through the bare
 * OkHttp baseline. The target is growth under 1 MB: a client that buffered the body would retain at least 5 MiB.
 *
 * <p>Method: the server sends the PDF slowly (64 KiB every 10 ms, ~0.8 s in all) so that the download is in flight
 * for a while; a sampler thread forces a full GC every 50 ms and reads the used heap right after it, which is then the
 * live data. Growth = the highest post-GC reading during the download minus the post-GC reading just before it. It
 * also reports the bytes the calling thread allocates per (fast) download, from
 * {@code com.sun.management.ThreadMXBean}: a stricter bound, since garbage counts there too.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.clevercloud.client.benchmarks.StreamingHeapProbe</pre>
 */
public final class StreamingHeapProbe {

  private static final String SLOW_INVOICE = "F20250718-SLOW";
  private static final int ROUNDS = 3;

  private StreamingHeapProbe() {}

  /**
   * Runs the probe and prints a Markdown table.
   *
   * @param args none
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    try (ServerProcess server = ServerProcess.start()) {
      OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES))
          .build();
      Path file = Clients.tempFile();
      try (CleverCloudClient facade = CleverCloudClient.builder().credentials(Auth.API_TOKEN.credentials())
          .apiBaseUrl(server.baseUrl()).bridgeBaseUrl(server.baseUrl()).okHttpClient(http).build()) {
        RawClient raw = new RawClient(http, server.baseUrl(), Auth.API_TOKEN);
        InvoicesApi invoices = facade.api(InvoicesApi.class);
        Function<String, Long> viaFacade = invoice -> facade.download(invoices.getInvoicePdf(Fixtures.OWNER_ID,
            invoice), file);
        Function<String, Long> viaRaw = invoice -> raw.invoicePdf(Fixtures.OWNER_ID, invoice, file);
        // Negative control: proves the method sees a client that holds the body in memory.
        Function<String, Long> buffered = invoice -> raw.invoicePdfBuffered(Fixtures.OWNER_ID, invoice, file);

        // Warm both paths up (JIT, connection, Okio's segment pool) before measuring anything.
        for (int i = 0; i < 30; i++) {
          viaFacade.apply(Fixtures.INVOICE);
          viaRaw.apply(Fixtures.INVOICE);
          buffered.apply(Fixtures.INVOICE);
        }
        System.out.println("| client | heap growth while streaming 5 MiB (max of " + ROUNDS
            + " rounds, post-GC) | allocated by the calling thread per download (mean of 20) |");
        System.out.println("|---|---:|---:|");
        Map<String, Function<String, Long>> clients = new LinkedHashMap<>();
        clients.put("facade: `download(api(InvoicesApi.class).getInvoicePdf(owner, number), file)`", viaFacade);
        clients.put("raw OkHttp: `sink.writeAll(body.source())`", viaRaw);
        clients.put("control, buffers the body: `body.bytes()`", buffered);
        for (Map.Entry<String, Function<String, Long>> client : clients.entrySet()) {
          String name = client.getKey();
          Function<String, Long> download = client.getValue();
          long growth = 0;
          for (int r = 0; r < ROUNDS; r++) {
            growth = Math.max(growth, retainedGrowth(download));
          }
          long allocated = allocatedPerDownload(download, 20);
          System.out.println(String.format(Locale.ROOT, "| %s | %s | %s |", name, bytes(growth), bytes(allocated)));
        }
      } finally {
        Files.deleteIfExists(file);
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
      }
    }
  }

  private static long retainedGrowth(Function<String, Long> download) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong peak = new AtomicLong(before);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        peak.accumulateAndGet(usedAfterGc(memory), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.start();
    long size;
    try {
      size = download.apply(SLOW_INVOICE);
    } finally {
      running.set(false);
      sampler.join();
    }
    if (size != Fixtures.PDF_BYTES) {
      throw new IllegalStateException("Downloaded " + size + " bytes");
    }
    return Math.max(0, peak.get() - before);
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long allocatedPerDownload(Function<String, Long> download, int n) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < n; i++) {
      download.apply(Fixtures.INVOICE);
    }
    return (threads.getCurrentThreadAllocatedBytes() - start) / n;
  }

  private static String bytes(long n) {
    return n >= 1 << 20 ? String.format(Locale.ROOT, "%.2f MiB", n / 1048576.0)
        : String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
  }
}
