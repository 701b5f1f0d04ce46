package com.clevercloud.client;

import java.util.Objects;

/**
 * Checks ids before they become path segments. Retrofit encodes {@code /}, {@code ?}, {@code #}, {@code %}, spaces and
 * non-ASCII as one segment and refuses {@code .} and {@code ..}; an empty id would silently change the route
 * ({@code /organisations//applications}), and control characters have no business in an id.
 */
final class Ids {

  private Ids() {}

  static String require(String id, String name) {
    Objects.requireNonNull(id, name + " == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException(name + " contains a control character at index " + i);
      }
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(name + " must not be . or ..");
    }
    return id;
  }
}
