package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.Applications;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.prism.PrismHosts;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Organisations, applications (environment, instances, deployments) and add-ons of an owner. */
@ContractTest
class OrganisationsAndApplicationsContractTest {

    private static final SpecCatalog SPEC = SpecCatalog.get();

    @ParameterizedTest
    @EnumSource(Credential.class)
    void organisations(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            assertMatchesExample(client.organisations().list(), "listOrganisations");
            assertMatchesExample(client.organisations().get(Contract.OWNER_ID), "getOrganisation");
        }
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void applicationsOfAnOwner(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            Applications apps = client.applications(Contract.OWNER_ID);
            assertMatchesExample(apps.list(), "listApplications");
            assertMatchesExample(apps.get(Contract.APP_ID), "getApplication");
            assertMatchesExample(apps.instances(Contract.APP_ID), "listApplicationInstances");
            assertMatchesExample(apps.deployments(Contract.APP_ID, null, null), "listApplicationDeployments");
            assertMatchesExample(apps.deployments(Contract.APP_ID, 10, 0), "listApplicationDeployments");
        }
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void environmentVariables(Credential credential, PrismHosts hosts) {
        String name = SPEC.parameterExample("setApplicationEnvVar", "envName");
        String value = SPEC.requestExample("setApplicationEnvVar").path("value").asText();
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            Applications apps = client.applications(Contract.OWNER_ID);
            assertMatchesExample(apps.env(Contract.APP_ID), "listApplicationEnv");
            int mark = ContractRecorder.shared().mark();
            assertMatchesExample(apps.setEnv(Contract.APP_ID, name, value), "setApplicationEnvVar");
            // setApplicationEnvVar declares a 400: Prism would answer a bad body with the example and sl-violations.
            assertThat(ContractRecorder.shared().since(mark)).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(200))
                    .satisfies(e -> assertThat(e.slViolations()).isNull());
            assertMatchesExample(apps.removeEnv(Contract.APP_ID, name), "deleteApplicationEnvVar");
        }
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void restartRedeployAndStop(Credential credential, PrismHosts hosts) {
        String commit = SPEC.parameterExample("redeployApplication", "commit");
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            Applications apps = client.applications(Contract.OWNER_ID);
            int mark = ContractRecorder.shared().mark();
            assertMatchesExample(apps.restart(Contract.APP_ID), "redeployApplication");
            assertMatchesExample(apps.redeploy(Contract.APP_ID, commit, false), "redeployApplication");
            assertMatchesExample(apps.stop(Contract.APP_ID), "stopApplication");
            List<Exchange> sent = ContractRecorder.shared().since(mark);
            assertThat(sent).extracting(Exchange::method).containsExactly("POST", "POST", "DELETE");
            // The spec's useCache: "`no` rebuilds without the build cache; omit it to use the cache" (clever-tools).
            assertThat(sent.get(0).query()).as("restart uses the cache: no useCache=no")
                    .satisfiesAnyOf(q -> assertThat(q).isNull(), q -> assertThat(q).doesNotContain("useCache=no"));
            assertThat(sent.get(1).query()).contains("commit=" + commit, "useCache=no");
        }
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void addonsOfAnOwner(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            assertMatchesExample(client.addons(Contract.OWNER_ID).list(), "listAddons");
        }
    }
}
