package com.clevercloud.client.testkit.prism;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to run Prism on this machine, found without any configuration in the usual cases.
 *
 * <p>{@link #locate()} looks, in this order, at:
 * <ol>
 *   <li>the system property {@value #PROPERTY}, then the environment variable {@value #ENVIRONMENT_VARIABLE}: the path of
 *       a {@code prism} executable, or of {@code @stoplight/prism-cli/dist/index.js}. When set, it must exist: a typo
 *       fails instead of silently picking another Prism;</li>
 *   <li>{@code node_modules/.bin/prism} in the working directory or one of its parents (an {@code npm install} in the
 *       project, the usual case);</li>
 *   <li>{@code prism} on the {@code PATH} (an {@code npm install --global}).</li>
 * </ol>
 * Nothing found, or Node.js missing or too old: an {@link IllegalStateException} that says what to install. The kit never
 * skips a test because the mock is missing: a test that does not run must not look like a test that passed.
 *
 * <p>Prism's npm package is a Node script. Run through Node, it is started inside a small watchdog script that exits
 * when the JVM does (even on {@code SIGKILL}), so no Prism outlives the test run. A {@code prism} that is not a script
 * (Stoplight's standalone binary) is run as it is.
 */
public final class PrismCommand {

  /** System property naming the Prism to run. */
  public static final String PROPERTY = "clevercloud.testkit.prism";
  /** Environment variable naming the Prism to run, read when the system property is not set. */
  public static final String ENVIRONMENT_VARIABLE = "CLEVERCLOUD_TESTKIT_PRISM";
  /** The oldest Node.js Prism 5 runs on. */
  public static final String MINIMUM_NODE_VERSION = "18.20";

  private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?.*");

  private final Path executable;
  private final boolean nodeScript;
  private final String foundBy;

  private PrismCommand(Path executable, boolean nodeScript, String foundBy) {
    this.executable = executable;
    this.nodeScript = nodeScript;
    this.foundBy = foundBy;
  }

  /**
   * The Prism version this kit is built and tested with, which the failure messages tell users to install.
   *
   * @return for instance {@code 5.14.2}
   */
  public static String testedPrismVersion() {
    Properties properties = new Properties();
    try (InputStream in = PrismCommand.class.getResourceAsStream("/com/clevercloud/client/testkit/testkit.properties")) {
      properties.load(Objects.requireNonNull(in, "testkit.properties missing from the test kit's jar"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("prism-cli.version");
  }

  /**
   * Finds Prism from the system property, the environment, the working directory and the {@code PATH}, and checks that
   * Node.js is there to run it.
   *
   * @return how to run Prism
   * @throws IllegalStateException if Prism or Node.js is missing, with how to install them
   */
  public static PrismCommand locate() {
    String configured = System.getProperty(PROPERTY);
    String source = "-D" + PROPERTY;
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(ENVIRONMENT_VARIABLE);
      source = ENVIRONMENT_VARIABLE;
    }
    PrismCommand command = locate(configured, source, Path.of("").toAbsolutePath(), System.getenv("PATH"));
    if (command.nodeScript) {
      checkNode(command);
    }
    return command;
  }

  /**
   * The search of {@link #locate()}, on given inputs, without the Node.js check.
   *
   * @param configured the configured path, or null
   * @param source where {@code configured} came from, for messages
   * @param workingDirectory where to start looking for {@code node_modules/.bin/prism}
   * @param path the {@code PATH}, or null
   * @return how to run Prism
   */
  static PrismCommand locate(String configured, String source, Path workingDirectory, String path) {
    if (configured != null && !configured.isBlank()) {
      Path file = Path.of(configured.trim()).toAbsolutePath();
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(source + " names " + file + ", which is not a file. Point it at a prism "
            + "executable or at @stoplight/prism-cli/dist/index.js, or unset it to use " + searched());
      }
      return of(file, source);
    }
    for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path bin = dir.resolve("node_modules/.bin");
      Path script = dir.resolve("node_modules/@stoplight/prism-cli/dist/index.js");
      if (Files.isRegularFile(bin.resolve("prism")) || Files.isRegularFile(bin.resolve("prism.cmd"))) {
        // On Windows .bin/ holds shell wrappers, not links: the package's script is beside them.
        return Files.isRegularFile(script) ? of(script, bin.resolve("prism").toString())
            : of(bin.resolve("prism"), bin.resolve("prism").toString());
      }
    }
    if (path != null) {
      for (String entry : path.split(java.io.File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        Path candidate = Path.of(entry).resolve("prism");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return of(candidate, "PATH");
        }
      }
    }
    throw new IllegalStateException("Prism, the mock server of the Clever Cloud test kit, is not installed. Install it "
        + "in your project (Node.js " + MINIMUM_NODE_VERSION + " or newer is required):\n"
        + "    npm install --save-dev @stoplight/prism-cli@" + testedPrismVersion() + "\n"
        + "or point -D" + PROPERTY + " (or " + ENVIRONMENT_VARIABLE + ") at a prism executable. Looked for "
        + searched() + ", from " + workingDirectory.toAbsolutePath() + ".");
  }

  private static String searched() {
    return "node_modules/.bin/prism in the working directory and its parents, then prism on the PATH";
  }

  private static PrismCommand of(Path file, String foundBy) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve " + file, e);
    }
    return new PrismCommand(real, isNodeScript(real), foundBy);
  }

  /** npm links {@code prism} to {@code dist/index.js}, a script starting with {@code #!/usr/bin/env node}. */
  private static boolean isNodeScript(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".js") || name.endsWith(".cjs") || name.endsWith(".mjs")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(128);
      String first = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
      return first.startsWith("#!") && first.contains("node");
    } catch (IOException e) {
      return false;
    }
  }

  private static void checkNode(PrismCommand command) {
    String version;
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
        version = out.readLine();
      }
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    } catch (IOException e) {
      throw new IllegalStateException("Node.js is not installed, or not on the PATH, and Prism (" + command.executable
          + ") runs on it. Install Node.js " + MINIMUM_NODE_VERSION + " or newer (https://nodejs.org/).", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking the Node.js version", e);
    }
    if (!isAtLeastMinimum(version)) {
      throw new IllegalStateException("Prism needs Node.js " + MINIMUM_NODE_VERSION + " or newer; `node --version` says "
          + version + ". Install a newer Node.js (https://nodejs.org/).");
    }
  }

  /**
   * Whether a {@code node --version} output is at least {@link #MINIMUM_NODE_VERSION}.
   *
   * @param version for instance {@code v20.11.1}
   * @return false for an older or unreadable version
   */
  static boolean isAtLeastMinimum(String version) {
    Matcher m = version == null ? null : NODE_VERSION.matcher(version.trim());
    if (m == null || !m.matches()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 18 || major == 18 && minor >= 20;
  }

  /**
   * The command line that runs Prism with the given arguments.
   *
   * @param watchdog the watchdog script that ends Prism with the JVM (used for Node scripts)
   * @param arguments Prism's arguments, for instance {@code mock spec.yaml -p 4010}
   * @return the command line
   */
  List<String> commandLine(Path watchdog, List<String> arguments) {
    List<String> line = new ArrayList<>();
    if (nodeScript) {
      line.addAll(List.of("node", watchdog.toString()));
    }
    line.add(executable.toString());
    line.addAll(arguments);
    return line;
  }

  /**
   * Whether Prism runs through Node.js (the npm package), inside the watchdog.
   *
   * @return true for the npm package, false for a standalone executable
   */
  public boolean nodeScript() {
    return nodeScript;
  }

  /**
   * The Prism file that runs, links resolved.
   *
   * @return for instance {@code …/node_modules/@stoplight/prism-cli/dist/index.js}
   */
  public Path executable() {
    return executable;
  }

  @Override
  public String toString() {
    return executable + " (found by " + foundBy + (nodeScript ? ", run with node" : "") + ")";
  }
}
