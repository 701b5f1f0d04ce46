package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's test kit example is the sample consumer's test (which CI compiles and runs against the installed
 * artifacts): every line of the README's Java block appears, in order, in the sample's test class.
 */
class ReadmeSampleTest {

  @Test
  void theReadmeExampleIsTheSampleConsumersTest() throws IOException {
    Path root = ProjectRoot.get();
    String readme = Files.readString(root.resolve("README.md"));
    int section = readme.indexOf("## Test your code against a mock Clever Cloud");
    assertThat(section).as("the README section").isNotNegative();
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    List<String> example = readme.substring(start, readme.indexOf("```", start)).lines()
        .filter(l -> !l.isBlank()).toList();
    List<String> sample = Files.readAllLines(root.resolve(
        "tests/sample-consumer/src/test/java/com/example/inventory/AppStatusTest.java"));
    int at = 0;
    for (String line : example) {
      int found = sample.subList(at, sample.size()).indexOf(line);
      assertThat(found).as("README line not in the sample's test (in this order): %s", line).isNotNegative();
      at += found + 1;
    }
  }
}
