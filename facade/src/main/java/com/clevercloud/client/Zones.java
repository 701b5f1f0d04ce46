package com.clevercloud.client;

import java.util.concurrent.CompletableFuture;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.api.v4.model.Zone;
import com.clevercloud.client.internal.Checks;
import java.util.List;

/** Deployment zones ({@code /v4/products/zones}). Get it with {@link CleverCloudClient#zones()}. */
public final class Zones {

  private final CleverCloudClient client;

  Zones(CleverCloudClient client) {
    this.client = client;
  }

  /**
   * Lists the public zones.
   *
   * @return the zones
   */
  public List<Zone> list() {
    return list(null, null);
  }

  /**
   * Lists zones, including an owner's private ones, optionally filtered by tag.
   *
   * @param ownerId an owner whose private zones to include, or null
   * @param tag a tag to filter on, such as {@code region:eu}, or null
   * @return the zones
   */
  public List<Zone> list(String ownerId, String tag) {
    return client.call(client.api(ZonesApi.class).listZones(ownerId, tag));
  }

  /**
   * One zone by name.
   *
   * @param name for example {@code par}
   * @return the zone
   */
  public Zone get(String name) {
    return client.call(client.api(ZonesApi.class).getZone(Checks.pathSegment(name, "name")));
  }

  /**
   * As {@link #list()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future zones
   */
  public CompletableFuture<List<Zone>> listAsync() {
    return listAsync(null, null);
  }

  /**
   * As {@link #list(String, String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param ownerId an owner whose private zones to include, or null
   * @param tag a tag to filter on, or null
   * @return the future zones
   */
  public CompletableFuture<List<Zone>> listAsync(String ownerId, String tag) {
    return client.callAsync(client.api(ZonesApi.class).listZones(ownerId, tag));
  }

  /**
   * As {@link #get(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param name for example {@code par}
   * @return the future zone
   */
  public CompletableFuture<Zone> getAsync(String name) {
    return client.callAsync(client.api(ZonesApi.class).getZone(Checks.pathSegment(name, "name")));
  }
}
