package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.client.auth.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: with a clever-tools login file of either format, {@code Credentials.fromEnvironment()}
 * gives OAuth 1.0a credentials that reach the hosts the file or the environment names, signed with the consumer pair
 * from the profile's overrides or the environment (made-up values: the client ships no consumer), checked by a
 * verifier written apart from the signer.
 */
class EnvironmentCredentialsClientTest extends TestServers {

  private static final String USER = "{\"id\":\"user_1\",\"email\":\"jane.doe@example.com\"}";

  @TempDir
  Path dir;

  private CleverCloudClient clientWith(Credentials credentials) {
    // No base URL here: the hosts must come from the credentials.
    return CleverCloudClient.builder().credentials(credentials).callTimeout(Duration.ofSeconds(10)).build();
  }

  @Test
  void currentFormatAloneGivesSignedCallsToTheProfilesHostsWithItsConsumer() throws Exception {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, """
        {
          "version": 1,
          "profiles": [
            {
              "alias": "staging",
              "token": "9f3c1a7e5b2d4c6a8e0f1b3d5a7c9e1f",
              "secret": "4b6d8f0a2c4e6a8b0d2f4a6c8e0b2d4f",
              "expirationDate": "2099-03-01T09:15:42.118Z",
              "userId": "user_3f0e8f4c-7a51-4c1e-9a4b-2d9b6c1a8e77",
              "email": "jane.doe@example.com",
              "overrides": {
                "API_HOST": "%s",
                "AUTH_BRIDGE_HOST": "%s",
                "OAUTH_CONSUMER_KEY": "made-up-consumer-key",
                "OAUTH_CONSUMER_SECRET": "made-up consumer secret é+"
              }
            },
            {
              "alias": "default",
              "token": "other-token",
              "secret": "other-secret",
              "expirationDate": "2001-01-01T00:00:00.000Z"
            }
          ]
        }
        """.formatted(main.url("/"), bridge.url("/")));
    Credentials credentials = Credentials.fromEnvironment(Map.of(), file);

    main.enqueue(json(USER));
    bridge.enqueue(json("[]"));
    try (CleverCloudClient client = clientWith(credentials)) {
      assertThat(client.api(SelfApi.class).getSelf().getEmail()).isEqualTo("jane.doe@example.com");
      client.api(ApiTokensApi.class).listApiTokens();
    }
    RecordedRequest self = take(main);
    Map<String, String> oauth = oauthHeader(self.getHeaders().get("Authorization"));
    assertThat(oauth).containsEntry("oauth_consumer_key", "made-up-consumer-key")
        .containsEntry("oauth_token", "9f3c1a7e5b2d4c6a8e0f1b3d5a7c9e1f")
        .containsEntry("oauth_signature_method", "HMAC-SHA512");
    assertThat(oauth.get("oauth_signature")).isEqualTo(expectedHmac(self, oauth, "HmacSHA512",
        "made-up consumer secret é+", "4b6d8f0a2c4e6a8b0d2f4a6c8e0b2d4f"));

    // The Bridge's /api-tokens take PLAINTEXT only: consumer secret & token secret, from the same profile.
    Map<String, String> plain = oauthHeader(take(bridge).getHeaders().get("Authorization"));
    assertThat(plain).containsEntry("oauth_consumer_key", "made-up-consumer-key")
        .containsEntry("oauth_signature_method", "PLAINTEXT")
        .containsEntry("oauth_signature",
            pe("made-up consumer secret é+") + "&" + pe("4b6d8f0a2c4e6a8b0d2f4a6c8e0b2d4f"));
  }

  @Test
  void legacyFormatWithTheConsumerAndHostsFromTheEnvironment() throws Exception {
    Path file = dir.resolve("clever-tools.json");
    Files.writeString(file, "{\"token\":\"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d\",\"secret\":\"6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a\","
        + "\"expirationDate\":\"2099-11-20T16:02:07.441Z\"}");
    Credentials credentials = Credentials.fromEnvironment(Map.of("API_HOST", main.url("/").toString(),
        "OAUTH_CONSUMER_KEY", "env-consumer-key", "OAUTH_CONSUMER_SECRET", "env-consumer-secret"), file);

    main.enqueue(json(USER));
    try (CleverCloudClient client = clientWith(credentials)) {
      client.api(SelfApi.class).getSelf();
    }
    RecordedRequest self = take(main);
    Map<String, String> oauth = oauthHeader(self.getHeaders().get("Authorization"));
    assertThat(oauth).containsEntry("oauth_consumer_key", "env-consumer-key")
        .containsEntry("oauth_token", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d");
    assertThat(oauth.get("oauth_signature")).isEqualTo(expectedHmac(self, oauth, "HmacSHA512", "env-consumer-secret",
        "6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a"));
  }

  @Test
  void theBuildersBaseUrlWinsOverTheCredentialsHost() throws Exception {
    Credentials credentials = Credentials.fromEnvironment(Map.of("CLEVER_API_TOKEN", "tok-1",
        "AUTH_BRIDGE_HOST", "https://bridge.invalid"), dir.resolve("absent.json"));
    bridge.enqueue(json(USER));
    try (CleverCloudClient client = client(credentials)) {
      client.api(SelfApi.class).getSelf();
    }
    assertThat(take(bridge).getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
  }

  @Test
  void aPlainHttpHostFromTheEnvironmentIsRefusedLikeOneGivenToTheBuilder() {
    Credentials credentials = Credentials.fromEnvironment(Map.of("CLEVER_API_TOKEN", "tok-1",
        "AUTH_BRIDGE_HOST", "http://api-bridge.example.com"), dir.resolve("absent.json"));
    assertThatThrownBy(() -> clientWith(credentials)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AUTH_BRIDGE_HOST").hasMessageContaining("plain http");
  }
}
