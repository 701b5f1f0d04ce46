package com.clevercloud.client;

import java.util.concurrent.CompletableFuture;
import com.clevercloud.api.v2.api.AddonsApi;
import com.clevercloud.api.v2.model.AddonView;
import java.util.List;

/** Add-ons of one owner ({@code /v2/organisations/{ownerId}/addons}). Get it with {@link CleverCloudClient#addons(String)}. */
public final class Addons {

  private final CleverCloudClient client;
  private final String ownerId;

  Addons(CleverCloudClient client, String ownerId) {
    this.client = client;
    this.ownerId = ownerId;
  }

  /**
   * Lists the owner's add-ons.
   *
   * @return the add-ons
   */
  public List<AddonView> list() {
    return client.call(client.api(AddonsApi.class).listAddons(ownerId));
  }

  /**
   * As {@link #list()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future add-ons
   */
  public CompletableFuture<List<AddonView>> listAsync() {
    return client.callAsync(client.api(AddonsApi.class).listAddons(ownerId));
  }
}
