package com.clevercloud.client;

import com.clevercloud.client.auth.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * A token just made by {@link ApiTokens#create(CreateApiTokenRequest)}: its metadata and its secret, which the API
 * returns this once and never again. Store the secret at once; {@code toString()} never shows it.
 *
 * <pre>{@code
 * CreatedApiToken created = client.apiTokens().create(request);
 * vault.store(created.id(), created.secret().reveal());
 * created.secret().wipe();
 * }</pre>
 */
public final class CreatedApiToken {

  private final String id;
  private final String name;
  private final String description;
  private final Instant creationDate;
  private final Instant expirationDate;
  private final String state;
  private final Secret secret;

  CreatedApiToken(String id, String name, String description, Instant creationDate, Instant expirationDate,
      String state, Secret secret) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.creationDate = creationDate;
    this.expirationDate = expirationDate;
    this.state = state;
    this.secret = secret;
  }

  /**
   * The token's id ({@code api_tokens_…}); not a secret.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The token's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The token's description.
   *
   * @return the description, or empty
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * When the token was created.
   *
   * @return the date, or null if the API omitted it
   */
  public Instant creationDate() {
    return creationDate;
  }

  /**
   * When the token expires.
   *
   * @return the date, or null if the API omitted it
   */
  public Instant expirationDate() {
    return expirationDate;
  }

  /**
   * The token's state (usually {@code ACTIVE}), spelled canonically ({@code "active"} reads as {@code ACTIVE}), or as
   * the service sent it when this version does not know the value: never {@code unknown_default_open_api}.
   *
   * @return the state, or null if the API omitted it
   */
  public String state() {
    return state;
  }

  /**
   * The token's secret: send it as {@code Authorization: Bearer …}, or pass it to
   * {@link com.clevercloud.client.auth.Credentials#apiToken(Secret)}.
   *
   * @return the secret
   */
  public Secret secret() {
    return secret;
  }

  @Override
  public String toString() {
    return "CreatedApiToken[id=" + id + ", name=" + name + ", expirationDate=" + expirationDate + ", secret=***]";
  }
}
