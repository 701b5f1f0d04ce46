package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.prism.PrismHosts;
import java.lang.System.Logger;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The builder's options, each seen doing its job on a real exchange with Prism. */
@ContractTest
class ClientOptionsContractTest {

    @Test
    void applicationIdTimeoutsAndLoggingThatPrintsNoSecret(PrismHosts hosts) {
        CapturingLogger logger = new CapturingLogger();
        Credentials credentials = Credentials.apiToken(Contract.API_TOKEN);
        try (CleverCloudClient client = Contract.builder(hosts, Contract.HTTP)
                .credentials(credentials)
                .applicationId("contract-tests/1.0")
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30))
                .logger(logger, Logger.Level.INFO)
                .build()) {
            int mark = ContractRecorder.shared().mark();
            assertMatchesExample(client.self().get(), "getSelf");

            assertThat(client.credentials()).containsSame(credentials);
            assertThat(ContractRecorder.shared().since(mark)).singleElement().extracting(Exchange::userAgent)
                    .asString().contains("contract-tests/1.0");
            assertThat(logger.lines).singleElement().asString().contains("/v2/self", "200")
                    .doesNotContain(Contract.API_TOKEN, "jane.doe@example.com");
            assertThat(client.toString()).contains(hosts.bridgeUrl()).doesNotContain(Contract.API_TOKEN);
        }
    }

    /** A pinned clock and nonce source reach the OAuth header Prism receives. */
    @Test
    void oauth1SignerWithPinnedClockAndNonce(PrismHosts hosts) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        List<String> authorizations = new CopyOnWriteArrayList<>();
        OkHttpClient capturing = Contract.HTTP.newBuilder()
                .addNetworkInterceptor(chain -> {
                    authorizations.add(chain.request().header("Authorization"));
                    return chain.proceed(chain.request());
                })
                .build();
        try (CleverCloudClient client = Contract.builder(hosts, capturing)
                .credentials(Contract.Credential.OAUTH1.credentials())
                .clock(clock)
                .oauth1Signer(new OAuth1Signer(clock, () -> "contracttestnonce0000000000000001"))
                .build()) {
            assertMatchesExample(client.zones().list(), "listZones");
        }
        assertThat(authorizations).singleElement().asString()
                .startsWith("OAuth ")
                .contains("oauth_timestamp=\"1767225600\"", "oauth_nonce=\"contracttestnonce0000000000000001\"",
                        "oauth_signature_method=\"HMAC-SHA512\"", "oauth_version=\"1.0\"")
                .doesNotContain("contract-consumer-secret", "contract-test-oauth-token-secret");
    }

    /** Collects formatted log lines. */
    private static final class CapturingLogger implements Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "contract";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(msg + (thrown == null ? "" : " " + thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        }
    }
}
