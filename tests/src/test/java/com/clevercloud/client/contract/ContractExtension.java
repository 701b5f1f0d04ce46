package com.clevercloud.client.contract;

import com.clevercloud.client.testkit.CleverCloudMockExtension;
import com.clevercloud.client.testkit.MockCleverCloud;
import com.clevercloud.client.testkit.prism.PrismHosts;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Remembers which {@link ContractTest} classes ran, so that the coverage guard can tell a partial run from a gap, and
 * hands the run's mock (the test kit's, started by {@link com.clevercloud.client.testkit.CleverCloudMock}) to the
 * static helpers of the contract tests. The after-each check that Prism found every request valid is the kit's.
 */
final class ContractExtension implements BeforeAllCallback {

  private static final Set<Class<?>> RAN = ConcurrentHashMap.newKeySet();
  private static volatile MockCleverCloud mock;

  /**
   * The contract classes that ran so far in this JVM.
   *
   * @return their classes
   */
  static Set<Class<?>> classesThatRan() {
    return Set.copyOf(RAN);
  }

  /**
   * The run's mock: its recording transport and every exchange the contract tests made.
   *
   * @return the mock
   * @throws IllegalStateException before the first contract class started
   */
  static MockCleverCloud mock() {
    MockCleverCloud current = mock;
    if (current == null) {
      throw new IllegalStateException("No contract class has started the mock yet");
    }
    return current;
  }

  /**
   * The loopback hosts the contract classes used (one pair for the run).
   *
   * @return the hosts, or null if no contract class ran
   */
  static PrismHosts hosts() {
    MockCleverCloud current = mock;
    return current == null ? null : current.hosts();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    mock = CleverCloudMockExtension.mock(context);
    RAN.add(context.getRequiredTestClass());
  }
}
