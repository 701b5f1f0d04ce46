package com.clevercloud.client;

import java.time.Instant;
import java.util.Optional;

/**
 * An API token's metadata, as {@link ApiTokens#list()} and {@link ApiTokens#get(String)} return it. It has no secret
 * field at all: the API shows a token's secret only once, in {@link CreatedApiToken}. Immutable.
 */
public final class ApiToken {

  private final String id;
  private final String userId;
  private final String name;
  private final String description;
  private final Instant creationDate;
  private final Instant expirationDate;
  private final String ip;
  private final String state;

  ApiToken(String id, String userId, String name, String description, Instant creationDate, Instant expirationDate,
      String ip, String state) {
    this.id = id;
    this.userId = userId;
    this.name = name;
    this.description = description;
    this.creationDate = creationDate;
    this.expirationDate = expirationDate;
    this.ip = ip;
    this.state = state;
  }

  static ApiToken from(com.clevercloud.api.bridge.model.ApiToken t) {
    return new ApiToken(t.getApiTokenId(), t.getUserId(), t.getName(), t.getDescription(),
        t.getCreationDate() == null ? null : t.getCreationDate().toInstant(),
        t.getExpirationDate() == null ? null : t.getExpirationDate().toInstant(), t.getIp(),
        t.getState() == null ? null : t.getState().getValue());
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
   * The owner's user id.
   *
   * @return the id, or null if the API omitted it
   */
  public String userId() {
    return userId;
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
   * When the token expires (or expired).
   *
   * @return the date, or null if the API omitted it
   */
  public Instant expirationDate() {
    return expirationDate;
  }

  /**
   * The IP address the token was created from.
   *
   * @return the address, or null if the API omitted it
   */
  public String ip() {
    return ip;
  }

  /**
   * The token's state: {@code ACTIVE} or {@code EXPIRED} today, an open set ({@code unknown_default_open_api} stands
   * for a value this version does not know).
   *
   * @return the state, or null if the API omitted it
   */
  public String state() {
    return state;
  }

  @Override
  public String toString() {
    return "ApiToken[id=" + id + ", name=" + name + ", state=" + state + ", expirationDate=" + expirationDate + "]";
  }
}
