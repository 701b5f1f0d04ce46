package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.testkit.CleverCloudMock;
import com.clevercloud.client.testkit.prism.PrismServers;
import com.clevercloud.client.testkit.prism.PrismServers.Spec;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The mock itself: three Prism processes, each serving its spec's examples and enforcing credentials. */
@CleverCloudMock
class PrismServersTest {

  private final OkHttpClient http = new OkHttpClient();

  @Test
  void eachSpecIsServedOnItsOwnPort(PrismServers prism) throws IOException {
    assertThat(prism.allAlive()).isTrue();
    assertThat(prism.pids()).hasSize(3).doesNotHaveDuplicates();
    try (Response self = get(prism.baseUrl(Spec.V2) + "/v2/self", "Bearer contract-test")) {
      assertThat(self.code()).isEqualTo(200);
      assertThat(self.header("sl-violations")).isNull();
    }
    try (Response zones = get(prism.baseUrl(Spec.V4) + "/v4/products/zones", "Bearer contract-test")) {
      assertThat(zones.code()).isEqualTo(200);
    }
    try (Response tokens = get(prism.baseUrl(Spec.BRIDGE) + "/api-tokens", "Bearer contract-test")) {
      assertThat(tokens.code()).isEqualTo(200);
    }
  }

  @Test
  void aRequestWithoutCredentialsIsRefused(PrismServers prism) throws IOException {
    try (Response self = get(prism.baseUrl(Spec.V2) + "/v2/self", null)) {
      assertThat(self.code()).isEqualTo(401);
    }
  }

  private Response get(String url, String authorization) throws IOException {
    Request.Builder request = new Request.Builder().url(url);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.newCall(request.build()).execute();
  }
}
