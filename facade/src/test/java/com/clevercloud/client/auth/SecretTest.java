package com.clevercloud.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A Secret never prints its value, reveals it on demand, refuses once wiped, copies the caller's chars, and compares
 * by identity.
 */
class SecretTest {

  private static final String CANARY = "CANARY-7f3a9c-secret";

  @Test
  void toStringNeverShowsTheValue() {
    Secret secret = Secret.of(CANARY);
    assertThat(secret.toString()).isEqualTo("Secret[***]").doesNotContain(CANARY);
    assertThat(String.valueOf(secret)).doesNotContain(CANARY);
  }

  @Test
  void revealGivesTheValue() {
    assertThat(Secret.of(CANARY).reveal()).isEqualTo(CANARY);
  }

  @Test
  void wipedSecretRefusesToReveal() {
    Secret secret = Secret.of(CANARY);
    secret.wipe();
    assertThat(secret.isWiped()).isTrue();
    assertThatThrownBy(secret::reveal).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(CANARY);
    secret.wipe(); // harmless twice
  }

  @Test
  void aFreshSecretIsNotWipedAndWipingOverwritesTheHeldCharacters() throws Exception {
    Secret secret = Secret.of(CANARY);
    assertThat(secret.isWiped()).isFalse();
    assertThat(secret.isEmpty()).isFalse();
    java.lang.reflect.Field value = Secret.class.getDeclaredField("value");
    value.setAccessible(true);
    char[] held = (char[]) value.get(secret);
    assertThat(new String(held)).isEqualTo(CANARY);
    secret.wipe();
    // What a heap dump would show once wiped: zeros only, not the value.
    assertThat(held).containsOnly('\0');
    assertThatThrownBy(secret::isEmpty).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyTheEmptyValueIsEmpty() {
    assertThat(Secret.of("").isEmpty()).isTrue();
    assertThat(Secret.of(new char[0]).isEmpty()).isTrue();
    assertThat(Secret.of("x").isEmpty()).isFalse();
  }

  @Test
  void charArrayIsCopiedSoTheCallerMayClearIt() {
    char[] chars = CANARY.toCharArray();
    Secret secret = Secret.of(chars);
    java.util.Arrays.fill(chars, 'x');
    assertThat(secret.reveal()).isEqualTo(CANARY);
  }

  @Test
  void equalityIsIdentityNotValue() {
    assertThat(Secret.of(CANARY)).isNotEqualTo(Secret.of(CANARY));
  }
}
