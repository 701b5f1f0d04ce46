package com.clevercloud.client.internal.check;

import java.util.Objects;

/**
 * Every argument check of the client, in one place, run before a request is built. Messages name the argument and
 * the position of a bad character, never the value: it may be a secret.
 *
 * <p>The rules, and why:
 * <ul>
 *   <li>Anything that reaches a header (credentials, OAuth tokens and verifiers, the application id) holds no control
 *       character: CR or LF would split the header.</li>
 *   <li>An API token is visible ASCII without spaces: it is sent as is after {@code Bearer }, and a pasted
 *       {@code "Bearer …"} or a stray non-ASCII character is a mistake better reported at once than as a 401.</li>
 *   <li>An id that becomes a path segment is not blank, has no control character, no leading or trailing whitespace
 *       (a copy-paste slip that would only give a 404), is not {@code .} or {@code ..}, which a URL resolver would
 *       turn into a different route (Retrofit refuses them too, with a less helpful message), holds no {@code /} or
 *       {@code \} (percent-encoded they still reach another route behind a proxy that decodes them), and no lone
 *       surrogate (UTF-8 cannot encode it: it would travel as {@code ?}, another id). Everything else ({@code ?},
 *       {@code #}, {@code %}, spaces, non-ASCII) is percent-encoded by Retrofit's {@code @Path} into one segment.
 *       Every path parameter of every generated operation is checked so, from the operations table.</li>
 * </ul>
 */
public final class Checks {

  private Checks() {}

  /**
   * A value that travels in an HTTP header: not null, not blank, no control characters.
   *
   * @param value the value
   * @param name the argument's name, for the message
   * @return the value
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is blank or holds a control character
   */
  public static String headerValue(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    noControlCharacters(value, name);
    return value;
  }

  /**
   * A token sent verbatim in a header: one or more visible ASCII characters ({@code !} to {@code ~}), no spaces.
   *
   * @param value the value
   * @param name the argument's name
   * @return the value
   * @throws IllegalArgumentException otherwise (the message gives the index, not the character)
   */
  public static String visibleAscii(String value, String name) {
    headerValue(value, name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw new IllegalArgumentException(name + " must be visible ASCII without spaces: bad character at index " + i);
      }
    }
    return value;
  }

  /**
   * An id that becomes one path segment (see the class comment).
   *
   * @param id the id
   * @param name the argument's name
   * @return the id
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it cannot travel as one segment of the intended route
   */
  public static String pathSegment(String id, String name) {
    headerValue(id, name);
    if (Character.isWhitespace(id.charAt(0)) || Character.isWhitespace(id.charAt(id.length() - 1))) {
      throw new IllegalArgumentException(name + " starts or ends with whitespace");
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(name + " must not be . or .. (it would change the route)");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '/' || c == '\\') {
        throw new IllegalArgumentException(name + " contains a path separator at index " + i);
      }
      if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(name + " contains a lone surrogate at index " + i);
      }
    }
    return id;
  }

  /**
   * A short human-readable text (a token name): not blank, at most {@code maxLength} characters, no control
   * characters.
   *
   * @param value the text
   * @param name the argument's name
   * @param maxLength the longest accepted length, in UTF-16 units
   * @return the text
   */
  public static String text(String value, String name, int maxLength) {
    headerValue(value, name);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
    return value;
  }

  /**
   * Refuses control characters (C0, DEL and C1), such as CR and LF.
   *
   * @param value the value
   * @param name the argument's name
   * @throws IllegalArgumentException at the first one
   */
  public static void noControlCharacters(String value, String name) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(name + " contains a control character (such as CR or LF) at index " + i);
      }
    }
  }
}
