package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.ConflictException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Raw requests (client.http()) are routed and authenticated by their path prefix, map errors to typed exceptions, and
 * paths that could leave the API are refused before sending.
 */
class RawHttpTest extends TestServers {

  @Test
  void routesByPrefixAndAuthenticates() throws Exception {
    main.enqueue(json("{\"ok\":true}").newBuilder().addHeader("Sozu-Id", "s1").build());
    main.enqueue(json("{}"));
    bridge.enqueue(json("[]"));
    try (CleverCloudClient client = client(Credentials.oauth1("ck", "cs", "t", "ts"))) {
      RawResponse r = client.http().get("/v4/products/zones?tag=region:eu");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"ok\":true}");
      assertThat(r.requestId()).contains("s1");
      assertThat(r.toString()).doesNotContain("ok");
      client.http().post("/v2/something", "{\"a\":1}");
      client.http().get("/api-tokens");
    }
    RecordedRequest get = take(main);
    assertThat(get.getTarget()).isEqualTo("/v4/products/zones?tag=region:eu");
    assertThat(get.getHeaders().get("Authorization")).startsWith("OAuth ").contains("HMAC-SHA512");
    RecordedRequest post = take(main);
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getBody().utf8()).isEqualTo("{\"a\":1}");
    assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(take(bridge).getHeaders().get("Authorization")).contains("PLAINTEXT");
  }

  @Test
  void errorStatusesThrowTypedExceptions() {
    bridge.enqueue(json(409, "{\"code\":\"conflict\",\"message\":\"busy\"}"));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.http().delete("/v2/x")).isInstanceOf(ConflictException.class)
          .hasMessageContaining("DELETE /v2/x");
    }
  }

  @Test
  void pathsThatCouldLeaveTheApiAreRefusedBeforeSending() {
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      RawHttp http = client.http();
      for (String path : new String[] {"https://evil.example.com/v2/self", "//evil.example.com/v2/self", "v2/self",
          "/v2/../api-tokens", "/v2/%2e%2e/x", "/v3/self", "/v2/self#x", "/v2/a b", "/v2/a\r\nX: y", "/\\evil"}) {
        assertThatThrownBy(() -> http.get(path)).as(path).isInstanceOf(IllegalArgumentException.class);
      }
      assertThatThrownBy(() -> http.send("PATCH", "/v2/self", null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> http.send("GET", "/v2/self", "{}")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(main.getRequestCount() + bridge.getRequestCount()).isZero();
  }
}
