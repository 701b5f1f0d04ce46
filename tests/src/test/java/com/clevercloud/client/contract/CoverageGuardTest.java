package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.SpecCatalog.Auth;
import com.clevercloud.client.contract.SpecCatalog.Operation;
import com.clevercloud.client.prism.PrismHosts;
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
 * recorded: every operation of the three specs must have been called through the facade and answered with a 2xx that
 * Prism found valid, once with each credential kind the operation allows; every request must have reached the host
 * its credential calls for.
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
    void everyOperationOfTheSpecsRanThroughTheFacadeWithEachCredentialItAllows() {
        SpecCatalog catalog = SpecCatalog.get();
        List<String> notExercised = new ArrayList<>();
        for (Operation op : catalog.operations()) {
            for (Auth auth : new TreeSet<>(op.auth())) {
                boolean exercised = throughFacade.stream()
                        .filter(e -> e.successful() && e.slViolations() == null && e.auth() == auth)
                        .anyMatch(e -> catalog.match(e.method(), e.path()).filter(op::equals).isPresent());
                if (!exercised) {
                    notExercised.add(op + " with " + auth);
                }
            }
        }
        assertThat(notExercised)
                .as("operations no contract test called successfully through the facade (%d operations in the specs)",
                        catalog.operations().size())
                .isEmpty();
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
