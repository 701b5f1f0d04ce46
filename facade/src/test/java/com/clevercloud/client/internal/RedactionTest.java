package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The text-level redaction: secret-looking JSON and form values masked, bodies cut after masking, log paths without
 * query values or OAuth tokens, request ids only when they look like ids.
 */
class RedactionTest {

  private static final String CANARY = "CANARY-99aa";

  @Test
  void masksJsonValuesOfSecretLookingKeys() {
    String masked = Redaction.mask("{\"apiToken\":\"" + CANARY + "\",\"password\":\"" + CANARY
        + "\",\"mfaCode\":\"" + CANARY + "\",\"consumerSecret\":\"" + CANARY + "\",\"name\":\"ok\"}");
    assertThat(masked).doesNotContain(CANARY).contains("\"name\":\"ok\"", "\"apiToken\":\"***\"");
  }

  @Test
  void masksEscapedQuotesAndNonStringValues() {
    assertThat(Redaction.mask("{\"secret\":\"a\\\"" + CANARY + "\"}")).doesNotContain(CANARY);
    assertThat(Redaction.mask("{\"token\": 12345" + "}")).doesNotContain("12345");
  }

  @Test
  void masksAValueCutOffByTheEndOfText() {
    assertThat(Redaction.mask("{\"apiToken\":\"" + CANARY)).doesNotContain(CANARY);
  }

  @Test
  void masksFormEncodedSecrets() {
    String masked = Redaction.mask("oauth_token=" + CANARY + "&oauth_token_secret=" + CANARY
        + "&oauth_callback_confirmed=true");
    assertThat(masked).doesNotContain(CANARY).contains("oauth_callback_confirmed=true");
  }

  @Test
  void truncatesAfterMaskingSoACutNeverRevealsPartOfASecret() {
    String body = "{\"message\":\"" + "m".repeat(185) + "\",\"apiToken\":\"" + CANARY + "\"}";
    String shortBody = Redaction.shortBody(body);
    assertThat(shortBody).doesNotContain("CANARY").doesNotContain("CAN").endsWith("…");
  }

  @Test
  void logPathDropsQueryValuesAndOAuthTokensInPaths() {
    assertThat(Redaction.logPath("/v2/oauth/access_token_query", "oauth_token=" + CANARY + "&oauth_verifier=v"))
        .isEqualTo("/v2/oauth/access_token_query?oauth_token=…&oauth_verifier=…");
    assertThat(Redaction.logPath("/v2/self/tokens/" + CANARY, null)).isEqualTo("/v2/self/tokens/***");
  }

  @Test
  void requestIdsAreLoggedOnlyWhenTheyLookLikeIds() {
    String uuid = "4b3d5c2a-aaaa-bbbb-cccc-0123456789ab";
    assertThat(Redaction.requestId(uuid)).isEqualTo(uuid);
    assertThat(Redaction.requestId("sozu Bearer " + CANARY)).isEqualTo("(malformed)");
    assertThat(Redaction.requestId("x".repeat(129))).isEqualTo("(malformed)");
    assertThat(Redaction.requestId(null)).isNull();
  }
}
