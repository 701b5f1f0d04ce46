package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.bridge.model.ApiToken;
import com.clevercloud.api.bridge.model.ApiTokenState;
import com.clevercloud.api.bridge.model.ApiTokenUpdateRequest;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.CreateApiTokenRequest;
import com.clevercloud.client.CreatedApiToken;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.contract.SpecCatalog.Auth;
import com.clevercloud.client.testkit.prism.PrismHosts;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Bridge's API tokens: create through the handwritten {@code client.apiTokens()} (secret once, typed apart, the
 * email read from {@code GET /v2/self} when not given), list and get through the generated {@link ApiTokensApi} (the
 * generated {@link ApiToken} model, no secret, every field equal to the spec's example, the state an enum), rename and
 * revoke ({@code Void}, 204), with each credential kind.
 */
@ContractTest
class ApiTokensContractTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();
  private static final JsonNode CREATE_REQUEST = SPEC.requestExample("createApiToken");
  private static final String TOKEN_ID = SPEC.parameterExample("getApiToken", "apiTokenId");

  /** Without credentials and with the email given: one call, to the Bridge, with no Authorization. */
  @Test
  void createWithoutCredentialsReturnsTheSecretOnce(PrismHosts hosts) {
    try (CleverCloudClient client = Contract.builder(hosts, Contract.http()).build()) {
      int mark = ContractRecorder.shared().mark();
      CreatedApiToken created = client.apiTokens().create(request().email(CREATE_REQUEST.path("email").asText())
          .mfaCode(CREATE_REQUEST.path("mfaCode").asText()).build());
      assertCreated(created);
      List<Exchange> sent = ContractRecorder.shared().since(mark);
      assertThat(sent).singleElement().satisfies(e -> {
        assertThat(e.method() + " " + e.path()).isEqualTo("POST /api-tokens");
        assertThat(e.auth()).isEqualTo(Auth.NONE);
        assertThat(e.status()).isEqualTo(200);
      });
    }
  }

  /** Without an email, {@code create} reads it (and checks hasPassword) from {@code GET /v2/self} first. */
  @ParameterizedTest
  @EnumSource(Credential.class)
  void createReadsTheEmailFromSelf(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      int mark = ContractRecorder.shared().mark();
      assertCreated(client.apiTokens().create(request().build()));
      assertThat(ContractRecorder.shared().since(mark))
          .extracting(e -> e.method() + " " + e.path() + " " + e.auth())
          .containsExactly("GET /v2/self " + credential.name().replace("API_TOKEN", "BEARER"),
              "POST /api-tokens NONE");
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void listAndGetCarryNoSecret(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      ApiTokensApi api = client.api(ApiTokensApi.class);
      List<ApiToken> tokens = api.listApiTokens();
      JsonNode listed = SPEC.example("listApiTokens");
      assertThat(tokens).hasSize(listed.size());
      for (int i = 0; i < tokens.size(); i++) {
        assertToken(tokens.get(i), listed.get(i));
      }
      assertToken(api.getApiToken(TOKEN_ID), SPEC.example("getApiToken"));
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void renameAndRevoke(Credential credential, PrismHosts hosts) {
    JsonNode update = SPEC.requestExample("updateApiToken");
    try (CleverCloudClient client = Contract.client(hosts, credential)) {
      ApiTokensApi api = client.api(ApiTokensApi.class);
      int mark = ContractRecorder.shared().mark();
      assertThat(api.updateApiToken(TOKEN_ID, new ApiTokenUpdateRequest().name(update.path("name").asText())
          .description(update.path("description").asText()))).isNull();
      assertThat(api.updateApiToken(TOKEN_ID, new ApiTokenUpdateRequest().name(update.path("name").asText())))
          .isNull();
      assertThat(api.deleteApiToken(TOKEN_ID)).isNull();
      assertThat(ContractRecorder.shared().since(mark)).extracting(Exchange::method, Exchange::status)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", 204),
              org.assertj.core.groups.Tuple.tuple("PUT", 204),
              org.assertj.core.groups.Tuple.tuple("DELETE", 204));
    }
  }

  static CreateApiTokenRequest.Builder request() {
    return CreateApiTokenRequest.builder()
        .name(CREATE_REQUEST.path("name").asText())
        .description(CREATE_REQUEST.path("description").asText())
        .expiration("30d")
        .password(CREATE_REQUEST.path("password").asText());
  }

  static void assertCreated(CreatedApiToken created) {
    JsonNode example = SPEC.example("createApiToken");
    assertThat(created.id()).isEqualTo(example.path("apiTokenId").asText());
    assertThat(created.name()).isEqualTo(example.path("name").asText());
    assertThat(created.description()).contains(example.path("description").asText());
    assertThat(created.creationDate()).isEqualTo(Instant.parse(example.path("creationDate").asText()));
    assertThat(created.expirationDate()).isEqualTo(Instant.parse(example.path("expirationDate").asText()));
    assertThat(created.state()).isEqualTo(example.path("state").asText());
    String secret = example.path("apiToken").asText();
    assertThat(created.secret().reveal()).isEqualTo(secret);
    assertThat(created.toString()).doesNotContain(secret);
  }

  private static void assertToken(ApiToken token, JsonNode example) {
    assertThat(token.getApiTokenId()).isEqualTo(example.path("apiTokenId").asText());
    assertThat(token.getUserId()).isEqualTo(example.path("userId").asText());
    assertThat(token.getName()).isEqualTo(example.path("name").asText());
    assertThat(token.getDescription()).isEqualTo(example.path("description").textValue());
    assertThat(token.getCreationDate().toInstant()).isEqualTo(Instant.parse(example.path("creationDate").asText()));
    assertThat(token.getExpirationDate().toInstant())
        .isEqualTo(Instant.parse(example.path("expirationDate").asText()));
    assertThat(token.getIp()).isEqualTo(example.path("ip").asText());
    assertThat(token.getState()).isEqualTo(ApiTokenState.fromValue(example.path("state").asText()));
    assertThat(token.getState().getValue()).isEqualTo(example.path("state").asText());
    // Field by field, nothing dropped or extra: the listing never carries the secret.
    Examples.assertMatches(token, example, "ApiToken");
    assertThat(Examples.toJson(token).has("apiToken")).isFalse();
  }
}
