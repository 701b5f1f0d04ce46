package com.clevercloud.client.contract;

import static com.clevercloud.client.contract.Examples.assertMatchesExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.testkit.prism.PrismHosts;
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

/**
 * The builder's options (application id, timeouts, logger, pinned OAuth clock and nonce, maximum concurrent requests),
 * each seen doing its job on a real exchange with Prism made through a generated interface.
 */
@ContractTest
class ClientOptionsContractTest {

  @Test
  void applicationIdTimeoutsAndLoggingThatPrintsNoSecret(PrismHosts hosts) {
    CapturingLogger logger = new CapturingLogger();
    Credentials credentials = Credentials.apiToken(Contract.API_TOKEN);
    try (CleverCloudClient client = Contract.builder(hosts, Contract.http())
        .credentials(credentials)
        .applicationId("contract-tests/1.0")
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .writeTimeout(Duration.ofSeconds(20))
        .callTimeout(Duration.ofSeconds(30))
        .logger(logger, Logger.Level.INFO)
        .build()) {
      int mark = ContractRecorder.shared().mark();
      assertMatchesExample(client.api(SelfApi.class).getSelf(), "getSelf");

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
    OkHttpClient capturing = Contract.http().newBuilder()
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
      assertMatchesExample(client.api(ZonesApi.class).listZones(null, null), "listZones");
    }
    assertThat(authorizations).singleElement().asString()
        .startsWith("OAuth ")
        .contains("oauth_timestamp=\"1767225600\"", "oauth_nonce=\"contracttestnonce0000000000000001\"",
            "oauth_signature_method=\"HMAC-SHA512\"", "oauth_version=\"1.0\"")
        .doesNotContain("contract-consumer-secret", "contract-test-oauth-token-secret");
  }

  /**
   * {@code maxConcurrentRequests} bounds the asynchronous calls in flight, on a dispatcher of the client's own: with
   * a limit of 2, six {@code getSelfAsync} calls never have more than two requests on the wire at once; with a limit
   * of 8, eight calls are all in flight together, beyond the 5 per host of the shared {@code OkHttpClient}'s
   * dispatcher, which stays as it was.
   */
  @Test
  void maxConcurrentRequestsBoundsTheAsyncCallsInFlight(PrismHosts hosts) {
    assertThat(inFlightAtMost(hosts, 2, 6)).isEqualTo(2);
    assertThat(inFlightAtMost(hosts, 8, 8)).isEqualTo(8);
    assertThat(Contract.http().dispatcher().getMaxRequestsPerHost()).as("the given client's dispatcher is untouched")
        .isEqualTo(5);
  }

  private static int inFlightAtMost(PrismHosts hosts, int limit, int calls) {
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger max = new java.util.concurrent.atomic.AtomicInteger();
    OkHttpClient slow = Contract.http().newBuilder()
        .addNetworkInterceptor(chain -> {
          max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(150); // long enough for every call allowed to start to be on the wire together
            return chain.proceed(chain.request());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
          } finally {
            inFlight.decrementAndGet();
          }
        })
        .build();
    try (CleverCloudClient client = Contract.builder(hosts, slow).credentials(Contract.Credential.API_TOKEN
        .credentials()).maxConcurrentRequests(limit).build()) {
      List<java.util.concurrent.CompletableFuture<com.clevercloud.api.v2.model.UserView>> futures =
          new java.util.ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(client.api(SelfApi.class).getSelfAsync());
      }
      for (var future : futures) {
        assertMatchesExample(future.join(), "getSelf");
      }
    }
    return max.get();
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
