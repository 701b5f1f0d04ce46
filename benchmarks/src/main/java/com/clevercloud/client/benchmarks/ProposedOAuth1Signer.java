package com.clevercloud.client.benchmarks;

import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.SignatureMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A prototype of the changes BENCHMARKS.md proposes for the facade's {@link OAuth1Signer#authorizationHeader}, kept
 * here so that the proposal's gain is measured in the same run as the signer it would replace
 * ({@link SigningBenchmark}); {@link SigningBenchmark#setUp()} checks that both give the same header for the same
 * nonce and clock. Once the facade adopts the changes, delete this class.
 *
 * <p>The changes, all output-preserving:
 * <ol>
 *   <li>{@link #percentEncode}: return the value itself when nothing needs encoding (every {@code oauth_*} name and most
 *       values), else encode into one {@code byte[]}, instead of a {@code StringBuilder} append per byte;</li>
 *   <li>encode each protocol parameter once, and reuse it for both the base string and the header (the facade encodes
 *       them twice);</li>
 *   <li>decode query values only when they hold {@code %} or {@code +};</li>
 *   <li>write the base string's parameter part in one pass from the already-encoded pairs, instead of joining them and
 *       percent-encoding the joined string;</li>
 *   <li>a {@link Mac} keyed once per credentials and method and cloned per request, instead of {@code Mac.getInstance}
 *       (a provider lookup) and {@code init} (two hash blocks of key schedule) per request.</li>
 * </ol>
 */
final class ProposedOAuth1Signer {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final Comparator<String[]> BY_NAME_THEN_VALUE = (a, b) -> {
    int byName = a[0].compareTo(b[0]);
    return byName != 0 ? byName : a[1].compareTo(b[1]);
  };
  /**
   * A MAC keyed once per credentials and method, cloned per request (cloning copies the keyed state; the facade would
   * keep it in a package-private field of {@code OAuth1Credentials}, which holds the same secrets anyway).
   */
  private volatile KeyedMacs keyed = new KeyedMacs(null);

  /** The keyed MACs of one credentials object: a client signs with one, so one entry is enough. */
  private record KeyedMacs(OAuth1Credentials credentials, Mac... macs) {
    KeyedMacs(OAuth1Credentials credentials) {
      this(credentials, new Mac[SignatureMethod.values().length]);
    }
  }

  private final Clock clock;
  private final Supplier<String> nonces;

  ProposedOAuth1Signer(Clock clock, Supplier<String> nonces) {
    this.clock = clock;
    this.nonces = nonces;
  }

  String authorizationHeader(String method, String url, List<Map.Entry<String, String>> formParameters,
      OAuth1Credentials credentials, SignatureMethod signatureMethod) {
    String[][] oauth = {
        {"oauth_consumer_key", percentEncode(credentials.consumerKey())},
        {"oauth_token", percentEncode(credentials.token())},
        {"oauth_signature_method", percentEncode(signatureMethod.wireName())},
        {"oauth_timestamp", Long.toString(clock.instant().getEpochSecond())},
        {"oauth_nonce", percentEncode(nonces.get())},
        {"oauth_version", "1.0"}};
    String key = percentEncode(credentials.consumerSecret().reveal()) + '&'
        + percentEncode(credentials.tokenSecret().reveal());
    String signature;
    if (signatureMethod == SignatureMethod.PLAINTEXT) {
      signature = key;
    } else {
      List<String[]> all = new ArrayList<>(16);
      addQueryParameters(url, all);
      for (Map.Entry<String, String> p : formParameters) {
        all.add(new String[] {percentEncode(p.getKey()), percentEncode(p.getValue())});
      }
      for (String[] p : oauth) {
        all.add(p);
      }
      all.sort(BY_NAME_THEN_VALUE);
      // METHOD&pe(uri)&pe(k1=v1&k2=v2…), written in one pass: the names and values are already encoded, so encoding
      // them again only turns '%' into "%25", and '=' and '&' become "%3D" and "%26".
      StringBuilder base = new StringBuilder(640).append(method.toUpperCase(Locale.ROOT)).append('&')
          .append(percentEncode(baseStringUri(url))).append('&');
      boolean first = true;
      for (String[] p : all) {
        if (!first) {
          base.append("%26");
        }
        first = false;
        appendReencoded(base, p[0]);
        base.append("%3D");
        appendReencoded(base, p[1]);
      }
      signature = hmac(signatureMethod, credentials, key, base.toString());
    }
    StringBuilder header = new StringBuilder(400).append("OAuth ");
    for (String[] p : oauth) {
      header.append(p[0]).append("=\"").append(p[1]).append("\", ");
    }
    return header.append("oauth_signature=\"").append(percentEncode(signature)).append('"').toString();
  }

  private static void addQueryParameters(String url, List<String[]> out) {
    int q = url.indexOf('?');
    if (q < 0) {
      return;
    }
    int hash = url.indexOf('#', q);
    int end = hash < 0 ? url.length() : hash;
    int start = q + 1;
    while (start < end) {
      int amp = url.indexOf('&', start);
      if (amp < 0 || amp > end) {
        amp = end;
      }
      if (amp > start) {
        int eq = url.indexOf('=', start);
        boolean hasValue = eq >= 0 && eq < amp;
        String name = url.substring(start, hasValue ? eq : amp);
        String value = hasValue ? url.substring(eq + 1, amp) : "";
        out.add(new String[] {percentEncode(formDecode(name)), percentEncode(formDecode(value))});
      }
      start = amp + 1;
    }
  }

  /** Appends an already percent-encoded value encoded once more: only {@code %} needs it. */
  private static void appendReencoded(StringBuilder sb, String encoded) {
    int from = 0;
    for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 1)) {
      sb.append(encoded, from, i).append("%25");
      from = i + 1;
    }
    sb.append(encoded, from, encoded.length());
  }

  private static String formDecode(String s) {
    return s.indexOf('%') < 0 && s.indexOf('+') < 0 ? s : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The facade's {@code OAuth1Signer.baseStringUri}, unchanged. */
  private static String baseStringUri(String url) {
    int schemeEnd = url.indexOf("://");
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

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  static String percentEncode(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && unreserved(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value;
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
        out[o++] = HEX[c >> 4];
        out[o++] = HEX[c & 0xF];
      }
    }
    return new String(out, 0, o, StandardCharsets.US_ASCII);
  }

  private static boolean unreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private String hmac(SignatureMethod method, OAuth1Credentials credentials, String key, String baseString) {
    String algorithm = method == SignatureMethod.HMAC_SHA1 ? "HmacSHA1" : "HmacSHA512";
    try {
      KeyedMacs current = keyed;
      if (current.credentials() != credentials) {
        current = new KeyedMacs(credentials);
        keyed = current;
      }
      Mac prototype = current.macs()[method.ordinal()];
      if (prototype == null) {
        prototype = Mac.getInstance(algorithm);
        prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        current.macs()[method.ordinal()] = prototype; // a benign race: at worst two threads key one each
      }
      Mac mac;
      synchronized (prototype) { // clone() reads the prototype's state; it is never updated after init
        mac = (Mac) prototype.clone();
      }
      return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | CloneNotSupportedException e) {
      throw new IllegalStateException("Cannot compute " + method.wireName(), e);
    }
  }
}
