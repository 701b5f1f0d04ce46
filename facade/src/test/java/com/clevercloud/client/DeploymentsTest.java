package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.ForbiddenException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Waiting for a deployment: every state the API reports ends the wait with its outcome, a deployment not listed yet
 * (404) is polled again, a timeout is an outcome and not an exception, a failing poll ends the wait with the client's
 * exception, cancelling the future stops the polls, and the wait for an application's state. Polls start after 1 ms
 * here; what is asserted is outcomes and request counts, never durations.
 */
class DeploymentsTest extends TestServers {

  private static final String PATH = "/v2/organisations/orga_1/applications/app_1/deployments/deployment_1";
  private static final Duration NOW = Duration.ofMillis(1);

  private static MockResponse deployment(String state) {
    return json("{\"uuid\":\"deployment_1\",\"state\":\"" + state + "\",\"action\":\"DEPLOY\",\"cause\":\"because "
        + state + "\"}");
  }

  private Deployments.Result await(Duration timeout) throws Exception {
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      return client.deployments().awaitAsync("orga_1", "app_1", "deployment_1", timeout, NOW).get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void eachFinalStateEndsTheWaitWithItsOutcome() throws Exception {
    String[][] cases = {{"OK", "SUCCEEDED"}, {"FAIL", "FAILED"}, {"CANCELLED", "CANCELLED"}};
    for (String[] c : cases) {
      int before = bridge.getRequestCount();
      bridge.enqueue(json(404, "{\"id\":4004,\"message\":\"not yet\",\"type\":\"error\"}"));
      bridge.enqueue(deployment("WIP"));
      bridge.enqueue(deployment("TASK_RUNNING"));
      bridge.enqueue(deployment("SOMETHING_NEW"));
      bridge.enqueue(deployment(c[0]));
      Deployments.Result result = await(Duration.ofSeconds(10));
      assertThat(result.outcome().name()).isEqualTo(c[1]);
      assertThat(result.deploymentId()).isEqualTo("deployment_1");
      assertThat(result.cause()).contains("because " + c[0]);
      assertThat(bridge.getRequestCount() - before).isEqualTo(5);
      for (int i = 0; i < 5; i++) {
        RecordedRequest r = take(bridge);
        assertThat(r.getMethod() + " " + r.getTarget()).isEqualTo("GET " + PATH);
      }
    }
  }

  @Test
  void aDeploymentStillRunningAtTheTimeoutIsTimedOutWithItsLastState() throws Exception {
    for (int i = 0; i < 200; i++) {
      bridge.enqueue(deployment("WIP"));
    }
    Deployments.Result result = await(Duration.ofMillis(300));
    assertThat(result.outcome()).isEqualTo(Deployments.Outcome.TIMED_OUT);
    assertThat(result.last()).isNotNull();
    assertThat(result.cause()).contains("because WIP");
  }

  @Test
  void aDeploymentNeverFoundIsTimedOutWithNothingRead() throws Exception {
    for (int i = 0; i < 200; i++) {
      bridge.enqueue(json(404, "{\"id\":4004,\"message\":\"not found\",\"type\":\"error\"}"));
    }
    Deployments.Result result = await(Duration.ofMillis(300));
    assertThat(result.outcome()).isEqualTo(Deployments.Outcome.TIMED_OUT);
    assertThat(result.last()).isNull();
    assertThat(result.cause()).isEmpty();
  }

  @Test
  void aFailingPollEndsTheWaitWithTheClientsException() {
    bridge.enqueue(deployment("WIP"));
    bridge.enqueue(json(403, "{\"id\":1504,\"message\":\"no\",\"type\":\"error\"}"));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.deployments().await("orga_1", "app_1", "deployment_1", Duration.ofSeconds(30)))
          .isInstanceOf(ForbiddenException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
  }

  @Test
  void cancellingTheFutureStopsThePolls() throws Exception {
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      CompletableFuture<Deployments.Result> wait = client.deployments().awaitAsync("orga_1", "app_1", "deployment_1",
          Duration.ofSeconds(30), Duration.ofMillis(200));
      assertThat(wait.cancel(true)).isTrue();
      Thread.sleep(400); // past the first poll's time: nothing must be sent
      assertThat(bridge.getRequestCount()).isZero();
      assertThat(wait).isCancelled();
    }
  }

  @Test
  void theWaitForAnApplicationStateReturnsItOnceReached() throws Exception {
    bridge.enqueue(json("{\"id\":\"app_1\",\"state\":\"SHOULD_BE_DOWN\"}"));
    bridge.enqueue(json("{\"id\":\"app_1\",\"state\":\"SHOULD_BE_UP\"}"));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      Optional<ApplicationView> up = client.deployments().awaitApplication("orga_1", "app_1",
          app -> "SHOULD_BE_UP".equals(String.valueOf(app.getState())), Duration.ofSeconds(30));
      assertThat(up).map(ApplicationView::getId).contains("app_1");
    }
    assertThat(take(bridge).getTarget()).isEqualTo("/v2/organisations/orga_1/applications/app_1");
  }

  @Test
  void badArgumentsAreRefusedAtOnce() {
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.deployments().await("orga_1", "app_1", null, Duration.ofSeconds(1)))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> client.deployments().await("orga_1", "app_1", "d", Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(bridge.getRequestCount()).isZero();
  }
}
