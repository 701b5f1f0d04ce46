package com.clevercloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges of the environment lookup: the login file's size limit (inclusive), a legacy file with only half a login,
 * expirations written without seconds, the quoting of long aliases in messages, the expiration shown by
 * {@link OAuth1Credentials#toString()}, and {@link Credentials#fromEnvironment()} finding the login under the home.
 */
class EnvironmentCredentialsEdgesTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Map<String, String> CONSUMER = Map.of("OAUTH_CONSUMER_KEY", "env-ck",
      "OAUTH_CONSUMER_SECRET", "env-cs");

  @TempDir
  Path dir;

  private Path loginFile(String content) throws IOException {
    return Files.writeString(dir.resolve("clever-tools.json"), content);
  }

  private static Credentials resolve(Path file) {
    return EnvironmentCredentials.resolve(CONSUMER, file, NOW, "Linux", null);
  }

  /** A legacy login padded with spaces (valid JSON) to exactly {@code size} bytes. */
  private static String legacyLoginOf(int size) {
    String login = "{\"token\":\"big-token\",\"secret\":\"big-secret\"}";
    return login + " ".repeat(size - login.getBytes(StandardCharsets.UTF_8).length);
  }

  /** The limit is 1 MiB inclusive: a file of exactly 1,048,576 bytes is still read, one byte more is refused. */
  @Test
  void aLoginFileOfExactlyOneMebibyteIsReadAndOneByteMoreIsRefused() throws IOException {
    Path file = loginFile(legacyLoginOf(1024 * 1024));
    assertThat(Files.size(file)).isEqualTo(1024 * 1024);
    assertThat(((OAuth1Credentials) resolve(file)).token()).isEqualTo("big-token");

    Path tooBig = loginFile(legacyLoginOf(1024 * 1024 + 1));
    assertThatThrownBy(() -> resolve(tooBig)).isInstanceOf(CredentialsLookupException.class)
        .hasMessage("The clever-tools login file " + tooBig + " is larger than 1048576 bytes: not a login file");
  }

  /**
   * A legacy-format file with neither a token nor a secret is not a login (clever-tools ignores it): the lookup
   * goes on and finds nothing. With only one of the two it is a broken login, named as such.
   */
  @Test
  void aLegacyFileWithoutTokenAndSecretIsIgnoredButWithOnlyOneIsAnError() throws IOException {
    Path neither = loginFile("{\"expirationDate\":\"2030-01-01T00:00:00.000Z\",\"other\":\"x\"}");
    assertThatThrownBy(() -> resolve(neither)).isInstanceOf(CredentialsLookupException.class)
        .hasMessageStartingWith("No Clever Cloud credentials found")
        .hasMessageEndingWith("(looked for a profile in " + neither + ")");

    for (String half : new String[] {"{\"token\":\"only-token\"}", "{\"secret\":\"only-secret\"}"}) {
      Path file = loginFile(half);
      assertThatThrownBy(() -> resolve(file)).as(half).isInstanceOf(CredentialsLookupException.class)
          .hasMessage("The clever-tools profile \"default\" in " + file
              + " has no token and secret: run `clever login`");
    }
  }

  /**
   * An expiration written with an offset and without seconds (not an ISO instant, but an ISO offset date-time) is
   * still read: at {@code now} it has expired, a minute later it has not.
   */
  @Test
  void anExpirationWithoutSecondsIsReadAsAnOffsetDateTime() throws IOException {
    Path expired = loginFile("{\"token\":\"t\",\"secret\":\"s\",\"expirationDate\":\"2026-06-01T14:00+02:00\"}");
    assertThatThrownBy(() -> resolve(expired)).isInstanceOf(CredentialsLookupException.class)
        .hasMessageContaining("expired on 2026-06-01T12:00:00Z");

    Path valid = loginFile("{\"token\":\"t\",\"secret\":\"s\",\"expirationDate\":\"2026-06-01T14:01+02:00\"}");
    assertThat(((OAuth1Credentials) resolve(valid)).expiration())
        .contains(Instant.parse("2026-06-01T12:01:00Z"));
  }

  private String messageForAlias(String alias) throws IOException {
    Path file = loginFile("{\"version\":1,\"profiles\":[{\"alias\":\"" + alias + "\",\"token\":\"t\"}]}");
    try {
      resolve(file);
    } catch (CredentialsLookupException e) {
      return e.getMessage();
    }
    throw new AssertionError("a profile without a secret was accepted");
  }

  /** An alias is quoted whole up to 64 characters; a longer one is cut to its first 64, followed by an ellipsis. */
  @Test
  void anAliasIsQuotedWholeUpToSixtyFourCharactersAndCutAfter() throws IOException {
    String sixtyFour = "a".repeat(63) + "b";
    assertThat(messageForAlias(sixtyFour))
        .startsWith("The clever-tools profile \"" + sixtyFour + "\" in ");
    assertThat(messageForAlias(sixtyFour + "c"))
        .startsWith("The clever-tools profile \"" + sixtyFour + "…\" in ");
  }

  /** The expiration shows in the credentials' description when it is known, and nothing stands for it otherwise. */
  @Test
  void credentialsShowTheirExpirationOnlyWhenKnown() throws IOException {
    Path file = loginFile("{\"token\":\"t\",\"secret\":\"s\",\"expirationDate\":\"2026-09-01T09:15:42.118Z\"}");
    OAuth1Credentials withExpiration = (OAuth1Credentials) resolve(file);
    assertThat(withExpiration.toString()).isEqualTo("OAuth1Credentials[consumerKey=env-ck, consumerSecret=***, "
        + "token=***, tokenSecret=***, signatureMethod=HMAC_SHA512, expiration=2026-09-01T09:15:42.118Z]");
    assertThat(withExpiration.withExpiration(null).toString()).isEqualTo("OAuth1Credentials[consumerKey=env-ck, "
        + "consumerSecret=***, token=***, tokenSecret=***, signatureMethod=HMAC_SHA512]");
  }

  /** The variables that would take precedence over, or move, clever-tools' login file under the user's home. */
  private static final List<String> SOURCES = List.of("CLEVER_API_TOKEN", "CLEVER_TOKEN", "CLEVER_SECRET",
      "CC_OAUTH_TOKEN", "CC_OAUTH_SECRET", "CONFIGURATION_FILE", "APPDATA", "XDG_CONFIG_HOME", "API_HOST",
      "AUTH_BRIDGE_HOST", "OAUTH_CONSUMER_KEY", "OAUTH_CONSUMER_SECRET", "CC_CONSUMER_KEY", "CC_CONSUMER_SECRET");

  /**
   * {@code fromEnvironment()} reads this process: with none of the variables set, it finds the profile that
   * {@code clever login} left in {@code ~/.config/clever-cloud/clever-tools.json} ({@code user.home} pointed at a
   * temporary directory here; skipped on a machine whose environment names credentials or another location).
   */
  @Test
  void fromEnvironmentReadsTheLoginFileUnderTheUsersHome() throws IOException {
    Map<String, String> real = System.getenv();
    assumeTrue(SOURCES.stream().noneMatch(real::containsKey), "the environment names credentials or a location");
    Path config = Files.createDirectories(dir.resolve(".config").resolve("clever-cloud"));
    Files.writeString(config.resolve("clever-tools.json"), "{\"version\":1,\"profiles\":[{\"alias\":\"home\","
        + "\"token\":\"home-token\",\"secret\":\"home-secret\",\"overrides\":{\"OAUTH_CONSUMER_KEY\":\"home-ck\","
        + "\"OAUTH_CONSUMER_SECRET\":\"home-cs\"}}]}");
    String home = System.getProperty("user.home");
    System.setProperty("user.home", dir.toString());
    try {
      OAuth1Credentials found = (OAuth1Credentials) Credentials.fromEnvironment();
      assertThat(found.token()).isEqualTo("home-token");
      assertThat(found.tokenSecret().reveal()).isEqualTo("home-secret");
      assertThat(found.consumerKey()).isEqualTo("home-ck");
    } finally {
      System.setProperty("user.home", home);
    }
  }
}
