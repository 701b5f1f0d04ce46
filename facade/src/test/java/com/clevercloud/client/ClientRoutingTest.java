package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ClientRoutingTest extends TestServers {

  private static final String USER = "{\"id\":\"user_1\",\"email\":\"jane.doe@example.com\"}";

  private CleverCloudClient oauthClient(SignatureMethod method) {
    return builder()
        .credentials(Credentials.oauth1("ck", "cs é+", "tok", "ts~*", method))
        .oauth1Signer(new OAuth1Signer(Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC), () -> "nonce1"))
        .build();
  }

  @Test
  void apiTokenSendsV2ToTheBridgeWithBearer() throws Exception {
    bridge.enqueue(json(USER));
    try (CleverCloudClient client = client(Credentials.apiToken("tok-123"))) {
      assertThat(client.self().get().getEmail()).isEqualTo("jane.doe@example.com");
    }
    RecordedRequest r = take(bridge);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/self");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
    assertThat(main.getRequestCount()).isZero();
  }

  @Test
  void apiTokenSendsV4AndApiTokensToTheBridgeWithBearer() throws Exception {
    bridge.enqueue(json("[]"));
    bridge.enqueue(json("[]"));
    try (CleverCloudClient client = client(Credentials.apiToken("tok-123"))) {
      client.zones().list();
      client.apiTokens().list();
    }
    assertThat(take(bridge).getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
    RecordedRequest tokens = take(bridge);
    assertThat(tokens.getUrl().encodedPath()).isEqualTo("/api-tokens");
    assertThat(tokens.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
    assertThat(main.getRequestCount()).isZero();
  }

  @Test
  void oauth1SignsV2OnTheMainHostWithHmacSha512ByDefault() throws Exception {
    main.enqueue(json("{}"));
    try (CleverCloudClient client = oauthClient(SignatureMethod.HMAC_SHA512)) {
      client.summary().get(true);
    }
    RecordedRequest r = take(main);
    Map<String, String> oauth = oauthHeader(r.getHeaders().get("Authorization"));
    assertThat(oauth).containsEntry("oauth_consumer_key", "ck").containsEntry("oauth_token", "tok")
        .containsEntry("oauth_signature_method", "HMAC-SHA512").containsEntry("oauth_timestamp", "1700000000")
        .containsEntry("oauth_nonce", "nonce1").containsEntry("oauth_version", "1.0");
    assertThat(oauth.get("oauth_signature")).isEqualTo(expectedHmac(r, oauth, "HmacSHA512", "cs é+", "ts~*"));
    assertThat(bridge.getRequestCount()).isZero();
  }

  @Test
  void oauth1DefaultSignatureMethodIsHmacSha512() {
    assertThat(Credentials.oauth1("a", "b", "c", "d").signatureMethod()).isEqualTo(SignatureMethod.HMAC_SHA512);
  }

  @Test
  void oauth1SignsV4WithHmacSha1WhenChosen() throws Exception {
    main.enqueue(json("[]"));
    try (CleverCloudClient client = oauthClient(SignatureMethod.HMAC_SHA1)) {
      client.zones().list("orga_1", "region:eu");
    }
    RecordedRequest r = take(main);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v4/products/zones");
    Map<String, String> oauth = oauthHeader(r.getHeaders().get("Authorization"));
    assertThat(oauth).containsEntry("oauth_signature_method", "HMAC-SHA1");
    assertThat(oauth.get("oauth_signature")).isEqualTo(expectedHmac(r, oauth, "HmacSHA1", "cs é+", "ts~*"));
  }

  @Test
  void oauth1JsonBodiesAreNotPartOfTheSignature() throws Exception {
    main.enqueue(json("{}"));
    try (CleverCloudClient client = oauthClient(SignatureMethod.HMAC_SHA512)) {
      client.applications("orga_1").setEnv("app_1", "KEY", "value");
    }
    RecordedRequest r = take(main);
    assertThat(r.getMethod()).isEqualTo("PUT");
    Map<String, String> oauth = oauthHeader(r.getHeaders().get("Authorization"));
    assertThat(oauth.get("oauth_signature")).isEqualTo(expectedHmac(r, oauth, "HmacSHA512", "cs é+", "ts~*"));
  }

  @Test
  void oauth1PlaintextSendsTheEncodedSecrets() throws Exception {
    main.enqueue(json("{}"));
    try (CleverCloudClient client = oauthClient(SignatureMethod.PLAINTEXT)) {
      client.self().get();
    }
    Map<String, String> oauth = oauthHeader(take(main).getHeaders().get("Authorization"));
    assertThat(oauth).containsEntry("oauth_signature_method", "PLAINTEXT")
        .containsEntry("oauth_signature", pe("cs é+") + "&" + pe("ts~*"));
  }

  @Test
  void oauth1SendsApiTokensToTheBridgeInPlaintextWhateverTheConfiguredMethod() throws Exception {
    bridge.enqueue(json("[]"));
    try (CleverCloudClient client = oauthClient(SignatureMethod.HMAC_SHA512)) {
      client.apiTokens().list();
    }
    RecordedRequest r = take(bridge);
    Map<String, String> oauth = oauthHeader(r.getHeaders().get("Authorization"));
    assertThat(oauth).containsEntry("oauth_signature_method", "PLAINTEXT")
        .containsEntry("oauth_signature", pe("cs é+") + "&" + pe("ts~*"));
    assertThat(main.getRequestCount()).isZero();
  }

  @Test
  void eachRequestIsSignedWithAFreshNonce() throws Exception {
    main.enqueue(json("{}"));
    main.enqueue(json("{}"));
    try (CleverCloudClient client = client(Credentials.oauth1("ck", "cs", "t", "ts"))) {
      client.self().get();
      client.self().get();
    }
    String a = oauthHeader(take(main).getHeaders().get("Authorization")).get("oauth_nonce");
    String b = oauthHeader(take(main).getHeaders().get("Authorization")).get("oauth_nonce");
    assertThat(a).isNotEqualTo(b).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void withoutCredentialsAuthenticatedCallsAreRefusedBeforeSending() {
    try (CleverCloudClient client = builder().build()) {
      assertThatThrownBy(() -> client.self().get()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("credentials");
      assertThatThrownBy(() -> client.apiTokens().list()).isInstanceOf(IllegalStateException.class);
    }
    assertThat(main.getRequestCount() + bridge.getRequestCount()).isZero();
  }

  @Test
  void plainHttpIsRefusedExceptForLoopbackHosts() {
    assertThatThrownBy(() -> CleverCloudClient.builder().apiBaseUrl("http://api.example.com/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> CleverCloudClient.builder().bridgeBaseUrl("http://10.0.0.1:8080/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CleverCloudClient.builder().bridgeBaseUrl("http://localhost.example.com/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CleverCloudClient.builder().apiBaseUrl("not a url"))
        .isInstanceOf(IllegalArgumentException.class);
    CleverCloudClient.builder().apiBaseUrl("http://127.0.0.2:4010").bridgeBaseUrl("http://[::1]:4011/")
        .apiBaseUrl("http://localhost:1/").apiBaseUrl("https://proxy.example.com/clever");
  }

  @Test
  void generatedInterfacesAreRoutedByTheirPackage() throws Exception {
    bridge.enqueue(json("[]"));
    main.enqueue(json("[]"));
    try (CleverCloudClient token = client(Credentials.apiToken("t"));
        CleverCloudClient oauth = client(Credentials.oauth1("ck", "cs", "t", "ts"))) {
      token.execute(token.api(ZonesApi.class).listZones(null, null));
      oauth.execute(oauth.api(ZonesApi.class).listZones(null, null));
    }
    assertThat(take(bridge).getUrl().encodedPath()).isEqualTo("/v4/products/zones");
    assertThat(take(main).getHeaders().get("Authorization")).startsWith("OAuth ");
  }

  @Test
  void apiRefusesNonGeneratedInterfaces() {
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.api(Runnable.class)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void executeMapsErrorsOfGeneratedCalls() {
    bridge.enqueue(json(404, "{\"id\":4004,\"message\":\"Not found\",\"type\":\"error\"}"));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      SelfApi self = client.api(SelfApi.class);
      assertThatThrownBy(() -> client.execute(self.getSelf())).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("getSelf").hasMessageContaining("4004");
    }
  }

  @Test
  void userAgentNamesLibraryJavaAndApplication() throws Exception {
    bridge.enqueue(json(USER));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).applicationId("my-app/1.2")
        .build()) {
      client.self().get();
    }
    assertThat(take(bridge).getHeaders().get("User-Agent"))
        .matches("clevercloud-java/\\S+ \\(Java " + java.util.regex.Pattern.quote(System.getProperty("java.version"))
            + "\\) my-app/1\\.2")
        .doesNotContain("unknown");
  }

  @Test
  void applicationIdMustBeAHeaderSafeToken() {
    assertThatThrownBy(() -> CleverCloudClient.builder().applicationId("my app"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CleverCloudClient.builder().applicationId("x\r\nEvil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clientToStringOmitsCredentials() {
    String canary = "CANARY-client-tostring";
    try (CleverCloudClient client = client(Credentials.apiToken(canary))) {
      assertThat(client.toString()).doesNotContain(canary);
      assertThat(client.credentials()).isPresent();
    }
  }
}
