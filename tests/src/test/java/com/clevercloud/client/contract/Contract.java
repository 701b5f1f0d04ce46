package com.clevercloud.client.contract;

import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.testkit.prism.PrismHosts;
import okhttp3.OkHttpClient;

/**
 * Facade clients pointed at the loopback hosts, each built on the test kit's recording {@code OkHttpClient}
 * ({@link #http()}), and the example identifiers the tests pass.
 */
final class Contract {

  /** The API token the tests authenticate with (Prism checks presence only). */
  static final String API_TOKEN = "contract-test-api-token";

  /** The user's organisation in every example. */
  static final String OWNER_ID = "orga_00000000-0000-0000-0000-000000000001";
  /** The application of the organisation's examples. */
  static final String APP_ID = "app_00000000-0000-0000-0000-000000000001";

  /**
   * The recording transport every facade client of the run builds on: the test kit's mock's. Shared, so one connection
   * pool serves the run.
   *
   * @return the transport
   */
  static OkHttpClient http() {
    return ContractExtension.mock().okHttpClient();
  }

  /** The credential kinds the facade takes, as contract tests parameterise over them. */
  enum Credential {
    /** {@code Bearer} through the Bridge. */
    API_TOKEN {
      @Override
      Credentials credentials() {
        return Credentials.apiToken(Contract.API_TOKEN);
      }
    },
    /** OAuth 1.0a (HMAC-SHA512) to the main host, PLAINTEXT to the Bridge's {@code /api-tokens}. */
    OAUTH1 {
      @Override
      Credentials credentials() {
        return Credentials.oauth1("EXAMPLEconsumerKEY0000000000001", "contract-consumer-secret",
            "contract-test-oauth-token", "contract-test-oauth-token-secret");
      }
    };

    abstract Credentials credentials();
  }

  private Contract() {
  }

  /**
   * A client with one kind of credentials.
   *
   * @param hosts the loopback hosts
   * @param credential which kind
   * @return the client
   */
  static CleverCloudClient client(PrismHosts hosts, Credential credential) {
    return builder(hosts, http()).credentials(credential.credentials()).build();
  }

  /**
   * A builder pointed at the loopback hosts, on a given transport, without credentials.
   *
   * @param hosts the loopback hosts
   * @param http the transport to build on
   * @return the builder
   */
  static CleverCloudClient.Builder builder(PrismHosts hosts, OkHttpClient http) {
    return CleverCloudClient.builder()
        .apiBaseUrl(hosts.apiUrl())
        .bridgeBaseUrl(hosts.bridgeUrl())
        .okHttpClient(http);
  }
}
