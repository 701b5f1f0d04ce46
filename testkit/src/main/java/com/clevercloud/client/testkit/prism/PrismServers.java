package com.clevercloud.client.testkit.prism;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Prism mock servers, one per spec ({@code bridge.yaml}, {@code v2.yaml}, {@code v4.yaml}), each on its own free
 * loopback port. The JUnit extension ({@link com.clevercloud.client.testkit.CleverCloudMock}) starts them once for a
 * test run; a program that wants the mock outside JUnit (the project's quickstart) starts them here, and puts
 * {@link PrismHosts} in front.
 *
 * <p>Prism's npm package runs inside a small Node watchdog that exits when its standard input closes, so a JVM that
 * dies, even by {@code SIGKILL}, takes its Prism processes with it; {@link #close()} and a shutdown hook also stop them
 * (the only guard for a standalone Prism executable, see {@link PrismCommand}).
 * If a Prism cannot start, {@link #start()} throws with Prism's own output: the caller fails, never skips.
 */
public final class PrismServers implements AutoCloseable {

  /** The three specs, by file name. */
  public enum Spec {
    /** {@code openapi/bridge.yaml}: API tokens. */
    BRIDGE("bridge.yaml"),
    /** {@code openapi/v2.yaml}. */
    V2("v2.yaml"),
    /** {@code openapi/v4.yaml}. */
    V4("v4.yaml");

    private final String file;

    Spec(String file) {
      this.file = file;
    }

    /**
     * The spec's file name.
     *
     * @return for instance {@code v2.yaml}
     */
    public String file() {
      return file;
    }
  }

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  /** Where the build puts the specs in the jar (testkit/pom.xml copies them from openapi/). */
  private static final String SPECS = "/com/clevercloud/client/testkit/openapi/";

  private final Map<Spec, Server> servers;
  private final Path specDirectory;
  private final Path ownedSpecs;
  private final Thread shutdownHook;

  private PrismServers(Map<Spec, Server> servers, Path specDirectory, boolean ownsSpecs) {
    this.servers = servers;
    this.specDirectory = specDirectory;
    this.ownedSpecs = ownsSpecs ? specDirectory : null;
    this.shutdownHook = new Thread(this::stopAll, "prism-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts one Prism per spec on the specs shipped in the test kit's jar, with the Prism {@link PrismCommand#locate()}
   * finds, and waits until each answers.
   *
   * @return the running servers
   * @throws IllegalStateException if Node or Prism is missing (saying how to install them), or a Prism does not start
   *     (with its output)
   */
  public static PrismServers start() {
    PrismCommand command = PrismCommand.locate();
    Path specs = extractSpecs();
    try {
      return start(specs, command, true);
    } catch (RuntimeException e) {
      deleteQuietly(specs);
      throw e;
    }
  }

  /**
   * Starts one Prism per spec on the given specs and waits until each answers.
   *
   * @param specDirectory a directory holding {@code bridge.yaml}, {@code v2.yaml} and {@code v4.yaml}
   * @param command how to run Prism
   * @return the running servers
   * @throws IllegalStateException if a Prism does not start (with its output)
   */
  public static PrismServers start(Path specDirectory, PrismCommand command) {
    return start(specDirectory, command, false);
  }

  private static PrismServers start(Path specDirectory, PrismCommand command, boolean ownsSpecs) {
    Objects.requireNonNull(specDirectory, "specDirectory == null");
    Objects.requireNonNull(command, "command == null");
    for (Spec spec : Spec.values()) {
      if (!Files.isRegularFile(specDirectory.resolve(spec.file()))) {
        throw new IllegalStateException("No " + spec.file() + " in " + specDirectory);
      }
    }
    Path watchdog = extractWatchdog();
    Map<Spec, Server> started = new EnumMap<>(Spec.class);
    try {
      // Start all three first, then wait: the ~2 s Node start-up overlaps.
      for (Spec spec : Spec.values()) {
        started.put(spec, Server.launch(specDirectory, command, watchdog, spec));
      }
      for (Server server : started.values()) {
        server.awaitReady();
      }
    } catch (RuntimeException e) {
      started.values().forEach(Server::stop);
      throw e;
    }
    return new PrismServers(started, specDirectory, ownsSpecs);
  }

  /**
   * The directory the Prisms serve their specs from.
   *
   * @return the directory given to {@link #start(Path, PrismCommand)}, or the temporary one the shipped specs were
   *     extracted to by {@link #start()} (deleted on {@link #close()})
   */
  public Path specDirectory() {
    return specDirectory;
  }

  /**
   * The base URL of one spec's Prism, for instance {@code http://127.0.0.1:41234}.
   *
   * @param spec which spec
   * @return its base URL, without a trailing slash
   */
  public String baseUrl(Spec spec) {
    return "http://127.0.0.1:" + servers.get(spec).port;
  }

  /**
   * Whether every Prism process is still running.
   *
   * @return true while all three are alive
   */
  public boolean allAlive() {
    return servers.values().stream().allMatch(s -> s.process.isAlive());
  }

  /**
   * The process ids of the Prism processes, for checks that none is left behind.
   *
   * @return one pid per spec
   */
  public List<Long> pids() {
    return servers.values().stream().map(s -> s.process.pid()).toList();
  }

  /** Stops every Prism process and its descendants. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run: nothing left to remove.
    }
  }

  private void stopAll() {
    servers.values().forEach(Server::stop);
    if (ownedSpecs != null) {
      deleteQuietly(ownedSpecs);
    }
  }

  /** Copies the three specs out of the jar: Prism reads files, not class path resources. */
  private static Path extractSpecs() {
    try {
      Path dir = Files.createTempDirectory("clevercloud-testkit-specs");
      for (Spec spec : Spec.values()) {
        try (InputStream in = PrismServers.class.getResourceAsStream(SPECS + spec.file())) {
          Files.copy(Objects.requireNonNull(in, spec.file() + " missing from the test kit's jar"),
              dir.resolve(spec.file()));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot extract the specs to a temporary directory", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary directory is harmless; failing the run for it would not be.
    }
  }

  private static Path extractWatchdog() {
    try {
      Path file = Files.createTempFile("prism-watchdog", ".cjs");
      file.toFile().deleteOnExit();
      try (var in = PrismServers.class.getResourceAsStream("prism-watchdog.cjs")) {
        Files.copy(Objects.requireNonNull(in, "prism-watchdog.cjs missing from the classpath"), file,
            StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One Prism process and what it printed. */
  private static final class Server {
    private final Spec spec;
    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();
    private volatile boolean listening;

    private Server(Spec spec, Process process, int port) {
      this.spec = spec;
      this.process = process;
      this.port = port;
    }

    static Server launch(Path specDirectory, PrismCommand prism, Path watchdog, Spec spec) {
      int port = freePort();
      List<String> command = prism.commandLine(watchdog, List.of("mock",
          specDirectory.resolve(spec.file()).toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "--errors"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().remove("NODE_ENV"); // "production" turns on Prism's forked multi-process mode
      builder.environment().put("NO_COLOR", "1");
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot run " + command.get(0) + " (Prism " + prism + "; Node.js "
            + PrismCommand.MINIMUM_NODE_VERSION + "+ is required for Prism): " + e.getMessage(), e);
      }
      Server server = new Server(spec, process, port);
      Thread reader = new Thread(server::drain, "prism-" + spec.name().toLowerCase() + "-output");
      reader.setDaemon(true);
      reader.start();
      return server;
    }

    private void drain() {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (output.length() < 200_000) {
            output.append(line).append('\n');
          }
          if (line.contains("Prism is listening")) {
            listening = true;
          }
        }
      } catch (IOException e) {
        // The process went away; awaitReady reports what it printed.
      }
    }

    void awaitReady() {
      Instant deadline = Instant.now().plus(START_TIMEOUT);
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Prism for " + spec.file() + " exited with code " + process.exitValue()
              + " (port " + port + "). Its output:\n" + output);
        }
        if (listening && answers()) {
          return;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Prism", e);
        }
      }
      stop();
      throw new IllegalStateException("Prism for " + spec.file() + " did not answer on port " + port + " within "
          + START_TIMEOUT.toSeconds() + " s. Its output:\n" + output);
    }

    private boolean answers() {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    void stop() {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
