package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.SpecCatalog.Auth;
import com.clevercloud.client.testkit.prism.PrismHosts;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which host each call reaches with which credential, as seen on the wire: an API token sends everything to the
 * Bridge with {@code Bearer}; OAuth 1.0a sends v2/v4 to the main host signed with the chosen method and
 * {@code /api-tokens} to the Bridge signed with PLAINTEXT. The calls are made through the generated interfaces of each
 * family ({@link SelfApi}, {@link ZonesApi}, {@link ApiTokensApi}), routed by the operations table.
 */
@ContractTest
class RoutingContractTest {

  @Test
  void apiTokenSendsEveryFamilyToTheBridgeWithBearer(PrismHosts hosts) {
    List<Exchange> sent = callOneOfEachFamily(hosts, Credentials.apiToken(Contract.API_TOKEN));
    assertThat(sent).hasSize(3).allSatisfy(e -> {
      assertThat(e.authority()).isEqualTo(authority(hosts.bridgeUrl()));
      assertThat(e.auth()).isEqualTo(Auth.BEARER);
    });
  }

  @ParameterizedTest
  @EnumSource(SignatureMethod.class)
  void oauth1SignsTheMainHostWithItsMethodAndTheBridgeWithPlaintext(SignatureMethod method, PrismHosts hosts) {
    List<Exchange> sent = callOneOfEachFamily(hosts, Credentials.oauth1("EXAMPLEconsumerKEY0000000000001",
        "contract-consumer-secret", "contract-test-oauth-token", "contract-test-oauth-token-secret", method));
    assertThat(sent).extracting(Exchange::path, Exchange::authority, Exchange::auth, Exchange::signatureMethod)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/v2/self", authority(hosts.apiUrl()), Auth.OAUTH1,
                method.wireName()),
            org.assertj.core.groups.Tuple.tuple("/v4/products/zones", authority(hosts.apiUrl()),
                Auth.OAUTH1, method.wireName()),
            org.assertj.core.groups.Tuple.tuple("/api-tokens", authority(hosts.bridgeUrl()), Auth.OAUTH1,
                "PLAINTEXT"));
  }

  private static List<Exchange> callOneOfEachFamily(PrismHosts hosts, Credentials credentials) {
    try (CleverCloudClient client = Contract.builder(hosts, Contract.http()).credentials(credentials).build()) {
      int mark = ContractRecorder.shared().mark();
      client.api(SelfApi.class).getSelf();
      client.api(ZonesApi.class).listZones(null, null);
      client.api(ApiTokensApi.class).listApiTokens();
      return ContractRecorder.shared().since(mark);
    }
  }

  private static String authority(String url) {
    HttpUrl parsed = HttpUrl.get(url);
    return parsed.host() + ":" + parsed.port();
  }
}
