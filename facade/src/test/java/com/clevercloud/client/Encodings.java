package com.clevercloud.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.Gson;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The forms a secret can take when a server echoes it (test helper): raw, JSON string escapes as Gson writes them
 * and as a hostile server may, percent-encoded once and twice in either case of hex, form-encoded, mixtures, HTML
 * character references, and base64 (of the secret or of a text around it). Also
 * random secrets and random hostile bodies for the property-style cases.
 */
public final class Encodings {

  private Encodings() {}

  /** One way of writing a text. */
  public enum Form {
    /** As is. */
    RAW,
    /** Gson's JSON string content: {@code = < > & '} as backslash-u escapes, quotes and backslashes escaped. */
    JSON_GSON,
    /** As Gson, with every {@code /} escaped as {@code \/}. */
    JSON_SLASH,
    /** Every character as a backslash-u escape, upper-case hex. */
    JSON_ALL_UPPER,
    /** Every character as a backslash-u escape, lower-case hex. */
    JSON_ALL_LOWER,
    /** Percent-encoded (every byte outside {@code A-Za-z0-9-._~}), upper-case hex, space as {@code %20}. */
    PERCENT_UPPER,
    /** Percent-encoded, lower-case hex. */
    PERCENT_LOWER,
    /** Form-encoded ({@code URLEncoder}: space as {@code +}). */
    FORM,
    /** Form-encoded with lower-case hex. */
    FORM_LOWER,
    /** Percent-encoded twice, upper case. */
    PERCENT_TWICE_UPPER,
    /** Percent-encoded twice, lower case. */
    PERCENT_TWICE_LOWER,
    /** Form-encoded twice. */
    FORM_TWICE,
    /** Gson's JSON escapes, then percent-encoded. */
    JSON_THEN_PERCENT,
    /** Percent-encoded, then every character a backslash-u escape. */
    PERCENT_THEN_JSON,
    /** JSON-escaped twice (a JSON document quoted in a JSON string). */
    JSON_TWICE,
    /** HTML-escaped as a page echoing a request does: {@code & < > " '} as named or numeric references. */
    HTML_NAMED,
    /** Every character a decimal HTML reference ({@code &#61;}). */
    HTML_DECIMAL,
    /** Every character a hexadecimal HTML reference ({@code &#x3D;}). */
    HTML_HEX,
    /** Base64 of the UTF-8 bytes (standard alphabet, padded). */
    BASE64,
    /** Base64 after one byte: the secret's bits fall on another alignment of the 6-bit groups. */
    BASE64_SHIFTED,
    /** URL-safe base64 after two bytes, unpadded: the third alignment, and {@code -} and {@code _}. */
    BASE64_URL_SHIFTED,
    /** Base64 of Gson's JSON escapes (a server encoding the request body it received). */
    BASE64_OF_JSON
  }

  private static final Gson GSON = new Gson(); // HTML-safe by default, as the generated clients' Gson

  /**
   * The text written in a form.
   *
   * @param form the form
   * @param s the text
   * @return the encoded text
   */
  public static String encode(Form form, String s) {
    return switch (form) {
      case RAW -> s;
      case JSON_GSON -> json(s);
      case JSON_SLASH -> json(s).replace("/", "\\/");
      case JSON_ALL_UPPER -> allEscaped(s, true);
      case JSON_ALL_LOWER -> allEscaped(s, false);
      case PERCENT_UPPER -> percent(s, true);
      case PERCENT_LOWER -> percent(s, false);
      case FORM -> URLEncoder.encode(s, UTF_8);
      case FORM_LOWER -> lowerHex(URLEncoder.encode(s, UTF_8));
      case PERCENT_TWICE_UPPER -> percent(percent(s, true), true);
      case PERCENT_TWICE_LOWER -> percent(percent(s, false), false);
      case FORM_TWICE -> URLEncoder.encode(URLEncoder.encode(s, UTF_8), UTF_8);
      case JSON_THEN_PERCENT -> percent(json(s), true);
      case PERCENT_THEN_JSON -> allEscaped(percent(s, true), false);
      case JSON_TWICE -> json(json(s));
      case HTML_NAMED -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
          .replace("'", "&#39;");
      case HTML_DECIMAL -> s.codePoints().mapToObj(c -> "&#" + c + ";").collect(Collectors.joining());
      case HTML_HEX -> s.codePoints().mapToObj(c -> "&#x" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ";")
          .collect(Collectors.joining());
      case BASE64 -> Base64.getEncoder().encodeToString(s.getBytes(UTF_8));
      case BASE64_SHIFTED -> Base64.getEncoder().encodeToString(("x" + s).getBytes(UTF_8));
      case BASE64_URL_SHIFTED -> Base64.getUrlEncoder().withoutPadding().encodeToString(("xy" + s).getBytes(UTF_8));
      case BASE64_OF_JSON -> Base64.getEncoder().encodeToString(json(s).getBytes(UTF_8));
    };
  }

  /**
   * What shows a text in any of its forms: its encoding in each form but base64, and for base64, the characters that
   * only the text's own bits decide, in each of the three alignments a text can have inside a longer encoded one
   * ({@code Bearer <token>}, a whole request), in both alphabets, of the text and of its JSON escapes.
   *
   * @param s the text
   * @return the texts to look for
   */
  public static List<String> allForms(String s) {
    List<String> forms = new ArrayList<>();
    for (Form f : Form.values()) {
      if (!f.name().startsWith("BASE64")) {
        forms.add(encode(f, s));
      }
    }
    for (String text : new java.util.LinkedHashSet<>(List.of(s, json(s)))) {
      byte[] bytes = text.getBytes(UTF_8);
      for (int align = 0; align < 3; align++) {
        byte[] shifted = new byte[align + bytes.length];
        System.arraycopy(bytes, 0, shifted, align, bytes.length);
        String standard = Base64.getEncoder().withoutPadding().encodeToString(shifted);
        // Characters [ceil(8 align / 6), floor(8 (align + n) / 6)): six bits of the text's own each.
        String core = standard.substring((8 * align + 5) / 6, 8 * (align + bytes.length) / 6);
        if (core.length() >= 4) {
          forms.add(core);
          forms.add(core.replace('+', '-').replace('/', '_'));
        }
      }
    }
    return forms;
  }

  /**
   * The first form of the secret found in a text, or null: the check of every property-style and canary case.
   *
   * @param haystack the text
   * @param secret the secret
   * @return a description of the form found, or null
   */
  public static String leak(String haystack, String secret) {
    return leak(haystack, allForms(secret));
  }

  /**
   * The first of the forms found in a text, or null.
   *
   * @param haystack the text
   * @param forms the forms of a secret, as {@link #allForms(String)} gives them
   * @return the name of the form found (the index of a base64 one), or null
   */
  public static String leak(String haystack, List<String> forms) {
    if (haystack == null) {
      return null;
    }
    for (int i = 0; i < forms.size(); i++) {
      if (haystack.contains(forms.get(i))) {
        return i < Form.BASE64.ordinal() ? Form.values()[i].name() : "base64, form " + i;
      }
    }
    return null;
  }

  /**
   * A text as the content of a JSON string, as Gson writes it.
   *
   * @param s the text
   * @return the escaped text, without quotes
   */
  public static String json(String s) {
    String quoted = GSON.toJson(s);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String allEscaped(String s, boolean upper) {
    StringBuilder sb = new StringBuilder();
    String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (char c : s.toCharArray()) {
      sb.append("\\u");
      for (int shift = 12; shift >= 0; shift -= 4) {
        sb.append(digits.charAt((c >> shift) & 0xf));
      }
    }
    return sb.toString();
  }

  private static String percent(String s, boolean upper) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        sb.append('%').append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
      }
    }
    return sb.toString();
  }

  private static String lowerHex(String encoded) {
    StringBuilder sb = new StringBuilder(encoded);
    for (int i = 0; i < sb.length(); i++) {
      if (sb.charAt(i) == '%' && i + 2 < sb.length()) {
        sb.setCharAt(i + 1, Character.toLowerCase(sb.charAt(i + 1)));
        sb.setCharAt(i + 2, Character.toLowerCase(sb.charAt(i + 2)));
      }
    }
    return sb.toString();
  }

  /**
   * The characters random secrets are made of: letters and digits, the characters encodings treat apart (quotes,
   * backslashes, {@code % + & = < > / ' ; :}, space), controls and non-ASCII (accented, CJK, an emoji as a surrogate
   * pair). No {@code *}: a mask is {@code ***}, and a secret of stars would be "found" in every masked text.
   */
  private static final String[] ALPHABET = {"a", "Z", "k", "7", "0", "\"", "\\", "%", "+", "&", "=", "<", ">", "/",
      "'", ";", ":", " ", "\n", "\t", "é", "€", "漢", "\uD83D\uDE00", "-", "_", ".", "~", "u", "2", "F", "{", "}",
      "[", "]", ",", "?", "#", "\u2028"};

  /**
   * A random secret of {@code min} to {@code max} characters (an emoji counts as two).
   *
   * @param random the source
   * @param min the shortest
   * @param max the longest
   * @return the secret
   */
  public static String randomSecret(Random random, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder(length + 1);
    while (sb.length() < length) {
      String piece = ALPHABET[random.nextInt(ALPHABET.length)];
      if (sb.length() + piece.length() <= length) {
        sb.append(piece);
      }
    }
    return sb.toString();
  }

  /**
   * A random hostile text that echoes the secret in a random form (or in several), among: JSON error objects,
   * deeply nested JSON, long strings, unterminated strings, form pairs, HTML, plain text; sometimes cut anywhere.
   *
   * @param random the source
   * @param secret the secret to echo
   * @return the body
   */
  public static String hostileBody(Random random, String secret) {
    Form[] forms = Form.values();
    String echo = encode(forms[random.nextInt(forms.length)], secret);
    String other = encode(forms[random.nextInt(forms.length)], secret);
    String body = switch (random.nextInt(10)) {
      case 0 -> "{\"code\":\"rejected\",\"message\":\"We could not accept " + echo + "\",\"value\":\"" + other + "\"}";
      case 1 -> "{\"id\":4001,\"message\":\"" + echo + "\",\"type\":\"error\"}";
      case 2 -> "[".repeat(1 + random.nextInt(5000)) + "\"" + echo + "\"" + "]".repeat(random.nextInt(50));
      case 3 -> "{\"a\":".repeat(1 + random.nextInt(3000)) + "\"" + echo + "\"";
      case 4 -> "{\"message\":\"" + "x\\\"".repeat(random.nextInt(20_000)) + echo + "\",\"password\":\"" + other;
      case 5 -> "{\"message\":\"" + echo; // unterminated
      case 6 -> "oauth_token=" + echo + "&oauth_token_secret=" + other + "&x=" + "%".repeat(random.nextInt(100));
      case 7 -> "<html><body><pre>Authorization: Bearer " + echo + "</pre>" + "<".repeat(random.nextInt(30_000))
          + "</body></html>";
      case 8 -> "{\"secret\":\"" + "y".repeat(random.nextInt(40_000)) + "\",\"message\":\"" + echo + "\",\"detail\":\""
          + other + "\"}";
      default -> "error " + "\\".repeat(random.nextInt(64)) + echo + " %25" + other + " "
          + "\\u00".repeat(random.nextInt(300));
    };
    if (random.nextInt(4) == 0) {
      body = body.substring(0, random.nextInt(body.length() + 1)); // cut anywhere, inside the echo included
    }
    return body;
  }

  /**
   * Every text an exception shows: message and {@code toString()} (without the class name, which a short secret
   * could be part of) of it, its causes and suppressed, the API fields, and the printed stack trace.
   *
   * @param e the exception
   * @return the texts
   */
  public static List<String> shown(Throwable e) {
    List<String> shown = new ArrayList<>();
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      shown.add(String.valueOf(t.getMessage()));
      String text = t.toString();
      shown.add(text.startsWith(t.getClass().getName()) ? text.substring(t.getClass().getName().length()) : text);
      if (t instanceof com.clevercloud.client.exception.ApiException api) {
        shown.add(api.apiMessage().orElse(""));
        shown.add(api.body().orElse(""));
        shown.add(api.errorCode().orElse(""));
        shown.add(api.requestId().orElse(""));
      }
      if (t instanceof com.clevercloud.client.exception.ResponseDecodingException d) {
        shown.add(d.body().orElse(""));
        shown.add(d.requestId().orElse(""));
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      for (Throwable s : t.getSuppressed()) {
        todo.push(s);
      }
    }
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    shown.add(trace.toString());
    return shown;
  }
}
