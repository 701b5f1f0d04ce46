package com.clevercloud.client.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with OAuth 1.0a (RFC 5849): PLAINTEXT, HMAC-SHA1 and HMAC-SHA512.
 *
 * <p>The signature base string covers the method, the URL without its query, the query parameters and the
 * {@code application/x-www-form-urlencoded} body parameters (never a JSON body, as RFC 5849 §3.4.1.3.1 says). Each
 * call draws a fresh nonce and timestamp, which is why the client signs in its innermost interceptor: a retried
 * request is signed again. The clock and the nonce source are injectable so tests can check exact signatures.
 *
 * <pre>{@code
 * String header = new OAuth1Signer().authorizationHeader("GET", "https://api.clever-cloud.com/v2/self", List.of(),
 *     credentials, SignatureMethod.HMAC_SHA512);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class OAuth1Signer {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HEX = "0123456789ABCDEF";
  private static final String LOWER_HEX = "0123456789abcdef";

  private final Clock clock;
  private final Supplier<String> nonces;
  private volatile KeyedMac keyed;

  /** A signer with the system clock and 128-bit random nonces from {@link SecureRandom}. */
  public OAuth1Signer() {
    this(Clock.systemUTC(), OAuth1Signer::randomNonce);
  }

  /**
   * A signer with the given time and nonce sources (tests pin them to check exact signatures).
   *
   * @param clock gives {@code oauth_timestamp} (unix seconds)
   * @param nonces gives {@code oauth_nonce}, a new value per call
   */
  public OAuth1Signer(Clock clock, Supplier<String> nonces) {
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
    char[] hex = new char[32];
    for (int i = 0; i < 16; i++) {
      hex[2 * i] = LOWER_HEX.charAt((bytes[i] >> 4) & 0xF);
      hex[2 * i + 1] = LOWER_HEX.charAt(bytes[i] & 0xF);
    }
    return new String(hex);
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
    Signed signed = sign(method, url, formParameters, credentials.consumerKey(), credentials.consumerSecret(),
        credentials.token(), credentials.tokenSecret(), signatureMethod, Map.of());
    // Written from the pairs encoded for the base string: each value is percent-encoded once per request.
    StringBuilder sb = new StringBuilder(400).append("OAuth ");
    for (String[] p : signed.protocol) {
      sb.append(p[ENCODED_NAME]).append("=\"").append(p[ENCODED_VALUE]).append("\", ");
    }
    return sb.append("oauth_signature=\"").append(percentEncode(signed.signature)).append('"').toString();
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
    Signed signed = sign(method, url, formParameters, consumerKey, consumerSecret, token, tokenSecret,
        signatureMethod, extraProtocolParameters);
    Map<String, String> params = new LinkedHashMap<>();
    for (String[] p : signed.protocol) {
      params.put(p[NAME], p[VALUE]);
    }
    params.put("oauth_signature", signed.signature);
    return params;
  }

  // The columns of a protocol parameter: decoded name and value, then both percent-encoded.
  private static final int NAME = 0;
  private static final int VALUE = 1;
  private static final int ENCODED_NAME = 2;
  private static final int ENCODED_VALUE = 3;

  /** The protocol parameters in sending order (each {@code {name, value, pe(name), pe(value)}}) and the signature. */
  private record Signed(List<String[]> protocol, String signature) {}

  private Signed sign(String method, String url, List<Map.Entry<String, String>> formParameters, String consumerKey,
      Secret consumerSecret, String token, Secret tokenSecret, SignatureMethod signatureMethod,
      Map<String, String> extraProtocolParameters) {
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
    List<String[]> protocol = new ArrayList<>(6 + extraProtocolParameters.size());
    addProtocol(protocol, "oauth_consumer_key", consumerKey);
    if (token != null) {
      addProtocol(protocol, "oauth_token", token);
    }
    addProtocol(protocol, "oauth_signature_method", signatureMethod.wireName());
    addProtocol(protocol, "oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
    addProtocol(protocol, "oauth_nonce", nonce);
    addProtocol(protocol, "oauth_version", "1.0");
    extraProtocolParameters.forEach((k, v) -> addProtocol(protocol, k, v));

    String key = signingKey(consumerSecret, tokenSecret);
    if (signatureMethod == SignatureMethod.PLAINTEXT) {
      return new Signed(protocol, key);
    }
    List<String[]> all = new ArrayList<>(protocol.size() + formParameters.size() + 8);
    addEncodedQuery(url, all);
    for (Map.Entry<String, String> p : formParameters) {
      all.add(encodedPair(p.getKey(), p.getValue()));
    }
    for (String[] p : protocol) {
      all.add(new String[] {p[ENCODED_NAME], p[ENCODED_VALUE]});
    }
    return new Signed(protocol, mac(signatureMethod, key, encodedBaseString(method, url, all)));
  }

  /** The query's pairs, each {@code pe(form-decode(…))} as RFC 5849 §3.4.1.3 asks, in one pass over the URL. */
  private static void addEncodedQuery(String url, List<String[]> out) {
    int q = url.indexOf('?');
    if (q < 0) {
      return;
    }
    int hash = url.indexOf('#', q);
    int end = hash < 0 ? url.length() : hash;
    for (int start = q + 1; start < end; ) {
      int amp = url.indexOf('&', start);
      if (amp < 0 || amp > end) {
        amp = end;
      }
      if (amp > start) {
        int eq = url.indexOf('=', start);
        boolean hasValue = eq >= 0 && eq < amp;
        out.add(new String[] {reencodeFormComponent(url, start, hasValue ? eq : amp),
            hasValue ? reencodeFormComponent(url, eq + 1, amp) : ""});
      }
      start = amp + 1;
    }
  }

  /**
   * {@code pe(form-decode(s))} for {@code s = url[from, to)}, written directly: {@code +} becomes {@code %20}, an
   * escaped unreserved character is unescaped, any other escape is kept with upper-case hex, and a reserved character
   * sent bare is escaped. Escapes of non-ASCII bytes (and malformed ones) take the decoder's way, which validates
   * UTF-8 (and rejects a malformed escape) exactly as before.
   */
  private static String reencodeFormComponent(String url, int from, int to) {
    StringBuilder sb = null;
    for (int i = from; i < to; i++) {
      char c = url.charAt(i);
      int b = c;
      if (c == '+') {
        b = ' ';
      } else if (c == '%') {
        int hi = i + 2 < to ? Character.digit(url.charAt(i + 1), 16) : -1;
        int lo = i + 2 < to ? Character.digit(url.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0 || hi >= 8) {
          return percentEncode(URLDecoder.decode(url.substring(from, to), StandardCharsets.UTF_8));
        }
        b = hi * 16 + lo;
        i += 2;
      } else if (c >= 0x80) {
        return percentEncode(URLDecoder.decode(url.substring(from, to), StandardCharsets.UTF_8));
      }
      if (b == c && unreserved(b)) {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(to - from + 16).append(url, from, i - (c == '%' ? 2 : 0));
      }
      if (unreserved(b)) {
        sb.append((char) b);
      } else {
        sb.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
      }
    }
    return sb == null ? url.substring(from, to) : sb.toString();
  }

  private static void addProtocol(List<String[]> protocol, String name, String value) {
    protocol.add(new String[] {name, value, percentEncode(name), percentEncode(value)});
  }

  private static String[] encodedPair(String name, String value) {
    return new String[] {percentEncode(name), percentEncode(value)};
  }

  /**
   * The signature base string (RFC 5849 §3.4.1): {@code METHOD&pe(base URI)&pe(normalized parameters)}.
   *
   * @param method the HTTP method
   * @param url the request URL as sent; its query is ignored here (pass query parameters in {@code parameters})
   * @param parameters every parameter to sign: query, form body and protocol parameters, decoded
   */
  static String baseString(String method, String url, List<Map.Entry<String, String>> parameters) {
    List<String[]> encoded = new ArrayList<>(parameters.size());
    for (Map.Entry<String, String> p : parameters) {
      encoded.add(encodedPair(p.getKey(), p.getValue()));
    }
    return encodedBaseString(method, url, encoded);
  }

  /** The base string from percent-encoded pairs, which it sorts (RFC 5849 §3.4.1.3.2). */
  private static String encodedBaseString(String method, String url, List<String[]> encoded) {
    encoded.sort(OAuth1Signer::byNameThenValue);
    // pe(k1=v1&k2=v2…) in one pass: the names and values are already encoded, so encoding them again only turns '%'
    // into "%25", while the '=' and '&' that join them become "%3D" and "%26".
    StringBuilder sb = new StringBuilder(512).append(method.toUpperCase(Locale.ROOT)).append('&')
        .append(percentEncode(baseStringUri(url))).append('&');
    boolean first = true;
    for (String[] p : encoded) {
      if (!first) {
        sb.append("%26");
      }
      first = false;
      appendReencoded(sb, p[0]);
      sb.append("%3D");
      appendReencoded(sb, p[1]);
    }
    return sb.toString();
  }

  /** Encoded pairs by name, then value: encoded strings are ASCII, so String order is the RFC's byte order. */
  private static int byNameThenValue(String[] a, String[] b) {
    int byName = a[0].compareTo(b[0]);
    return byName != 0 ? byName : a[1].compareTo(b[1]);
  }

  /** Appends a percent-encoded text encoded once more: only its {@code %} signs change. */
  private static void appendReencoded(StringBuilder sb, String encoded) {
    int i = encoded.indexOf('%');
    if (i < 0) {
      sb.append(encoded); // one array copy; appending a range copies char by char
      return;
    }
    int from = 0;
    for (; i >= 0; i = encoded.indexOf('%', i + 1)) {
      sb.append(encoded, from, i).append("%25");
      from = i + 1;
    }
    sb.append(encoded, from, encoded.length());
  }

  /** RFC 5849 §3.4.1.2: lower-case scheme and host, no default port, the path as sent, no query or fragment. */
  static String baseStringUri(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0) {
      throw new IllegalArgumentException("Not an absolute URL: " + url);
    }
    int authorityEnd = indexOfAny(url, "/?#", schemeEnd + 3);
    if (authorityEnd < url.length() && url.charAt(authorityEnd) == '/'
        && isPlainAuthority(url, schemeEnd, authorityEnd)) {
      return url.substring(0, indexOfAny(url, "?#", authorityEnd)); // already normal: the usual case, no copies
    }
    return normalizedBaseStringUri(url, schemeEnd);
  }

  /** Whether scheme and authority are lower case, without user info or port: nothing for §3.4.1.2 to change. */
  private static boolean isPlainAuthority(String url, int schemeEnd, int authorityEnd) {
    for (int i = 0; i < authorityEnd; i++) {
      char c = url.charAt(i);
      if ((c >= 'A' && c <= 'Z') || c == '@' || c == '[' || c > 0x7F || (c == ':' && i != schemeEnd)) {
        return false;
      }
    }
    return true;
  }

  private static String normalizedBaseStringUri(String url, int schemeEnd) {
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
    int start = 0;
    int end = encoded.length();
    while (start <= end) {
      int amp = encoded.indexOf('&', start);
      if (amp < 0) {
        amp = end;
      }
      if (amp > start) {
        int eq = encoded.indexOf('=', start);
        boolean hasValue = eq >= 0 && eq < amp;
        result.add(new SimpleImmutableEntry<>(formDecode(encoded.substring(start, hasValue ? eq : amp)),
            hasValue ? formDecode(encoded.substring(eq + 1, amp)) : ""));
      }
      start = amp + 1;
    }
    return result;
  }

  /** Form-decodes, skipping the decoder when there is nothing to decode (most names and values). */
  private static String formDecode(String s) {
    return s.indexOf('%') < 0 && s.indexOf('+') < 0 ? s : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** RFC 5849 §3.4.1.3.2: encode each name and value, sort by name then value, join with {@code &}. */
  static String normalizeParameters(List<Map.Entry<String, String>> parameters) {
    List<String[]> encoded = new ArrayList<>(parameters.size());
    for (Map.Entry<String, String> p : parameters) {
      encoded.add(encodedPair(p.getKey(), p.getValue()));
    }
    encoded.sort(OAuth1Signer::byNameThenValue);
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
    int n = value.length();
    int i = 0;
    while (i < n && unreserved(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value; // the common case (every oauth_* name, keys, nonces, timestamps): nothing to copy
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[bytes.length * 3];
    int o = 0;
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (unreserved(c)) {
        out[o++] = (byte) c;
      } else {
        out[o++] = '%';
        out[o++] = (byte) HEX.charAt(c >> 4);
        out[o++] = (byte) HEX.charAt(c & 0xF);
      }
    }
    return new String(out, 0, o, StandardCharsets.US_ASCII);
  }

  private static boolean unreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** {@code pe(consumerSecret)&pe(tokenSecret)}: the HMAC key, and the PLAINTEXT signature itself. */
  static String signingKey(Secret consumerSecret, Secret tokenSecret) {
    return percentEncode(consumerSecret.reveal()) + '&'
        + (tokenSecret == null ? "" : percentEncode(tokenSecret.reveal()));
  }

  static String hmac(SignatureMethod method, String key, String baseString) {
    return base64Mac(newMac(method, key), baseString);
  }

  /**
   * As {@link #hmac}, with a MAC keyed once and cloned per request: {@code Mac.getInstance} (a provider lookup) and
   * {@code init} (the key schedule) cost more than signing a request. The one cached MAC is for the last key and
   * method used, which for a client is always the same; it is compared by value, so a client whose secrets change,
   * or are wiped (then {@link Secret#reveal()} refuses before this), never signs with a stale key.
   */
  private String mac(SignatureMethod method, String key, String baseString) {
    KeyedMac cached = keyed;
    if (cached != null && cached.method == method && cached.key.equals(key)) {
      try {
        return base64Mac((Mac) cached.prototype.clone(), baseString); // clone() only reads the keyed state
      } catch (CloneNotSupportedException e) {
        throw new AssertionError("a cached MAC was cloned once already", e);
      }
    }
    Mac prototype = newMac(method, key);
    try {
      Mac mac = (Mac) prototype.clone();
      keyed = new KeyedMac(method, key, prototype); // published whole by the volatile write
      return base64Mac(mac, baseString);
    } catch (CloneNotSupportedException e) {
      return base64Mac(prototype, baseString); // a provider without clone(): key per request, as before
    }
  }

  /** A keyed MAC never used itself, only cloned, so threads can share it. */
  private record KeyedMac(SignatureMethod method, String key, Mac prototype) {
    @Override
    public String toString() {
      return "KeyedMac[" + method + "]"; // never the key
    }
  }

  private static Mac newMac(SignatureMethod method, String key) {
    try {
      Mac mac = Mac.getInstance(method.macAlgorithm());
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), method.macAlgorithm()));
      return mac;
    } catch (GeneralSecurityException e) {
      // The JDK ships both; a runtime without them cannot talk to Clever Cloud with HMAC anyway.
      throw new IllegalStateException("Cannot compute " + method.wireName(), e);
    }
  }

  private static String base64Mac(Mac mac, String baseString) {
    return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
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
