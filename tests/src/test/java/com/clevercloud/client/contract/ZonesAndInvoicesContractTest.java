package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.Invoices;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.prism.PrismHosts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deployment zones and invoices ({@code /v4}): JSON, HTML, and the PDF streamed byte for byte. */
@ContractTest
class ZonesAndInvoicesContractTest {

    private static final SpecCatalog SPEC = SpecCatalog.get();
    private static final String INVOICE = SPEC.parameterExample("getInvoice", "invoiceNumber");

    @ParameterizedTest
    @EnumSource(Credential.class)
    void zones(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            assertMatchesExample(client.zones().list(), "listZones");
            assertMatchesExample(client.zones().list(Contract.OWNER_ID, SPEC.parameterExample("listZones", "tag")),
                    "listZones");
            assertMatchesExample(client.zones().get(SPEC.parameterExample("getZone", "zoneName")), "getZone");
        }
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void invoicesAsJson(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            Invoices invoices = client.invoices(Contract.OWNER_ID);
            assertMatchesExample(invoices.list(null, null, null), "listInvoices");
            assertMatchesExample(invoices.unpaid(), "listUnpaidInvoices");
            assertMatchesExample(invoices.get(INVOICE), "getInvoice");
        }
    }

    /** The spec's {@code since}/{@code until} are date-times: Prism refuses {@code 2025-01-01T00:00Z} (no seconds). */
    @ParameterizedTest
    @EnumSource(Credential.class)
    void invoicesOfAPeriodStartingOnARoundMinute(Credential credential, PrismHosts hosts) {
        Instant since = Instant.parse(SPEC.parameterExample("listInvoices", "since"));
        Instant until = Instant.parse(SPEC.parameterExample("listInvoices", "until"));
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            int mark = ContractRecorder.shared().mark();
            assertMatchesExample(client.invoices(Contract.OWNER_ID).list(since, until, 20), "listInvoices");
            assertThat(ContractRecorder.shared().since(mark)).singleElement()
                    .extracting(Exchange::query).asString()
                    .contains("since=2025-01-01T00%3A00%3A00", "until=2026-01-01T00%3A00%3A00", "limit=20");
        }
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void invoiceAsHtml(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            assertThat(client.invoices(Contract.OWNER_ID).html(INVOICE))
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
            long size = client.invoices(Contract.OWNER_ID).pdf(INVOICE, file);
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
            assertThat(client.invoices(Contract.OWNER_ID).pdf(INVOICE, out)).isEqualTo(expected.length);
            List<Exchange> sent = ContractRecorder.shared().since(mark);
            assertThat(sent).singleElement().extracting(Exchange::contentType).asString().startsWith("application/pdf");
        }
        assertThat(out.toByteArray()).isEqualTo(expected);
    }
}
