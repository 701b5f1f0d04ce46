package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.TransportException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every resource method reaches the documented path with the documented method. */
class ResourcesTest extends TestServers {

  @TempDir
  Path dir;

  private RecordedRequest call(String responseBody, Consumer<CleverCloudClient> action) throws Exception {
    bridge.enqueue(json(responseBody));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      action.accept(client);
    }
    return take(bridge);
  }

  private void expect(String method, String pathAndQuery, String body, Consumer<CleverCloudClient> action)
      throws Exception {
    RecordedRequest r = call(body, action);
    assertThat(r.getMethod() + " " + r.getTarget()).isEqualTo(method + " " + pathAndQuery);
  }

  @Test
  void self() throws Exception {
    expect("GET", "/v2/self", "{}", c -> c.self().get());
    expect("GET", "/v2/self/applications", "[]", c -> c.self().applications());
    expect("GET", "/v2/self/applications/app_1", "{}", c -> c.self().application("app_1"));
    expect("GET", "/v2/self/addons", "[]", c -> c.self().addons());
  }

  @Test
  void summary() throws Exception {
    expect("GET", "/v2/summary", "{}", c -> c.summary().get());
    expect("GET", "/v2/summary?full=true", "{}", c -> c.summary().get(true));
  }

  @Test
  void organisations() throws Exception {
    expect("GET", "/v2/organisations", "[]", c -> assertThat(c.organisations().list()).isEmpty());
    expect("GET", "/v2/organisations/orga_1", "{\"id\":\"orga_1\"}",
        c -> assertThat(c.organisations().get("orga_1").getId()).isEqualTo("orga_1"));
  }

  @Test
  void applications() throws Exception {
    String base = "/v2/organisations/orga_1/applications";
    expect("GET", base, "[]", c -> c.applications("orga_1").list());
    expect("GET", base + "/app_1", "{}", c -> c.applications("orga_1").get("app_1"));
    expect("GET", base + "/app_1/env", "[{\"name\":\"A\",\"value\":\"b\"}]",
        c -> assertThat(c.applications("orga_1").env("app_1")).singleElement()
            .satisfies(v -> assertThat(v.getName()).isEqualTo("A")));
    RecordedRequest set = call("{}", c -> c.applications("orga_1").setEnv("app_1", "A", "b"));
    assertThat(set.getMethod() + " " + set.getTarget()).isEqualTo("PUT " + base + "/app_1/env/A");
    assertThat(set.getBody().utf8()).isEqualTo("{\"value\":\"b\"}");
    expect("DELETE", base + "/app_1/env/A", "{}", c -> c.applications("orga_1").removeEnv("app_1", "A"));
    expect("GET", base + "/app_1/instances", "[]", c -> c.applications("orga_1").instances("app_1"));
    expect("POST", base + "/app_1/instances", "{}", c -> c.applications("orga_1").restart("app_1"));
    expect("POST", base + "/app_1/instances?commit=abc&useCache=no", "{}",
        c -> c.applications("orga_1").redeploy("app_1", "abc", false));
    expect("DELETE", base + "/app_1/instances", "{}", c -> c.applications("orga_1").stop("app_1"));
    expect("GET", base + "/app_1/deployments?limit=5&offset=10", "[]",
        c -> c.applications("orga_1").deployments("app_1", 5, 10));
  }

  @Test
  void addonsAndZones() throws Exception {
    expect("GET", "/v2/organisations/orga_1/addons", "[]", c -> c.addons("orga_1").list());
    expect("GET", "/v4/products/zones", "[]", c -> c.zones().list());
    expect("GET", "/v4/products/zones?ownerId=orga_1&tag=region%3Aeu", "[]", c -> c.zones().list("orga_1", "region:eu"));
    expect("GET", "/v4/products/zones/par", "{\"name\":\"par\",\"lat\":48.8}",
        c -> assertThat(c.zones().get("par").getName()).isEqualTo("par"));
  }

  @Test
  void invoices() throws Exception {
    String base = "/v4/billing/organisations/orga_1/invoices";
    RecordedRequest list = call("[]", c -> c.invoices("orga_1").list(Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2025-02-01T00:00:00Z"), 3));
    assertThat(list.getUrl().encodedPath()).isEqualTo(base);
    // Always with seconds: OffsetDateTime.toString() would drop them, which date-time validators refuse.
    assertThat(list.getUrl().queryParameter("since")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(list.getUrl().encodedQuery()).isEqualTo("since=2025-01-01T00%3A00%3A00Z&until=2025-02-01T00%3A00%3A00Z"
        + "&limit=3");
    assertThat(list.getUrl().queryParameter("limit")).isEqualTo("3");
    expect("GET", base + "/unpaid", "[]", c -> c.invoices("orga_1").unpaid());
    expect("GET", base + "/F20250718-021327", "{}", c -> c.invoices("orga_1").get("F20250718-021327"));
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").body("<html>inv</html>").build());
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThat(client.invoices("orga_1").html("F1")).isEqualTo("<html>inv</html>");
    }
    assertThat(take(bridge).getTarget()).isEqualTo(base + "/F1.html");
  }

  @Test
  void invoicePdfIsStreamedToAStreamAndToAFile() throws Exception {
    byte[] pdf = new byte[200_000];
    for (int i = 0; i < pdf.length; i++) {
      pdf[i] = (byte) i;
    }
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/pdf")
        .body(new Buffer().write(pdf)).build());
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/pdf")
        .body(new Buffer().write(pdf)).build());
    Path file = dir.resolve("invoice.pdf");
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(client.invoices("orga_1").pdf("F1", out)).isEqualTo(pdf.length);
      assertThat(out.toByteArray()).isEqualTo(pdf);
      assertThat(client.invoices("orga_1").pdf("F1", file)).isEqualTo(pdf.length);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
    assertThat(take(bridge).getTarget()).isEqualTo("/v4/billing/organisations/orga_1/invoices/F1.pdf");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void failedPdfDownloadLeavesNoPartialFile() throws Exception {
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/pdf")
        .body(new Buffer().write(new byte[100_000])).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    bridge.enqueue(json(404, "{\"code\":\"not-found\",\"message\":\"no invoice\"}"));
    Path file = dir.resolve("invoice.pdf");
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.invoices("orga_1").pdf("F1", file)).isInstanceOf(TransportException.class);
      assertThatThrownBy(() -> client.invoices("orga_1").pdf("F2", file)).isInstanceOf(NotFoundException.class);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void oauthTokens() throws Exception {
    expect("GET", "/v2/self/tokens", "[]", c -> c.oauthTokens().list());
    expect("DELETE", "/v2/self/tokens/tok%2F1", "{}", c -> c.oauthTokens().revoke("tok/1"));
  }

  @Test
  void oauthConsumers() throws Exception {
    String base = "/v2/organisations/orga_1/consumers";
    expect("GET", base, "[]", c -> c.oauthConsumers("orga_1").list());
    expect("GET", base + "/key1", "{}", c -> c.oauthConsumers("orga_1").get("key1"));
    RecordedRequest created = call("{}", c -> c.oauthConsumers("orga_1").create(new WannabeOAuth1Consumer()
        .name("app").baseUrl("https://app.example.com")));
    assertThat(created.getMethod() + " " + created.getTarget()).isEqualTo("POST " + base);
    assertThat(created.getBody().utf8()).contains("\"name\":\"app\"");
    expect("PUT", base + "/key1", "{}", c -> c.oauthConsumers("orga_1").update("key1", new WannabeOAuth1Consumer()));
    expect("DELETE", base + "/key1", "{}", c -> c.oauthConsumers("orga_1").delete("key1"));
    String canary = "CANARY-consumer-secret";
    RecordedRequest secret = call("{\"secret\":\"" + canary + "\"}", c -> {
      Secret s = c.oauthConsumers("orga_1").secret("key1");
      assertThat(s.reveal()).isEqualTo(canary);
      assertThat(s.toString()).doesNotContain(canary);
    });
    assertThat(secret.getTarget()).isEqualTo(base + "/key1/secret");
  }

  @Test
  void blankOwnerIdsAreRefusedBeforeSending() {
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.applications(" ")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.invoices("")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.addons(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> client.oauthConsumers("..")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.applications("orga_1").get("")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.invoices("orga_1").list(null, null, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(bridge.getRequestCount()).isZero();
  }
}
