package com.clevercloud.client.testkit.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the kit looks for Prism, in which order, and what it says when there is none. */
class PrismCommandTest {

  @TempDir
  Path dir;

  @Test
  void aConfiguredPathWinsAndMustExist() throws IOException {
    Path script = npmInstall(dir.resolve("project"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/node_modules/.bin"));
    PrismCommand command = PrismCommand.locate(script.toString(), "-Dx", dir.resolve("project"), null);
    assertThat(command.executable()).isEqualTo(script.toRealPath());
    assertThat(command.nodeScript()).isTrue();

    assertThatThrownBy(() -> PrismCommand.locate(elsewhere.resolve("prism").toString(), "-Dx", dir, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-Dx names")
        .hasMessageContaining("which is not a file");
  }

  @Test
  void nodeModulesInTheWorkingDirectoryOrAParent() throws IOException {
    Path project = dir.resolve("project");
    Path script = npmInstall(project);
    Path module = Files.createDirectories(project.resolve("module/src"));
    PrismCommand command = PrismCommand.locate(null, null, module, null);
    assertThat(command.executable()).isEqualTo(script.toRealPath());
    assertThat(command.nodeScript()).isTrue();
    assertThat(command.toString()).contains("node_modules/.bin/prism".replace('/', File.separatorChar));
  }

  @Test
  void thenThePath() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path prism = Files.writeString(bin.resolve("prism"), "#!/bin/sh\nexec true\n");
    Files.setPosixFilePermissions(prism, PosixFilePermissions.fromString("rwxr-xr-x"));
    PrismCommand command = PrismCommand.locate(null, null, Files.createDirectories(dir.resolve("empty")),
        "/nonexistent" + File.pathSeparator + bin);
    assertThat(command.executable()).isEqualTo(prism.toRealPath());
    assertThat(command.nodeScript()).as("a shell script runs as it is").isFalse();
    assertThat(command.commandLine(Path.of("watchdog.cjs"), java.util.List.of("mock")))
        .containsExactly(prism.toRealPath().toString(), "mock");
  }

  @Test
  void nothingFoundFailsWithHowToInstall() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> PrismCommand.locate(null, null, empty, dir.resolve("nobin").toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("npm install --save-dev @stoplight/prism-cli@" + PrismCommand.testedPrismVersion())
        .hasMessageContaining("Node.js 18.20 or newer")
        .hasMessageContaining("-D" + PrismCommand.PROPERTY)
        .hasMessageContaining(PrismCommand.ENVIRONMENT_VARIABLE);
  }

  @Test
  void theTestedVersionIsTheOnePackageJsonPins() throws IOException {
    String packageJson = Files.readString(Path.of(System.getProperty("project.root"), "package.json"));
    assertThat(packageJson).contains("\"@stoplight/prism-cli\": \"" + PrismCommand.testedPrismVersion() + "\"");
  }

  @Test
  void nodeVersions() {
    assertThat(PrismCommand.isAtLeastMinimum("v18.20.0")).isTrue();
    assertThat(PrismCommand.isAtLeastMinimum("v22.1.0")).isTrue();
    assertThat(PrismCommand.isAtLeastMinimum("v18.19.1")).isFalse();
    assertThat(PrismCommand.isAtLeastMinimum("v16.20.2")).isFalse();
    assertThat(PrismCommand.isAtLeastMinimum("garbage")).isFalse();
    assertThat(PrismCommand.isAtLeastMinimum(null)).isFalse();
  }

  /** What {@code npm install @stoplight/prism-cli} leaves: a link from .bin/prism to the package's script. */
  private static Path npmInstall(Path project) throws IOException {
    Path script = project.resolve("node_modules/@stoplight/prism-cli/dist/index.js");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/usr/bin/env node\n");
    Path bin = Files.createDirectories(project.resolve("node_modules/.bin"));
    Files.createSymbolicLink(bin.resolve("prism"), bin.relativize(script));
    return script;
  }
}
