package com.clevercloud.client;

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
}
