package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.testkit.CleverCloudMock;
import com.clevercloud.client.testkit.MockCleverCloud;
import com.clevercloud.client.testkit.ViolationsExpected;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test kit's extension as a user meets it, run by a JUnit launcher of its own on fixture classes (static nested,
 * which Surefire does not run by itself): a chosen status reaches Prism and the facade's typed exception comes back, a
 * request Prism finds invalid fails its test unless {@link ViolationsExpected}, and a choice no call took fails too.
 * The nested run has its own root context, so it also starts and stops a Prism set of its own.
 */
class TestKitExtensionTest {

  private static final String FIXTURES = "com.clevercloud.client.contract.TestKitExtensionTest#runningFixtures";
  private static volatile boolean runningFixtures;

  /**
   * The fixtures' condition: they run only inside {@link #run(Class[])}, never on their own (for instance under
   * {@code -Dtest=TestKitExtensionTest*}), since some of them fail on purpose.
   *
   * @return true while this test runs them
   */
  static boolean runningFixtures() {
    return runningFixtures;
  }

  @Test
  void verdictsOfTheExtension() {
    Map<String, TestExecutionResult> results = run(ChosenStatus.class, Violating.class, ViolatingOnPurpose.class,
        UnusedChoice.class);

    assertThat(results.get("chosenStatusIsTheTypedException()").getStatus())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(results.get("invalidOnPurpose()").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);

    TestExecutionResult violating = results.get("invalidRequest()");
    assertThat(violating.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(violating.getThrowable().orElseThrow()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("sl-violations").hasMessageContaining("GET ").hasMessageContaining("/v2/self")
        .hasMessageContaining("@ViolationsExpected");

    TestExecutionResult unused = results.get("choiceNeverUsed()");
    assertThat(unused.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(unused.getThrowable().orElseThrow()).hasMessageContaining("no call took")
        .hasMessageContaining("Prefer: code=404");
  }

  private static Map<String, TestExecutionResult> run(Class<?>... classes) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    for (Class<?> c : classes) {
      request.selectors(selectClass(c));
    }
    LauncherDiscoveryRequest built = request.build();
    Map<String, TestExecutionResult> results = new TreeMap<>();
    runningFixtures = true;
    try {
      LauncherFactory.create().execute(built, new TestExecutionListener() {
        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
          if (id.isTest()) {
            // By method name: the display name also lists the parameter types.
            String name = id.getDisplayName();
            results.put(name.substring(0, name.indexOf('(')) + "()", result);
          }
        }
      });
    } finally {
      runningFixtures = false;
    }
    return results;
  }

  /** An unauthenticated request, straight on the mock's transport: Prism answers 401 with sl-violations. */
  private static void getSelfWithoutCredential(MockCleverCloud mock) throws IOException {
    Request request = new Request.Builder().url(mock.apiUrl() + "v2/self").build();
    try (Response response = mock.okHttpClient().newCall(request).execute()) {
      assertEquals(401, response.code());
    }
  }

  @CleverCloudMock
  @EnabledIf(FIXTURES)
  static class ChosenStatus {
    @Test
    void chosenStatusIsTheTypedException(CleverCloudClient client, MockCleverCloud mock) {
      mock.nextCall().status(404);
      assertThrows(NotFoundException.class,
          () -> client.api(ApplicationsApi.class).getApplication(Contract.OWNER_ID, Contract.APP_ID));
      assertEquals("code=404", mock.exchanges().get(0).requestHeader("Prefer"));
    }
  }

  @CleverCloudMock
  @EnabledIf(FIXTURES)
  static class Violating {
    @Test
    void invalidRequest(MockCleverCloud mock) throws IOException {
      getSelfWithoutCredential(mock);
    }
  }

  @CleverCloudMock
  @EnabledIf(FIXTURES)
  static class ViolatingOnPurpose {
    @Test
    @ViolationsExpected
    void invalidOnPurpose(MockCleverCloud mock) throws IOException {
      getSelfWithoutCredential(mock);
      assertThat(mock.exchanges()).singleElement().satisfies(e -> assertThat(e.violated()).isTrue());
    }
  }

  @CleverCloudMock
  @EnabledIf(FIXTURES)
  static class UnusedChoice {
    @Test
    void choiceNeverUsed(MockCleverCloud mock) {
      mock.nextCall().status(404);
    }
  }
}
