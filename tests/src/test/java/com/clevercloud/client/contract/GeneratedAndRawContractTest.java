package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.RawResponse;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.testkit.prism.PrismHosts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code client.api(…)} (any generated interface of each family, routed and authenticated, its answers equal to the
 * spec's examples, its implementation cached) and {@code client.http()} (raw requests, routed and authenticated by
 * path).
 */
@ContractTest
class GeneratedAndRawContractTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(Credential.class)
  void generatedInterfacesOfEachFamily(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      assertMatchesExample(client.api(SelfApi.class).getSelf(), "getSelf");
      assertMatchesExample(client.api(ZonesApi.class).listZones(null, "region:eu"), "listZones");
      assertMatchesExample(client.api(ApiTokensApi.class).listApiTokens(), "listApiTokens");
      // Implementations are cached: one per interface and client.
      assertThat(client.api(SelfApi.class)).isSameAs(client.api(SelfApi.class));
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void rawRequestsAreRoutedAndAuthenticated(Credential credential, PrismHosts hosts) throws IOException {
    String app = "/v2/organisations/" + Contract.OWNER_ID + "/applications/" + Contract.APP_ID;
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      RawResponse self = client.http().get("/v2/self");
      assertThat(self.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(self.body())).isEqualTo(SPEC.example("getSelf"));

      assertThat(json(client.http().get("/v4/products/zones?tag=region:eu"))).isEqualTo(SPEC.example("listZones"));
      assertThat(json(client.http().put(app + "/env/NODE_ENV",
          SPEC.requestExample("setApplicationEnvVar").toString()))).isEqualTo(
              SPEC.example("setApplicationEnvVar"));
      assertThat(json(client.http().post(app + "/instances", null))).isEqualTo(
          SPEC.example("redeployApplication"));
      assertThat(json(client.http().delete(app + "/env/NODE_ENV"))).isEqualTo(
          SPEC.example("deleteApplicationEnvVar"));
      assertThat(client.http().delete("/api-tokens/" + SPEC.parameterExample("deleteApiToken", "apiTokenId"))
          .statusCode()).isEqualTo(204);
    }
  }

  private static JsonNode json(RawResponse response) throws IOException {
    return JSON.readTree(response.body());
  }
}
