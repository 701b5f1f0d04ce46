package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.clevercloud.api.v2.api.AddonsApi;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.testkit.prism.PrismHosts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The signed-in user, their summary and their personal space ({@code /v2/self…}, {@code /v2/summary}) through the
 * generated {@link SelfApi}, {@link ApplicationsApi} and {@link AddonsApi}, with each credential kind: every answer
 * equals the spec's example, and {@code full} reaches the wire as the query the spec names.
 */
@ContractTest
class SelfContractTest {

  private static final String SELF_APP_ID = SpecCatalog.get().example("getSelfApplication").path("id").asText();

  @ParameterizedTest
  @EnumSource(Credential.class)
  void selfIsTheSpecExample(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      assertMatchesExample(client.api(SelfApi.class).getSelf(), "getSelf");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void summaryShortAndFull(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      SelfApi self = client.api(SelfApi.class);
      int mark = ContractRecorder.shared().mark();
      assertMatchesExample(self.getSummary(null), "getSummary");
      assertMatchesExample(self.getSummary(true), "getSummary");
      assertMatchesExample(self.getSummary(false), "getSummary");
      assertThat(ContractRecorder.shared().since(mark)).extracting(Exchange::path, Exchange::query)
          .containsExactly(tuple("/v2/summary", null), tuple("/v2/summary", "full=true"),
              tuple("/v2/summary", "full=false"));
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void personalSpaceApplicationsAndAddons(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      ApplicationsApi applications = client.api(ApplicationsApi.class);
      assertMatchesExample(applications.listSelfApplications(), "listSelfApplications");
      assertMatchesExample(applications.getSelfApplication(SELF_APP_ID), "getSelfApplication");
      assertMatchesExample(client.api(AddonsApi.class).listSelfAddons(), "listSelfAddons");
    }
  }
}
