package com.clevercloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials hide their secrets, refuse header-breaking values without echoing them, and are read from the
 * environment and clever-tools login files in the documented order.
 */
class CredentialsTest {

  private static final String CANARY = "CANARY-4b1e77-secret";

  @TempDir
  Path dir;

  private Path missing() {
    return dir.resolve("absent.json");
  }

  @Test
  void apiTokenCredentialsHideTheToken() {
    ApiTokenCredentials c = Credentials.apiToken(CANARY);
    assertThat(c.toString()).doesNotContain(CANARY);
    assertThat(c.token().reveal()).isEqualTo(CANARY);
    // Still useful in a log line: says what kind of credential it is, and the hosts the environment named.
    assertThat(c.toString()).isEqualTo("ApiTokenCredentials[token=***]");
    assertThat(c.withBaseUrls("https://api.example.test", null).toString())
        .isEqualTo("ApiTokenCredentials[token=***, apiBaseUrl=https://api.example.test]");
  }

  @Test
  void oauth1CredentialsHideSecretsAndToken() {
    OAuth1Credentials c = Credentials.oauth1("ck", CANARY + "cs", CANARY + "tok", CANARY + "ts");
    assertThat(c.toString()).doesNotContain(CANARY).contains("ck", "HMAC_SHA512");
    assertThat(c.signatureMethod()).isEqualTo(SignatureMethod.HMAC_SHA512);
  }

  @Test
  void apiTokenFromSecretKeepsItsOwnCopy() {
    Secret secret = Secret.of(CANARY);
    ApiTokenCredentials c = Credentials.apiToken(secret);
    secret.wipe();
    assertThat(c.token().reveal()).isEqualTo(CANARY);
  }

  @Test
  void refusesBlankOrHeaderBreakingValuesWithoutEchoingThem() {
    assertThatThrownBy(() -> Credentials.apiToken(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Credentials.apiToken((String) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Credentials.apiToken(CANARY + "\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(CANARY);
    assertThatThrownBy(() -> Credentials.oauth1("ck", "cs", "t\n", "ts")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Credentials.oauth1("", "cs", "t", "ts")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void environmentPrefersCleverApiToken() {
    Credentials c = Credentials.fromEnvironment(Map.of("CLEVER_API_TOKEN", "tok", "CLEVER_TOKEN", "t",
        "CLEVER_SECRET", "s", "OAUTH_CONSUMER_KEY", "k", "OAUTH_CONSUMER_SECRET", "cs"), missing());
    assertThat(c).isInstanceOf(ApiTokenCredentials.class);
    assertThat(((ApiTokenCredentials) c).token().reveal()).isEqualTo("tok");
  }

  @Test
  void environmentReadsCleverToolsVariablesWithAConsumer() {
    OAuth1Credentials c = (OAuth1Credentials) Credentials.fromEnvironment(Map.of("CLEVER_TOKEN", "t",
        "CLEVER_SECRET", "s", "OAUTH_CONSUMER_KEY", "k", "OAUTH_CONSUMER_SECRET", "cs"), missing());
    assertThat(c.consumerKey()).isEqualTo("k");
    assertThat(c.token()).isEqualTo("t");
    assertThat(c.tokenSecret().reveal()).isEqualTo("s");
    assertThat(c.consumerSecret().reveal()).isEqualTo("cs");
  }

  @Test
  void environmentFallsBackToGoClientConsumerVariables() {
    OAuth1Credentials c = (OAuth1Credentials) Credentials.fromEnvironment(Map.of("CLEVER_TOKEN", "t",
        "CLEVER_SECRET", "s", "CC_CONSUMER_KEY", "gk", "CC_CONSUMER_SECRET", "gs"), missing());
    assertThat(c.consumerKey()).isEqualTo("gk");
  }

  @Test
  void environmentReadsGoClientVariables() {
    OAuth1Credentials c = (OAuth1Credentials) Credentials.fromEnvironment(Map.of("CC_CONSUMER_KEY", "k",
        "CC_CONSUMER_SECRET", "cs", "CC_OAUTH_TOKEN", "t", "CC_OAUTH_SECRET", "s"), missing());
    assertThat(c.token()).isEqualTo("t");
  }

  @Test
  void cleverToolsTokenWithoutConsumerIsAClearErrorNotABuiltInConsumer() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("CLEVER_TOKEN", "t", "CLEVER_SECRET", CANARY),
        missing())).isInstanceOf(IllegalStateException.class).hasMessageContaining("OAUTH_CONSUMER_KEY")
        .hasMessageNotContaining(CANARY);
  }

  @Test
  void halfSetVariablesAreNamed() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("CLEVER_TOKEN", "t"), missing()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLEVER_SECRET");
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("CLEVER_TOKEN", "t", "CLEVER_SECRET", "s",
        "OAUTH_CONSUMER_KEY", "k"), missing())).hasMessageContaining("OAUTH_CONSUMER_SECRET");
  }

  @Test
  void nothingFoundSaysWhatWasTried() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of(), missing()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLEVER_API_TOKEN")
        .hasMessageContaining("absent.json");
  }

  @Test
  void readsCleverToolsLoginFileVersion1() throws IOException {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, "{\"version\":1,\"profiles\":[{\"alias\":\"default\",\"token\":\"ft\",\"secret\":\""
        + CANARY + "\",\"expirationDate\":\"2030-01-01T00:00:00.000Z\",\"userId\":\"user_1\",\"email\":\"a@b.c\"}]}");
    OAuth1Credentials c = (OAuth1Credentials) Credentials.fromEnvironment(Map.of("OAUTH_CONSUMER_KEY", "k",
        "OAUTH_CONSUMER_SECRET", "cs"), file);
    assertThat(c.token()).isEqualTo("ft");
    assertThat(c.tokenSecret().reveal()).isEqualTo(CANARY);
    assertThat(c.expiration()).contains(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(c.toString()).doesNotContain(CANARY);
  }

  @Test
  void readsLegacyCleverToolsLoginFile() throws IOException {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, "{\"token\":\"lt\",\"secret\":\"ls\",\"expirationDate\":\"2030-01-01T00:00:00.000Z\"}");
    OAuth1Credentials c = (OAuth1Credentials) Credentials.fromEnvironment(Map.of("CC_CONSUMER_KEY", "k",
        "CC_CONSUMER_SECRET", "cs"), file);
    assertThat(c.token()).isEqualTo("lt");
  }

  @Test
  void defaultLoginFileFollowsXdgConfigHome() {
    assertThat(EnvironmentCredentials.defaultLoginFile(Map.of("XDG_CONFIG_HOME", "/cfg")))
        .isEqualTo(Path.of("/cfg/clever-cloud/clever-tools.json"));
    assertThat(EnvironmentCredentials.defaultLoginFile(Map.of()).toString())
        .endsWith(".config/clever-cloud/clever-tools.json".replace('/', java.io.File.separatorChar));
  }

  @Test
  void brokenLoginFileErrorDoesNotQuoteItsContent() throws IOException {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, "{\"token\":\"" + CANARY);
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of(), file))
        .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(CANARY)
        .satisfies(e -> assertThat(e.getCause()).isNull());
  }
}
