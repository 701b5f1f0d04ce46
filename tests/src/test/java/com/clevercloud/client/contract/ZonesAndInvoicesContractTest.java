package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v4.api.InvoicesApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.testkit.prism.PrismHosts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deployment zones and invoices ({@code /v4}) through the generated {@link ZonesApi} and {@link InvoicesApi}, with each
 * credential kind: JSON equal to the spec's examples, date-time queries Prism accepts, the HTML page as text, and the
 * PDF ({@code ResponseBody}) streamed byte for byte by {@code client.download} to a file (through a temporary name) and
 * to a stream.
 */
@ContractTest
class ZonesAndInvoicesContractTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();
  private static final String INVOICE = SPEC.parameterExample("getInvoice", "invoiceNumber");

  @ParameterizedTest
  @EnumSource(Credential.class)
  void zones(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      ZonesApi zones = client.api(ZonesApi.class);
      String tag = SPEC.parameterExample("listZones", "tag");
      int mark = ContractRecorder.shared().mark();
      assertMatchesExample(zones.listZones(null, null), "listZones");
      assertMatchesExample(zones.listZones(Contract.OWNER_ID, tag), "listZones");
      assertMatchesExample(zones.getZone(SPEC.parameterExample("getZone", "zoneName")), "getZone");
      List<Exchange> sent = ContractRecorder.shared().since(mark);
      assertThat(sent.get(0).query()).isNull();
      assertThat(sent.get(1).query()).isEqualTo("ownerId=" + Contract.OWNER_ID + "&tag="
          + tag.replace(":", "%3A"));
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void invoicesAsJson(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      InvoicesApi invoices = client.api(InvoicesApi.class);
      assertMatchesExample(invoices.listInvoices(Contract.OWNER_ID, null, null, null), "listInvoices");
      assertMatchesExample(invoices.listUnpaidInvoices(Contract.OWNER_ID), "listUnpaidInvoices");
      assertMatchesExample(invoices.getInvoice(Contract.OWNER_ID, INVOICE), "getInvoice");
    }
  }

  /** The spec's {@code since}/{@code until} are date-times: Prism refuses {@code 2025-01-01T00:00Z} (no seconds). */
  @ParameterizedTest
  @EnumSource(Credential.class)
  void invoicesOfAPeriodStartingOnARoundMinute(Credential credential, PrismHosts hosts) {
    OffsetDateTime since = OffsetDateTime.ofInstant(Instant.parse(SPEC.parameterExample("listInvoices", "since")),
        ZoneOffset.UTC);
    OffsetDateTime until = OffsetDateTime.ofInstant(Instant.parse(SPEC.parameterExample("listInvoices", "until")),
        ZoneOffset.UTC);
    assertThat(since.toString()).as("the example starts on a round minute").isEqualTo("2025-01-01T00:00Z");
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      int mark = ContractRecorder.shared().mark();
      assertMatchesExample(client.api(InvoicesApi.class).listInvoices(Contract.OWNER_ID, since, until, 20),
          "listInvoices");
      assertThat(ContractRecorder.shared().since(mark)).singleElement()
          .extracting(Exchange::query).asString()
          .contains("since=2025-01-01T00%3A00%3A00", "until=2026-01-01T00%3A00%3A00", "limit=20");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void invoiceAsHtml(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      assertThat(client.api(InvoicesApi.class).getInvoiceHtml(Contract.OWNER_ID, INVOICE))
          .isEqualTo(SPEC.example("getInvoiceHtml").asText());
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void invoicePdfStreamedToAFileIsTheSpecExampleByteForByte(Credential credential, PrismHosts hosts,
      @TempDir Path dir) throws IOException {
    byte[] expected = SPEC.example("getInvoicePdf").asText().getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("invoice.pdf");
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      long size = client.download(client.api(InvoicesApi.class).getInvoicePdf(Contract.OWNER_ID, INVOICE), file);
      assertThat(size).isEqualTo(expected.length);
      assertThat(Files.readAllBytes(file)).isEqualTo(expected);
      assertThat(file).content(StandardCharsets.US_ASCII).startsWith("%PDF-1.4").endsWith("%%EOF");
      // Downloaded under a temporary name, moved into place: nothing else is left in the directory.
      try (var files = Files.list(dir)) {
        assertThat(files.toList()).containsExactly(file);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void invoicePdfStreamedToAStream(Credential credential, PrismHosts hosts) {
    byte[] expected = SPEC.example("getInvoicePdf").asText().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      int mark = ContractRecorder.shared().mark();
      assertThat(client.download(client.api(InvoicesApi.class).getInvoicePdf(Contract.OWNER_ID, INVOICE), out))
          .isEqualTo(expected.length);
      List<Exchange> sent = ContractRecorder.shared().since(mark);
      assertThat(sent).singleElement().extracting(Exchange::contentType).asString().startsWith("application/pdf");
    }
    assertThat(out.toByteArray()).isEqualTo(expected);
  }
}
