package com.clevercloud.client;

import java.util.concurrent.CompletableFuture;
import com.clevercloud.api.v2.api.OAuthConsumersApi;
import com.clevercloud.api.v2.model.OAuth1ConsumerView;
import com.clevercloud.api.v2.model.SecretView;
import com.clevercloud.api.v2.model.WannabeOAuth1Consumer;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * OAuth consumers (applications) of one owner ({@code /v2/organisations/{ownerId}/consumers}). Get it with
 * {@link CleverCloudClient#oauthConsumers(String)}.
 */
public final class OAuthConsumers {

  private final CleverCloudClient client;
  private final String ownerId;

  OAuthConsumers(CleverCloudClient client, String ownerId) {
    this.client = client;
    this.ownerId = ownerId;
  }

  private OAuthConsumersApi api() {
    return client.api(OAuthConsumersApi.class);
  }

  /**
   * Lists the owner's consumers.
   *
   * @return the consumers
   */
  public List<OAuth1ConsumerView> list() {
    return client.call(api().listConsumers(ownerId));
  }

  /**
   * One consumer.
   *
   * @param key the consumer's key
   * @return the consumer
   */
  public OAuth1ConsumerView get(String key) {
    return client.call(api().getConsumer(ownerId, Checks.pathSegment(key, "key")));
  }

  /**
   * Creates a consumer. Its secret is then read with {@link #secret(String)}.
   *
   * @param consumer name, description, URLs and rights
   * @return the consumer
   */
  public OAuth1ConsumerView create(WannabeOAuth1Consumer consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    return client.call(api().createConsumer(ownerId, consumer));
  }

  /**
   * Replaces a consumer's settings.
   *
   * @param key the consumer's key
   * @param consumer the new settings
   * @return the consumer
   */
  public OAuth1ConsumerView update(String key, WannabeOAuth1Consumer consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    return client.call(api().updateConsumer(ownerId, Checks.pathSegment(key, "key"), consumer));
  }

  /**
   * Deletes a consumer; tokens it issued stop working.
   *
   * @param key the consumer's key
   */
  public void delete(String key) {
    client.callDiscardingBody(api().deleteConsumer(ownerId, Checks.pathSegment(key, "key")));
  }

  /**
   * The consumer's secret, wrapped so that it is never printed by accident.
   *
   * @param key the consumer's key
   * @return the secret
   */
  public Secret secret(String key) {
    return secretOf(client.call(api().getConsumerSecret(ownerId, Checks.pathSegment(key, "key"))));
  }

  /**
   * As {@link #list()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future consumers
   */
  public CompletableFuture<List<OAuth1ConsumerView>> listAsync() {
    return client.callAsync(api().listConsumers(ownerId));
  }

  /**
   * As {@link #get(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param key the consumer's key
   * @return the future consumer
   */
  public CompletableFuture<OAuth1ConsumerView> getAsync(String key) {
    return client.callAsync(api().getConsumer(ownerId, Checks.pathSegment(key, "key")));
  }

  /**
   * As {@link #create(WannabeOAuth1Consumer)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions. Like every POST, it is never retried.
   *
   * @param consumer name, description, URLs and rights
   * @return the future consumer
   */
  public CompletableFuture<OAuth1ConsumerView> createAsync(WannabeOAuth1Consumer consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    return client.callAsync(api().createConsumer(ownerId, consumer));
  }

  /**
   * As {@link #update(String, WannabeOAuth1Consumer)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param key the consumer's key
   * @param consumer the new settings
   * @return the future consumer
   */
  public CompletableFuture<OAuth1ConsumerView> updateAsync(String key, WannabeOAuth1Consumer consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    return client.callAsync(api().updateConsumer(ownerId, Checks.pathSegment(key, "key"), consumer));
  }

  /**
   * As {@link #delete(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param key the consumer's key
   * @return a future completed with null once deleted
   */
  public CompletableFuture<Void> deleteAsync(String key) {
    return client.callDiscardingBodyAsync(api().deleteConsumer(ownerId, Checks.pathSegment(key, "key")));
  }

  /**
   * As {@link #secret(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param key the consumer's key
   * @return the future secret
   */
  public CompletableFuture<Secret> secretAsync(String key) {
    return client.callAsync(api().getConsumerSecret(ownerId, Checks.pathSegment(key, "key")), null,
        OAuthConsumers::secretOf);
  }

  private static Secret secretOf(SecretView view) {
    if (view == null || view.getSecret() == null || view.getSecret().isEmpty()) {
      throw new ResponseDecodingException("getConsumerSecret: the response had no secret", "getConsumerSecret", 200,
          null, null, null);
    }
    return Secret.of(view.getSecret());
  }
}
