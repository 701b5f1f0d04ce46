package com.clevercloud.client.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes response bodies and URLs safe to show in exceptions and logs: values of secret-looking keys are masked, then
 * the text is truncated. Masking happens before truncation so that a cut never leaves part of a secret visible.
 */
public final class Redaction {

  /** How much of a body exceptions keep. */
  public static final int SHORT_BODY_LENGTH = 200;

  private static final String SECRET_KEY = "[^\"\\\\]*(?:password|secret|token|mfa)[^\"\\\\]*";

  /** A JSON member whose key looks secret; the value is a string (possibly cut off), or a bare literal. */
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(\"" + SECRET_KEY + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\\\?$)|[^,}\\]\\s]+)",
      Pattern.CASE_INSENSITIVE);

  /** A form or query pair whose key looks secret ({@code oauth_token_secret=…}). */
  private static final Pattern FORM_SECRET = Pattern.compile(
      "((?:^|[&?\\s;])[\\w.\\-]*(?:password|secret|token|mfa)[\\w.\\-]*=)[^&\\s;]*", Pattern.CASE_INSENSITIVE);

  private Redaction() {}

  /**
   * Masks secret-looking values and truncates.
   *
   * @param body a response body, or null
   * @return a short safe version, or null if the body was null or blank
   */
  public static String shortBody(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    String safe = mask(body).strip();
    return safe.length() <= SHORT_BODY_LENGTH ? safe : safe.substring(0, SHORT_BODY_LENGTH) + "…";
  }

  /**
   * Masks the values of JSON members and form pairs whose names contain {@code password}, {@code secret},
   * {@code token} or {@code mfa} (case-insensitive).
   *
   * @param text any text
   * @return the text with those values replaced by {@code ***}
   */
  public static String mask(String text) {
    Matcher json = JSON_SECRET.matcher(text);
    String masked = json.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"***\""));
    return FORM_SECRET.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
  }

  /** What a request id looks like: a short token of letters, digits and a little punctuation. */
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

  /**
   * A request id header ({@code Sozu-Id}) fit for a log line: itself if it looks like an id, else a placeholder, so
   * that a server or proxy cannot inject text (or echo a request's header) into logs through it.
   *
   * @param value the header value, or null
   * @return the value, {@code (malformed)}, or null
   */
  public static String requestId(String value) {
    if (value == null) {
      return null;
    }
    return REQUEST_ID.matcher(value).matches() ? value : "(malformed)";
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
    String path = encodedPath.replaceAll("(/self/tokens/)[^/]+", "$1***");
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
