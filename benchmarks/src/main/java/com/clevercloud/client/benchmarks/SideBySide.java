package com.clevercloud.client.benchmarks;

import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.UserView;
import com.clevercloud.client.CleverCloudClient;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Java side of {@code benchmarks/side-by-side.sh}: N calls of {@code GET /v2/self} through the facade, built as a
 * user would (API token, default {@code OkHttpClient}, base URLs pointed at the local server), from {@code concurrency}
 * threads, after {@code warmup} untimed calls. Prints one JSON line, the same shape as {@code js/side-by-side.mjs}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.clevercloud.client.benchmarks.SideBySide \
 *     --base-url http://127.0.0.1:PORT/ --calls 20000 --concurrency 8 --warmup 2000
 * </pre>
 */
public final class SideBySide {

  private SideBySide() {}

  /**
   * Runs the calls and prints the result.
   *
   * @param args {@code --base-url URL [--calls N] [--concurrency C] [--warmup W]}
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    String baseUrl = null;
    int calls = 20_000;
    int concurrency = 8;
    int warmup = 2_000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--base-url" -> baseUrl = args[i + 1];
        case "--calls" -> calls = Integer.parseInt(args[i + 1]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (baseUrl == null) {
      System.err.println("usage: SideBySide --base-url URL [--calls N] [--concurrency C] [--warmup W]");
      System.exit(2);
    }
    try (CleverCloudClient client = CleverCloudClient.builder()
        .credentials(Auth.API_TOKEN.credentials())
        .bridgeBaseUrl(baseUrl)
        .apiBaseUrl(baseUrl)
        .build()) {
      run(client, warmup, concurrency, null);
      long[] latencies = new long[calls];
      long start = System.nanoTime();
      run(client, calls, concurrency, latencies);
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latencies);
      System.out.println(String.format(Locale.ROOT,
          "{\"client\":\"clevercloud-java facade (Java %s)\",\"calls\":%d,\"concurrency\":%d,\"seconds\":%.3f,"
              + "\"callsPerSecond\":%.1f,\"p50Micros\":%.1f,\"p99Micros\":%.1f}",
          System.getProperty("java.version"), calls, concurrency, seconds, calls / seconds,
          percentile(latencies, 50) / 1e3, percentile(latencies, 99) / 1e3));
    }
  }

  private static void run(CleverCloudClient client, int n, int concurrency, long[] latencies)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    Thread[] threads = new Thread[concurrency];
    RuntimeException[] failure = new RuntimeException[1];
    for (int t = 0; t < concurrency; t++) {
      threads[t] = new Thread(() -> {
        try {
          for (int i; (i = next.getAndIncrement()) < n; ) {
            long start = System.nanoTime();
            UserView me = client.api(SelfApi.class).getSelf();
            if (latencies != null) {
              latencies[i] = System.nanoTime() - start;
            }
            if (me.getId() == null) {
              throw new IllegalStateException("no user id in the response");
            }
          }
        } catch (RuntimeException e) {
          synchronized (failure) {
            failure[0] = e;
          }
        }
      }, "side-by-side-" + t);
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) ((long) p * sorted.length / 100))];
  }
}
