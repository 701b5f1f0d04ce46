package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The redaction at each of its limits: the decoders at every boundary of what they accept (UTF-8 lead bytes,
 * overlong forms, surrogates, the last code point; hex digits; HTML reference lengths), the key scanner at the
 * bounds of its look-behind, the cut at {@link Redaction#MAX_TEXT}, the number of decoding rounds, and the order in
 * which the forms of secrets are masked.
 */
class RedactionEdgesTest {

  private static final String CANARY = "CANARY-99aa";

  private static String clean(String text, String... secrets) {
    List<Secret> list = java.util.Arrays.stream(secrets).map(Secret::of).toList();
    return Redaction.clean(text, list, false);
  }

  // ---- percentDecode and its UTF-8 decoding ----

  @Test
  void utf8LeadBytesAreDecodedExactlyWithinTheirRanges() {
    // 0x7F is ASCII; 0x80 to 0xC1 never start a sequence (continuations, overlong 2-byte leads).
    assertThat(Redaction.percentDecode("%7F|%80|%C1%BF|%C0%80")).isEqualTo("\u007F|%80|%C1%BF|%C0%80");
    // 2-byte leads 0xC2 to 0xDF.
    assertThat(Redaction.percentDecode("%C2%80|%DF%BF")).isEqualTo("\u0080|\u07FF");
    // 3-byte leads 0xE0 to 0xEF.
    assertThat(Redaction.percentDecode("%E0%A0%80|%EF%BF%BD")).isEqualTo("\u0800|\uFFFD");
    // 4-byte leads 0xF0 to 0xF4; 0xF5 and above never start a sequence, even with a valid-looking code point.
    assertThat(Redaction.percentDecode("%F0%90%80%80|%F4%8F%BF%BF"))
        .isEqualTo(new StringBuilder().appendCodePoint(0x10000).append('|').appendCodePoint(0x10FFFF).toString());
    String beyond = "%F5%80%80%80|%F8%90%80%80|%FF";
    assertThat(Redaction.percentDecode(beyond)).isSameAs(beyond);
  }

  @Test
  void overlongSurrogateAndOutOfRangeSequencesKeepTheirEscapes() {
    // 0x7FF in 3 bytes and 0xFFFF in 4 are overlong; 0xD800 to 0xDFFF are surrogates; 0x110000 is past Unicode.
    String invalid = "%E0%9F%BF|%F0%8F%BF%BF|%ED%A0%80|%ED%BF%BF|%F4%90%80%80";
    assertThat(Redaction.percentDecode(invalid)).isSameAs(invalid);
    // Just inside each of those limits.
    assertThat(Redaction.percentDecode("%ED%9F%BF|%EE%80%80")).isEqualTo("\uD7FF|\uE000");
  }

  @Test
  void aSequenceCutByTheEndOfItsRunOrByANonContinuationIsNotDecoded() {
    // A lead byte whose continuation is not in the same run of escapes: the run before it must not leak into it.
    assertThat(Redaction.percentDecode("%C3%A9 then %C3")).isEqualTo("é then %C3");
    assertThat(Redaction.percentDecode("%E2%82%AC then %E2%82")).isEqualTo("€ then %E2%82");
    assertThat(Redaction.percentDecode("%C3%41|%C3%C3%A9|%E2%82%41|%C3%FF")).isEqualTo("%C3A|%C3é|%E2%82A|%C3%FF");
    // A run at the very end of the text, and longer than the initial run buffer (16 bytes).
    String emoji = "\uD83D\uDE00";
    assertThat(Redaction.percentDecode("x" + "%F0%9F%98%80".repeat(6))).isEqualTo("x" + emoji.repeat(6));
    assertThat(Redaction.percentDecode("%41")).isEqualTo("A");
  }

  @Test
  void escapesAreTwoAsciiHexDigitsInEitherCase() {
    assertThat(Redaction.percentDecode("%00|%6f%6F|%4a%4A")).isEqualTo("\0|oo|JJ");
    // 'g' and 'G' are not hex digits; neither are full-width digits, which Character.digit accepts.
    String kept = "%6g|%6G|%\uFF14\uFF11|%4\uFF21|%4";
    assertThat(Redaction.percentDecode(kept)).isSameAs(kept);
    assertThat(Redaction.jsonUnescape("\\u006f\\u006F\\u0000")).isEqualTo("oo\0");
    String notJson = "\\u006g \\u\uFF10\uFF10\uFF14\uFF11 \\u004";
    assertThat(Redaction.jsonUnescape(notJson)).isSameAs(notJson);
  }

  /** An undecodable escape changes nothing, so the decoding reaches its fixed point instead of giving up. */
  @Test
  void anUndecodableEscapeIsKeptAndTheTextIsNotWithheld() {
    String s = "100%FF and %C3";
    assertThat(Redaction.percentDecode(s)).isSameAs(s);
    assertThat(Redaction.mask(s)).isEqualTo(s);
  }

  /**
   * Differential check against the JDK's strict UTF-8 decoder: at each byte, the one sequence it accepts as a whole
   * character is decoded, any other byte keeps its escape. Seeded; bytes drawn mostly near the limits of UTF-8.
   */
  @Test
  void percentDecodingAgreesWithTheJdkDecoderOnRandomByteRuns() throws Exception {
    int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED,
        0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFF};
    Random random = new Random(20_260_324L);
    for (int c = 0; c < 3000; c++) {
      int len = 1 + random.nextInt(12);
      byte[] bytes = new byte[len];
      String[] escapes = new String[len];
      for (int i = 0; i < len; i++) {
        int b = random.nextInt(3) == 0 ? random.nextInt(256) : interesting[random.nextInt(interesting.length)];
        bytes[i] = (byte) b;
        String escape = String.format(Locale.ROOT, "%%%02X", b);
        escapes[i] = random.nextBoolean() ? escape : escape.toLowerCase(Locale.ROOT);
      }
      String text = String.join("", escapes);
      assertThat(Redaction.percentDecode(text)).as(text).isEqualTo(expected(bytes, escapes));
    }
  }

  /** At each byte, the one sequence the JDK decodes as a whole character, else the byte's escape as written. */
  private static String expected(byte[] bytes, String[] escapes) throws CharacterCodingException {
    StringBuilder out = new StringBuilder();
    int j = 0;
    while (j < bytes.length) {
      String decoded = null;
      for (int length = 1; length <= 4 && j + length <= bytes.length && decoded == null; length++) {
        decoded = strict(bytes, j, length);
        if (decoded != null) {
          j += length;
        }
      }
      if (decoded == null) {
        out.append(escapes[j]);
        j++;
      } else {
        out.append(decoded);
      }
    }
    return out.toString();
  }

  /** The single character these bytes are in UTF-8, or null. */
  private static String strict(byte[] bytes, int from, int length) throws CharacterCodingException {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, length)).toString();
      return s.codePointCount(0, s.length()) == 1 ? s : null;
    } catch (java.nio.charset.MalformedInputException e) {
      return null;
    }
  }

  /** Valid text round-trips: random code points, percent-encoded as UTF-8, decode to themselves. */
  @Test
  void percentEncodedUtf8OfRandomCodePointsDecodesToItself() {
    Random random = new Random(42L);
    int[] starts = {0x00, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF};
    for (int c = 0; c < 1000; c++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(6); k >= 0; k--) {
        int cp = random.nextBoolean() ? starts[random.nextInt(starts.length)] : random.nextInt(0x110000);
        if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
          text.appendCodePoint(cp);
        }
      }
      String original = text.toString();
      ByteArrayOutputStream escaped = new ByteArrayOutputStream();
      for (byte b : original.getBytes(StandardCharsets.UTF_8)) {
        escaped.writeBytes(String.format(Locale.ROOT, "%%%02x", b & 0xff).getBytes(StandardCharsets.US_ASCII));
      }
      assertThat(Redaction.percentDecode(escaped.toString(StandardCharsets.US_ASCII))).isEqualTo(original);
    }
  }

  // ---- jsonUnescape, htmlUnescape ----

  @Test
  void aBackslashAtTheVeryEndIsKept() {
    assertThat(Redaction.jsonUnescape("a\\n\\")).isEqualTo("a\n\\");
    String trailing = "abc\\";
    assertThat(Redaction.jsonUnescape(trailing)).isSameAs(trailing);
  }

  @Test
  void htmlReferencesUpToTheLookAheadAreDecodedAndLongerOnesKept() {
    // '&' and ';' nine characters apart is the longest reference read (as &#x10FFFF;); ten apart is not one.
    assertThat(Redaction.htmlUnescape("&#0000061;")).isEqualTo("=");
    String tooLong = "&#00000061;";
    assertThat(Redaction.htmlUnescape(tooLong)).isSameAs(tooLong);
    // An '&' near the end of the text with no ';' after it.
    String end = "a&b";
    assertThat(Redaction.htmlUnescape(end)).isSameAs(end);
  }

  @Test
  void numericReferencesAtTheLimitsOfWhatIsACodePoint() {
    assertThat(Redaction.htmlUnescape("&#0;|&#9;|&#x6f;|&#x6F;|&#xD7FF;|&#xE000;|&#57344;"))
        .isEqualTo("\0|\t|o|o|\uD7FF|\uE000|\uE000");
    String kept = "&#55296;|&#57343;|&#xDFFF;|&#1114112;|&#x6g;|&#6f;|&#;|&#x;|&#|&x;";
    assertThat(Redaction.htmlUnescape(kept)).isSameAs(kept);
  }

  // ---- clean: the cut, the rounds, the re-masking ----

  @Test
  void aTextOfExactlyMaxTextIsKeptWholeAndOneMoreIsCut() {
    String exact = "a".repeat(Redaction.MAX_TEXT);
    assertThat(Redaction.mask(exact)).isEqualTo(exact);
    assertThat(Redaction.mask(exact + "b")).isEqualTo(exact + "…");
  }

  /** With known secrets, the cut text also loses its end (the longest form plus a slack), where a split one may be. */
  @Test
  void aSecretSplitByTheCutLeavesNoPartOfItVisible() {
    // The longest form of an 11-character secret is one of its base64 forms: 14 characters.
    assertThat(Redaction.forms(List.of(Secret.of(CANARY))).get(0)).hasToString("Form[14 chars, ***]");
    String text = "a".repeat(Redaction.MAX_TEXT - 5) + CANARY + " and more";
    String cleaned = clean(text, CANARY);
    assertThat(cleaned).isEqualTo("a".repeat(Redaction.MAX_TEXT - 14 - 64) + "…");
    // Without secrets nothing more than the cut is dropped.
    assertThat(clean(text)).isEqualTo(text.substring(0, Redaction.MAX_TEXT) + "…");
  }

  @Test
  void aTextEncodedFourTimesIsDecodedAndFiveTimesIsWithheld() {
    assertThat(Redaction.mask("%25252541")).isEqualTo("A");
    assertThat(Redaction.mask("%2525252541")).isEqualTo(Redaction.WITHHELD);
  }

  /** Each mask of "**a*" here makes a new occurrence: four rounds of masking are followed, a fifth is withheld. */
  @Test
  void reMaskingStopsAfterAFewPasses() {
    assertThat(clean("**" + "a*".repeat(2), "**a*")).isEqualTo("****");
    assertThat(clean("**" + "a*".repeat(4), "**a*")).isEqualTo("******");
    assertThat(clean("**" + "a*".repeat(5), "**a*")).isEqualTo(Redaction.WITHHELD);
  }

  /** A decoding step can join the text before a secret with its start: the secret is masked before the next step. */
  @Test
  void eachDecodingStepIsMaskedBeforeTheNextCanChangeTheSecret() {
    // JSON step makes "%C3%A9abcd"; percent-decoding would turn the secret's "%A9" into part of an "é".
    assertThat(clean("%C3\\u0025A9abcd", "%A9abcd")).isEqualTo("%C3***");
    // Percent step makes "&amp;abcd"; HTML-decoding would take the secret's start as part of "&amp;".
    assertThat(clean("&%61mp;abcd", "amp;abcd")).isEqualTo("&***");
    // HTML step makes "\nabcd" (backslash, n); the next round's JSON step would make a newline of the secret's 'n'.
    assertThat(clean("&#92;&#110;abcd", "nabcd")).isEqualTo("\\***");
  }

  @Test
  void aTextOnlyAsLongAsTheSecretIsMasked() {
    assertThat(clean("abcd", "abcd")).isEqualTo("***");
    assertThat(clean("abc", "abc")).as("shorter than the masked minimum").isEqualTo("abc");
  }

  /** Two secrets, both present: after the first is replaced, the second is looked for in the new text. */
  @Test
  void everySecretIsLookedForInTheTextLeftByThePreviousOnes() {
    assertThat(clean("one " + CANARY + " two zzzzzz three", CANARY, "zzzzzz")).isEqualTo("one *** two *** three");
    assertThat(clean("xx zzzzzz yy " + CANARY, CANARY, "zzzzzz")).isEqualTo("xx *** yy ***");
  }

  /** Sorting shorter forms first would mask the shared start and leave the rest of the longer secret visible. */
  @Test
  void longerFormsAreMaskedBeforeTheShorterOnesTheyContain() {
    assertThat(clean("key abcdXYZW", "abcd", "abcdXYZW")).isEqualTo("key ***");
  }

  /** A secret sent in an encoded form is also masked where the server echoes it decoded, up to two layers deep. */
  @Test
  void aSecretIsAlsoMaskedInEachOfItsDecodedForms() {
    assertThat(clean("echo abcd", "ab\\u0063d")).isEqualTo("echo ***");
    assertThat(clean("echo abcd", "ab%63d")).isEqualTo("echo ***");
    assertThat(clean("echo abcd", "ab&#99;d")).isEqualTo("echo ***");
    assertThat(clean("echo abcd", "ab%2563d")).isEqualTo("echo ***");
    assertThat(clean("echo abcd", "ab&amp;#99;d")).isEqualTo("echo ***");
    // A secret that spaces made form-encoded ('+') is masked; one whose decoded form is too short is not reduced to it.
    assertThat(clean("q=pass+word", "pass word")).isEqualTo("q=***");
    assertThat(clean("ABC and ABCD", "%41%42%43")).isEqualTo("ABC and ABCD");
  }

  /**
   * The forms of a secret follow its decodings two layers deep and no further, which bounds their number: a third
   * decoding is not a form of its own (it is masked only when the text holds the secret's more encoded forms).
   */
  @Test
  void decodedFormsStopAtTwoLayers() {
    String secret = "%25252541bcd"; // decodes to %252541bcd, %2541bcd (forms), then %41bcd, Abcd (not)
    assertThat(clean("x %2541bcd y", secret)).isEqualTo("x *** y");
    assertThat(clean("x %41bcd y", secret)).isEqualTo("x Abcd y");
    // The same for JSON escapes (8 backslashes, then 4, 2: forms; 1 is not) and HTML references.
    String json = "\\".repeat(8) + "u0041bcd";
    assertThat(clean("x \\\\u0041bcd y", json)).isEqualTo("x *** y");
    assertThat(clean("x \\u0041bcd y", json)).isEqualTo("x Abcd y");
    String html = "&amp;amp;amp;#65;bcd";
    assertThat(clean("x &amp;#65;bcd y", html)).isEqualTo("x *** y");
    assertThat(clean("x &#65;bcd y", html)).isEqualTo("x Abcd y");
  }

  @Test
  void aTextStartingWithAnEscapeIsDecodedAndNullStaysNull() {
    assertThat(Redaction.jsonUnescape("\\nx")).isEqualTo("\nx");
    assertThat(Redaction.clean(null, List.of(Secret.of(CANARY)), true)).isNull();
    assertThat(Redaction.mask(null)).isNull();
  }

  /** A secret whose JSON escape differs from it: base64 of it raw, and of it as a JSON body carries it, are masked. */
  @Test
  void base64FormsOfTheSecretAndOfItsJsonEscapeAreBothMasked() {
    String secret = "a<b>c&d=e'f";
    String raw = java.util.Base64.getEncoder().encodeToString(("x " + secret + " y").getBytes(StandardCharsets.UTF_8));
    assertThat(clean("Basic " + raw, secret)).contains("***").doesNotContain(raw.substring(4, raw.length() - 4));
    String body = "{\"v\":\"" + Redaction.jsonEscape(secret) + "\"}";
    assertThat(Redaction.jsonEscape(secret)).isNotEqualTo(secret);
    String json = java.util.Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    assertThat(clean("echo " + json, secret)).contains("***").doesNotContain(json.substring(12, json.length() - 4));
  }

  @Test
  void aBase64CoreOfExactlyTheMinimumLengthIsAForm() {
    java.util.Set<String> forms = new java.util.LinkedHashSet<>();
    Redaction.addBase64Forms("abc", forms); // 3 bytes: 4 characters at offset 0, 3 at the others
    assertThat(forms).containsExactly("YWJj");
  }

  /** The linear search agrees with a plain left-to-right, non-overlapping search, on random small-alphabet texts. */
  @Test
  void replaceAgreesWithANaiveSearchOnRandomTexts() {
    Random random = new Random(7L);
    for (int c = 0; c < 3000; c++) {
      String form = randomText(random, 1 + random.nextInt(7));
      String text = randomText(random, random.nextInt(40));
      StringBuilder naive = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        if (text.startsWith(form, i)) {
          naive.append(Redaction.MASK);
          i += form.length();
        } else {
          naive.append(text.charAt(i++));
        }
      }
      assertThat(Redaction.replace(text, form)).as(form + " in " + text).isEqualTo(naive.toString());
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append("aab".charAt(random.nextInt(3)));
    }
    return s.toString();
  }

  // ---- maskSecretKeys: JSON keys ----

  @Test
  void aJsonKeyAtTheStartOfTheTextOrAfterWhitespaceIsFound() {
    assertThat(Redaction.maskSecretKeys("\"token\":\"v\"")).isEqualTo("\"token\":\"***\"");
    assertThat(Redaction.maskSecretKeys("x".repeat(200) + "{\"token\" \t: \"v\"}"))
        .isEqualTo("x".repeat(200) + "{\"token\" \t: \"***\"}");
  }

  @Test
  void whitespaceBeforeTheColonIsSkippedUpToTheLookBehind() {
    // The key's closing quote may be at most 128 characters before the ':'.
    String near = "x".repeat(200) + "{\"token\"" + " ".repeat(127) + ":1}";
    assertThat(Redaction.maskSecretKeys(near)).isEqualTo("x".repeat(200) + "{\"token\"" + " ".repeat(127) + ":\"***\"}");
    String far = "x".repeat(200) + "{\"token\"" + " ".repeat(128) + ":1}";
    assertThat(Redaction.maskSecretKeys(far)).isSameAs(far);
  }

  @Test
  void jsonKeysAreReadAtMost127CharactersBack() {
    String longest = "x".repeat(122) + "token";
    String json = "y".repeat(200) + "{\"" + longest + "\":1}";
    assertThat(Redaction.maskSecretKeys(json)).isEqualTo("y".repeat(200) + "{\"" + longest + "\":\"***\"}");
    String tooLong = "y".repeat(200) + "{\"token" + "x".repeat(123) + "\":1}";
    assertThat(Redaction.maskSecretKeys(tooLong)).isSameAs(tooLong);
  }

  @Test
  void escapedQuotesDoNotEndAKeyButEscapedBackslashesDo() {
    String pad = "z".repeat(200);
    // Odd backslashes: the quote is part of the key "password\"x".
    assertThat(Redaction.maskSecretKeys(pad + "{\"password\\\"x\":1}")).isEqualTo(pad + "{\"password\\\"x\":\"***\"}");
    // Even backslashes: the quote before "x" is not escaped, the key is just "x".
    String even = pad + "[\"password\\\\\"x\":1]";
    assertThat(Redaction.maskSecretKeys(even)).isSameAs(even);
    // An escaped quote at the start of the text opens no key.
    String escapedStart = "\\\"token\":\"v\"";
    assertThat(Redaction.maskSecretKeys(escapedStart)).isSameAs(escapedStart);
    // Backslashes are counted at most 128 back: 128 of them are even, so the quote after them opens the key.
    assertThat(Redaction.maskSecretKeys("\\".repeat(128) + "\"token\":1")).isEqualTo("\\".repeat(128) + "\"token\":\"***\"");
    String odd = "\\".repeat(127) + "\"token\":1";
    assertThat(Redaction.maskSecretKeys(odd)).isSameAs(odd);
  }

  @Test
  void valuesOfEveryJsonKindAreMaskedToTheirEnd() {
    assertThat(Redaction.maskSecretKeys("{\"token\":123,\"a\":1}")).isEqualTo("{\"token\":\"***\",\"a\":1}");
    assertThat(Redaction.maskSecretKeys("{\"token\":true}")).isEqualTo("{\"token\":\"***\"}");
    assertThat(Redaction.maskSecretKeys("{\"token\":null ,\"a\":1}")).isEqualTo("{\"token\":\"***\" ,\"a\":1}");
    assertThat(Redaction.maskSecretKeys("[{\"token\":1.5e3]")).isEqualTo("[{\"token\":\"***\"]");
    assertThat(Redaction.maskSecretKeys("{\"token\":[\"a]\",{\"b\":\"}\"}],\"name\":\"ok\"}"))
        .isEqualTo("{\"token\":\"***\",\"name\":\"ok\"}");
    assertThat(Redaction.maskSecretKeys("{\"token\":[[1],[2]] }")).isEqualTo("{\"token\":\"***\" }");
  }

  @Test
  void valuesCutByTheEndOfTheTextAreMaskedToTheEnd() {
    assertThat(Redaction.maskSecretKeys("\"token\":123")).isEqualTo("\"token\":\"***\"");
    assertThat(Redaction.maskSecretKeys("{\"token\":{\"a\":\"b\"")).isEqualTo("{\"token\":\"***\"");
    assertThat(Redaction.maskSecretKeys("{\"token\":[1,[2]")).isEqualTo("{\"token\":\"***\"");
    assertThat(Redaction.maskSecretKeys("{\"token\":\"ab\\")).isEqualTo("{\"token\":\"***\"");
    // Nothing after the ':' (or only whitespace): nothing to mask.
    for (String empty : List.of("{\"token\":", "{\"token\":  ", "token=", "token=&a=1")) {
      assertThat(Redaction.maskSecretKeys(empty)).as(empty).isSameAs(empty);
    }
  }

  @Test
  void aColonOrEqualsSignAtTheStartOfTheTextIsNotAKey() {
    for (String text : List.of(":", ": x", "=", "=x", ":a=b", "=a:b", ": {\"token\":\"v\"}")) {
      String expected = text.replace("\"v\"", "\"***\"");
      assertThat(Redaction.maskSecretKeys(text)).as(text).isEqualTo(expected);
    }
    assertThat(Redaction.maskSecretKeys("= token=v")).isEqualTo("= token=***");
  }

  @Test
  void alreadyMaskedAndDroppedValuesAreLeftAsTheyAre() {
    for (String text : List.of("{\"token\":\"***\"}", "token=***", "token=…", "token=…&b=1")) {
      assertThat(Redaction.maskSecretKeys(text)).as(text).isSameAs(text);
    }
    assertThat(Redaction.maskSecretKeys("token=****")).isEqualTo("token=***");
    assertThat(Redaction.maskSecretKeys("token=**")).isEqualTo("token=***");
    assertThat(Redaction.maskSecretKeys("token=……")).isEqualTo("token=***");
    assertThat(Redaction.maskSecretKeys("{\"token\":\"****\"}")).isEqualTo("{\"token\":\"***\"}");
  }

  // ---- maskSecretKeys: form keys ----

  @Test
  void formKeysTakeLettersDigitsAndUnderscoreDotDash() {
    assertThat(Redaction.maskSecretKeys("token=v")).isEqualTo("token=***");
    assertThat(Redaction.maskSecretKeys("a=1&token.x=v;token-x=v token_x=v\ttoken9=v"))
        .isEqualTo("a=1&token.x=***;token-x=*** token_x=***\ttoken9=***");
    String notKeys = "token/x=v token:x=v token x=v";
    assertThat(Redaction.maskSecretKeys(notKeys)).isSameAs(notKeys);
  }

  @Test
  void formKeysAreReadAtMost128CharactersBack() {
    String pad = "w".repeat(200) + "&";
    // 128 characters: the whole key, secret-looking; 129: only its last 128, which are not.
    String key128 = "token" + "x".repeat(123);
    assertThat(Redaction.maskSecretKeys(pad + key128 + "=v")).isEqualTo(pad + key128 + "=***");
    String key129 = pad + "token" + "x".repeat(124) + "=v";
    assertThat(Redaction.maskSecretKeys(key129)).isSameAs(key129);
  }

  @Test
  void formValuesEndAtEachDelimiter() {
    assertThat(Redaction.maskSecretKeys("token=a&b token=a;b token=a b token=a\tb token=a\rb token=a\nb"))
        .isEqualTo("token=***&b token=***;b token=*** b token=***\tb token=***\rb token=***\nb");
    assertThat(Redaction.maskSecretKeys("<a href='x?token=a'>\"token=a\"<token=a>"))
        .isEqualTo("<a href='x?token=***'>\"token=***\"<token=***>");
  }

  // ---- requestId, logPath, truncate ----

  @Test
  void requestIdsAreAtMost128AllowedCharacters() {
    String longest = "a".repeat(128);
    assertThat(Redaction.requestId(longest)).isEqualTo(longest);
    assertThat(Redaction.requestId("AZaz09")).isEqualTo("AZaz09");
    for (String punctuation : List.of(".", "_", ":", "/", "+", "=", "-")) {
      assertThat(Redaction.requestId("a" + punctuation + "b")).isEqualTo("a" + punctuation + "b");
    }
    // Just outside each range: '@' '[' before and after A-Z, '`' '{' around a-z; and other punctuation.
    for (String c : List.of("@", "[", "`", "{", "!", ",", ";", "~", " ", "\n", "\u00e9", "\uFF10")) {
      assertThat(Redaction.requestId("a" + c + "b")).as(c).isEqualTo("(malformed)");
    }
  }

  @Test
  void logPathsMaskTheTokenWhereverTheMarkerIsAndOnlyATokenThatIsThere() {
    assertThat(Redaction.logPath("/self/tokens/abc", null)).isEqualTo("/self/tokens/***");
    assertThat(Redaction.logPath("/v2/self/tokens/", null)).isEqualTo("/v2/self/tokens/");
    assertThat(Redaction.logPath("/v2/self/tokens//x", null)).isEqualTo("/v2/self/tokens//x");
    assertThat(Redaction.logPath("/v2/summary", null)).isEqualTo("/v2/summary");
  }

  @Test
  void logPathsKeepOnlyTheNamesOfQueryPairs() {
    assertThat(Redaction.logPath("/x", "flag")).isEqualTo("/x?flag=…");
    assertThat(Redaction.logPath("/x", "=" + CANARY + "&a=1&b")).isEqualTo("/x?=…&a=…&b=…");
    assertThat(Redaction.logPath("/x", "")).isEqualTo("/x?=…");
  }

  @Test
  void truncationKeeps200CharactersAndMarksACut() {
    String exact = "b".repeat(Redaction.SHORT_BODY_LENGTH);
    assertThat(Redaction.truncate(exact)).isEqualTo(exact);
    assertThat(Redaction.truncate(" " + exact + "c ")).isEqualTo(exact + "…");
    assertThat(Redaction.truncate(" \n ")).isNull();
    assertThat(Redaction.truncate(null)).isNull();
    assertThat(Redaction.shortBody(exact)).isEqualTo(exact);
  }
}
