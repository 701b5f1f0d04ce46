package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of the facade depends, directly or through others, on a package that depends on it: the dependencies go
 * one way (client → auth, exception, internal → internal.check). Read from the compiled classes, whose constant pools
 * name every class they use.
 */
class PackageCyclesTest {

  private static final Pattern CLASS_REF = Pattern.compile("com/clevercloud/client((?:/[a-z][a-z0-9]*)*)/[A-Z]");

  @Test
  void theFacadesPackagesFormNoCycle() throws Exception {
    Map<String, Set<String>> deps = dependencies();
    assertThat(deps).containsKeys("com.clevercloud.client", "com.clevercloud.client.internal",
        "com.clevercloud.client.auth");
    List<String> cycles = new ArrayList<>();
    for (String from : deps.keySet()) {
      for (String to : deps.get(from)) {
        if (reaches(deps, to, from, new TreeSet<>())) {
          cycles.add(from + " -> " + to);
        }
      }
    }
    assertThat(cycles).as("package dependencies that close a cycle").isEmpty();
  }

  @Test
  void theCheckNoticesACycle() {
    Map<String, Set<String>> deps = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
    assertThat(reaches(deps, "b", "a", new TreeSet<>())).isTrue();
    assertThat(reaches(Map.of("a", Set.of("b"), "b", Set.of()), "b", "a", new TreeSet<>())).isFalse();
  }

  private static boolean reaches(Map<String, Set<String>> deps, String from, String target, Set<String> seen) {
    if (from.equals(target)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    for (String next : deps.getOrDefault(from, Set.of())) {
      if (reaches(deps, next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Set<String>> dependencies() throws IOException, URISyntaxException {
    Path root = Path.of(CleverCloudClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, Set<String>> deps = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String rel = root.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
        // Class names in a constant pool are modified UTF-8; ISO-8859-1 keeps every byte as one char.
        String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Matcher m = CLASS_REF.matcher(pool);
        Set<String> to = deps.computeIfAbsent(rel, k -> new TreeSet<>());
        while (m.find()) {
          String pkg = "com.clevercloud.client" + m.group(1).replace('/', '.');
          if (!pkg.equals(rel)) {
            to.add(pkg);
          }
        }
      }
    }
    return deps;
  }
}
