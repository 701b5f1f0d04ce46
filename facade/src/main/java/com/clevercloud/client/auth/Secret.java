package com.clevercloud.client.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (API token, password, OAuth secret) that never shows itself by accident.
 *
 * <p>{@link #toString()} always prints {@code Secret[***]}, so a secret that ends up in a log line, an exception
 * message or a debugger's variable view leaks nothing. The value is given out only by {@link #reveal()}, a call that is
 * easy to find in a code review. {@link #wipe()} overwrites the held copy once it is no longer needed; a wiped secret
 * refuses to reveal itself.
 *
 * <pre>{@code
 * CreatedApiToken created = client.apiTokens().create(request);
 * vault.store(created.secret().reveal());
 * created.secret().wipe();
 * }</pre>
 *
 * <p>Equality is identity: comparing secrets by value would invite timing leaks and {@code HashMap} keys full of
 * credentials. Instances are thread-safe.
 */
public final class Secret {

  private final char[] value;
  private boolean wiped;

  private Secret(char[] value) {
    this.value = value;
  }

  /**
   * Wraps a value.
   *
   * @param value the secret; not null (may be empty only for OAuth's empty token secret)
   * @return a secret holding its own copy of the value
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value == null");
    return new Secret(value.toCharArray());
  }

  /**
   * Wraps a value given as characters, so that callers who read a password into a {@code char[]} never need a
   * {@code String}. The array is copied: the caller may clear it afterwards.
   *
   * @param value the secret; not null
   * @return a secret holding its own copy of the value
   */
  public static Secret of(char[] value) {
    Objects.requireNonNull(value, "value == null");
    return new Secret(value.clone());
  }

  /**
   * Gives the secret's value.
   *
   * @return the value
   * @throws IllegalStateException if the secret was wiped
   */
  public synchronized String reveal() {
    if (wiped) {
      throw new IllegalStateException("This secret was wiped");
    }
    return new String(value);
  }

  /**
   * Tells whether the value is empty (OAuth uses an empty token secret while requesting a token).
   *
   * @return true if the value has no characters
   * @throws IllegalStateException if the secret was wiped
   */
  public synchronized boolean isEmpty() {
    if (wiped) {
      throw new IllegalStateException("This secret was wiped");
    }
    return value.length == 0;
  }

  /**
   * Overwrites the held copy of the value; later {@link #reveal()} calls throw. Strings already returned by
   * {@code reveal()} are not affected (the JVM gives no way to clear them). Calling it twice is harmless.
   */
  public synchronized void wipe() {
    Arrays.fill(value, '\0');
    wiped = true;
  }

  /**
   * Tells whether {@link #wipe()} was called.
   *
   * @return true once wiped
   */
  public synchronized boolean isWiped() {
    return wiped;
  }

  /** Returns {@code Secret[***]}, never the value. */
  @Override
  public String toString() {
    return "Secret[***]";
  }
}
