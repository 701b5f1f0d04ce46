package com.clevercloud.client.benchmarks;

import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.UserView;
import com.clevercloud.client.CleverCloudClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the asynchronous twins really run concurrently: against a loopback server that waits 200 ms before each
 * answer (as a distant API would), the wall time of
 *
 * <ul>
 *   <li>(a) {@value #CALLS} concurrent {@code client.api(SelfApi.class).getSelfAsync()} calls from one thread, one
 *       client (API token, built as a user would, so with its default
 *       {@value CleverCloudClient#DEFAULT_MAX_CONCURRENT_REQUESTS} concurrent requests), joined all;</li>
 *   <li>(b) {@value #CALLS} platform threads, started for the round, each calling the blocking {@code getSelf()} once on
 *       the same client, joined all;</li>
 * </ul>
 *
 * <p>{@value #REPETITIONS} repetitions of each, interleaved (a, b, a, b…) after one untimed round of each that opens
 * the connections, and the medians and their ratio a/b. Both should take about one server delay: a ratio near 1 means
 * no async call waited in a queue. For reference it also times (a) on a client limited to OkHttp's own default of 5
 * requests per host, which queues them in 8 waves.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.clevercloud.client.benchmarks.AsyncConcurrencyBench</pre>
 */
public final class AsyncConcurrencyBench {

  private static final int CALLS = 40;
  private static final int REPETITIONS = 5;
  private static final int DELAY_MS = 200;
  /** OkHttp's own default per host, for the reference line. */
  private static final int OKHTTP_DEFAULT_PER_HOST = 5;

  private AsyncConcurrencyBench() {}

  /**
   * Runs the measurement and prints a Markdown table.
   *
   * @param args none
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    try (ServerProcess server = ServerProcess.start("--delay-ms", Integer.toString(DELAY_MS));
        CleverCloudClient client = client(server, null);
        CleverCloudClient limited = client(server, OKHTTP_DEFAULT_PER_HOST)) {
      SelfApi self = client.api(SelfApi.class);
      SelfApi selfLimited = limited.api(SelfApi.class);
      // Untimed: opens the connections (and warms the code) so that no repetition pays for them alone.
      async(self);
      blocking(self);
      async(selfLimited);

      long[] a = new long[REPETITIONS];
      long[] b = new long[REPETITIONS];
      long[] reference = new long[REPETITIONS];
      for (int r = 0; r < REPETITIONS; r++) {
        a[r] = async(self);
        b[r] = blocking(self);
        reference[r] = async(selfLimited);
      }
      double medianA = median(a);
      double medianB = median(b);
      System.out.println(String.format(Locale.ROOT, "GET /v2/self, %d calls per round, server delay %d ms per answer,"
          + " %d repetitions, %d cores, Java %s", CALLS, DELAY_MS, REPETITIONS,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
      System.out.println();
      System.out.println("| run | median wall time | the " + REPETITIONS + " repetitions (ms) |");
      System.out.println("|---|---:|---|");
      row("(a) " + CALLS + " × getSelfAsync(), one thread, one client (maxConcurrentRequests "
          + CleverCloudClient.DEFAULT_MAX_CONCURRENT_REQUESTS + ", the default), join all", a);
      row("(b) " + CALLS + " platform threads × blocking getSelf(), same client, join all", b);
      row("reference: (a) with maxConcurrentRequests(" + OKHTTP_DEFAULT_PER_HOST + "), OkHttp's default per host",
          reference);
      System.out.println();
      System.out.println(String.format(Locale.ROOT, "ratio a/b (medians): %.2f", medianA / medianB));
    }
  }

  private static CleverCloudClient client(ServerProcess server, Integer maxConcurrentRequests) {
    CleverCloudClient.Builder builder = CleverCloudClient.builder()
        .credentials(Auth.API_TOKEN.credentials())
        .apiBaseUrl(server.baseUrl())
        .bridgeBaseUrl(server.baseUrl());
    if (maxConcurrentRequests != null) {
      builder.maxConcurrentRequests(maxConcurrentRequests);
    }
    return builder.build();
  }

  /** (a): all the async calls started from this thread, then joined; nanoseconds. */
  private static long async(SelfApi self) {
    long start = System.nanoTime();
    List<CompletableFuture<UserView>> futures = new ArrayList<>(CALLS);
    for (int i = 0; i < CALLS; i++) {
      futures.add(self.getSelfAsync());
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    long elapsed = System.nanoTime() - start;
    for (CompletableFuture<UserView> f : futures) {
      check(f.join());
    }
    return elapsed;
  }

  /** (b): one platform thread per call, each blocking on getSelf(); nanoseconds, thread starts included. */
  private static long blocking(SelfApi self) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    UserView[] answers = new UserView[CALLS];
    Thread[] threads = new Thread[CALLS];
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      int n = i;
      threads[i] = new Thread(() -> {
        try {
          answers[n] = self.getSelf();
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }, "blocking-" + i);
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long elapsed = System.nanoTime() - start;
    if (failure.get() != null) {
      throw new IllegalStateException("a blocking call failed", failure.get());
    }
    for (UserView answer : answers) {
      check(answer);
    }
    return elapsed;
  }

  private static void check(UserView user) {
    if (user == null || user.getId() == null) {
      throw new IllegalStateException("no user id in the response");
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static void row(String name, long[] nanos) {
    StringBuilder each = new StringBuilder();
    for (long n : nanos) {
      each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", n / 1e6));
    }
    System.out.println(String.format(Locale.ROOT, "| %s | %.1f ms | %s |", name, median(nanos), each));
  }
}
