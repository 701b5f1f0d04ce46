package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client as a user on the module path meets it: a tiny consumer module ({@code requires com.clevercloud.client;}
 * and nothing else) is compiled against the packaged jars and run with {@code java --module-path … -m}, with no
 * {@code --add-modules}, no {@code --add-opens}. It calls a generated interface against a local server, so the Retrofit
 * proxy, the call adapter and Gson's reflection into the generated models all run inside named modules.
 *
 * <p>Runs in the {@code integration-test} phase (after {@code package}: it needs the jars), from the facade's
 * {@code module-path-smoke} Surefire execution; {@code target/module-path.txt} is the facade's runtime class path,
 * written by the dependency plugin at {@code package}.
 */
class ModulePathSmokeIT {

  private static final String MODULE_INFO = """
      module consumer {
        requires com.clevercloud.client;
        requires jdk.httpserver;
      }
      """;

  private static final String MAIN = """
      package consumer;

      import com.clevercloud.api.bridge.api.ApiTokensApi;
      import com.clevercloud.api.bridge.model.ApiToken;
      import com.clevercloud.client.CleverCloudClient;
      import com.clevercloud.client.auth.Credentials;
      import com.sun.net.httpserver.HttpServer;
      import java.net.InetAddress;
      import java.net.InetSocketAddress;
      import java.nio.charset.StandardCharsets;

      public class Main {
        public static void main(String[] args) throws Exception {
          HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
          server.createContext("/", exchange -> {
            byte[] body = ("[{\\"apiTokenId\\":\\"api_tokens_1\\",\\"name\\":\\"CI\\",\\"state\\":\\"active\\"},"
                + "{\\"apiTokenId\\":\\"api_tokens_2\\",\\"name\\":\\"old\\",\\"state\\":\\"SUSPENDED\\"}]")
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
          server.start();
          String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
          Credentials credentials = Credentials.apiToken("module-path-canary-token");
          try (CleverCloudClient client = CleverCloudClient.builder().credentials(credentials)
              .apiBaseUrl(url).bridgeBaseUrl(url).build()) {
            for (ApiToken token : client.api(ApiTokensApi.class).listApiTokens()) {
              System.out.println(token.getApiTokenId() + " " + token.getState() + " " + token.getStateAsString());
            }
            System.out.println("credentials " + credentials);
            System.out.println("module " + CleverCloudClient.class.getModule().getName());
          } finally {
            server.stop(0);
          }
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void aConsumerModuleCompilesAndRunsOnTheModulePathWithoutAddModules() throws Exception {
    Path src = dir.resolve("src");
    Path out = dir.resolve("out");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("consumer/Main.java"), MAIN);

    StringWriter diagnostics = new StringWriter();
    assertThat(compile(src, out, "Main", diagnostics, "-Xlint:all", "-Werror")).as("javac: %s", diagnostics).isTrue();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process run = new ProcessBuilder(java.toString(), "--module-path",
        out + File.pathSeparator + String.join(File.pathSeparator, clientModulePath()),
        "-m", "consumer/consumer.Main").redirectErrorStream(true).start();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the consumer ends").isTrue();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output.lines()).contains(
        "api_tokens_1 ACTIVE ACTIVE",
        "api_tokens_2 unknown_default_open_api SUSPENDED",
        "module com.clevercloud.client");
    assertThat(output).contains("credentials ").doesNotContain("module-path-canary-token");
  }

  @Test
  void theInternalPackageIsNotExported() throws Exception {
    Path src = dir.resolve("internal-src");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), "module consumer { requires com.clevercloud.client; }");
    Files.writeString(src.resolve("consumer/Peek.java"),
        "package consumer; class Peek { Class<?> c = com.clevercloud.client.internal.OperationTable.class; }");
    StringWriter diagnostics = new StringWriter();
    assertThat(compile(src, dir.resolve("internal-out"), "Peek", diagnostics)).isFalse();
    assertThat(diagnostics.toString())
        .contains("package com.clevercloud.client.internal is declared in module com.clevercloud.client, "
            + "which does not export it");
  }

  /**
   * Compiles {@code src/module-info.java} and {@code src/consumer/<className>.java} against the client's module path
   * only: the class path is an empty directory, not this test's class path (which holds the facade's classes).
   */
  private boolean compile(Path src, Path out, String className, StringWriter diagnostics, String... options)
      throws IOException {
    Path emptyClassPath = Files.createDirectories(dir.resolve("empty-class-path"));
    List<String> args = new ArrayList<>(List.of("--module-path", String.join(File.pathSeparator, clientModulePath()),
        "--class-path", emptyClassPath.toString(), "-d", out.toString()));
    args.addAll(Arrays.asList(options));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    return javac.getTask(diagnostics, null, null, args, null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(
            src.resolve("module-info.java"), src.resolve("consumer/" + className + ".java"))).call();
  }

  /**
   * The facade's jar and its runtime dependencies, less the jars that hold no class: OkHttp 5 and Okio 3 publish
   * Kotlin Multiplatform "redirect" jars ({@code okhttp-5.x.jar}, {@code okio-3.x.jar}) beside the real
   * {@code okhttp-jvm} and {@code okio-jvm}; Gradle resolves them away, Maven puts them on the path, where
   * {@code okio-3.x.jar} would take the module name {@code okio} from {@code okio-jvm} and leave OkHttp without Okio.
   */
  private static List<String> clientModulePath() throws IOException {
    List<String> path = new ArrayList<>();
    path.add(System.getProperty("facade.jar"));
    String runtime = Files.readString(Path.of(System.getProperty("module.path.file"))).trim();
    for (String entry : Arrays.asList(runtime.split(File.pathSeparator))) {
      if (holdsClasses(entry)) {
        path.add(entry);
      }
    }
    return path;
  }

  private static boolean holdsClasses(String jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar)) {
      return zip.stream().anyMatch(e -> e.getName().endsWith(".class"));
    }
  }
}
