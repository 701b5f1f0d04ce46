package com.clevercloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.MacSpi;
import org.junit.jupiter.api.Test;

/**
 * Edges of the OAuth 1.0a signer: base string URIs without a path or with an empty user info, forms with an empty
 * pair first or with many parameters, and a JCE provider whose MAC cannot be cloned (the signer then keys a MAC per
 * request instead of cloning a cached one).
 */
class OAuth1SignerEdgesTest {

  private static Map.Entry<String, String> p(String k, String v) {
    return new SimpleImmutableEntry<>(k, v);
  }

  private static OAuth1Signer fixed(long epochSeconds, String nonce) {
    return new OAuth1Signer(Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC), () -> nonce);
  }

  /** RFC 5849 §3.4.1.2: an empty path is "/", also when a query or a fragment follows the authority directly. */
  @Test
  void aUrlWithoutPathGetsTheSlashBeforeItsQueryOrFragment() {
    assertThat(OAuth1Signer.baseStringUri("https://api.clever-cloud.com?since=2025")).isEqualTo(
        "https://api.clever-cloud.com/");
    assertThat(OAuth1Signer.baseStringUri("https://api.clever-cloud.com#top")).isEqualTo(
        "https://api.clever-cloud.com/");
  }

  /** An upper-case scheme and host are lower-cased when nothing else needs normalising (no port, no user info). */
  @Test
  void anUpperCaseSchemeAndHostAreLowerCasedWithNothingElseToChange() {
    assertThat(OAuth1Signer.baseStringUri("HTTPS://API.CLEVER-CLOUD.COM/v2/Self")).isEqualTo(
        "https://api.clever-cloud.com/v2/Self");
  }

  /** User info is never in the base string URI, even empty ({@code https://@host}, RFC 3986 §3.2.1). */
  @Test
  void anEmptyUserInfoIsDroppedToo() {
    assertThat(OAuth1Signer.baseStringUri("https://@api.clever-cloud.com/v2/self")).isEqualTo(
        "https://api.clever-cloud.com/v2/self");
  }

  /** An empty pair is skipped wherever it stands, the very start of the form included. */
  @Test
  void aFormStartingWithAnAmpersandSkipsTheEmptyPair() {
    assertThat(OAuth1Signer.parseForm("&oauth_token=t&&oauth_token_secret=s&")).containsExactly(
        p("oauth_token", "t"), p("oauth_token_secret", "s"));
  }

  /**
   * An escape whose first digit is hex but whose second is not is refused, as the decoder refuses it, rather than
   * signed as some other character.
   */
  @Test
  void anEscapeWithABadSecondDigitIsRefused() {
    OAuth1Credentials creds = Credentials.oauth1("ck", "cs", "tk", "ts");
    for (String query : List.of("a=%4G", "a=%4G&b=1", "%7x=1", "a=b%0z")) {
      assertThatThrownBy(() -> fixed(1, "n").authorizationHeader("GET", "https://api.clever-cloud.com/v2/x?" + query,
          List.of(), creds, SignatureMethod.HMAC_SHA512)).as(query).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** A form body of many fields (more than the protocol parameters) is signed over all of them. */
  @Test
  void aFormWithManyParametersIsSignedOverAllOfThem() {
    List<Map.Entry<String, String>> form = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      form.add(p("field" + i, "value " + i));
    }
    String url = "https://api.clever-cloud.com/v2/x";
    List<Map.Entry<String, String>> all = new ArrayList<>(form);
    all.add(p("oauth_consumer_key", "ck"));
    all.add(p("oauth_token", "tk"));
    all.add(p("oauth_signature_method", "HMAC-SHA512"));
    all.add(p("oauth_timestamp", "1700000000"));
    all.add(p("oauth_nonce", "n0nce"));
    all.add(p("oauth_version", "1.0"));
    String expected = OAuth1Signer.hmac(SignatureMethod.HMAC_SHA512, "cs&ts", OAuth1Signer.baseString("POST", url,
        all));
    Map<String, String> signed = fixed(1700000000, "n0nce").protocolParameters("POST", url, form, "ck",
        Secret.of("cs"), "tk", Secret.of("ts"), SignatureMethod.HMAC_SHA512, Map.of());
    assertThat(signed.get("oauth_signature")).isEqualTo(expected);
  }

  /** Any number of extra protocol parameters is signed and sent, not only the dance's one or two. */
  @Test
  void manyExtraProtocolParametersAreSignedAndSent() {
    Map<String, String> extra = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      extra.put("oauth_extra" + i, "v" + i);
    }
    String url = "https://api.clever-cloud.com/oauth/request_token";
    List<Map.Entry<String, String>> all = new ArrayList<>();
    all.add(p("oauth_consumer_key", "ck"));
    all.add(p("oauth_signature_method", "HMAC-SHA512"));
    all.add(p("oauth_timestamp", "1700000000"));
    all.add(p("oauth_nonce", "n0nce"));
    all.add(p("oauth_version", "1.0"));
    extra.forEach((k, v) -> all.add(p(k, v)));
    Map<String, String> signed = fixed(1700000000, "n0nce").protocolParameters("POST", url, List.of(), "ck",
        Secret.of("cs"), null, null, SignatureMethod.HMAC_SHA512, extra);
    assertThat(signed).containsAllEntriesOf(extra).containsEntry("oauth_signature", OAuth1Signer.hmac(
        SignatureMethod.HMAC_SHA512, "cs&", OAuth1Signer.baseString("POST", url, all)));
  }

  /** HMAC-SHA512 from the JDK's provider, in a MAC that refuses to be cloned (as some HSM or FIPS providers do). */
  public static final class NonCloneableHmacSha512 extends MacSpi {
    private final Mac delegate;

    public NonCloneableHmacSha512() throws GeneralSecurityException {
      delegate = Mac.getInstance("HmacSHA512", "SunJCE");
    }

    @Override
    protected int engineGetMacLength() {
      return delegate.getMacLength();
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params) throws InvalidKeyException,
        InvalidAlgorithmParameterException {
      delegate.init(key, params);
    }

    @Override
    protected void engineUpdate(byte input) {
      delegate.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      delegate.update(input, offset, len);
    }

    @Override
    protected byte[] engineDoFinal() {
      return delegate.doFinal();
    }

    @Override
    protected void engineReset() {
      delegate.reset();
    }
  }

  /**
   * With a provider whose MAC cannot be cloned installed first, the signer still signs, request after request, with
   * the signature the JDK's own provider gives.
   */
  @Test
  void aProviderWithoutCloneStillSignsEveryRequest() throws Exception {
    OAuth1Credentials creds = Credentials.oauth1("ck", "cs", "tk", "ts");
    String url = "https://api.clever-cloud.com/v2/self?limit=5";
    String expected = fixed(1700000000, "n0nce").authorizationHeader("GET", url, List.of(), creds,
        SignatureMethod.HMAC_SHA512);
    Provider noClone = new Provider("CleverCloudTestNoClone", "1.0", "HmacSHA512 without clone()") {
      {
        put("Mac.HmacSHA512", NonCloneableHmacSha512.class.getName());
      }
    };
    Security.insertProviderAt(noClone, 1);
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new javax.crypto.spec.SecretKeySpec(new byte[] {1}, "HmacSHA512"));
      assertThat(mac.getProvider().getName()).isEqualTo("CleverCloudTestNoClone");
      assertThatThrownBy(mac::clone).isInstanceOf(CloneNotSupportedException.class);

      OAuth1Signer signer = fixed(1700000000, "n0nce");
      for (int i = 0; i < 3; i++) {
        assertThat(signer.authorizationHeader("GET", url, List.of(), creds, SignatureMethod.HMAC_SHA512))
            .as("call %d", i).isEqualTo(expected);
      }
    } finally {
      Security.removeProvider("CleverCloudTestNoClone");
    }
  }
}
