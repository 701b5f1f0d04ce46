package com.clevercloud.client.contract;

import com.clevercloud.client.prism.PrismHosts;
import com.clevercloud.client.prism.PrismServers;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Prism per spec once for the whole test run, and the two loopback hosts in front of them (kept in the root
 * store, closed when the run ends), and hands {@link PrismServers} and {@link PrismHosts} to test constructors and
 * methods. If Prism cannot start, every test using it fails with Prism's output: contract tests never skip.
 */
public final class PrismExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrismExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    hosts(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PrismServers.class || type == PrismHosts.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
    return parameter.getParameter().getType() == PrismServers.class ? servers(context) : hosts(context);
  }

  static PrismServers servers(ExtensionContext context) {
    // The root store outlives every test class; JUnit closes AutoCloseable values when the run ends.
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(PrismServers.class, key -> PrismServers.start(PrismServers.projectRoot()), PrismServers.class);
  }

  static PrismHosts hosts(ExtensionContext context) {
    PrismServers servers = servers(context);
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(PrismHosts.class, key -> PrismHosts.start(servers), PrismHosts.class);
  }
}
