package com.clevercloud.client.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link BenchServer} in a child JVM on the same class path, and stops it on {@link #close()} (or when this JVM
 * dies: the child watches its standard input).
 */
public final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final String baseUrl;

  private ServerProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the server and waits until it listens.
   *
   * @param serverArgs arguments for {@link BenchServer#main(String[])}, for example {@code --delay-ms 200}
   * @return the running server
   */
  public static ServerProcess start(String... serverArgs) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms512m");
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchServer.class.getName());
    command.addAll(List.of(serverArgs));
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(BenchServer.READY)) {
          return new ServerProcess(p, line.substring(BenchServer.READY.length()).trim());
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("The benchmark server exited before listening (exit " + p.waitFor() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The server's base URL.
   *
   * @return for example {@code http://127.0.0.1:40123/}
   */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close(); // EOF on the child's stdin: it stops by itself
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
