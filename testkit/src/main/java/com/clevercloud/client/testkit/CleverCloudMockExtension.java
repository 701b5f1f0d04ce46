package com.clevercloud.client.testkit;

import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.testkit.prism.PrismHosts;
import com.clevercloud.client.testkit.prism.PrismServers;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CleverCloudMock}; use the annotation rather than this class.
 *
 * <p>It starts the mock once for the whole run (kept in the root store, so JUnit stops it when the run ends), resolves
 * {@link CleverCloudClient}, {@link MockCleverCloud}, {@link PrismServers} and {@link PrismHosts} parameters, and after
 * each test fails it if Prism found a request invalid or a {@link MockCleverCloud#nextCall()} choice was not used.
 */
public final class CleverCloudMockExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CleverCloudMockExtension.class);

  /** Called by JUnit, through {@link CleverCloudMock}. */
  public CleverCloudMockExtension() {
  }

  /**
   * The run's mock, started on first use.
   *
   * @param context any context of the run
   * @return the mock
   * @throws IllegalStateException if Node.js or Prism is missing, or Prism does not start
   */
  public static MockCleverCloud mock(ExtensionContext context) {
    // The root store outlives every test class; JUnit closes AutoCloseable values when the run ends.
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> new Running(MockCleverCloud.start()), Running.class).mock;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // Start (or fail) before the first test: a missing Prism fails the class with the installation hint.
    mock(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    mock(context).beginTest();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    MockCleverCloud mock = mock(context);
    List<NextCall> unused = mock.endTest();
    if (!context.getRequiredTestMethod().isAnnotationPresent(ViolationsExpected.class)) {
      mock.assertNoViolations();
    }
    if (!unused.isEmpty() && context.getExecutionException().isEmpty()) {
      throw new AssertionError("The test chose answers that no call took: " + unused
          + ". Each mock.nextCall() applies to one later call of a client of the mock.");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CleverCloudClient.class || type == MockCleverCloud.class || type == PrismServers.class
        || type == PrismHosts.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    MockCleverCloud mock = mock(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == MockCleverCloud.class) {
      return mock;
    }
    if (type == PrismServers.class) {
      return mock.prism();
    }
    if (type == PrismHosts.class) {
      return mock.hosts();
    }
    CleverCloudClient client = mock.client(credentials(context));
    // Closed with the context that asked for it: after the test for a method parameter, after the class for a
    // constructor parameter of a per-class instance.
    context.getStore(NAMESPACE).put(new Object(), (AutoCloseable) client::close);
    return client;
  }

  /** The nearest {@link CleverCloudMock}: on the method, else on the class or an enclosing one. */
  private static MockCredentials credentials(ExtensionContext context) {
    Optional<CleverCloudMock> onMethod = context.getTestMethod().flatMap(m -> find(m));
    if (onMethod.isPresent()) {
      return onMethod.get().credentials();
    }
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      Optional<CleverCloudMock> found = find(c);
      if (found.isPresent()) {
        return found.get().credentials();
      }
    }
    return MockCredentials.API_TOKEN;
  }

  private static Optional<CleverCloudMock> find(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, CleverCloudMock.class);
  }

  /** The run's mock, closed by JUnit with the root store. */
  private static final class Running implements AutoCloseable {
    private final MockCleverCloud mock;

    Running(MockCleverCloud mock) {
      this.mock = mock;
    }

    @Override
    public void close() {
      mock.close();
    }
  }
}
