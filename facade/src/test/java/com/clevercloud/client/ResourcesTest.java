package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.OAuthConsumersApi;
import com.clevercloud.api.v2.api.OAuthTokensApi;
import com.clevercloud.api.v2.api.OrganisationsApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.SecretView;
import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.api.v2.model.WannabeValue;
import com.clevercloud.api.v4.api.InvoicesApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.TransportException;
import com.clevercloud.client.internal.OperationTable.Op;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the specifications reaches the documented path with the documented method: table-driven over
 * {@code OperationTable.INSTANCE.all()}, through {@code client.api(...)} with an API token (so on the Bridge, with
 * {@code Bearer}). The explicit tests below keep what the table cannot say: how query strings are written (booleans,
 * dates with seconds, encoded values), that answers decode into the models, and file downloads.
 */
class ResourcesTest extends TestServers {

  @TempDir
  Path dir;

  static Stream<Named<Op>> authenticatedOperations() {
    return GeneratedCalls.authenticatedOperations();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authenticatedOperations")
  void everyOperationReachesTheDocumentedPathWithTheDocumentedMethod(Op op) throws Throwable {
    bridge.enqueue(GeneratedCalls.sampleResponse(op));
    Method blocking = GeneratedCalls.method(op, false);
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      // Optional parameters null: nothing but the path may reach the server.
      Object answer = GeneratedCalls.invoke(client, op, blocking,
          GeneratedCalls.args(op, blocking, GeneratedCalls::validId, false));
      GeneratedCalls.closeQuietly(answer);
    }
    RecordedRequest r = take(bridge);
    assertThat(r.getMethod()).isEqualTo(op.httpMethod());
    assertThat(r.getTarget()).isEqualTo(GeneratedCalls.validPath(op));
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t");
    assertThat(main.getRequestCount()).isZero();
  }

  @Test
  void theTableCoversEveryGeneratedMethod() {
    // A method of a generated interface the table does not list would escape every table-driven test.
    GeneratedCalls.operations().map(Named::getPayload).map(GeneratedCalls::api).distinct().forEach(api -> {
      for (Method m : api.getDeclaredMethods()) {
        assertThat(com.clevercloud.client.internal.OperationTable.INSTANCE.of(m)).as(m.toString()).isNotNull();
      }
    });
  }

  private RecordedRequest call(MockResponse response, Consumer<CleverCloudClient> action) throws Exception {
    bridge.enqueue(response);
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      action.accept(client);
    }
    return take(bridge);
  }

  private RecordedRequest call(String responseBody, Consumer<CleverCloudClient> action) throws Exception {
    return call(json(responseBody), action);
  }

  private void expect(String method, String pathAndQuery, String body, Consumer<CleverCloudClient> action)
      throws Exception {
    RecordedRequest r = call(body, action);
    assertThat(r.getMethod() + " " + r.getTarget()).isEqualTo(method + " " + pathAndQuery);
  }

  @Test
  void summaryFullIsSentAsABoolean() throws Exception {
    expect("GET", "/v2/summary", "{}", c -> c.api(SelfApi.class).getSummary(null));
    expect("GET", "/v2/summary?full=true", "{}", c -> c.api(SelfApi.class).getSummary(true));
  }

  @Test
  void answersDecodeIntoTheModels() throws Exception {
    expect("GET", "/v2/organisations", "[]", c -> assertThat(c.api(OrganisationsApi.class).listOrganisations())
        .isEmpty());
    expect("GET", "/v2/organisations/orga_1", "{\"id\":\"orga_1\"}",
        c -> assertThat(c.api(OrganisationsApi.class).getOrganisation("orga_1").getId()).isEqualTo("orga_1"));
    expect("GET", "/v2/organisations/orga_1/applications/app_1/env", "[{\"name\":\"A\",\"value\":\"b\"}]",
        c -> assertThat(c.api(ApplicationsApi.class).listApplicationEnv("orga_1", "app_1")).singleElement()
            .satisfies(v -> assertThat(v.getName()).isEqualTo("A")));
    expect("GET", "/v4/products/zones/par", "{\"name\":\"par\",\"lat\":48.8}",
        c -> assertThat(c.api(ZonesApi.class).getZone("par").getName()).isEqualTo("par"));
  }

  @Test
  void applicationQueriesAndBodies() throws Exception {
    String base = "/v2/organisations/orga_1/applications";
    RecordedRequest set = call("{}", c -> c.api(ApplicationsApi.class).setApplicationEnvVar("orga_1", "app_1", "A",
        new WannabeValue().value("b")));
    assertThat(set.getMethod() + " " + set.getTarget()).isEqualTo("PUT " + base + "/app_1/env/A");
    assertThat(set.getBody().utf8()).isEqualTo("{\"value\":\"b\"}");
    // restart: no query at all
    expect("POST", base + "/app_1/instances", "{}",
        c -> c.api(ApplicationsApi.class).redeployApplication("orga_1", "app_1", null, null));
    expect("POST", base + "/app_1/instances?commit=abc&useCache=no", "{}",
        c -> c.api(ApplicationsApi.class).redeployApplication("orga_1", "app_1", "abc", "no"));
    expect("GET", base + "/app_1/deployments?limit=5&offset=10", "[]",
        c -> c.api(ApplicationsApi.class).listApplicationDeployments("orga_1", "app_1", 5, 10, null));
  }

  @Test
  void zoneFiltersAreEncoded() throws Exception {
    expect("GET", "/v4/products/zones", "[]", c -> c.api(ZonesApi.class).listZones(null, null));
    expect("GET", "/v4/products/zones?ownerId=orga_1&tag=region%3Aeu", "[]",
        c -> c.api(ZonesApi.class).listZones("orga_1", "region:eu"));
  }

  @Test
  void invoiceDatesAreSentWithSecondsAndHtmlIsText() throws Exception {
    String base = "/v4/billing/organisations/orga_1/invoices";
    RecordedRequest list = call("[]", c -> c.api(InvoicesApi.class).listInvoices("orga_1",
        OffsetDateTime.parse("2025-01-01T00:00:00Z"), OffsetDateTime.parse("2025-02-01T00:00:00Z"), 3));
    assertThat(list.getUrl().encodedPath()).isEqualTo(base);
    // Always with seconds: OffsetDateTime.toString() would drop them, which date-time validators refuse.
    assertThat(list.getUrl().queryParameter("since")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(list.getUrl().encodedQuery()).isEqualTo("since=2025-01-01T00%3A00%3A00Z&until=2025-02-01T00%3A00%3A00Z"
        + "&limit=3");
    assertThat(list.getUrl().queryParameter("limit")).isEqualTo("3");
    RecordedRequest html = call(new MockResponse.Builder().addHeader("Content-Type", "text/html")
        .body("<html>inv</html>").build(),
        c -> assertThat(c.api(InvoicesApi.class).getInvoiceHtml("orga_1", "F1")).isEqualTo("<html>inv</html>"));
    assertThat(html.getTarget()).isEqualTo(base + "/F1.html");
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
      InvoicesApi invoices = client.api(InvoicesApi.class);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(client.download(invoices.getInvoicePdf("orga_1", "F1"), out)).isEqualTo(pdf.length);
      assertThat(out.toByteArray()).isEqualTo(pdf);
      assertThat(client.download(invoices.getInvoicePdf("orga_1", "F1"), file)).isEqualTo(pdf.length);
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
      InvoicesApi invoices = client.api(InvoicesApi.class);
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F1"), file))
          .isInstanceOf(TransportException.class);
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F2"), file))
          .isInstanceOf(NotFoundException.class);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  /**
   * An HTML page answering a file operation (a proxy's maintenance page, with a 200) is never saved as the file,
   * to a file or a stream; with the type stated, any other type is refused, and the stated one (parameters aside)
   * accepted. Nothing is written, no temporary file is left, and the page is not quoted.
   */
  @Test
  void aDownloadOfTheWrongTypeWritesNothing() throws Exception {
    MockResponse page = new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
        .addHeader("Sozu-Id", "sozu-7").body("<html>CANARY maintenance</html>").build();
    MockResponse pdf = new MockResponse.Builder().addHeader("Content-Type", "Application/PDF; name=x")
        .body("%PDF-1.4").build();
    bridge.enqueue(page);
    bridge.enqueue(page);
    bridge.enqueue(pdf.newBuilder().setHeader("Content-Type", "application/octet-stream").build());
    bridge.enqueue(pdf.newBuilder().removeHeader("Content-Type").build());
    bridge.enqueue(pdf);
    Path file = dir.resolve("invoice.pdf");
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      InvoicesApi invoices = client.api(InvoicesApi.class);
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F1"), file))
          .isInstanceOfSatisfying(ResponseDecodingException.class, e -> {
            assertThat(e.getMessage()).contains("getInvoicePdf: HTTP 200 with a text/html body", "Sozu-Id sozu-7")
                .doesNotContain("CANARY");
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.requestId()).contains("sozu-7");
          });
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F1"), out))
          .isInstanceOf(ResponseDecodingException.class);
      assertThat(out.size()).isZero();
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F1"), file, "application/pdf"))
          .isInstanceOf(ResponseDecodingException.class)
          .hasMessageContaining("application/octet-stream body where application/pdf was expected");
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F1"), file, "application/pdf"))
          .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("no Content-Type");
      try (var files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
      assertThat(client.download(invoices.getInvoicePdf("orga_1", "F1"), file, "application/pdf")).isEqualTo(8);
      assertThatThrownBy(() -> client.download(okhttp3.ResponseBody.create("x", null), file, "pdf"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Files.readString(file)).isEqualTo("%PDF-1.4");
  }

  /**
   * A target that cannot be a file (a root, a directory) is refused with a clear error before anything is read; a
   * long file name downloads (its temporary name is short); one too long for the file system fails as an I/O error
   * naming the file, leaving nothing behind.
   */
  @Test
  void downloadTargetsThatCannotBeAFileAreRefusedClearly() throws Exception {
    for (int i = 0; i < 4; i++) {
      bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/pdf").body("%PDF-1.4")
          .build());
    }
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      InvoicesApi invoices = client.api(InvoicesApi.class);
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F1"), Path.of("/")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a root directory");
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F1"), dir))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a directory");
      Path longName = dir.resolve("i".repeat(240) + ".pdf");
      assertThat(client.download(invoices.getInvoicePdf("orga_1", "F1"), longName)).isEqualTo(8);
      Files.delete(longName);
      Path tooLong = dir.resolve("i".repeat(300) + ".pdf");
      assertThatThrownBy(() -> client.download(invoices.getInvoicePdf("orga_1", "F1"), tooLong))
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining("Cannot write");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void oauthTokenIsOneEncodedSegment() throws Exception {
    expect("DELETE", "/v2/self/tokens/tok%201", "{}", c -> c.api(OAuthTokensApi.class).revokeSelfOAuthToken("tok 1"));
  }

  @Test
  void oauthConsumerBodyAndSecret() throws Exception {
    String base = "/v2/organisations/orga_1/consumers";
    RecordedRequest created = call("{}", c -> c.api(OAuthConsumersApi.class).createConsumer("orga_1",
        new WannabeOAuth1Consumer().name("app").baseUrl("https://app.example.com")));
    assertThat(created.getMethod() + " " + created.getTarget()).isEqualTo("POST " + base);
    assertThat(created.getBody().utf8()).contains("\"name\":\"app\"");
    String canary = "CANARY-consumer-secret";
    RecordedRequest secret = call("{\"secret\":\"" + canary + "\"}", c -> {
      SecretView s = c.api(OAuthConsumersApi.class).getConsumerSecret("orga_1", "key1");
      assertThat(s.getSecret()).isEqualTo(canary);
      assertThat(s.toString()).doesNotContain(canary);
    });
    assertThat(secret.getTarget()).isEqualTo(base + "/key1/secret");
  }
}
