package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.WannabeValue;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.internal.OperationTable.Op;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The client end to end against one mock server per host: each call goes to the host its credentials and operation
 * say, with the right credential (Bearer, OAuth 1.0a signed with the configured method, PLAINTEXT on the Bridge, none,
 * or the caller's own for the OAuth dance), checked for every operation of the table and both its methods; calls the
 * client lacks credentials for are refused before sending; base URLs, User-Agent and toString are safe.
 */
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
      assertThat(client.api(SelfApi.class).getSelf().getEmail()).isEqualTo("jane.doe@example.com");
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
      client.api(ZonesApi.class).listZones(null, null);
      client.api(ApiTokensApi.class).listApiTokens();
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
      client.api(SelfApi.class).getSummary(true);
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
      client.api(ZonesApi.class).listZones("orga_1", "region:eu");
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
      client.api(ApplicationsApi.class).setApplicationEnvVar("orga_1", "app_1", "KEY",
          new WannabeValue().value("value"));
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
      client.api(SelfApi.class).getSelf();
    }
    Map<String, String> oauth = oauthHeader(take(main).getHeaders().get("Authorization"));
    assertThat(oauth).containsEntry("oauth_signature_method", "PLAINTEXT")
        .containsEntry("oauth_signature", pe("cs é+") + "&" + pe("ts~*"));
  }

  @Test
  void oauth1SendsApiTokensToTheBridgeInPlaintextWhateverTheConfiguredMethod() throws Exception {
    bridge.enqueue(json("[]"));
    try (CleverCloudClient client = oauthClient(SignatureMethod.HMAC_SHA512)) {
      client.api(ApiTokensApi.class).listApiTokens();
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
      client.api(SelfApi.class).getSelf();
      client.api(SelfApi.class).getSelf();
    }
    String a = oauthHeader(take(main).getHeaders().get("Authorization")).get("oauth_nonce");
    String b = oauthHeader(take(main).getHeaders().get("Authorization")).get("oauth_nonce");
    assertThat(a).isNotEqualTo(b).hasSizeGreaterThanOrEqualTo(32);
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
  void apiRefusesNonGeneratedInterfacesAndCachesImplementations() {
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.api(Runnable.class)).isInstanceOf(IllegalArgumentException.class);
      assertThat(client.api(ZonesApi.class)).isSameAs(client.api(ZonesApi.class));
    }
  }

  @Test
  void generatedCallsMapErrorsAndNameTheOperationIdEvenForTheAsyncTwin() {
    bridge.enqueue(json(404, "{\"id\":4004,\"message\":\"Not found\",\"type\":\"error\"}"));
    bridge.enqueue(json(404, "{\"id\":4004,\"message\":\"Not found\",\"type\":\"error\"}"));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      SelfApi self = client.api(SelfApi.class);
      assertThatThrownBy(self::getSelf).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("getSelf").hasMessageContaining("4004");
      assertThatThrownBy(() -> self.getSelfAsync().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(NotFoundException.class).hasMessageStartingWith("getSelf:")
          .hasMessageNotContaining("getSelfAsync");
    }
  }

  // Every operation of the table, end to end: which server received it, with which Authorization header.

  /** What a caller's own interceptor puts on every request; only the OAuth dance (presigned) may keep it. */
  private static final String CALLER_HEADER = "OAuth oauth_consumer_key=\"caller-signed\"";

  private enum Kind { API_TOKEN, OAUTH1, NONE }

  private void answerEverything() {
    Dispatcher noContent = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(204).build();
      }
    };
    main.setDispatcher(noContent);
    bridge.setDispatcher(noContent);
  }

  /** A client whose OkHttpClient has the caller's interceptor, which sets an Authorization header of its own. */
  private CleverCloudClient clientWithCallerHeader(OkHttpClient mine, Kind kind) {
    CleverCloudClient.Builder b = builder().okHttpClient(mine)
        .oauth1Signer(new OAuth1Signer(Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC), () -> "n1"));
    return switch (kind) {
      case API_TOKEN -> b.credentials(Credentials.apiToken("tok-123")).build();
      case OAUTH1 -> b.credentials(Credentials.oauth1("ck", "cs é+", "tok", "ts~*", SignatureMethod.HMAC_SHA1))
          .build();
      case NONE -> b.build();
    };
  }

  @Test
  void withAnApiTokenEveryOperationGoesToTheBridgeWithBearer() throws Throwable {
    everyOperationIsRouted(Kind.API_TOKEN);
  }

  @Test
  void withOAuth1V2AndV4GoToTheMainHostSignedAndBridgeOperationsToTheBridgeInPlaintext() throws Throwable {
    everyOperationIsRouted(Kind.OAUTH1);
  }

  /**
   * For each operation and both its methods: the request reaches the host its family and credentials say, at the
   * path its template says, with the Authorization header the route says (the caller's own header replaced, removed,
   * or for the OAuth dance kept).
   */
  private void everyOperationIsRouted(Kind kind) throws Throwable {
    answerEverything();
    OkHttpClient mine = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Authorization", CALLER_HEADER)
            .build()))
        .build();
    Set<String> seen = new TreeSet<>();
    try (CleverCloudClient client = clientWithCallerHeader(mine, kind)) {
      for (Op op : TableCalls.all()) {
        for (boolean async : new boolean[] {false, true}) {
          Method method = TableCalls.method(op, async);
          int mainBefore = main.getRequestCount();
          int bridgeBefore = bridge.getRequestCount();
          TableCalls.call(client, method, TableCalls.defaultArgs(op, method));
          boolean onBridge = bridge.getRequestCount() > bridgeBefore;
          assertThat(main.getRequestCount() - mainBefore + bridge.getRequestCount() - bridgeBefore)
              .as("%s: one request", method.getName()).isEqualTo(1);
          RecordedRequest r = take(onBridge ? bridge : main);
          assertThat(r.getMethod()).as(method.getName()).isEqualTo(op.httpMethod());
          assertThat(r.getUrl().encodedPath()).as(method.getName()).isEqualTo(TableCalls.expectedPath(op));
          String authorization = r.getHeaders().get("Authorization");
          boolean bridgeFamily = op.family().equals("bridge");
          if (op.presigned()) {
            seen.add("presigned");
            assertThat(onBridge).as("%s on the main host", method.getName()).isFalse();
            assertThat(authorization).as(method.getName()).isEqualTo(CALLER_HEADER);
          } else if (op.security().isEmpty()) {
            seen.add("none");
            assertThat(onBridge).as("%s on its family's host", method.getName()).isEqualTo(bridgeFamily);
            assertThat(authorization).as("%s carries no credential", method.getName()).isNull();
          } else if (kind == Kind.API_TOKEN) {
            seen.add("bearer " + op.family());
            assertThat(onBridge).as("%s on the Bridge", method.getName()).isTrue();
            assertThat(authorization).as(method.getName()).isEqualTo("Bearer tok-123");
          } else if (bridgeFamily) {
            seen.add("plaintext");
            assertThat(onBridge).as("%s on the Bridge", method.getName()).isTrue();
            assertThat(oauthHeader(authorization)).as(method.getName())
                .containsEntry("oauth_signature_method", "PLAINTEXT")
                .containsEntry("oauth_signature", pe("cs é+") + "&" + pe("ts~*"));
          } else {
            seen.add("signed " + op.family());
            assertThat(onBridge).as("%s on the main host", method.getName()).isFalse();
            Map<String, String> oauth = oauthHeader(authorization);
            assertThat(oauth).as(method.getName()).containsEntry("oauth_signature_method", "HMAC-SHA1")
                .containsEntry("oauth_token", "tok");
            assertThat(oauth.get("oauth_signature")).as(method.getName())
                .isEqualTo(expectedHmac(r, oauth, "HmacSHA1", "cs é+", "ts~*"));
          }
        }
      }
    } finally {
      mine.dispatcher().executorService().shutdown();
    }
    // Every kind of route was met: the table is not empty of any of them.
    assertThat(seen).containsExactlyInAnyOrderElementsOf(kind == Kind.API_TOKEN
        ? List.of("presigned", "none", "bearer bridge", "bearer v2", "bearer v4")
        : List.of("presigned", "none", "plaintext", "signed v2", "signed v4"));
  }

  @Test
  void withoutCredentialsAuthenticatedOperationsThrowBeforeSendingAndTheOthersAreSent() throws Throwable {
    answerEverything();
    int sent = 0;
    int refused = 0;
    try (CleverCloudClient client = builder().build()) {
      for (Op op : TableCalls.all()) {
        for (boolean async : new boolean[] {false, true}) {
          Method method = TableCalls.method(op, async);
          Object[] args = TableCalls.defaultArgs(op, method);
          int before = main.getRequestCount() + bridge.getRequestCount();
          if (op.presigned() || op.security().isEmpty()) {
            TableCalls.call(client, method, args);
            assertThat(main.getRequestCount() + bridge.getRequestCount()).as(method.getName()).isEqualTo(before + 1);
            sent++;
          } else {
            // Thrown by the call itself, even for the Async twin: no future to unwrap.
            Object api = client.api(method.getDeclaringClass());
            assertThatThrownBy(() -> {
              try {
                method.invoke(api, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }).as(method.getName()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(op.id()).hasMessageContaining("credentials");
            assertThat(main.getRequestCount() + bridge.getRequestCount()).as(method.getName()).isEqualTo(before);
            refused++;
          }
        }
      }
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("credentials");
    }
    assertThat(sent).isPositive();
    assertThat(refused).isGreaterThan(sent);
  }

  @Test
  void userAgentNamesLibraryJavaAndApplication() throws Exception {
    bridge.enqueue(json(USER));
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t")).applicationId("my-app/1.2")
        .build()) {
      client.api(SelfApi.class).getSelf();
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
