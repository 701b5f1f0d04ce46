package com.clevercloud.client;

import java.util.concurrent.CompletableFuture;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.Summary;

/**
 * The summary of the user and their organisations ({@code /v2/summary}): what the Console loads first. Get it with
 * {@link CleverCloudClient#summary()}.
 */
public final class Summaries {

  private final CleverCloudClient client;

  Summaries(CleverCloudClient client) {
    this.client = client;
  }

  /**
   * The short summary ({@code GET /v2/summary}).
   *
   * @return the summary
   */
  public Summary get() {
    return client.call(client.api(SelfApi.class).getSummary(null));
  }

  /**
   * The summary, with every application and add-on when {@code full} is true ({@code GET /v2/summary?full=true}).
   *
   * @param full whether to include everything
   * @return the summary
   */
  public Summary get(boolean full) {
    return client.call(client.api(SelfApi.class).getSummary(full));
  }

  /**
   * As {@link #get()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future summary
   */
  public CompletableFuture<Summary> getAsync() {
    return client.callAsync(client.api(SelfApi.class).getSummary(null));
  }

  /**
   * As {@link #get(boolean)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param full whether to include everything
   * @return the future summary
   */
  public CompletableFuture<Summary> getAsync(boolean full) {
    return client.callAsync(client.api(SelfApi.class).getSummary(full));
  }
}
