package com.clevercloud.client.auth;

import java.util.Objects;

/** Argument checks shared by the credential types. Messages name the argument, never its value (it may be secret). */
final class Checks {

  private Checks() {}

  /** A value that travels in an HTTP header: not null, not blank, no control characters (CR/LF would split headers). */
  static String headerValue(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    noControlCharacters(value, name);
    return value;
  }

  /** Like {@link #headerValue} but allows the empty string (OAuth's empty token secret). */
  static String headerValueOrEmpty(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    noControlCharacters(value, name);
    return value;
  }

  static void noControlCharacters(String value, String name) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(name + " contains a control character (such as CR or LF) at index " + i);
      }
    }
  }
}
