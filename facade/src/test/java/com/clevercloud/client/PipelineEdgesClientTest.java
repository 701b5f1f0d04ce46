package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.model.WannabeApplication;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.BadRequestException;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The call pipeline's edges seen from the public client: the secrets of a body found among its other properties. */
class PipelineEdgesClientTest extends TestServers {

  private static final String CANARY = "CANARY-env-value-7f3a";

  /**
   * A body model whose secret property (an application's environment) comes after plain properties, a scalar and
   * one typed as a model (a UUID): the secret is still found, so the server's echo of it is masked.
   */
  @Test
  void aSecretAfterPlainPropertiesOfABodyIsStillMasked() throws Exception {
    bridge.enqueue(json(400, "{\"message\":\"invalid env: DB_PASSWORD=" + CANARY + "\"}"));
    WannabeApplication app = new WannabeApplication().name("app")
        .instanceVariant(UUID.fromString("00000000-0000-0000-0000-000000000001"))
        .env(Map.of("DB_PASSWORD", CANARY));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      assertThatThrownBy(() -> client.api(ApplicationsApi.class).createApplication("orga_1", app))
          .isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.getMessage()).doesNotContain(CANARY);
            assertThat(e.body().orElse("")).doesNotContain(CANARY);
            assertThat(e.apiMessage().orElse("")).doesNotContain(CANARY);
          });
    }
    RecordedRequest sent = take(bridge);
    assertThat(sent.getBody().utf8()).contains(CANARY).contains("\"name\":\"app\"");
  }
}
