package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.contract.SpecCatalog.Auth;
import com.clevercloud.client.contract.SpecCatalog.Operation;
import com.clevercloud.client.internal.OperationTable;
import com.clevercloud.client.testkit.prism.PrismServers;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How the coverage guard maps a recorded request to an operation, with Prism's precedence; and that the generated
 * operations table, which the guard and the table-driven contract test iterate, holds exactly the operations of the
 * specs, each with its method, path and credential kinds.
 */
class SpecCatalogTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();
  private static final String INVOICES = "/v4/billing/organisations/orga_1/invoices/";

  @Test
  void listsEveryOperationOfTheThreeSpecsOnce() throws IOException {
    // As many as the operationId lines of the spec files, counted as text (independently of the YAML reading).
    Pattern operationId = Pattern.compile("(?m)^\\s*operationId:\\s*\\S+\\s*$");
    long lines = 0;
    for (String file : List.of("bridge.yaml", "v2.yaml", "v4.yaml")) {
      lines += operationId.matcher(Files.readString(ProjectRoot.get().resolve("openapi").resolve(file)))
          .results().count();
    }
    assertThat(lines).isGreaterThan(40);
    assertThat(SPEC.operations()).extracting(Operation::operationId).doesNotHaveDuplicates()
        .contains("createApiToken", "getSelf", "getInvoicePdf").hasSize((int) lines);
  }

  @Test
  void theFavouriteVhostIsNotTakenForADomainNamedFavourite() {
    // `/vhosts/favourite` and `/vhosts/{fqdn}` are both templated (ownerId, appId): the later one in the spec wins.
    String vhosts = "/v2/organisations/orga_1/applications/app_1/vhosts/";
    assertThat(id("GET", vhosts + "favourite")).isEqualTo("getApplicationFavouriteVhost");
    assertThat(id("PUT", vhosts + "favourite")).isEqualTo("setApplicationFavouriteVhost");
    assertThat(id("DELETE", vhosts + "favourite")).isEqualTo("unsetApplicationFavouriteVhost");
    assertThat(id("PUT", vhosts + "api.example.com")).isEqualTo("addApplicationVhost");
    assertThat(id("DELETE", vhosts + "api.example.com")).isEqualTo("deleteApplicationVhost");
  }

  @Test
  void theOperationsTableHoldsExactlyTheOperationsOfTheSpecs() {
    List<String> fromSpecs = SPEC.operations().stream()
        .map(op -> op.spec().file().replace(".yaml", "") + " " + op.operationId() + " " + op.method() + " "
            + op.pathTemplate() + " " + new TreeSet<>(op.auth()))
        .sorted().toList();
    List<String> fromTable = OperationTable.INSTANCE.all().stream()
        .map(op -> op.family() + " " + op.id() + " " + op.httpMethod() + " " + op.path() + " "
            + new TreeSet<>(EveryOperationContractTest.auths(op)))
        .sorted().toList();
    assertThat(fromTable).isEqualTo(fromSpecs);
    for (OperationTable.Op op : OperationTable.INSTANCE.all()) {
      assertThat(OperationTable.INSTANCE.byId(op.id())).isEqualTo(op);
    }
  }

  @Test
  void theMostSpecificTemplateWinsAndConcretePathsBeatTemplates() {
    assertThat(id("GET", INVOICES + "F20250718-021327")).isEqualTo("getInvoice");
    assertThat(id("GET", INVOICES + "F20250718-021327.pdf")).isEqualTo("getInvoicePdf");
    assertThat(id("GET", INVOICES + "F20250718-021327.html")).isEqualTo("getInvoiceHtml");
    assertThat(id("GET", INVOICES + "unpaid")).isEqualTo("listUnpaidInvoices");
    assertThat(id("GET", "/v2/self/applications")).isEqualTo("listSelfApplications");
    assertThat(id("PUT", "/api-tokens/api_tokens_1")).isEqualTo("updateApiToken");
    assertThat(SPEC.match("PATCH", "/api-tokens/api_tokens_1")).isEmpty();
    assertThat(SPEC.match("GET", "/v2/selfish")).isEmpty();
  }

  @Test
  void operationLevelSecurityOverridesTheDocumentsDefault() {
    assertThat(SPEC.operation("createApiToken").auth()).isEqualTo(Set.of(Auth.NONE));
    assertThat(SPEC.operation("listApiTokens").auth()).isEqualTo(Set.of(Auth.BEARER, Auth.OAUTH1));
    assertThat(SPEC.operation("authorize").auth()).isEqualTo(Set.of(Auth.NONE));
  }

  private static String id(String method, String path) {
    return SPEC.match(method, path).map(Operation::operationId).orElse(null);
  }
}
