package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.bridge.model.ApiToken;
import com.clevercloud.api.bridge.model.ApiTokenState;
import com.clevercloud.api.v2.api.OrganisationsApi;
import com.clevercloud.api.v2.model.OrganisationMemberView;
import com.clevercloud.api.v2.model.WannabeMember;
import com.clevercloud.client.auth.Credentials;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Enums as the service sends them, through the client: a value in another case where the spec says the service is
 * lax ({@code x-case-insensitive}), a value this version does not know (kept as text, never turned into the
 * {@code unknown_default_open_api} placeholder), and what the client sends back (the canonical spelling, or the text
 * it received).
 */
class EnumValuesTest extends TestServers {

  private static final String TOKEN = "{\"apiTokenId\":\"api_tokens_%d\",\"userId\":\"user_1\","
      + "\"creationDate\":\"2026-01-15T10:30:00.000Z\",\"expirationDate\":\"2026-07-15T10:30:00.000Z\","
      + "\"ip\":\"203.0.113.42\",\"name\":\"CI\",\"state\":\"%s\"}";

  private CleverCloudClient client() {
    return client(Credentials.apiToken("tok"));
  }

  @Test
  void aTokenStateIsReadInAnyCaseAndAnUnknownOneKeepsItsText() {
    bridge.enqueue(json("[" + String.format(TOKEN, 1, "active") + "," + String.format(TOKEN, 2, "SUSPENDED") + "]"));
    try (CleverCloudClient client = client()) {
      List<ApiToken> tokens = client.api(ApiTokensApi.class).listApiTokens();
      assertThat(tokens.get(0).getState()).isEqualTo(ApiTokenState.ACTIVE);
      assertThat(tokens.get(0).getStateAsString()).isEqualTo("ACTIVE");
      assertThat(tokens.get(1).getState()).isEqualTo(ApiTokenState.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(tokens.get(1).getStateAsString()).isEqualTo("SUSPENDED");
      assertThat(tokens.get(1).toString()).contains("SUSPENDED").doesNotContain("unknown_default_open_api");
    }
  }

  @Test
  void aCreatedTokenStateIsTheServicesTextNeverThePlaceholder() {
    String created = "{\"apiToken\":\"EXAMPLE-secret\",\"apiTokenId\":\"api_tokens_1\","
        + "\"creationDate\":\"2026-01-15T10:30:00.000Z\",\"expirationDate\":\"2026-02-14T10:30:00.000Z\","
        + "\"name\":\"CI\",\"state\":\"%s\"}";
    bridge.enqueue(json(String.format(created, "PENDING_APPROVAL")));
    bridge.enqueue(json(String.format(created, "active")));
    try (CleverCloudClient client = client()) {
      CreateApiTokenRequest request = CreateApiTokenRequest.builder().name("CI").expiration("30d")
          .password("example-password").email("jane.doe@example.com").build();
      assertThat(client.apiTokens().create(request).state()).isEqualTo("PENDING_APPROVAL");
      assertThat(client.apiTokens().create(request).state()).isEqualTo("ACTIVE");
    }
  }

  @Test
  void aKnownValueIsSentCanonicallyAndAnUnknownOneAsReceived() throws Exception {
    // An API token sends v2 calls to the Bridge.
    bridge.enqueue(json("[{\"role\":\"TEAM_LEAD\"}]"));
    bridge.enqueue(json("{\"message\":\"ok\"}"));
    bridge.enqueue(json("{\"message\":\"ok\"}"));
    try (CleverCloudClient client = client()) {
      OrganisationsApi organisations = client.api(OrganisationsApi.class);
      OrganisationMemberView member = organisations.listOrganisationMembers("orga_1").get(0);
      assertThat(member.getRole()).isEqualTo(OrganisationMemberView.RoleEnum.UNKNOWN_DEFAULT_OPEN_API);
      assertThat(member.getRoleAsString()).isEqualTo("TEAM_LEAD");

      organisations.inviteOrganisationMember("orga_1",
          new WannabeMember().email("a@example.com").role(WannabeMember.RoleEnum.ADMIN), null);
      // A model read from the service and sent back: its unknown value travels as received.
      WannabeMember echoed = new com.clevercloud.api.v2.invoker.JSON().getGson()
          .fromJson("{\"email\":\"a@example.com\",\"role\":\"TEAM_LEAD\"}", WannabeMember.class);
      organisations.inviteOrganisationMember("orga_1", echoed, null);
    }
    take(bridge);
    assertThat(roleSent()).isEqualTo("ADMIN");
    assertThat(roleSent()).isEqualTo("TEAM_LEAD");
  }

  @Test
  void theUnknownPlaceholderCannotBeSet() {
    assertThatThrownBy(() -> new WannabeMember().role(WannabeMember.RoleEnum.UNKNOWN_DEFAULT_OPEN_API))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be sent");
  }

  private String roleSent() throws InterruptedException {
    return JsonParser.parseString(take(bridge).getBody().utf8()).getAsJsonObject().get("role").getAsString();
  }
}
