package com.clevercloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 1.0a signer against RFC 5849's examples and HMAC-SHA512/PLAINTEXT cases: normalisation, base string,
 * encoding, header, nonces.
 */
class OAuth1SignerTest {

  private static Map.Entry<String, String> p(String k, String v) {
    return new SimpleImmutableEntry<>(k, v);
  }

  /**
   * Decoded query parameters of an encoded URL, form-decoded ({@code +} is a space) as RFC 5849 §3.4.1.3.1 says:
   * through the decoder, the reference the signer's one-pass re-encoding of the query is checked against.
   */
  static List<Map.Entry<String, String>> queryParameters(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return List.of();
    }
    int hash = url.indexOf('#', q);
    return OAuth1Signer.parseForm(url.substring(q + 1, hash < 0 ? url.length() : hash));
  }

  private static OAuth1Signer fixed(long epochSeconds, String nonce) {
    return new OAuth1Signer(Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC), () -> nonce);
  }

  /** RFC 5849 §3.4.1.1 and §3.4.1.3.2: the request with query, form body and protocol parameters. */
  private static final String RFC_URL = "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b";

  private static List<Map.Entry<String, String>> rfcParameters() {
    List<Map.Entry<String, String>> all = new ArrayList<>(queryParameters(RFC_URL));
    all.addAll(OAuth1Signer.parseForm("c2&a3=2+q"));
    all.add(p("oauth_consumer_key", "9djdj82h48djs9d2"));
    all.add(p("oauth_token", "kkk9d7dh3k39sjv7"));
    all.add(p("oauth_signature_method", "HMAC-SHA1"));
    all.add(p("oauth_timestamp", "137131201"));
    all.add(p("oauth_nonce", "7d8f3e4a"));
    return all;
  }

  @Test
  void normalizesParametersAsRfc5849Section3413Example() {
    assertThat(OAuth1Signer.normalizeParameters(rfcParameters())).isEqualTo(
        "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a"
            + "&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");
  }

  @Test
  void buildsBaseStringAsRfc5849Section341Example() {
    assertThat(OAuth1Signer.baseString("POST", RFC_URL, rfcParameters())).isEqualTo(
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D"
            + "%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3D"
            + "HMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
  }

  @Test
  void baseStringUriDropsDefaultPortQueryAndLowercasesHostAsRfc5849Section3412() {
    assertThat(OAuth1Signer.baseStringUri("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")).isEqualTo("http://example.com/r%20v/X");
    assertThat(OAuth1Signer.baseStringUri("https://www.example.net:8080/?q=1")).isEqualTo("https://www.example.net:8080/");
    assertThat(OAuth1Signer.baseStringUri("https://api.example.com:443")).isEqualTo("https://api.example.com/");
    assertThat(OAuth1Signer.baseStringUri("http://[::1]:8080/v2/self")).isEqualTo("http://[::1]:8080/v2/self");
    // Already normal (the common case, returned without rebuilding), and the near misses that must not be.
    assertThat(OAuth1Signer.baseStringUri("https://api.clever-cloud.com/v2/self?a=1#f"))
        .isEqualTo("https://api.clever-cloud.com/v2/self");
    assertThat(OAuth1Signer.baseStringUri("https://api.clever-cloud.com/v2/a%2Fb#f?x"))
        .isEqualTo("https://api.clever-cloud.com/v2/a%2Fb");
    assertThat(OAuth1Signer.baseStringUri("https://user:pw@api.clever-cloud.com/v2")).isEqualTo("https://api.clever-cloud.com/v2");
    assertThat(OAuth1Signer.baseStringUri("https://api.clever-cloud.com:/v2")).isEqualTo("https://api.clever-cloud.com/v2");
    assertThat(OAuth1Signer.baseStringUri("https://api.clever-cloud.com:443/v2")).isEqualTo("https://api.clever-cloud.com/v2");
    assertThat(OAuth1Signer.baseStringUri("https://Api.clever-cloud.com/V2")).isEqualTo("https://api.clever-cloud.com/V2");
    assertThat(OAuth1Signer.baseStringUri("https://user@api.clever-cloud.com/v2")).isEqualTo("https://api.clever-cloud.com/v2");
    assertThat(OAuth1Signer.baseStringUri("https://Zz.example.com/v2")).isEqualTo("https://zz.example.com/v2");
    assertThat(OAuth1Signer.baseStringUri("https://b\u00c9.example/x")).isEqualTo("https://b\u00e9.example/x");
    for (String notAbsolute : List.of("://api.clever-cloud.com/v2", "/v2/self", "api.clever-cloud.com/v2")) {
      assertThatThrownBy(() -> OAuth1Signer.baseStringUri(notAbsolute)).as(notAbsolute)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Form decoding: an empty name, escapes and {@code +} at the very start of a name or value, a name alone. */
  @Test
  void parsesFormsWithEscapesAndPlusesAnywhere() {
    assertThat(OAuth1Signer.parseForm("=x&%41=%42&+a=b+&k&%2B=%2b")).containsExactly(p("", "x"), p("A", "B"),
        p(" a", "b "), p("k", ""), p("+", "+"));
    assertThat(OAuth1Signer.parseForm("")).isEmpty();
    assertThat(OAuth1Signer.parseForm(null)).isEmpty();
  }

  /** The header of the OAuth dance: each name and value percent-encoded, quoted, joined by a comma and a space. */
  @Test
  void toHeaderQuotesAndEncodesEachParameterInOrder() {
    Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("oauth_consumer_key", "c k");
    params.put("oauth_callback", "https://x.example/cb?a=1");
    params.put("oauth_signature", "s+/=");
    assertThat(OAuth1Signer.toHeader(params)).isEqualTo("OAuth oauth_consumer_key=\"c%20k\", "
        + "oauth_callback=\"https%3A%2F%2Fx.example%2Fcb%3Fa%3D1\", oauth_signature=\"s%2B%2F%3D\"");
    assertThat(OAuth1Signer.toHeader(Map.of())).isEqualTo("OAuth ");
  }

  @Test
  void signsRfc5849Section12TemporaryCredentialsRequest() {
    // RFC 5849 §1.2: POST https://photos.example.net/initiate, signature 74KNZJeDHnMBp0EMJ9ZHt/XKycU=.
    // The RFC example has no oauth_version, so the base string is built here from the RFC's parameters.
    List<Map.Entry<String, String>> params = List.of(p("oauth_consumer_key", "dpf43f3p2l4k3l03"),
        p("oauth_signature_method", "HMAC-SHA1"), p("oauth_timestamp", "137131200"), p("oauth_nonce", "wIjqoS"),
        p("oauth_callback", "http://printer.example.com/ready"));
    String base = OAuth1Signer.baseString("POST", "https://photos.example.net/initiate", params);
    String sig = OAuth1Signer.hmac(SignatureMethod.HMAC_SHA1,
        OAuth1Signer.signingKey(Secret.of("kd94hf93k423kf44"), null), base);
    assertThat(sig).isEqualTo("74KNZJeDHnMBp0EMJ9ZHt/XKycU=");
  }

  @Test
  void signsRfc5849Section12TokenRequest() {
    List<Map.Entry<String, String>> params = List.of(p("oauth_consumer_key", "dpf43f3p2l4k3l03"),
        p("oauth_token", "hh5s93j4hdidpola"), p("oauth_signature_method", "HMAC-SHA1"),
        p("oauth_timestamp", "137131201"), p("oauth_nonce", "walatlh"), p("oauth_verifier", "hfdp7dh39dks9884"));
    String base = OAuth1Signer.baseString("POST", "https://photos.example.net/token", params);
    String sig = OAuth1Signer.hmac(SignatureMethod.HMAC_SHA1,
        OAuth1Signer.signingKey(Secret.of("kd94hf93k423kf44"), Secret.of("hdhd0244k9j7ao03")), base);
    assertThat(sig).isEqualTo("gKgrFCywp7rO0OXSjdot/IHF7IU=");
  }

  @Test
  void signsRfc5849Section12ResourceRequestWithQuery() {
    String url = "http://photos.example.net/photos?file=vacation.jpg&size=original";
    List<Map.Entry<String, String>> params = new ArrayList<>(queryParameters(url));
    params.addAll(List.of(p("oauth_consumer_key", "dpf43f3p2l4k3l03"), p("oauth_token", "nnch734d00sl2jdk"),
        p("oauth_signature_method", "HMAC-SHA1"), p("oauth_timestamp", "137131202"), p("oauth_nonce", "chapoH")));
    String base = OAuth1Signer.baseString("GET", url, params);
    assertThat(base).isEqualTo("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26"
        + "oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26"
        + "oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal");
    String sig = OAuth1Signer.hmac(SignatureMethod.HMAC_SHA1,
        OAuth1Signer.signingKey(Secret.of("kd94hf93k423kf44"), Secret.of("pfkkdhi9sl3r4s00")), base);
    assertThat(sig).isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  }

  @Test
  void signsWithHmacSha512OverQueryAndFormParameters() {
    // Expected value computed independently of this code, from a hand-written base string:
    //   printf '%s' 'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D
    //   %26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method
    //   %3DHMAC-SHA512%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7%26oauth_version%3D1.0' (one line)
    //   | openssl dgst -sha512 -hmac 'j49sk3j29djd&dh893hdasih9' -binary | base64 -w0
    OAuth1Credentials creds = Credentials.oauth1("9djdj82h48djs9d2", "j49sk3j29djd", "kkk9d7dh3k39sjv7",
        "dh893hdasih9");
    Map<String, String> params = fixed(137131201, "7d8f3e4a").protocolParameters("POST", RFC_URL,
        OAuth1Signer.parseForm("c2&a3=2+q"), creds.consumerKey(), creds.consumerSecret(), creds.token(),
        creds.tokenSecret(), SignatureMethod.HMAC_SHA512, Map.of());
    assertThat(params.get("oauth_signature")).isEqualTo(
        "o/mAY/ibueR0fGbNfu/G8k9uJKjv2mT9co3mBuhTWsApOqb8IBL/Vg/6xJKB2JPzhLHniDqZbqwm9TSVF9AOyA==");
  }

  @Test
  void signsWithHmacSha512NonAsciiPlusTildeAndStarInQueryAndSecrets() {
    // Computed independently with:
    //   printf '%s' 'GET&https%3A%2F%2Fapi.clever-cloud.com%2Fv2%2Fsummary&full%3Dtrue%26oauth_consumer_key%3Dck%26
    //   oauth_nonce%3Dn0nce%26oauth_signature_method%3DHMAC-SHA512%26oauth_timestamp%3D1700000000%26oauth_token%3Dtk
    //   %26oauth_version%3D1.0%26q%3Dcaf%25C3%25A9%2520au%2520lait%26x%3D%252A~' (one line)
    //   | openssl dgst -sha512 -hmac 'c%2Bs%20%C3%A9&t~s%2A' -binary | base64 -w0
    OAuth1Credentials creds = Credentials.oauth1("ck", "c+s é", "tk", "t~s*");
    String header = fixed(1700000000, "n0nce").authorizationHeader("GET",
        "https://api.clever-cloud.com/v2/summary?full=true&q=caf%C3%A9+au+lait&x=%2A%7E", List.of(), creds,
        SignatureMethod.HMAC_SHA512);
    assertThat(header).contains("oauth_signature=\"" + OAuth1Signer.percentEncode(
        "ud6nbiCGiEJWNH65iC8taEezRH1rrXp2JcGqdjZSi9CGNjf30Hz4axmQYvZ4weiFSqn2uKHzjHpuFe6TFu1W0g==") + "\"");
  }

  /**
   * The signer re-encodes query parameters in one pass; it must sign exactly what decoding them (as a form) and
   * encoding them again (RFC 5849 §3.4.1.3) gives, for escapes in either case, escaped unreserved characters, bare
   * reserved ones, {@code +}, non-ASCII and invalid UTF-8 (at the edge of ASCII too: {@code %7F} and {@code %80},
   * U+007F and U+0080 sent bare), empty names and values, and a fragment.
   */
  @Test
  void signsQueryParametersAsDecodedThenEncoded() {
    OAuth1Credentials creds = Credentials.oauth1("ck", "cs", "tk", "ts");
    OAuth1Signer signer = fixed(1700000000, "n0nce");
    for (String query : List.of("since=2025-01-01T00%3A00%3A00Z&limit=50", "a=%7e%7E%2a%2A%41&b=*:/@!$'()",
        "x=a+b%20c%2Bd", "q=caf%C3%A9&r=caf%c3%a9&s=%FF%FE", "a&&b=&=c&d==e&", "k=%25%2525", "v=1#frag=x&y",
        "e=\u00e9\u00e8", "c=%80%8a&d=%7F", "u=\u0080\u007f")) {
      String url = "https://api.clever-cloud.com/v2/x?" + query;
      List<Map.Entry<String, String>> all = new ArrayList<>(queryParameters(url));
      all.add(p("oauth_consumer_key", "ck"));
      all.add(p("oauth_token", "tk"));
      all.add(p("oauth_signature_method", "HMAC-SHA512"));
      all.add(p("oauth_timestamp", "1700000000"));
      all.add(p("oauth_nonce", "n0nce"));
      all.add(p("oauth_version", "1.0"));
      String expected = OAuth1Signer.hmac(SignatureMethod.HMAC_SHA512, "cs&ts", OAuth1Signer.baseString("GET", url,
          all));
      assertThat(signer.authorizationHeader("GET", url, List.of(), creds, SignatureMethod.HMAC_SHA512))
          .as(query).endsWith("oauth_signature=\"" + OAuth1Signer.percentEncode(expected) + "\"");
    }
  }

  /** An escape cut short is refused (as the decoder refuses it), wherever it stands in the query. */
  @Test
  void aMalformedEscapeInTheQueryIsRefused() {
    OAuth1Credentials creds = Credentials.oauth1("ck", "cs", "tk", "ts");
    for (String query : List.of("a=%4", "a=%", "a=%4&b=1", "a=%G1", "%4=x")) {
      assertThatThrownBy(() -> fixed(1, "n").authorizationHeader("GET", "https://api.clever-cloud.com/v2/x?" + query,
          List.of(), creds, SignatureMethod.HMAC_SHA512)).as(query).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void percentEncodesPerRfc3986OverUtf8() {
    assertThat(OAuth1Signer.percentEncode("a b")).isEqualTo("a%20b");
    assertThat(OAuth1Signer.percentEncode("a+b")).isEqualTo("a%2Bb");
    assertThat(OAuth1Signer.percentEncode("~-._")).isEqualTo("~-._");
    assertThat(OAuth1Signer.percentEncode("*")).isEqualTo("%2A");
    assertThat(OAuth1Signer.percentEncode("é")).isEqualTo("%C3%A9");
    assertThat(OAuth1Signer.percentEncode("€")).isEqualTo("%E2%82%AC");
    assertThat(OAuth1Signer.percentEncode("=&%")).isEqualTo("%3D%26%25");
  }

  /** The edges of every unreserved range are kept, and the characters just outside them are encoded. */
  @Test
  void unreservedRangesAreKeptToTheirEdgesAndNoFurther() {
    assertThat(OAuth1Signer.percentEncode("AZaz09")).isEqualTo("AZaz09");
    assertThat(OAuth1Signer.percentEncode("Z")).isEqualTo("Z");
    assertThat(OAuth1Signer.percentEncode("@[`{/:")).isEqualTo("%40%5B%60%7B%2F%3A");
    // the same edges past the fast path (after a character that needs encoding)
    assertThat(OAuth1Signer.percentEncode(" AZaz09-._~")).isEqualTo("%20AZaz09-._~");
    assertThat(OAuth1Signer.percentEncode(" @[`{/:")).isEqualTo("%20%40%5B%60%7B%2F%3A");
    // a query re-encoded for the base string keeps the edges too, bare or escaped
    List<Map.Entry<String, String>> all = new ArrayList<>();
    String url = "https://api.clever-cloud.com/v2/x?k=AZaz09%41%5A%61%7A%30%39%40%5B%60%7B%2F%3A@[`{:";
    all.addAll(queryParameters(url));
    all.add(p("oauth_consumer_key", "ck"));
    all.add(p("oauth_signature_method", "HMAC-SHA1"));
    all.add(p("oauth_timestamp", "1"));
    all.add(p("oauth_nonce", "n"));
    all.add(p("oauth_version", "1.0"));
    String expected = OAuth1Signer.hmac(SignatureMethod.HMAC_SHA1, "cs&", OAuth1Signer.baseString("GET", url, all));
    Map<String, String> signed = fixed(1, "n").protocolParameters("GET", url, List.of(), "ck", Secret.of("cs"), null,
        null, SignatureMethod.HMAC_SHA1, Map.of());
    assertThat(signed.get("oauth_signature")).isEqualTo(expected);
    assertThat(OAuth1Signer.baseString("GET", url, all)).contains("k%3DAZaz09AZaz09%2540%255B%2560%257B%252F%253A"
        + "%2540%255B%2560%257B%253A");
  }

  @Test
  void sortsRepeatedKeysByValue() {
    assertThat(OAuth1Signer.normalizeParameters(List.of(p("a", "z"), p("a", "b"), p("a", "y b"))))
        .isEqualTo("a=b&a=y%20b&a=z");
  }

  @Test
  void plaintextSignatureIsEncodedSecretsJoinedByAmpersand() {
    OAuth1Credentials creds = Credentials.oauth1("CK", "c&s", "T", "t s", SignatureMethod.PLAINTEXT);
    String header = fixed(1, "n").authorizationHeader("GET", "https://api-bridge.clever-cloud.com/api-tokens",
        List.of(), creds, SignatureMethod.PLAINTEXT);
    // signature = pe("c&s") & pe("t s") = c%26s&t%20s, percent-encoded again in the header
    assertThat(header).startsWith("OAuth ")
        .contains("oauth_consumer_key=\"CK\"", "oauth_token=\"T\"", "oauth_signature_method=\"PLAINTEXT\"",
            "oauth_signature=\"c%2526s%26t%2520s\"");
  }

  @Test
  void headerCarriesTimestampNonceAndVersion() {
    OAuth1Credentials creds = Credentials.oauth1("CK", "CS", "T", "TS");
    String header = fixed(1700000000, "abc").authorizationHeader("GET", "https://api.clever-cloud.com/v2/self",
        List.of(), creds, SignatureMethod.HMAC_SHA1);
    assertThat(header).contains("oauth_timestamp=\"1700000000\"", "oauth_nonce=\"abc\"", "oauth_version=\"1.0\"",
        "oauth_signature_method=\"HMAC-SHA1\"");
  }

  @Test
  void randomNonceHas128BitsAndDiffersEachTime() {
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String nonce = OAuth1Signer.randomNonce();
      assertThat(nonce).matches("[0-9a-f]{32}");
      nonces.add(nonce);
    }
    assertThat(nonces).hasSize(100);
  }

  /** Both hex digits of every byte are random: no position of the nonce is ever fixed. */
  @Test
  void everyDigitOfTheNonceVaries() {
    List<Set<Character>> seen = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      seen.add(new HashSet<>());
    }
    for (int n = 0; n < 400; n++) {
      String nonce = OAuth1Signer.randomNonce();
      for (int i = 0; i < 32; i++) {
        seen.get(i).add(nonce.charAt(i));
      }
    }
    // 400 draws of a uniform hex digit show at least 8 of the 16 values, except with probability below 1e-100
    for (int i = 0; i < 32; i++) {
      assertThat(seen.get(i)).as("digit %d", i).hasSizeGreaterThanOrEqualTo(8);
    }
  }

  /**
   * One signer, one key, the method changed between calls: each signature is the one a fresh signer gives for its
   * method (the cached MAC is for the last key and method, never reused for another method).
   */
  @Test
  void theCachedMacFollowsTheSignatureMethod() {
    OAuth1Credentials creds = Credentials.oauth1("ck", "cs", "tk", "ts");
    String url = "https://api.clever-cloud.com/v2/self";
    OAuth1Signer shared = fixed(1700000000, "n0nce");
    for (SignatureMethod method : List.of(SignatureMethod.HMAC_SHA512, SignatureMethod.HMAC_SHA1,
        SignatureMethod.HMAC_SHA512, SignatureMethod.HMAC_SHA512, SignatureMethod.HMAC_SHA1)) {
      String expected = fixed(1700000000, "n0nce").authorizationHeader("GET", url, List.of(), creds, method);
      assertThat(shared.authorizationHeader("GET", url, List.of(), creds, method)).as(method.name())
          .isEqualTo(expected);
    }
    // and a new key with the same method is not signed with the old one
    OAuth1Credentials other = Credentials.oauth1("ck", "cs2", "tk", "ts");
    assertThat(shared.authorizationHeader("GET", url, List.of(), other, SignatureMethod.HMAC_SHA1))
        .isEqualTo(fixed(1700000000, "n0nce").authorizationHeader("GET", url, List.of(), other,
            SignatureMethod.HMAC_SHA1))
        .isNotEqualTo(fixed(1700000000, "n0nce").authorizationHeader("GET", url, List.of(), creds,
            SignatureMethod.HMAC_SHA1));
  }

  @Test
  void defaultSignerUsesAFreshNonceForEachRequest() {
    OAuth1Credentials creds = Credentials.oauth1("CK", "CS", "T", "TS");
    OAuth1Signer signer = new OAuth1Signer();
    String a = signer.authorizationHeader("GET", "https://api.clever-cloud.com/v2/self", List.of(), creds,
        SignatureMethod.HMAC_SHA512);
    String b = signer.authorizationHeader("GET", "https://api.clever-cloud.com/v2/self", List.of(), creds,
        SignatureMethod.HMAC_SHA512);
    assertThat(a).isNotEqualTo(b);
  }
}
