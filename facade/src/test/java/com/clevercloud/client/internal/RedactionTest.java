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

  @Test
  void decodesHtmlReferencesAndKeepsWhatIsNotOne() {
    assertThat(Redaction.htmlUnescape("a&amp;b&lt;c&gt;d&quot;e&apos;f&#61;g&#x3D;h&#X3d;i&#128512;"))
        .isEqualTo("a&b<c>d\"e'f=g=h=i\uD83D\uDE00");
    // No ';', an unknown name, a surrogate, beyond Unicode, empty, non-ASCII digits, too long: kept as they are.
    String kept = "&amp &nbsp; &#xD800; &#x110000; &#; &#x; &#١٢; &#00000000061; & ;";
    assertThat(Redaction.htmlUnescape(kept)).isSameAs(kept);
    assertThat(Redaction.htmlUnescape("&#x10FFFF;&#1114111;")).isEqualTo("\uDBFF\uDFFF\uDBFF\uDFFF");
    assertThat(Redaction.htmlUnescape("&&amp;;")).isEqualTo("&&;");
  }

  /** A text of a million '&' with no ';' near any of them: the look-ahead is bounded, nothing changes. */
  @Test
  void htmlDecodingLooksOnlyAFewCharactersAhead() {
    String text = "&".repeat(1_000_000) + ";";
    assertThat(Redaction.htmlUnescape(text)).isSameAs(text);
    assertThat(Redaction.htmlUnescape("&".repeat(8) + "amp;")).isEqualTo("&".repeat(8));
  }

  @Test
  void aSecretEchoedAsHtmlReferencesIsMasked() {
    String secret = "pa<ss>&\"word'";
    String page = "<pre>PUT /env &#x7B;&quot;value&quot;:&quot;" + secret.replace("&", "&amp;").replace("<", "&lt;")
        .replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;") + "&quot;&#x7D;</pre>";
    assertThat(Redaction.clean(page, List.of(Secret.of(secret)), false)).isEqualTo("<pre>PUT /env {\"value\":\"***\"}</pre>");
  }

  /**
   * Base64 of a text around a secret, at each of the three offsets a secret can start at in a 3-byte group, in both
   * alphabets: the characters only the secret decides are masked; the text before and after is kept.
   */
  @Test
  void aSecretInsideABase64TextIsMaskedAtEveryOffset() {
    String secret = "s3cr3t/+?value";
    for (String before : List.of("", "B", "Be", "Bearer ")) {
      byte[] bytes = ("hello " + before + secret + " and the rest of it").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (java.util.Base64.Encoder encoder : List.of(java.util.Base64.getEncoder(), java.util.Base64.getUrlEncoder())) {
        String encoded = encoder.encodeToString(bytes);
        String masked = Redaction.clean("Authorization: Basic " + encoded, List.of(Secret.of(secret)), false);
        assertThat(masked).as(before).startsWith("Authorization: Basic aGVsbG8g").contains("***")
            .endsWith(encoded.substring(encoded.length() - 12));
        assertThat(masked.length()).as(before).isLessThan(("Authorization: Basic " + encoded).length() - 10);
      }
    }
  }

  @Test
  void base64FormsAreTheSecretsOwnCharactersAtEachOffset() {
    java.util.Set<String> forms = new java.util.LinkedHashSet<>();
    Redaction.addBase64Forms("abcdef", forms);
    // "abcdef" -> YWJjZGVm (all 8); after one byte -> AGFiY2RlZg: chars 2 to 8; after two -> AABhYmNkZWY: 3 to 9.
    // No '+' or '/' here, so each URL-safe form is the same and counted once.
    assertThat(forms).containsExactly("YWJjZGVm", "FiY2RlZ", "hYmNkZW");
    java.util.Set<String> url = new java.util.LinkedHashSet<>();
    Redaction.addBase64Forms("\u00ff\u00ff\u00ff\u00ff", url); // bytes c3 bf ...: '/' and '+' in the standard alphabet
    assertThat(url).anyMatch(f -> f.contains("/") || f.contains("+")).anyMatch(f -> f.contains("_") || f.contains("-"));
    java.util.Set<String> none = new java.util.LinkedHashSet<>();
    Redaction.addBase64Forms("ab", none);
    assertThat(none).as("too short to mask without masking anything").isEmpty();
  }

  @Test
  void jsonEscapeWritesWhatGsonWritesForARequestBody() {
    assertThat(Redaction.jsonEscape("a=b<c>&'\"\\\n\u2028")).isEqualTo(
        "a\\u003db\\u003cc\\u003e\\u0026\\u0027\\\"\\\\\\n\\u2028");
  }
}
