package com.clevercloud.client.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.contract.ProjectRoot;
import com.clevercloud.client.testkit.CleverCloudMock;
import com.clevercloud.client.testkit.prism.PrismServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The quickstart's tour, run against the Prisms of the test run: what it prints, and what it leaves behind. */
@CleverCloudMock
class QuickstartTest {

  @Test
  void tourPrintsEachStepAndTheSecretOnlyMasked(PrismServers prism) throws IOException {
    JsonNode created = new ObjectMapper(new YAMLFactory())
        .readTree(ProjectRoot.get().resolve("openapi/bridge.yaml").toFile())
        .at("/paths/~1api-tokens/post/responses/200/content/application~1json/example");
    String secret = created.path("apiToken").asText();
    Set<Long> processesBefore = descendants();

    String printed = run(prism);

    assertThat(printed).contains(
        "1. Who am I?", "Jane Doe <jane.doe@example.com>, user_00000000-0000-0000-0000-000000000001",
        "2. Zones", "par  Paris, France",
        "3. Applications of Example Corp (orga_00000000-0000-0000-0000-000000000001)",
        "example-api  app_00000000-0000-0000-0000-000000000001  SHOULD_BE_UP",
        "4. Create an API token", "Created " + created.path("apiTokenId").asText(),
        "Its secret, shown this once: " + secret.substring(0, Quickstart.SHOWN_PREFIX) + "************",
        "Store the secret now",
        "5. List my API tokens", "6. Rename it", "7. Delete it",
        "Deleted " + created.path("apiTokenId").asText());
    // The listing prints each token as the README shows it: id, name, state (ACTIVE, EXPIRED), expiration instant.
    JsonNode listed = new ObjectMapper(new YAMLFactory())
        .readTree(ProjectRoot.get().resolve("openapi/bridge.yaml").toFile())
        .at("/paths/~1api-tokens/get/responses/200/content/application~1json/example");
    assertThat(listed).isNotEmpty();
    for (JsonNode token : listed) {
      assertThat(printed).contains("   " + token.path("apiTokenId").asText() + "  \"" + token.path("name").asText()
          + "\"  " + token.path("state").asText() + "  expires "
          + Instant.parse(token.path("expirationDate").asText()) + "\n");
    }
    assertThat(printed).contains("  ACTIVE  expires 2026-07-15T10:30:00Z", "  EXPIRED  expires ");
    assertThat(printed).as("the full secret is never printed").doesNotContain(secret);
    assertThat(printed.split(secret.substring(0, Quickstart.SHOWN_PREFIX), -1))
        .as("the masked secret is printed once").hasSize(2);
    assertThat(printed.indexOf("1. Who am I?")).isLessThan(printed.indexOf("2. Zones"));
    assertThat(printed.indexOf("6. Rename it")).isLessThan(printed.indexOf("7. Delete it"));

    assertThat(descendants()).as("no process started by the tour is left").isEqualTo(processesBefore);
    assertThat(prism.allAlive()).as("the run's Prisms are the extension's to stop").isTrue();
  }

  @Test
  void maskShowsAShortPrefixAndHidesTheLength() {
    assertThat(Quickstart.masked(Secret.of("EXAMPLE-api-token-secret-000000000000"))).isEqualTo("EXAMPLE-************");
    assertThat(Quickstart.masked(Secret.of("short"))).isEqualTo("s************");
    assertThat(Quickstart.masked(Secret.of("abc"))).isEqualTo("************");
  }

  private static String run(PrismServers prism) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Quickstart.tourOnPrism(prism, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Set<Long> descendants() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }
}
