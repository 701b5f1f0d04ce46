package com.clevercloud.client;

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
}
