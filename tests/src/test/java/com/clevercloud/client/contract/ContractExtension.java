package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.prism.PrismHosts;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks, after each test of a {@link ContractTest} class, that Prism found every request the test made valid: no
 * response carried an {@code sl-violations} header (the spec's own 400 example would otherwise hide Prism's verdict).
 * Also remembers which contract classes ran, so that the coverage guard can tell a partial run from a gap.
 */
final class ContractExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContractExtension.class);
  private static final Set<Class<?>> RAN = ConcurrentHashMap.newKeySet();
  private static volatile PrismHosts hosts;

  /**
   * The contract classes that ran so far in this JVM.
   *
   * @return their classes
   */
  static Set<Class<?>> classesThatRan() {
    return Set.copyOf(RAN);
  }

  /**
   * The loopback hosts the contract classes used (one pair for the run).
   *
   * @return the hosts, or null if no contract class ran
   */
  static PrismHosts hosts() {
    return hosts;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    hosts = PrismExtension.hosts(context);
    RAN.add(context.getRequiredTestClass());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put("mark", ContractRecorder.shared().mark());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getRequiredTestMethod().isAnnotationPresent(ViolationsExpected.class)) {
      return;
    }
    int mark = context.getStore(NAMESPACE).get("mark", Integer.class);
    List<Exchange> invalid = ContractRecorder.shared().since(mark).stream()
        .filter(e -> e.slViolations() != null)
        .toList();
    assertThat(invalid)
        .as("Prism found requests of this test invalid against the spec (sl-violations)")
        .isEmpty();
  }
}
