package com.clevercloud.client.benchmarks;

import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.api.v2.model.UserView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * One call through the facade versus the same call made by {@link RawClient} (bare OkHttp + Gson), each measured on
 * its own, against {@link BenchServer} in a child JVM on loopback: {@code GET /v2/self} (small), the list of 1,000
 * applications (~1.8 MB) and the 5 MiB invoice PDF streamed to a file, with an API token or OAuth 1.0a HMAC-SHA512.
 * Gives each client's latency, throughput and allocation per call ({@code -prof gc}); the facade/raw ratios the targets
 * are judged on come from {@link PairedBenchmark}, which measures both sides interleaved.
 *
 * <p>Threads come from the command line ({@code -t 1}, {@code -t 8}, {@code -t 32}); each thread writes its PDF to its
 * own file. The trial setup checks that both sides get the same answers before anything is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBenchmark {

  /** The credential kind. */
  @Param({"API_TOKEN", "OAUTH1_HMAC_SHA512"})
  public Auth auth;

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

  /** A file per benchmark thread for the PDF. */
  @State(Scope.Thread)
  public static class Download {
    Path file;

    /** Creates the thread's file. */
    @Setup(Level.Trial)
    public void setUp() {
      file = Clients.tempFile();
    }

    /**
     * Deletes it.
     *
     * @throws IOException if it cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  /**
   * {@code GET /v2/self} through the facade.
   *
   * @return the user
   */
  @Benchmark
  public UserView selfFacade() {
    return clients.selfFacade();
  }

  /**
   * {@code GET /v2/self} with bare OkHttp + Gson.
   *
   * @return the user
   */
  @Benchmark
  public UserView selfRaw() {
    return clients.selfRaw();
  }

  /**
   * 1,000 applications through the facade.
   *
   * @return the list
   */
  @Benchmark
  public List<ApplicationView> applicationsFacade() {
    return clients.applicationsFacade();
  }

  /**
   * 1,000 applications with bare OkHttp + Gson.
   *
   * @return the list
   */
  @Benchmark
  public List<ApplicationView> applicationsRaw() {
    return clients.applicationsRaw();
  }

  /**
   * The 5 MiB PDF to a file through the facade.
   *
   * @param download the thread's file
   * @return the bytes written
   */
  @Benchmark
  public long pdfFacade(Download download) {
    return clients.pdfFacade(download.file);
  }

  /**
   * The 5 MiB PDF to a file with bare OkHttp.
   *
   * @param download the thread's file
   * @return the bytes written
   */
  @Benchmark
  public long pdfRaw(Download download) {
    return clients.pdfRaw(download.file);
  }
}
