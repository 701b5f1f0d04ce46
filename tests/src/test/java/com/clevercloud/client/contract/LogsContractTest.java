package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v4.model.AccessLog;
import com.clevercloud.api.v4.model.AddonLog;
import com.clevercloud.api.v4.model.ApplicationLog;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.LogQuery;
import com.clevercloud.client.LogStream;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.testkit.prism.PrismHosts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The log streams through {@code client.logs(…)} against Prism, with each credential kind: the spec's Server-Sent
 * Events example read as typed records (the heartbeat skipped, the stream ended by its {@code END_OF_STREAM}), from
 * one request that Prism found valid, query parameters included. (The generated streamed methods themselves, and
 * their async twins, are run by {@link EveryOperationContractTest}.)
 */
@ContractTest
class LogsContractTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();

  @ParameterizedTest
  @EnumSource(Credential.class)
  void applicationLogsAreTheSpecExampleTyped(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      int mark = ContractRecorder.shared().mark();
      List<ApplicationLog> logs;
      try (LogStream<ApplicationLog> stream = client.logs(LogQuery.application(Contract.OWNER_ID, Contract.APP_ID)
          .since(Instant.parse("2025-07-18T10:00:00Z")).until(Instant.parse("2025-07-18T11:00:00Z")).limit(100)
          .filter("ERROR").deploymentId("deployment_1").instanceIds("i-1", "i-2"))) {
        logs = stream.stream().toList();
      }
      assertThat(logs).extracting(ApplicationLog::getId).containsExactly("3:1200:0", "3:1201:0");
      assertThat(logs.get(1).getMessage()).isEqualTo("Listening on port 8080");
      assertThat(logs.get(1).getDate().toInstant()).isEqualTo(Instant.parse("2025-07-18T10:00:01.456Z"));
      assertOneValidRequest(mark, "streamApplicationLogs");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void addonAndAccessLogsAreTheSpecExamplesTyped(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      String addonId = SPEC.parameterExample("streamAddonLogs", "addonId");
      int mark = ContractRecorder.shared().mark();
      try (LogStream<AddonLog> stream = client.logs(LogQuery.addon(Contract.OWNER_ID, addonId))) {
        assertThat(stream.stream().map(AddonLog::getHostname).toList()).containsExactly("pg-example-1");
      }
      assertOneValidRequest(mark, "streamAddonLogs");
      mark = ContractRecorder.shared().mark();
      try (LogStream<AccessLog> stream = client.logs(LogQuery.accessLogs(Contract.OWNER_ID, Contract.APP_ID))) {
        assertThat(stream.stream().map(a -> a.getHttp().getResponse().getStatusCode()).toList()).containsExactly(200);
      }
      assertOneValidRequest(mark, "streamAccessLogs");
    }
  }

  private static void assertOneValidRequest(int mark, String operationId) {
    List<Exchange> sent = ContractRecorder.shared().since(mark);
    assertThat(sent).singleElement().satisfies(e -> {
      assertThat(SPEC.match(e.method(), e.path())).hasValueSatisfying(
          hit -> assertThat(hit.operationId()).isEqualTo(operationId));
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.accept()).isEqualTo("text/event-stream");
      assertThat(e.slViolations()).isNull();
    });
  }
}
