package com.clevercloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Credentials#fromEnvironment()} as clever-tools 4.x resolves its configuration ({@code src/config/config.js}):
 * the order of the sources in one table, over real-looking login files of both formats; where the file is; expired
 * profiles; hosts; a consumer that must come from the user (this project does not ship clever-tools' own pair).
 */
class EnvironmentCredentialsTest {

  private static final String CANARY = "CANARY-9d2f41-secret";
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  /** What `clever login` writes today (clever-tools 4.x), with a second, older profile behind the active one. */
  private static final String CURRENT = """
      {
        "version": 1,
        "profiles": [
          {
            "alias": "work",
            "token": "file-token",
            "secret": "file-secret",
            "expirationDate": "2026-09-01T09:15:42.118Z",
            "userId": "user_3f0e8f4c-7a51-4c1e-9a4b-2d9b6c1a8e77",
            "email": "jane.doe@example.com",
            "overrides": {
              "API_HOST": "https://api.example.test",
              "AUTH_BRIDGE_HOST": "https://bridge.example.test",
              "CONSOLE_URL": "https://console.example.test",
              "SSH_GATEWAY": "ssh@gateway.example.test",
              "OAUTH_CONSUMER_KEY": "override-ck",
              "OAUTH_CONSUMER_SECRET": "override-cs"
            }
          },
          {
            "alias": "default",
            "token": "second-token",
            "secret": "second-secret",
            "expirationDate": "2026-12-01T00:00:00.000Z",
            "userId": "user_00000000-0000-0000-0000-000000000002",
            "email": "john.doe@example.com"
          }
        ]
      }
      """;

  /** What clever-tools 2.x and early 3.x wrote. */
  private static final String LEGACY = """
      {"token":"legacy-token","secret":"legacy-secret","expirationDate":"2026-08-15T10:00:00.000Z"}
      """;

  /** A current-format profile without overrides, as `clever login` writes for Clever Cloud's own hosts. */
  private static final String PLAIN_PROFILE = """
      {"version":1,"profiles":[{"alias":"default","token":"plain-token","secret":"plain-secret",
      "expirationDate":"2026-09-01T00:00:00.000Z","userId":"user_1","email":"a@example.com"}]}
      """;

  @TempDir
  Path dir;

  /** One row of the precedence table: variables, a login file (or none), what must come out. */
  record Row(String name, Map<String, String> env, String file, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static final String[] CLEVER = {"CLEVER_TOKEN", "env-token", "CLEVER_SECRET", "env-secret"};
  private static final String[] GO = {"CC_OAUTH_TOKEN", "go-token", "CC_OAUTH_SECRET", "go-secret"};
  private static final String[] GO_CONSUMER = {"CC_CONSUMER_KEY", "go-ck", "CC_CONSUMER_SECRET", "go-cs"};
  private static final String[] OAUTH_CONSUMER = {"OAUTH_CONSUMER_KEY", "env-ck", "OAUTH_CONSUMER_SECRET", "env-cs"};

  private static String[] concat(String[]... parts) {
    return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
  }

  static Stream<Row> precedence() {
    return Stream.of(
        new Row("CLEVER_API_TOKEN beats every other source", env(concat(new String[] {"CLEVER_API_TOKEN", "api-tok"},
            CLEVER, GO, GO_CONSUMER, OAUTH_CONSUMER)), CURRENT, "api-token api-tok api=- bridge=-"),
        new Row("API token with hosts from the environment", env("CLEVER_API_TOKEN", "api-tok", "API_HOST",
            "https://api.env.test", "AUTH_BRIDGE_HOST", "https://bridge.env.test"), null,
            "api-token api-tok api=https://api.env.test bridge=https://bridge.env.test"),
        new Row("CLEVER_TOKEN beats the file, whose overrides are then unread", env(concat(CLEVER, OAUTH_CONSUMER)),
            CURRENT, "oauth1 env-token/env-secret consumer=env-ck/env-cs api=- bridge=- expires=-"),
        new Row("CLEVER_TOKEN beats the Go client's variables", env(concat(CLEVER, GO, GO_CONSUMER)), null,
            "oauth1 env-token/env-secret consumer=go-ck/go-cs api=- bridge=- expires=-"),
        new Row("CLEVER_TOKEN: OAUTH_CONSUMER_* beat CC_CONSUMER_*", env(concat(CLEVER, GO_CONSUMER, OAUTH_CONSUMER)),
            null, "oauth1 env-token/env-secret consumer=env-ck/env-cs api=- bridge=- expires=-"),
        new Row("CLEVER_TOKEN with hosts from the environment", env(concat(CLEVER, OAUTH_CONSUMER,
            new String[] {"API_HOST", "http://127.0.0.1:4010"})), CURRENT,
            "oauth1 env-token/env-secret consumer=env-ck/env-cs api=http://127.0.0.1:4010 bridge=- expires=-"),
        new Row("the Go client's variables beat the file", env(concat(GO, GO_CONSUMER)), CURRENT,
            "oauth1 go-token/go-secret consumer=go-ck/go-cs api=- bridge=- expires=-"),
        new Row("the Go client's tokens take their own consumer first", env(concat(GO, OAUTH_CONSUMER, GO_CONSUMER)),
            null, "oauth1 go-token/go-secret consumer=go-ck/go-cs api=- bridge=- expires=-"),
        new Row("current file alone: first profile, its overrides for hosts and consumer", env(), CURRENT,
            "oauth1 file-token/file-secret consumer=override-ck/override-cs api=https://api.example.test "
                + "bridge=https://bridge.example.test expires=2026-09-01T09:15:42.118Z"),
        new Row("current file: OAUTH_CONSUMER_* in the environment beat the overrides", env(OAUTH_CONSUMER), CURRENT,
            "oauth1 file-token/file-secret consumer=env-ck/env-cs api=https://api.example.test "
                + "bridge=https://bridge.example.test expires=2026-09-01T09:15:42.118Z"),
        new Row("current file: each consumer variable on its own, as clever-tools", env("OAUTH_CONSUMER_KEY", "env-ck"),
            CURRENT, "oauth1 file-token/file-secret consumer=env-ck/override-cs api=https://api.example.test "
                + "bridge=https://bridge.example.test expires=2026-09-01T09:15:42.118Z"),
        new Row("current file: API_HOST in the environment beats the override", env("API_HOST",
            "https://api.env.test"), CURRENT, "oauth1 file-token/file-secret consumer=override-ck/override-cs "
                + "api=https://api.env.test bridge=https://bridge.example.test expires=2026-09-01T09:15:42.118Z"),
        new Row("current file: the overrides' consumer beats CC_CONSUMER_*", env(GO_CONSUMER), CURRENT,
            "oauth1 file-token/file-secret consumer=override-ck/override-cs api=https://api.example.test "
                + "bridge=https://bridge.example.test expires=2026-09-01T09:15:42.118Z"),
        new Row("current file without overrides: consumer from CC_CONSUMER_*", env(GO_CONSUMER), PLAIN_PROFILE,
            "oauth1 plain-token/plain-secret consumer=go-ck/go-cs api=- bridge=- expires=2026-09-01T00:00:00Z"),
        new Row("legacy file with OAUTH_CONSUMER_*", env(OAUTH_CONSUMER), LEGACY,
            "oauth1 legacy-token/legacy-secret consumer=env-ck/env-cs api=- bridge=- expires=2026-08-15T10:00:00Z"),
        new Row("legacy file with CC_CONSUMER_* and hosts from the environment", env(concat(GO_CONSUMER, new String[] {
            "API_HOST", "https://api.env.test", "AUTH_BRIDGE_HOST", "https://bridge.env.test"})), LEGACY,
            "oauth1 legacy-token/legacy-secret consumer=go-ck/go-cs api=https://api.env.test "
                + "bridge=https://bridge.env.test expires=2026-08-15T10:00:00Z"),
        new Row("legacy file without a consumer: an error, never a built-in pair", env(), LEGACY,
            "error: OAUTH_CONSUMER_KEY and OAUTH_CONSUMER_SECRET"),
        new Row("current file without a consumer: an error", env(), PLAIN_PROFILE,
            "error: does not ship"),
        new Row("CLEVER_TOKEN without a consumer: an error", env(CLEVER), CURRENT,
            "error: OAuth tokens found in CLEVER_TOKEN and CLEVER_SECRET but no OAuth consumer"),
        new Row("a logged-out file (no profile) and nothing else", env(), "{\"version\":1,\"profiles\":[]}",
            "error: No Clever Cloud credentials found"),
        new Row("nothing at all", env(), null, "error: No Clever Cloud credentials found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precedence")
  void sourcesApplyInTheDocumentedOrder(Row row) throws IOException {
    Path file = dir.resolve("clever-tools.json");
    if (row.file() != null) {
      Files.writeString(file, row.file());
    }
    String actual;
    try {
      actual = summary(EnvironmentCredentials.resolve(row.env(), file, NOW, "Linux", "/home/nobody"));
    } catch (CredentialsLookupException e) {
      assertThat(row.expected()).as(e.getMessage()).startsWith("error: ");
      assertThat(e.getMessage()).contains(row.expected().substring(7));
      return;
    }
    assertThat(actual).isEqualTo(row.expected());
  }

  private static String summary(Credentials c) {
    String hosts = "api=" + c.apiBaseUrl().orElse("-") + " bridge=" + c.bridgeBaseUrl().orElse("-");
    if (c instanceof ApiTokenCredentials token) {
      return "api-token " + token.token().reveal() + " " + hosts;
    }
    OAuth1Credentials o = (OAuth1Credentials) c;
    assertThat(o.signatureMethod()).isEqualTo(SignatureMethod.HMAC_SHA512);
    return "oauth1 " + o.token() + "/" + o.tokenSecret().reveal() + " consumer=" + o.consumerKey() + "/"
        + o.consumerSecret().reveal() + " " + hosts + " expires=" + o.expiration().map(Instant::toString).orElse("-");
  }

  @Test
  void anExpiredProfileIsAClearErrorBeforeAnyCall() throws IOException {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, CURRENT.replace("file-secret", CANARY).replace("2026-09-01T09:15:42.118Z",
        "2026-05-31T23:59:59.000Z"));
    assertThatThrownBy(() -> EnvironmentCredentials.resolve(env(OAUTH_CONSUMER), file, NOW, "Linux", null))
        .isInstanceOf(CredentialsLookupException.class).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"work\"").hasMessageContaining(file.toString())
        .hasMessageContaining("expired on 2026-05-31T23:59:59Z").hasMessageContaining("clever login")
        .hasMessageNotContaining(CANARY).hasMessageNotContaining("file-token");
    // Expiring exactly now is expired; a second later than now is not.
    Files.writeString(file, LEGACY.replace("2026-08-15T10:00:00.000Z", "2026-06-01T12:00:00Z"));
    assertThatThrownBy(() -> EnvironmentCredentials.resolve(env(OAUTH_CONSUMER), file, NOW, "Linux", null))
        .hasMessageContaining("\"default\"").hasMessageContaining("expired");
    Files.writeString(file, LEGACY.replace("2026-08-15T10:00:00.000Z", "2026-06-01T14:00:01+02:00"));
    assertThat(EnvironmentCredentials.resolve(env(OAUTH_CONSUMER), file, NOW, "Linux", null)).isNotNull();
  }

  @Test
  void anUnreadableExpirationIsIgnoredAsClevertoolsDoes() throws IOException {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, LEGACY.replace("2026-08-15T10:00:00.000Z", "next summer"));
    OAuth1Credentials c = (OAuth1Credentials) EnvironmentCredentials.resolve(env(OAUTH_CONSUMER), file, NOW,
        "Linux", null);
    assertThat(c.expiration()).isEmpty();
  }

  @Test
  void theFileIsWhereClevertoolsKeepsIt() {
    Map<String, String> all = env("CONFIGURATION_FILE", "/etc/clever/ct.json", "APPDATA", "C:\\Users\\j\\AppData",
        "XDG_CONFIG_HOME", "/xdg");
    assertThat(EnvironmentCredentials.defaultLoginFile(all, "Linux", "/home/j"))
        .isEqualTo(Path.of("/etc/clever/ct.json"));
    assertThat(EnvironmentCredentials.defaultLoginFile(env("CONFIGURATION_FILE", "ct.json"), "Linux", "/home/j"))
        .isEqualTo(Path.of("ct.json").toAbsolutePath());
    assertThat(EnvironmentCredentials.defaultLoginFile(env("APPDATA", "/appdata", "XDG_CONFIG_HOME", "/xdg"),
        "Windows 11", "/home/j")).isEqualTo(Path.of("/appdata", "clever-cloud", "clever-tools.json"));
    assertThat(EnvironmentCredentials.defaultLoginFile(env("APPDATA", "/appdata", "XDG_CONFIG_HOME", "/xdg"),
        "Linux", "/home/j")).isEqualTo(Path.of("/xdg/clever-cloud/clever-tools.json"));
    assertThat(EnvironmentCredentials.defaultLoginFile(env(), "Windows 11", "/home/j"))
        .isEqualTo(Path.of("/home/j/.config/clever-cloud/clever-tools.json"));
    assertThat(EnvironmentCredentials.defaultLoginFile(env(), "Linux", null)).isNull();
  }

  @Test
  void configurationFileIsReadWhenNoFileIsGiven() throws IOException {
    Path file = dir.resolve("elsewhere.json");
    Files.writeString(file, LEGACY.replace("2026-08-15", "2099-08-15")); // read against the real clock
    Map<String, String> env = env(concat(OAUTH_CONSUMER, new String[] {"CONFIGURATION_FILE", file.toString()}));
    assertThat(((OAuth1Credentials) Credentials.fromEnvironment(env, null)).token()).isEqualTo("legacy-token");
  }

  @Test
  void aHostThatIsNotAnHttpUrlIsNamedButNotQuoted() throws IOException {
    assertThatThrownBy(() -> Credentials.fromEnvironment(env("CLEVER_API_TOKEN", "t", "API_HOST",
        "api.clever-cloud.com/" + CANARY), dir.resolve("absent.json")))
        .isInstanceOf(CredentialsLookupException.class).hasMessageStartingWith("API_HOST is not an http(s) URL")
        .hasMessageNotContaining(CANARY);
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, CURRENT.replace("https://bridge.example.test", "ftp://bridge.example.test"));
    assertThatThrownBy(() -> EnvironmentCredentials.resolve(env(), file, NOW, "Linux", null))
        .hasMessageContaining("AUTH_BRIDGE_HOST in the overrides of the clever-tools profile \"work\"");
  }

  @Test
  void aHalfConsumerInTheOverridesNamesTheMissingHalf() throws IOException {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, CURRENT.replace("\"OAUTH_CONSUMER_SECRET\": \"override-cs\"", "\"X\": \"y\""));
    assertThatThrownBy(() -> EnvironmentCredentials.resolve(env(), file, NOW, "Linux", null))
        .isInstanceOf(CredentialsLookupException.class).hasMessageContaining("OAUTH_CONSUMER_KEY in the profile's")
        .hasMessageContaining("set OAUTH_CONSUMER_SECRET");
  }

  @Test
  void brokenOrHostileFilesGiveTheTypedErrorWithoutTheirContent() throws IOException {
    Path file = dir.resolve("clever-tools.json");
    for (String content : new String[] {
        "{\"version\":1,\"profiles\":{\"token\":\"" + CANARY + "\"}}",
        "{\"version\":1,\"profiles\":[\"" + CANARY + "\"]}",
        "{\"version\":1,\"profiles\":[{\"alias\":\"a\",\"token\":\"" + CANARY + "\"}]}",
        "{\"version\":1,\"profiles\":[{\"alias\":\"a\",\"token\":1,\"secret\":[\"" + CANARY + "\"]}]}",
        "[\"" + CANARY + "\"]",
        "{\"token\":\"" + CANARY,
        "{\"token\":\"" + CANARY + "\",\"secret\":{}}"}) {
      Files.writeString(file, content);
      assertThatThrownBy(() -> EnvironmentCredentials.resolve(env(OAUTH_CONSUMER), file, NOW, "Linux", null))
          .as(content).isInstanceOf(CredentialsLookupException.class).hasMessageNotContaining(CANARY)
          .satisfies(e -> assertThat(e.getCause()).isNull());
    }
    Files.writeString(file, "{\"token\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
    assertThatThrownBy(() -> EnvironmentCredentials.resolve(env(OAUTH_CONSUMER), file, NOW, "Linux", null))
        .isInstanceOf(CredentialsLookupException.class).hasMessageContaining("larger than");
  }

  @Test
  void credentialsWithHostsPrintNoSecret() throws IOException {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, CURRENT.replace("file-secret", CANARY).replace("override-cs", CANARY + "cs")
        .replace("file-token", CANARY + "tok"));
    Credentials c = EnvironmentCredentials.resolve(env(), file, NOW, "Linux", null);
    assertThat(c.toString()).doesNotContain(CANARY).contains("apiBaseUrl=https://api.example.test",
        "bridgeBaseUrl=https://bridge.example.test", "override-ck");
    OAuth1Credentials o = (OAuth1Credentials) c;
    assertThat(o.withSignatureMethod(SignatureMethod.PLAINTEXT).withExpiration(null).apiBaseUrl())
        .contains("https://api.example.test");
    assertThat(Credentials.oauth1("k", "s", "t", "ts").apiBaseUrl()).isEmpty();
    assertThat(Credentials.apiToken("t").bridgeBaseUrl()).isEmpty();
  }

  /**
   * Half a pair, either half, of clever-tools' and of the Go client's variables: the message says which one is
   * missing (never a value), before any consumer or file is looked at.
   */
  @Test
  void halfAPairNamesTheMissingVariable() {
    String[][] cases = {
        {"CLEVER_TOKEN", "CLEVER_TOKEN is set but CLEVER_SECRET is not"},
        {"CLEVER_SECRET", "CLEVER_SECRET is set but CLEVER_TOKEN is not"},
        {"CC_OAUTH_TOKEN", "CC_OAUTH_TOKEN is set but CC_OAUTH_SECRET is not"},
        {"CC_OAUTH_SECRET", "CC_OAUTH_SECRET is set but CC_OAUTH_TOKEN is not"}};
    for (String[] c : cases) {
      Map<String, String> env = env(concat(OAUTH_CONSUMER, GO_CONSUMER));
      env.put(c[0], "half-value-9f");
      assertThatThrownBy(() -> EnvironmentCredentials.resolve(env, null, NOW, "Linux", null)).as(c[0])
          .isInstanceOf(CredentialsLookupException.class).hasMessage(c[1]);
    }
  }
}
