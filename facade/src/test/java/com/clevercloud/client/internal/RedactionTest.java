package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Secret;
import java.util.List;
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

  @Test
  void decodesJsonEscapesAndPercentEncodingInEitherCase() {
    assertThat(Redaction.jsonUnescape("a\\u003Db\\u003cc\\/d\\\"e\\\\f\\'g\\n")).isEqualTo("a=b<c/d\"e\\f'g\n");
    assertThat(Redaction.jsonUnescape("keep \\x and \\u12 and \\uZZZZ")).isEqualTo("keep \\x and \\u12 and \\uZZZZ");
    assertThat(Redaction.percentDecode("a%3Db%3dc%E2%82%AC%e2%82%ac+%20")).isEqualTo("a=b=c€€+ ");
    // An invalid UTF-8 byte keeps its escape; so does a '%' that starts no escape.
    assertThat(Redaction.percentDecode("%FF%41 100% %4")).isEqualTo("%FFA 100% %4");
    String plain = "nothing to decode";
    assertThat(Redaction.jsonUnescape(plain)).isSameAs(plain);
    assertThat(Redaction.percentDecode(plain)).isSameAs(plain);
  }

  @Test
  void masksSecretKeysFoundOnlyOnceDecoded() {
    String body = "{\"value\":\"PUT /x {\\\"password\\\":\\\"" + CANARY + "\\\"}\"} oauth_token_secret%3D" + CANARY
        + "%26x%3D1";
    assertThat(Redaction.mask(body)).doesNotContain(CANARY).contains("\"password\":\"***\"", "oauth_token_secret=***&x=1");
  }

  @Test
  void masksObjectAndArrayValuesOfSecretKeysWhole() {
    assertThat(Redaction.mask("{\"secret\":{\"current\":\"" + CANARY + "\",\"n\":[1,{\"a\":\"}\"}]},\"name\":\"ok\"}"))
        .isEqualTo("{\"secret\":\"***\",\"name\":\"ok\"}");
  }

  @Test
  void maskingIsIdempotentSoTheDecodingStopsAtAFixedPoint() {
    String once = Redaction.mask("{\"password\":\"" + CANARY + "\"} token=" + CANARY + " log=…");
    assertThat(Redaction.mask(once)).isEqualTo(once).isEqualTo("{\"password\":\"***\"} token=*** log=…");
  }

  /** A mask can, rarely, make a new occurrence of a secret: masking goes on until there is none. */
  @Test
  void aReplacementThatMakesANewOccurrenceIsMaskedToo() {
    assertThat(Redaction.clean("x**a**a*y", List.of(Secret.of("**a*")), false)).doesNotContain("**a*");
  }

  /** Linear masking: every occurrence, overlapping candidates included, in one pass. */
  @Test
  void replaceFindsEveryOccurrenceWithoutBacktracking() {
    assertThat(Redaction.replace("aaaab aaab aab", "aaab")).isEqualTo("a*** *** aab");
    String text = "a".repeat(100_000) + "b";
    assertThat(Redaction.replace(text, "a".repeat(5_000) + "b")).isEqualTo("a".repeat(95_000) + "***");
  }

  @Test
  void aTextEncodedMoreTimesThanTheDecodingFollowsIsWithheld() {
    String deep = "%" + "25".repeat(10) + "41";
    assertThat(Redaction.mask(deep)).isEqualTo(Redaction.WITHHELD);
    assertThat(Redaction.mask("100%25 sure")).isEqualTo("100% sure");
  }

  @Test
  void requestIdsWithoutRegularExpressions() {
    assertThat(Redaction.requestId("a:b/c+d=e.f_g-h")).isEqualTo("a:b/c+d=e.f_g-h");
    assertThat(Redaction.requestId("")).isEqualTo("(malformed)");
    assertThat(Redaction.requestId("é")).isEqualTo("(malformed)");
    assertThat(Redaction.logPath("/v2/self/tokens/" + CANARY + "/x", null)).isEqualTo("/v2/self/tokens/***/x");
  }
}
