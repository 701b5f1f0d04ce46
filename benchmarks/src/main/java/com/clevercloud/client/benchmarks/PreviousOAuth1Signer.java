package com.clevercloud.client.benchmarks;

import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.auth.SignatureMethod;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The facade's {@code OAuth1Signer} as it was before the benchmarks (commit f8954f1), kept verbatim but for its name so
 * that {@link SigningBenchmark} measures the old and the current signer in the same run, and checks that they write
 * the same header. Its Javadoc is trimmed; the logic is untouched.
 */
final class PreviousOAuth1Signer {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HEX = "0123456789ABCDEF";

  private final Clock clock;
  private final Supplier<String> nonces;

  /** A signer with the system clock and 128-bit random nonces from {@link SecureRandom}. */
  PreviousOAuth1Signer() {
    this(Clock.systemUTC(), PreviousOAuth1Signer::randomNonce);
  }

  /**
   * A signer with the given time and nonce sources (tests pin them to check exact signatures).
   *
   * @param clock gives {@code oauth_timestamp} (unix seconds)
   * @param nonces gives {@code oauth_nonce}, a new value per call
   */
  PreviousOAuth1Signer(Clock clock, Supplier<String> nonces) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.nonces = Objects.requireNonNull(nonces, "nonces == null");
  }

  /**
   * A fresh nonce: 128 bits from {@link SecureRandom}, as 32 lower-case hex digits.
   *
   * @return the nonce
   */
  public static String randomNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    StringBuilder sb = new StringBuilder(32);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return sb.toString();
  }

  /**
   * The {@code Authorization} header value for a request made with access-token credentials.
   *
   * @param method the HTTP method
   * @param url the full request URL, encoded as it goes on the wire (query included)
   * @param formParameters decoded {@code application/x-www-form-urlencoded} body parameters, or an empty list
   * @param credentials the consumer and the access token
   * @param signatureMethod how to sign (the client passes PLAINTEXT for the Bridge's {@code /api-tokens})
   * @return {@code OAuth oauth_consumer_key="…", …, oauth_signature="…"}
   */
  public String authorizationHeader(String method, String url, List<Map.Entry<String, String>> formParameters,
      OAuth1Credentials credentials, SignatureMethod signatureMethod) {
    Objects.requireNonNull(credentials, "credentials == null");
    return toHeader(protocolParameters(method, url, formParameters, credentials.consumerKey(),
        credentials.consumerSecret(), credentials.token(), credentials.tokenSecret(), signatureMethod, Map.of()));
  }

  /**
   * Formats protocol parameters as an {@code Authorization} header value (RFC 5849 §3.5.1).
   *
   * @param params the parameters from {@link #protocolParameters}, {@code oauth_signature} included
   * @return {@code OAuth k="pe(v)", …}
   */
  public static String toHeader(Map<String, String> params) {
    StringBuilder sb = new StringBuilder("OAuth ");
    boolean first = true;
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(percentEncode(p.getKey())).append("=\"").append(percentEncode(p.getValue())).append('"');
    }
    return sb.toString();
  }

  /**
   * The protocol parameters of a signed request, {@code oauth_signature} included, for requests that carry them in
   * a form body or a header of their own (the OAuth dance: the token is null and the token secret empty in step 1).
   *
   * @param method the HTTP method
   * @param url the full request URL, encoded as it goes on the wire
   * @param formParameters decoded form body parameters that are not protocol parameters, or an empty list
   * @param consumerKey the consumer's key
   * @param consumerSecret the consumer's secret
   * @param token the (request or access) token, or null when there is none yet
   * @param tokenSecret the token's secret, or null for an empty one
   * @param signatureMethod how to sign
   * @param extraProtocolParameters more {@code oauth_*} parameters to sign and send ({@code oauth_callback},
   *     {@code oauth_verifier})
   * @return the parameters in sending order, decoded (encode them when writing them out)
   */
  public Map<String, String> protocolParameters(String method, String url,
      List<Map.Entry<String, String>> formParameters, String consumerKey, Secret consumerSecret, String token,
      Secret tokenSecret, SignatureMethod signatureMethod, Map<String, String> extraProtocolParameters) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(formParameters, "formParameters == null");
    Objects.requireNonNull(consumerKey, "consumerKey == null");
    Objects.requireNonNull(consumerSecret, "consumerSecret == null");
    Objects.requireNonNull(signatureMethod, "signatureMethod == null");
    Objects.requireNonNull(extraProtocolParameters, "extraProtocolParameters == null");
    String nonce = nonces.get();
    if (nonce == null || nonce.isBlank()) {
      throw new IllegalStateException("The nonce source gave no nonce");
    }

    Map<String, String> params = new LinkedHashMap<>();
    params.put("oauth_consumer_key", consumerKey);
    if (token != null) {
      params.put("oauth_token", token);
    }
    params.put("oauth_signature_method", signatureMethod.wireName());
    params.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
    params.put("oauth_nonce", nonce);
    params.put("oauth_version", "1.0");
    params.putAll(extraProtocolParameters);

    String signature;
    if (signatureMethod == SignatureMethod.PLAINTEXT) {
      signature = signingKey(consumerSecret, tokenSecret);
    } else {
      List<Map.Entry<String, String>> all = new ArrayList<>(queryParameters(url));
      all.addAll(formParameters);
      params.forEach((k, v) -> all.add(new SimpleImmutableEntry<>(k, v)));
      signature = hmac(signatureMethod, signingKey(consumerSecret, tokenSecret), baseString(method, url, all));
    }
    params.put("oauth_signature", signature);
    return params;
  }

  /**
   * The signature base string (RFC 5849 §3.4.1): {@code METHOD&pe(base URI)&pe(normalized parameters)}.
   *
   * @param method the HTTP method
   * @param url the request URL as sent; its query is ignored here (pass query parameters in {@code parameters})
   * @param parameters every parameter to sign: query, form body and protocol parameters, decoded
   */
  static String baseString(String method, String url, List<Map.Entry<String, String>> parameters) {
    return method.toUpperCase(Locale.ROOT) + '&' + percentEncode(baseStringUri(url)) + '&'
        + percentEncode(normalizeParameters(parameters));
  }

  /** RFC 5849 §3.4.1.2: lower-case scheme and host, no default port, the path as sent, no query or fragment. */
  static String baseStringUri(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0) {
      throw new IllegalArgumentException("Not an absolute URL: " + url);
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    int authorityStart = schemeEnd + 3;
    int authorityEnd = indexOfAny(url, "/?#", authorityStart);
    String authority = url.substring(authorityStart, authorityEnd);
    int pathEnd = indexOfAny(url, "?#", authorityEnd);
    String path = url.substring(authorityEnd, pathEnd);
    if (path.isEmpty()) {
      path = "/";
    }
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    String host = authority;
    String port = null;
    int colon = authority.lastIndexOf(':');
    if (colon >= 0 && colon > authority.lastIndexOf(']')) {
      host = authority.substring(0, colon);
      port = authority.substring(colon + 1);
    }
    host = host.toLowerCase(Locale.ROOT);
    boolean defaultPort = port == null || port.isEmpty()
        || (scheme.equals("http") && port.equals("80"))
        || (scheme.equals("https") && port.equals("443"));
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
  }

  /** Decoded query parameters of an encoded URL, form-decoded ({@code +} is a space) as RFC 5849 §3.4.1.3.1 says. */
  static List<Map.Entry<String, String>> queryParameters(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return List.of();
    }
    int hash = url.indexOf('#', q);
    return parseForm(url.substring(q + 1, hash < 0 ? url.length() : hash));
  }

  /**
   * Decodes an {@code application/x-www-form-urlencoded} string into its pairs, repeated keys kept in order.
   *
   * @param encoded for example {@code a=1&b=x+y}
   * @return the decoded pairs
   */
  public static List<Map.Entry<String, String>> parseForm(String encoded) {
    List<Map.Entry<String, String>> result = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return result;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.add(new SimpleImmutableEntry<>(URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8)));
    }
    return result;
  }

  /** RFC 5849 §3.4.1.3.2: encode each name and value, sort by name then value, join with {@code &}. */
  static String normalizeParameters(List<Map.Entry<String, String>> parameters) {
    List<String[]> encoded = new ArrayList<>(parameters.size());
    for (Map.Entry<String, String> p : parameters) {
      encoded.add(new String[] {percentEncode(p.getKey()), percentEncode(p.getValue())});
    }
    // Encoded strings are ASCII, so String order is the byte order the RFC asks for.
    encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder sb = new StringBuilder();
    for (String[] p : encoded) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p[0]).append('=').append(p[1]);
    }
    return sb.toString();
  }

  /**
   * RFC 3986 percent-encoding over UTF-8, as RFC 5849 §3.6 asks: {@code A-Z a-z 0-9 - . _ ~} are kept, every other
   * byte becomes {@code %XX} with upper-case hex (so a space is {@code %20}, never {@code +}).
   *
   * @param value the text to encode
   * @return the encoded text
   */
  public static String percentEncode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
      }
    }
    return sb.toString();
  }

  /** {@code pe(consumerSecret)&pe(tokenSecret)}: the HMAC key, and the PLAINTEXT signature itself. */
  static String signingKey(Secret consumerSecret, Secret tokenSecret) {
    return percentEncode(consumerSecret.reveal()) + '&'
        + (tokenSecret == null ? "" : percentEncode(tokenSecret.reveal()));
  }

  static String hmac(SignatureMethod method, String key, String baseString) {
    try {
      String algorithm = method == SignatureMethod.HMAC_SHA1 ? "HmacSHA1" : "HmacSHA512"; // macAlgorithm() is internal
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // The JDK ships both; a runtime without them cannot talk to Clever Cloud with HMAC anyway.
      throw new IllegalStateException("Cannot compute " + method.wireName(), e);
    }
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
