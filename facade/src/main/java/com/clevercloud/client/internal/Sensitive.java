package com.clevercloud.client.internal;

import com.clevercloud.client.auth.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request tag listing the secret values the request carries (a password, an MFA code, an environment variable's
 * value, OAuth secrets of the dance), so that an error body or header that echoes one back is masked before it
 * reaches an exception or a log line. The client's own credentials are masked without a tag.
 *
 * <p>{@code toString()} shows no value: OkHttp's {@code Request.toString()} prints tags.
 */
public final class Sensitive {

  /**
   * Values shorter than this are not masked; values of this length and more are. Masking every {@code "1"},
   * {@code "on"} or {@code "ok"} would garble statuses, ids and words in every message, and hides nothing: a value of
   * one to three characters is guessed in a few thousand tries whether or not a message shows it, so it cannot be a
   * meaningful secret. From four characters on (a PIN, a short MFA code) it is masked.
   */
  public static final int MIN_MASKED_LENGTH = 4;

  private final List<Secret> values;

  private Sensitive(List<Secret> values) {
    this.values = List.copyOf(values);
  }

  /**
   * Wraps secret values; null entries are skipped.
   *
   * @param values the values
   * @return the tag
   */
  public static Sensitive of(Secret... values) {
    List<Secret> list = new ArrayList<>();
    for (Secret s : values) {
      if (s != null) {
        list.add(s);
      }
    }
    return new Sensitive(list);
  }

  /**
   * Wraps a plain value, such as an environment variable's.
   *
   * @param value the value
   * @return the tag
   */
  public static Sensitive of(String value) {
    return of(Secret.of(Objects.requireNonNull(value, "value == null")));
  }

  /**
   * Replaces the given secrets' values with {@code ***} in a text, in every form they can take there: raw,
   * JSON-escaped, percent-encoded once or twice, form-encoded, HTML references, base64. The text is decoded to do so
   * (but for base64, masked where it stands), and the decoded text is
   * returned (see {@link Redaction}); it is cut to {@link Redaction#MAX_TEXT} characters first. Wiped values and
   * values shorter than {@link #MIN_MASKED_LENGTH} are skipped.
   *
   * @param text the text, or null
   * @param secrets the secrets
   * @return the decoded, masked text, or null
   */
  public static String mask(String text, Iterable<Secret> secrets) {
    return Redaction.clean(text, secrets, false);
  }

  /**
   * The secrets.
   *
   * @return the secrets
   */
  public List<Secret> values() {
    return values;
  }

  @Override
  public String toString() {
    return "Sensitive[" + values.size() + " values, ***]";
  }
}
