package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.SpecCatalog.Auth;
import com.clevercloud.client.contract.SpecCatalog.Operation;
import com.clevercloud.client.internal.OperationTable;
import com.clevercloud.client.internal.OperationTable.Op;
import com.clevercloud.client.testkit.prism.PrismHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every contract test (last in class order, see {@code junit-platform.properties}) and reads what they
 * recorded. The operations are those of the generated {@link OperationTable} (checked against the specs by
 * {@link SpecCatalogTest}), so a new operation is guarded with no list to update. Every operation must have been
 * called through the facade's generated interface, both its blocking method and its {@code …Async} twin, with each
 * credential kind it allows, and answered with a 2xx that Prism found valid; every request must have reached the host
 * its credential calls for; every request a generated method made must have hit the operation of the same operationId.
 * A gap is named: operation, credential kind, Java method.
 */
@Order(Integer.MAX_VALUE)
class CoverageGuardTest {

  private List<Exchange> throughFacade;
  private String bridge;
  private String main;

  /**
   * Reads the recording, or skips the guard (with the reason) when the run was filtered and some contract class did
   * not run: the guard would then only list what the other classes cover.
   */
  @BeforeEach
  void onlyAfterTheWholeSuite() {
    Set<String> missing = new TreeSet<>();
    for (Class<?> contractClass : contractClasses()) {
      if (!ContractExtension.classesThatRan().contains(contractClass)) {
        missing.add(contractClass.getSimpleName());
      }
    }
    Assumptions.assumeTrue(missing.isEmpty(),
        () -> "The coverage guard needs the whole contract suite; did not run: " + missing);
    PrismHosts hosts = ContractExtension.hosts();
    bridge = authority(hosts.bridgeUrl());
    main = authority(hosts.apiUrl());
    // Only what went through the facade counts: raw requests straight to a Prism do not exercise the client.
    throughFacade = ContractRecorder.shared().all().stream()
        .filter(e -> e.authority().equals(bridge) || e.authority().equals(main))
        .toList();
  }

  @Test
  void everyOperationRanThroughBothGeneratedTwinsWithEachCredentialItAllows() {
    SpecCatalog catalog = SpecCatalog.get();
    List<Op> operations = OperationTable.INSTANCE.all();
    List<String> notExercised = new ArrayList<>();
    for (Op op : operations) {
      for (Auth auth : EveryOperationContractTest.auths(op)) {
        for (String javaMethod : List.of(op.id(), op.id() + "Async")) {
          boolean exercised = throughFacade.stream()
              .filter(e -> e.successful() && e.slViolations() == null && e.auth() == auth
                  && javaMethod.equals(e.javaMethod()))
              .anyMatch(e -> catalog.match(e.method(), e.path())
                  .filter(hit -> hit.operationId().equals(op.id())).isPresent());
          if (!exercised) {
            notExercised.add(op.family() + " " + op.id() + " (" + op.httpMethod() + " " + op.path()
                + ") with " + auth + " via " + javaMethod);
          }
        }
      }
    }
    assertThat(notExercised)
        .as("operations no contract test called successfully through the facade (%d operations in the "
            + "operations table)", operations.size())
        .isEmpty();
  }

  @Test
  void everyRequestOfAGeneratedMethodHitTheOperationOfTheSameId() {
    SpecCatalog catalog = SpecCatalog.get();
    List<String> wrong = new ArrayList<>();
    for (Exchange e : throughFacade) {
      if (e.javaMethod() == null) {
        continue;
      }
      String id = e.javaMethod().endsWith("Async")
          ? e.javaMethod().substring(0, e.javaMethod().length() - "Async".length()) : e.javaMethod();
      Optional<String> hit = catalog.match(e.method(), e.path()).map(Operation::operationId);
      if (!hit.equals(Optional.of(id))) {
        wrong.add(e + " (hit " + hit.orElse("no operation") + ")");
      }
    }
    assertThat(wrong).as("requests of a generated method that reached another operation").isEmpty();
  }

  @Test
  void everyRequestTheFacadeSentIsAnOperationOfTheSpecs() {
    SpecCatalog catalog = SpecCatalog.get();
    List<Exchange> unknown = throughFacade.stream()
        .filter(e -> catalog.match(e.method(), e.path()).isEmpty())
        .toList();
    assertThat(unknown).as("requests matching no operation of the specs").isEmpty();
  }

  @Test
  void everyRequestReachedTheHostItsCredentialCallsFor() {
    List<String> misrouted = new ArrayList<>();
    for (Exchange e : throughFacade) {
      Optional<Operation> op = SpecCatalog.get().match(e.method(), e.path());
      boolean anonymous = op.isPresent() && op.get().auth().equals(Set.of(Auth.NONE));
      if (e.auth() == Auth.NONE && !anonymous && !e.path().startsWith("/v2/oauth/")) {
        continue; // a negative test removed the credential on the wire: nothing to check
      }
      String expected = expectedHost(e);
      if (!e.authority().equals(expected)) {
        misrouted.add(e + " (expected " + (expected.equals(bridge) ? "the Bridge" : "the main host") + ")");
      }
      boolean bridgeOwn = e.path().startsWith("/api-tokens");
      if (e.auth() == Auth.OAUTH1 && bridgeOwn && !"PLAINTEXT".equals(e.signatureMethod())) {
        misrouted.add(e + " (the Bridge's /api-tokens take OAuth PLAINTEXT only, got "
            + e.signatureMethod() + ")");
      }
      if (anonymous && e.auth() != Auth.NONE) {
        misrouted.add(e + " (" + op.get().operationId() + " takes no Authorization)");
      }
    }
    assertThat(misrouted).as("requests sent to the wrong host or with the wrong credential").isEmpty();
  }

  /**
   * The routing table of the issue: {@code /api-tokens} on the Bridge whatever the credential; an API token sends
   * {@code /v2} and {@code /v4} to the Bridge too; OAuth 1.0a, and the OAuth dance, go to the main host.
   */
  private String expectedHost(Exchange e) {
    if (e.path().startsWith("/api-tokens")) {
      return bridge;
    }
    return e.auth() == Auth.BEARER ? bridge : main;
  }

  private static String authority(String url) {
    HttpUrl parsed = HttpUrl.get(url);
    return parsed.host() + ":" + parsed.port();
  }

  /** The classes annotated {@link ContractTest} in this package of the test classes directory. */
  private static List<Class<?>> contractClasses() {
    try {
      Path root = Path.of(CoverageGuardTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = root.resolve(CoverageGuardTest.class.getPackageName().replace('.', '/'));
      List<Class<?>> classes = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".class") && !name.contains("$")) {
            Class<?> c = Class.forName(CoverageGuardTest.class.getPackageName() + "."
                + name.substring(0, name.length() - ".class".length()));
            if (c.isAnnotationPresent(ContractTest.class)) {
              classes.add(c);
            }
          }
        }
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
