package com.clevercloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The templates' output, pinned: one generated interface ({@code ZonesApi}: a blocking method and its async twin per
 * operation) and one operations table ({@code v4 Operations}) must equal their golden copies byte for byte. A change
 * of a template, of the generator version or of the v4 spec shows up here as a readable diff.
 *
 * <p>To accept an intended change, copy the generated file over the golden one (the paths are in the failure message)
 * and review the diff in the commit.
 */
class GoldenFileTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "openapi-v4/src/main/java/com/clevercloud/api/v4/api/ZonesApi.java, ZonesApi.java.txt",
      "openapi-v4/src/main/java/com/clevercloud/api/v4/invoker/Operations.java, v4-Operations.java.txt"})
  void theGeneratedFileEqualsItsGoldenCopy(String generated, String golden) throws Exception {
    Path actual = Path.of("target/generated-sources").resolve(generated);
    Path expected = Path.of("src/test/resources/golden").resolve(golden);
    assertThat(Files.readString(actual, StandardCharsets.UTF_8))
        .as("%s differs from %s: if the change is intended, copy the first over the second", actual.toAbsolutePath(),
            expected.toAbsolutePath())
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
