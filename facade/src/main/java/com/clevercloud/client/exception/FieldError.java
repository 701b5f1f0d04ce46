package com.clevercloud.client.exception;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * One input the server refused, as a validation error body lists it: which field, why, and the server's code for the
 * rule. Read from the bodies {@code {"code": "validation_errors", "errors": [...]}} and the {@code validation} list of
 * a problem+json report (Prism's), see {@link BadRequestException#fieldErrors()}. Immutable.
 *
 * <p>Every text comes from the server and is masked like the exception's message: the client's credentials, the
 * values the request carried and the values of secret-looking keys are {@code ***}, in whatever encoding they were
 * echoed, and each text is cut short.
 */
public final class FieldError implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The field's path, or null. */
  private final String field;
  /** Why it was refused, or null. */
  private final String message;
  /** The server's code for the rule, or null. */
  private final String code;

  /**
   * Makes a field error; the client's error mapper is the usual caller.
   *
   * @param field the field's path (such as {@code body.name}), or null if the server named none
   * @param message why it was refused, or null
   * @param code the server's code for the rule (such as {@code minLength}), or null
   */
  public FieldError(String field, String message, String code) {
    this.field = field;
    this.message = message;
    this.code = code;
  }

  /**
   * The field's path as the server gave it; a path given as a list ({@code ["body", "name"]}) is joined with dots
   * ({@code body.name}).
   *
   * @return the path, or empty if the server named no field
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /**
   * Why the field was refused.
   *
   * @return the server's message, or empty
   */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /**
   * The server's code for the rule the field broke.
   *
   * @return for example {@code minLength} or {@code required}, or empty
   */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldError other && Objects.equals(field, other.field)
        && Objects.equals(message, other.message) && Objects.equals(code, other.code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, message, code);
  }

  /** The masked texts, as in the exception's message: {@code body.name: too short (minLength)}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (field != null) {
      out.append(field).append(": ");
    }
    out.append(message != null ? message : "invalid");
    if (code != null) {
      out.append(" (").append(code).append(')');
    }
    return out.toString();
  }
}
