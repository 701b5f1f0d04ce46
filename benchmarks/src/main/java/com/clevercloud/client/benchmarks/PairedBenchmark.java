package com.clevercloud.client.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The facade/raw latency ratio, measured paired: every operation makes one call through the facade and the same call
 * through {@link RawClient}, in alternating order, and times each with {@link System#nanoTime()} (about 25 ns against
 * calls of 100 µs and more). Both sides thus share every moment of machine load, which matters on a 2-core machine
 * where the server, the client and anything else running compete; measuring them in separate trials
 * ({@link ClientBenchmark}) lets load that changes between trials bias the ratio.
 *
 * <p>Reported per iteration as JMH auxiliary counters: {@code facadeNanos}, {@code rawNanos} and {@code pairs}, summed
 * over threads. {@code Report} turns them into the ratio Σfacade/Σraw with its per-iteration range. The calling
 * thread's CPU time per call ({@code facadeCpuNanos}, {@code rawCpuNanos}) is recorded too: it tells how much work
 * the client itself does, which load on the machine barely changes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PairedBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The credential kind. */
  @Param({"API_TOKEN", "OAUTH1_HMAC_SHA512"})
  public Auth auth;

  /**
   * The call: {@code self}, {@code applications} or {@code pdf}; {@code pdfAtomicBaseline} is the PDF again with a
   * baseline that also writes through a temporary file renamed over the target, as the facade does (run by the
   * {@code disk} stage only, to tell the file system's share from the client's).
   */
  @Param({"self", "applications", "pdf"})
  public String call;

  private Clients clients;

  /** Starts the server, builds both clients and checks that they agree. */
  @Setup(Level.Trial)
  public void setUp() {
    clients = new Clients(auth);
  }

  /** Stops the server and releases connections. */
  @TearDown(Level.Trial)
  public void tearDown() {
    clients.close();
  }

  /** Per-thread timings, reported by JMH as auxiliary counters (public fields), and the thread's PDF files. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Timings {
    /** Nanoseconds spent in facade calls this iteration. */
    public long facadeNanos;
    /** Nanoseconds spent in raw calls this iteration. */
    public long rawNanos;
    /** Pairs of calls made this iteration. */
    public long pairs;
    /** CPU time of the calling thread in facade calls this iteration (OkHttp's synchronous calls run there). */
    public long facadeCpuNanos;
    /** CPU time of the calling thread in raw calls this iteration. */
    public long rawCpuNanos;
    private boolean facadeFirst;
    // One target file per side: on a disk, a side writing over the file the other side has just written would wait
    // for that file's write-back, and charge the other side's I/O to itself.
    private Path facadeFile;
    private Path rawFile;

    /** Creates the thread's files. */
    @Setup(Level.Trial)
    public void createFiles() {
      facadeFile = Clients.tempFile();
      rawFile = Clients.tempFile();
    }

    /** Counters start from zero in every iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      facadeNanos = 0;
      rawNanos = 0;
      pairs = 0;
      facadeCpuNanos = 0;
      rawCpuNanos = 0;
    }

    /**
     * Deletes the files.
     *
     * @throws IOException if they cannot be deleted
     */
    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
      Files.deleteIfExists(facadeFile);
      Files.deleteIfExists(rawFile);
    }
  }

  /**
   * One facade call and one raw call, alternating which goes first.
   *
   * @param t the thread's timings
   * @param bh consumes the results
   */
  @Benchmark
  public void pair(Timings t, Blackhole bh) {
    t.facadeFirst = !t.facadeFirst;
    if (t.facadeFirst) {
      timeFacade(t, bh);
      timeRaw(t, bh);
    } else {
      timeRaw(t, bh);
      timeFacade(t, bh);
    }
    t.pairs++;
  }

  // The CPU clock is read outside the wall-clock interval, so that its cost (~1 µs) stays out of the latencies.
  private void timeFacade(Timings t, Blackhole bh) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    bh.consume(facade(t));
    long end = System.nanoTime();
    t.facadeCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    t.facadeNanos += end - start;
  }

  private void timeRaw(Timings t, Blackhole bh) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    bh.consume(raw(t));
    long end = System.nanoTime();
    t.rawCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    t.rawNanos += end - start;
  }

  private Object facade(Timings t) {
    return switch (call) {
      case "self" -> clients.selfFacade();
      case "applications" -> clients.applicationsFacade();
      case "pdf", "pdfAtomicBaseline" -> clients.pdfFacade(t.facadeFile);
      default -> throw new IllegalArgumentException(call);
    };
  }

  private Object raw(Timings t) {
    return switch (call) {
      case "self" -> clients.selfRaw();
      case "applications" -> clients.applicationsRaw();
      case "pdf" -> clients.pdfRaw(t.rawFile);
      case "pdfAtomicBaseline" -> clients.pdfRawAtomic(t.rawFile);
      default -> throw new IllegalArgumentException(call);
    };
  }
}
