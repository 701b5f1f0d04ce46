package com.clevercloud.client.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, where the tests read {@code openapi/*.yaml} to compare answers with the specs' examples. */
public final class ProjectRoot {

  private ProjectRoot() {
  }

  /**
   * Finds the repository root from the {@code project.root} system property (set by tests/pom.xml) or by walking up
   * from the working directory.
   *
   * @return the directory that holds {@code openapi/v2.yaml}
   */
  public static Path get() {
    String configured = System.getProperty("project.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("openapi/v2.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Cannot find the project root (a directory with openapi/v2.yaml) above "
        + Path.of("").toAbsolutePath() + "; set -Dproject.root");
  }
}
