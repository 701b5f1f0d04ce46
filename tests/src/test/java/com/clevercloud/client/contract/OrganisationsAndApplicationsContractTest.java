package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v2.api.AddonsApi;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.OrganisationsApi;
import com.clevercloud.api.v2.model.WannabeValue;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.testkit.prism.PrismHosts;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Organisations, applications (environment, instances, deployments) and add-ons of an owner, through the generated
 * {@link OrganisationsApi}, {@link ApplicationsApi} and {@link AddonsApi} with each credential kind: every answer
 * equals the spec's example, bodies are valid for Prism, and the query parameters reach the wire as the spec names
 * them ({@code limit}/{@code offset}, {@code commit}/{@code useCache}).
 */
@ContractTest
class OrganisationsAndApplicationsContractTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();

  @ParameterizedTest
  @EnumSource(Credential.class)
  void organisations(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      OrganisationsApi organisations = client.api(OrganisationsApi.class);
      assertMatchesExample(organisations.listOrganisations(), "listOrganisations");
      assertMatchesExample(organisations.getOrganisation(Contract.OWNER_ID), "getOrganisation");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void applicationsOfAnOwner(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      ApplicationsApi apps = client.api(ApplicationsApi.class);
      int mark = ContractRecorder.shared().mark();
      assertMatchesExample(apps.listApplications(Contract.OWNER_ID, null), "listApplications");
      assertMatchesExample(apps.getApplication(Contract.OWNER_ID, Contract.APP_ID), "getApplication");
      assertMatchesExample(apps.listApplicationInstances(Contract.OWNER_ID, Contract.APP_ID),
          "listApplicationInstances");
      assertMatchesExample(apps.listApplicationDeployments(Contract.OWNER_ID, Contract.APP_ID, null, null, null),
          "listApplicationDeployments");
      assertMatchesExample(apps.listApplicationDeployments(Contract.OWNER_ID, Contract.APP_ID, 10, 0, null),
          "listApplicationDeployments");
      List<Exchange> sent = ContractRecorder.shared().since(mark);
      assertThat(sent).extracting(Exchange::path).containsExactly(
          "/v2/organisations/" + Contract.OWNER_ID + "/applications",
          "/v2/organisations/" + Contract.OWNER_ID + "/applications/" + Contract.APP_ID,
          "/v2/organisations/" + Contract.OWNER_ID + "/applications/" + Contract.APP_ID + "/instances",
          "/v2/organisations/" + Contract.OWNER_ID + "/applications/" + Contract.APP_ID + "/deployments",
          "/v2/organisations/" + Contract.OWNER_ID + "/applications/" + Contract.APP_ID + "/deployments");
      assertThat(sent.get(0).query()).as("no instanceId: no query").isNull();
      assertThat(sent.get(3).query()).as("no paging: no query").isNull();
      assertThat(sent.get(4).query()).isEqualTo("limit=10&offset=0");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void environmentVariables(Credential credential, PrismHosts hosts) {
    String name = SPEC.parameterExample("setApplicationEnvVar", "envName");
    String value = SPEC.requestExample("setApplicationEnvVar").path("value").asText();
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      ApplicationsApi apps = client.api(ApplicationsApi.class);
      assertMatchesExample(apps.listApplicationEnv(Contract.OWNER_ID, Contract.APP_ID), "listApplicationEnv");
      int mark = ContractRecorder.shared().mark();
      assertMatchesExample(apps.setApplicationEnvVar(Contract.OWNER_ID, Contract.APP_ID, name,
          new WannabeValue().value(value)), "setApplicationEnvVar");
      // setApplicationEnvVar declares a 400: Prism would answer a bad body with the example and sl-violations.
      assertThat(ContractRecorder.shared().since(mark)).singleElement()
          .satisfies(e -> assertThat(e.method() + " " + e.path()).isEqualTo("PUT /v2/organisations/"
              + Contract.OWNER_ID + "/applications/" + Contract.APP_ID + "/env/" + name))
          .satisfies(e -> assertThat(e.status()).isEqualTo(200))
          .satisfies(e -> assertThat(e.slViolations()).isNull());
      assertMatchesExample(apps.deleteApplicationEnvVar(Contract.OWNER_ID, Contract.APP_ID, name),
          "deleteApplicationEnvVar");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void restartRedeployAndStop(Credential credential, PrismHosts hosts) {
    String commit = SPEC.parameterExample("redeployApplication", "commit");
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      ApplicationsApi apps = client.api(ApplicationsApi.class);
      int mark = ContractRecorder.shared().mark();
      // A restart: the current commit, with the build cache (no useCache at all).
      assertMatchesExample(apps.redeployApplication(Contract.OWNER_ID, Contract.APP_ID, null, null),
          "redeployApplication");
      // A redeploy of a commit without the cache.
      assertMatchesExample(apps.redeployApplication(Contract.OWNER_ID, Contract.APP_ID, commit, "no"),
          "redeployApplication");
      assertMatchesExample(apps.stopApplication(Contract.OWNER_ID, Contract.APP_ID), "stopApplication");
      List<Exchange> sent = ContractRecorder.shared().since(mark);
      assertThat(sent).extracting(Exchange::method).containsExactly("POST", "POST", "DELETE");
      // The spec's useCache: "`no` rebuilds without the build cache; omit it to use the cache" (clever-tools).
      assertThat(sent.get(0).query()).as("restart uses the cache: no query at all").isNull();
      assertThat(sent.get(1).query()).contains("commit=" + commit, "useCache=no");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void addonsOfAnOwner(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      assertMatchesExample(client.api(AddonsApi.class).listAddons(Contract.OWNER_ID), "listAddons");
    }
  }
}
