package com.clevercloud.client.internal;

import com.clevercloud.client.auth.Secret;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes text from the server (bodies, headers, I/O messages) and log lines safe to show: the text is decoded (JSON
 * string escapes, percent-encoding, HTML character references) and masked after each decoding step, so that a secret
 * echoed in any of its encodings is found in the form it was sent in, and only the decoded text is kept; its base64
 * forms are masked as they are.
 *
 * <p>Two kinds of values are masked: the known secrets (the client's credentials and the values a request carried,
 * see {@link Sensitive}) wherever they appear, and the values of JSON members and form pairs whose names contain
 * {@code password}, {@code secret}, {@code token} or {@code mfa}. Everything here is a single forward scan with
 * bounded look-behind: no regular expression runs over server text, so no input can cost more than linear time or
 * overflow the stack, and a text is cut to {@link #MAX_TEXT} characters before any of it is decoded or masked.
 */
public final class Redaction {

  /** How much of a body exceptions keep. */
  public static final int SHORT_BODY_LENGTH = 200;

  /**
   * How much of a text is decoded and masked: the rest is cut off first, so that a hostile megabyte costs no more
   * than this. Exceptions keep far less ({@link #SHORT_BODY_LENGTH}, messages), so nothing useful is lost.
   */
  public static final int MAX_TEXT = 16 * 1024;

  /** What a masked value becomes. */
  static final String MASK = "***";

  /** Shown instead of a text still changing after {@link #MAX_DECODING_ROUNDS} decodings: hostile, not useful. */
  static final String WITHHELD = "(text withheld: encoded too many times to be masked with certainty)";

  /** Rounds of JSON-unescaping then percent-decoding: each unwraps one more layer of an echo. */
  private static final int MAX_DECODING_ROUNDS = 4;

  /**
   * What is dropped from the end of a text cut at {@link #MAX_TEXT}, beyond the longest secret: a secret cut in two
   * leaves its start there, followed by at most a few incomplete escapes (a {@code %2}, a backslash and {@code u00}) per layer of
   * encoding, which cannot be decoded and so would hide the start from the masking.
   */
  private static final int CUT_SLACK = 64;

  /** Longest key looked at behind a {@code =} or {@code :} (bounds the look-behind, so the scan stays linear). */
  private static final int MAX_KEY = 128;

  private Redaction() {}

  /**
   * Masks secret-looking values (decoding the text first) and truncates to about {@value #SHORT_BODY_LENGTH}
   * characters.
   *
   * @param body a response body, or null
   * @return a short safe version, or null if the body was null or blank
   */
  public static String shortBody(String body) {
    return truncate(clean(body, List.of(), true));
  }

  /**
   * Cuts an already masked text to {@value #SHORT_BODY_LENGTH} characters.
   *
   * @param safe a masked text, or null
   * @return the start of it, or null if it was null or blank
   */
  static String truncate(String safe) {
    if (safe == null || safe.isBlank()) {
      return null;
    }
    String s = safe.strip();
    return s.length() <= SHORT_BODY_LENGTH ? s : s.substring(0, SHORT_BODY_LENGTH) + "…";
  }

  /**
   * Decodes a text and masks the values of JSON members and form pairs whose names contain {@code password},
   * {@code secret}, {@code token} or {@code mfa} (case-insensitive).
   *
   * @param text any text
   * @return the decoded text with those values replaced by {@code ***}
   */
  public static String mask(String text) {
    return clean(text, List.of(), true);
  }

  /**
   * The pipeline behind every masking: cut to {@link #MAX_TEXT}, mask, then decode one layer at a time (JSON string
   * escapes, then percent-encoding, then HTML character references), masking after each step, until nothing decodes
   * any more.
   *
   * <p>Masking before decoding catches a secret sent raw (decoding could change it: a password holding
   * {@code %41}); masking after each step catches it JSON-escaped ({@code =} as backslash-{@code u003d}, {@code \/}, any
   * backslash-{@code uXXXX}), percent-encoded once or twice, form-encoded, or as HTML references (an HTML error page
   * echoing the request). The result is the decoded text: no such encoded form of a secret can survive in it, since
   * anything still encoded would have been decoded. Base64 cannot be decoded in place (nothing marks where it starts),
   * so the base64 forms of each secret are looked for as they are (see {@link #forms}).
   *
   * @param text the text, or null
   * @param secrets the known secrets
   * @param secretKeys whether to mask the values of secret-looking keys as well
   * @return the decoded, masked text, or null
   */
  static String clean(String text, Iterable<Secret> secrets, boolean secretKeys) {
    if (text == null) {
      return null;
    }
    List<Form> forms = forms(secrets);
    boolean cut = text.length() > MAX_TEXT;
    String t = cut ? text.substring(0, MAX_TEXT) : text;
    t = maskOnce(t, forms, secretKeys);
    for (int round = 0; ; round++) {
      String json = jsonUnescape(t);
      if (json != t) {
        json = maskOnce(json, forms, secretKeys);
      }
      String percent = percentDecode(json);
      if (percent != json) {
        percent = maskOnce(percent, forms, secretKeys);
      }
      String decoded = htmlUnescape(percent);
      if (decoded != percent) {
        decoded = maskOnce(decoded, forms, secretKeys);
      }
      if (decoded == t) {
        break;
      }
      if (round == MAX_DECODING_ROUNDS) {
        return WITHHELD;
      }
      t = decoded;
    }
    // A replacement can, rarely, make a new occurrence ("**a*" in "**a**a*"): mask until none is left.
    for (int pass = 0; ; pass++) {
      String again = maskOnce(t, forms, secretKeys);
      if (again == t) {
        break;
      }
      if (pass == 3) {
        return WITHHELD;
      }
      t = again;
    }
    if (cut) {
      // The cut may have split a secret: its start, at the very end, matched no whole form. Drop that end.
      int drop = forms.isEmpty() ? 0 : forms.get(0).chars.length + CUT_SLACK;
      t = t.substring(0, Math.max(0, t.length() - drop)) + "…";
    }
    return t;
  }

  /**
   * The forms a secret is looked for in, in a text being decoded: itself, with spaces as {@code +} (form-encoding,
   * left as is by the decoding so that a real {@code +} stays readable), what decoding would make of it (a raw
   * secret in a text that is decoded afterwards, or read by a JSON reader), and its base64 forms (see
   * {@link #addBase64Forms}). Secrets shorter than {@link Sensitive#MIN_MASKED_LENGTH}, and wiped ones, are left out.
   * Longest first.
   */
  static List<Form> forms(Iterable<Secret> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (Secret secret : secrets) {
      String value;
      try {
        value = secret.reveal();
      } catch (IllegalStateException wiped) {
        continue;
      }
      addForms(value, forms, 0);
      addBase64Forms(value, forms);
      addBase64Forms(jsonEscape(value), forms); // a server encoding the JSON request body it received
    }
    List<Form> list = new ArrayList<>();
    for (String form : forms) {
      list.add(new Form(form));
    }
    list.sort(Comparator.comparingInt((Form f) -> f.chars.length).reversed());
    return list;
  }

  private static void addForms(String value, Set<String> forms, int depth) {
    if (value.length() < Sensitive.MIN_MASKED_LENGTH || !forms.add(value)) {
      return;
    }
    forms.add(value.replace(' ', '+')); // as long as the value, so long enough too
    if (depth < 2) {
      addForms(jsonUnescape(value), forms, depth + 1);
      addForms(percentDecode(value), forms, depth + 1);
      addForms(htmlUnescape(value), forms, depth + 1);
    }
  }

  /**
   * Adds what base64 makes of a value inside any longer text ({@code Bearer <token>}, a whole request): the value's
   * bytes can start at any of three offsets of a 3-byte group, so for each offset, the characters that only the
   * value's own bits decide (all but at most one at each end, which mix in a neighbour's bits), in the standard and
   * the URL-safe alphabet. Forms shorter than {@link Sensitive#MIN_MASKED_LENGTH} characters are left out, as short
   * secrets are.
   */
  static void addBase64Forms(String value, Set<String> forms) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      // Character j holds bits [6j, 6j + 6); the value's are [8 offset, 8 (offset + n)).
      String core = encoded.substring((8 * offset + 5) / 6, 8 * (offset + bytes.length) / 6);
      if (core.length() >= Sensitive.MIN_MASKED_LENGTH) {
        forms.add(core);
        forms.add(core.replace('+', '-').replace('/', '_'));
      }
    }
  }

  /** A value as the content of a JSON string, as Gson writes a request body (HTML-safe escapes). */
  static String jsonEscape(String value) {
    StringWriter out = new StringWriter(value.length() + 8);
    try (JsonWriter writer = new JsonWriter(out)) {
      writer.setHtmlSafe(true);
      writer.value(value);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible); // a StringWriter does not fail
    }
    String quoted = out.toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  /** One masking step: every form of every known secret, then secret-looking keys. */
  private static String maskOnce(String text, List<Form> forms, boolean secretKeys) {
    String t = text;
    char[] chars = null;
    for (Form form : forms) {
      if (form.chars.length > t.length()) {
        continue;
      }
      if (chars == null) {
        chars = t.toCharArray();
      }
      String replaced = form.replaceIn(t, chars);
      if (replaced != t) {
        t = replaced;
        chars = null;
      }
    }
    return secretKeys ? maskSecretKeys(t) : t;
  }

  /**
   * Replaces every occurrence of a form with {@code ***}.
   *
   * @return the same instance if there was none
   */
  static String replace(String text, String form) {
    return form.isEmpty() ? text : new Form(form).replaceIn(text, text.toCharArray());
  }

  /**
   * A form of a secret, ready to be looked for in one pass (Knuth-Morris-Pratt: linear in the text and the form,
   * where {@code String.replace} may compare them character by character from every position of a hostile text).
   * {@code toString()} shows no value.
   */
  static final class Form {
    private final char[] chars;
    private final int[] fail;

    Form(String value) {
      chars = value.toCharArray();
      fail = new int[chars.length];
      for (int i = 1, k = 0; i < chars.length; i++) {
        while (k > 0 && chars[i] != chars[k]) {
          k = fail[k - 1];
        }
        if (chars[i] == chars[k]) {
          k++;
        }
        fail[i] = k;
      }
    }

    /** The text with every occurrence replaced; the same instance if there was none. */
    String replaceIn(String text, char[] t) {
      int m = chars.length;
      StringBuilder out = null;
      int copied = 0;
      for (int i = 0, k = 0; i < t.length; i++) {
        char c = t[i];
        while (k > 0 && c != chars[k]) {
          k = fail[k - 1];
        }
        if (c == chars[k]) {
          k++;
        }
        if (k == m) {
          if (out == null) {
            out = new StringBuilder(t.length);
          }
          out.append(t, copied, i - m + 1 - copied).append(MASK);
          copied = i + 1;
          k = 0;
        }
      }
      return out == null ? text : out.append(t, copied, t.length - copied).toString();
    }

    @Override
    public String toString() {
      return "Form[" + chars.length + " chars, ***]";
    }
  }

  /**
   * Decodes JSON string escapes wherever they are ({@code \"}, {@code \\}, {@code \/}, {@code \'}, {@code \b},
   * {@code \f}, {@code \n}, {@code \r}, {@code \t}, backslash-{@code uXXXX} in either case); anything else is kept.
   *
   * @return the same instance if there was nothing to decode
   */
  static String jsonUnescape(String s) {
    int i = s.indexOf('\\');
    if (i < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
    boolean changed = false;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char e = s.charAt(i + 1);
        int decoded = switch (e) {
          case '"', '\\', '/', '\'' -> e;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'u' -> hex(s, i + 2, 4);
          default -> -1;
        };
        if (decoded >= 0) {
          out.append((char) decoded);
          i += e == 'u' ? 6 : 2;
          changed = true;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return changed ? out.toString() : s;
  }

  /**
   * Decodes HTML character references: {@code &amp; &lt; &gt; &quot; &apos;}, decimal {@code &#61;} and hexadecimal
   * {@code &#x3D;} (a valid code point, not a surrogate; the {@code ;} required); anything else is kept. The reference
   * is read at most {@value #MAX_REFERENCE} characters ahead, so the scan stays linear.
   *
   * @return the same instance if there was nothing to decode
   */
  static String htmlUnescape(String s) {
    int i = s.indexOf('&');
    if (i < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
    boolean changed = false;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      int end = -1;
      for (int k = i + 1; c == '&' && k < Math.min(n, i + MAX_REFERENCE); k++) {
        if (s.charAt(k) == ';') { // bounded: never a scan to the end of the text for every '&'
          end = k;
          break;
        }
      }
      int cp = end > i ? reference(s, i + 1, end) : -1;
      if (cp >= 0) {
        out.appendCodePoint(cp);
        i = end + 1;
        changed = true;
      } else {
        out.append(c);
        i++;
      }
    }
    return changed ? out.toString() : s;
  }

  /** How far a {@code ;} is looked for after a {@code &}: {@code &#x10FFFF;} and {@code &#1114111;} fit. */
  private static final int MAX_REFERENCE = 10;

  /** The code point of the reference between {@code from} and {@code end} (the {@code ;}), or -1. */
  private static int reference(String s, int from, int end) {
    String name = s.substring(from, end);
    switch (name) {
      case "amp":
        return '&';
      case "lt":
        return '<';
      case "gt":
        return '>';
      case "quot":
        return '"';
      case "apos":
        return '\'';
      default:
        break;
    }
    if (name.length() < 2 || name.charAt(0) != '#') {
      return -1;
    }
    boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
    String digits = name.substring(hex ? 2 : 1);
    int cp = 0;
    for (int k = 0; k < digits.length(); k++) {
      int d = Character.digit(digits.charAt(k), hex ? 16 : 10);
      if (d < 0 || digits.charAt(k) > 'f') {
        return -1; // Character.digit also takes full-width and other non-ASCII digits
      }
      cp = cp * (hex ? 16 : 10) + d;
    }
    boolean valid = !digits.isEmpty() && cp <= Character.MAX_CODE_POINT
        && (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
    return valid ? cp : -1;
  }

  /**
   * Decodes {@code %XX} escapes, runs of them as UTF-8; a byte that is not part of a valid UTF-8 sequence keeps its
   * escape. {@code +} is kept (a {@code +} is often itself; secrets are also looked for with spaces as {@code +}).
   *
   * @return the same instance if there was nothing to decode
   */
  static String percentDecode(String s) {
    int i = s.indexOf('%');
    if (i < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
    boolean changed = false;
    int n = s.length();
    byte[] run = new byte[16];
    while (i < n) {
      if (s.charAt(i) != '%' || hex(s, i + 1, 2) < 0) {
        out.append(s.charAt(i++));
        continue;
      }
      int start = i;
      int len = 0;
      while (i < n && s.charAt(i) == '%' && hex(s, i + 1, 2) >= 0) {
        if (len == run.length) {
          run = java.util.Arrays.copyOf(run, len * 2);
        }
        run[len++] = (byte) hex(s, i + 1, 2);
        i += 3;
      }
      changed |= utf8(run, len, s, start, out);
    }
    return changed ? out.toString() : s;
  }

  /** Appends the UTF-8 decoding of bytes; an invalid byte is appended as its escape. Tells whether any decoded. */
  private static boolean utf8(byte[] b, int len, String escapes, int start, StringBuilder out) {
    boolean decoded = false;
    int j = 0;
    while (j < len) {
      int b0 = b[j] & 0xff;
      int need = b0 < 0x80 ? 0 : b0 >= 0xc2 && b0 <= 0xdf ? 1 : b0 >= 0xe0 && b0 <= 0xef ? 2
          : b0 >= 0xf0 && b0 <= 0xf4 ? 3 : -1;
      int cp = need == 0 ? b0 : need == 1 ? b0 & 0x1f : need == 2 ? b0 & 0x0f : b0 & 0x07;
      boolean ok = need >= 0 && j + need < len;
      for (int k = 1; ok && k <= need; k++) {
        int bk = b[j + k] & 0xff;
        ok = (bk & 0xc0) == 0x80;
        cp = (cp << 6) | (bk & 0x3f);
      }
      ok = ok && (need != 2 || (cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff)))
          && (need != 3 || (cp >= 0x10000 && cp <= 0x10ffff));
      if (ok) {
        out.appendCodePoint(cp);
        j += need + 1;
        decoded = true;
      } else {
        out.append(escapes, start + 3 * j, start + 3 * j + 3);
        j++;
      }
    }
    return decoded;
  }

  /** The value of {@code digits} hex digits at {@code from}, or -1. */
  private static int hex(String s, int from, int digits) {
    if (from + digits > s.length()) {
      return -1;
    }
    int v = 0;
    for (int k = from; k < from + digits; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) > 'f') {
        return -1; // Character.digit also takes full-width and other non-ASCII digits
      }
      v = v * 16 + d;
    }
    return v;
  }

  /**
   * Masks the values of secret-looking keys, in JSON members ({@code "password": "…"}, any value: string, literal,
   * object or array, possibly cut off by the end of the text) and in form or query pairs ({@code
   * oauth_token_secret=…}). One forward scan; the key is read backwards from the {@code :} or {@code =}, at most
   * {@value #MAX_KEY} characters.
   *
   * @return the same instance if nothing was masked
   */
  static String maskSecretKeys(String s) {
    StringBuilder out = null;
    int copied = 0;
    int n = s.length();
    int colon = s.indexOf(':');
    int eq = s.indexOf('=');
    int i = 0;
    while (true) { // ends when no ':' or '=' is left at or after i (so never past the end)
      // Jump to the next ':' or '=' (indexOf is the fast path: most text has few of them).
      if (colon >= 0 && colon < i) {
        colon = s.indexOf(':', i);
      }
      if (eq >= 0 && eq < i) {
        eq = s.indexOf('=', i);
      }
      if (colon < 0 && eq < 0) {
        break;
      }
      i = colon < 0 ? eq : eq < 0 ? colon : Math.min(colon, eq);
      char c = s.charAt(i);
      int start = -1; // the value's first character
      int end = -1; // after its last
      if (c == ':' && secretKey(jsonKeyBefore(s, i))) {
        start = i + 1;
        while (start < n && Character.isWhitespace(s.charAt(start))) {
          start++;
        }
        end = start < n ? jsonValueEnd(s, start) : start;
      } else if (c == '=' && secretKey(formKeyBefore(s, i))) {
        start = i + 1;
        end = start;
        while (end < n && "&; \t\r\n\"'<>".indexOf(s.charAt(end)) < 0) {
          end++;
        }
      }
      String replacement = c == ':' ? "\"" + MASK + "\"" : MASK;
      // Already masked, or dropped ("…", as log paths show query values), is left as it is.
      boolean placeholder = s.regionMatches(start, replacement, 0, Math.max(end - start, replacement.length()))
          || (end - start == 1 && s.charAt(start) == '…');
      if (end > start && !placeholder) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(s, copied, start).append(replacement);
        copied = end;
        i = end;
      } else {
        i = Math.max(i + 1, start);
      }
    }
    return out == null ? s : out.append(s, copied, n).toString();
  }

  private static boolean secretKey(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("mfa");
  }

  /** The quoted key before a {@code :} at {@code colon}, or null. */
  private static String jsonKeyBefore(String s, int colon) {
    int j = colon - 1;
    while (j >= 0 && colon - j < MAX_KEY && Character.isWhitespace(s.charAt(j))) {
      j--;
    }
    if (j < 1 || s.charAt(j) != '"') {
      return null;
    }
    for (int k = j - 1; k >= 0 && j - k <= MAX_KEY; k--) {
      if (s.charAt(k) == '"' && !escaped(s, k)) {
        return s.substring(k + 1, j);
      }
    }
    return null;
  }

  /** Whether the character at {@code at} follows an odd number of backslashes (bounded, like every look-behind). */
  private static boolean escaped(String s, int at) {
    int count = 0;
    for (int k = at - 1; k >= 0 && at - k <= MAX_KEY && s.charAt(k) == '\\'; k--) {
      count++;
    }
    return count % 2 == 1;
  }

  /** The form key (letters, digits, {@code _ . -}) before a {@code =} at {@code eq}, or null. */
  private static String formKeyBefore(String s, int eq) {
    int k = eq;
    while (k > 0 && eq - k < MAX_KEY) {
      char c = s.charAt(k - 1);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
        break;
      }
      k--;
    }
    return k == eq ? null : s.substring(k, eq);
  }

  /**
   * Where the JSON value starting at {@code v} ends (exclusive): a string to its closing quote, an object or array
   * to its matching bracket (counting, not recursing), a literal to the next delimiter; the end of the text if cut
   * off.
   */
  private static int jsonValueEnd(String s, int v) {
    int n = s.length();
    char c = s.charAt(v);
    if (c == '"') {
      return stringEnd(s, v + 1);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      int i = v;
      while (i < n) {
        char d = s.charAt(i);
        if (d == '"') {
          i = stringEnd(s, i + 1);
          continue;
        }
        if (d == '{' || d == '[') {
          depth++;
        } else if ((d == '}' || d == ']') && --depth == 0) {
          return i + 1;
        }
        i++;
      }
      return n;
    }
    int i = v;
    while (i < n && ",}]".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the closing quote of a JSON string whose content starts at {@code from}, or the text's end. */
  static int stringEnd(String s, int from) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return n;
  }

  /**
   * A request id header ({@code Sozu-Id}) fit for a log line: itself if it looks like an id (at most 128 letters,
   * digits and {@code . _ : / + = -}), else a placeholder, so that a server or proxy cannot inject text (or echo a
   * request's header) into logs through it.
   *
   * @param value the header value, or null
   * @return the value, {@code (malformed)}, or null
   */
  public static String requestId(String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty() || value.length() > 128) {
      return "(malformed)";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "._:/+=-".indexOf(c) >= 0;
      if (!ok) {
        return "(malformed)";
      }
    }
    return value;
  }

  /**
   * A URL path fit for logs: query values are dropped (they may carry secrets, such as the OAuth dance's fields) and
   * the OAuth token in {@code /v2/self/tokens/{token}} is masked.
   *
   * @param encodedPath the path
   * @param encodedQuery the query, or null
   * @return for example {@code /v2/summary?full=…}
   */
  public static String logPath(String encodedPath, String encodedQuery) {
    String marker = "/self/tokens/";
    int at = encodedPath.indexOf(marker);
    String path = encodedPath;
    if (at >= 0) {
      int start = at + marker.length();
      int end = encodedPath.indexOf('/', start);
      end = end < 0 ? encodedPath.length() : end;
      path = end == start ? encodedPath : encodedPath.substring(0, start) + MASK + encodedPath.substring(end);
    }
    if (encodedQuery == null) {
      return path;
    }
    StringBuilder sb = new StringBuilder(path).append('?');
    String[] pairs = encodedQuery.split("&");
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        sb.append('&');
      }
      int eq = pairs[i].indexOf('=');
      sb.append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq)).append("=…");
    }
    return sb.toString();
  }
}
