package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;

import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.prism.PrismHosts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The signed-in user, their summary and their personal space ({@code /v2/self…}, {@code /v2/summary}). */
@ContractTest
class SelfContractTest {

    private static final String SELF_APP_ID = SpecCatalog.get().example("getSelfApplication").path("id").asText();

    @ParameterizedTest
    @EnumSource(Credential.class)
    void selfIsTheSpecExample(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            assertMatchesExample(client.self().get(), "getSelf");
        }
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void summaryShortAndFull(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            assertMatchesExample(client.summary().get(), "getSummary");
            assertMatchesExample(client.summary().get(true), "getSummary");
            assertMatchesExample(client.summary().get(false), "getSummary");
        }
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void personalSpaceApplicationsAndAddons(Credential credential, PrismHosts hosts) {
        try (CleverCloudClient client = Contract.client(hosts, credential)) {
            assertMatchesExample(client.self().applications(), "listSelfApplications");
            assertMatchesExample(client.self().application(SELF_APP_ID), "getSelfApplication");
            assertMatchesExample(client.self().addons(), "listSelfAddons");
        }
    }
}
