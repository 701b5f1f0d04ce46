package com.clevercloud.client;

import java.util.concurrent.CompletableFuture;
import com.clevercloud.api.v2.api.OrganisationsApi;
import com.clevercloud.api.v2.model.OrganisationView;
import com.clevercloud.client.internal.Checks;
import java.util.List;

/** Organisations the user belongs to ({@code /v2/organisations}). Get it with {@link CleverCloudClient#organisations()}. */
public final class Organisations {

  private final CleverCloudClient client;

  Organisations(CleverCloudClient client) {
    this.client = client;
  }

  /**
   * Lists the user's organisations ({@code GET /v2/organisations}).
   *
   * @return the organisations
   */
  public List<OrganisationView> list() {
    return client.call(client.api(OrganisationsApi.class).listOrganisations());
  }

  /**
   * One organisation, or the personal space for a {@code user_…} id ({@code GET /v2/organisations/{id}}).
   *
   * @param ownerId the organisation's id ({@code orga_…}) or the user's id
   * @return the organisation
   */
  public OrganisationView get(String ownerId) {
    return client.call(client.api(OrganisationsApi.class).getOrganisation(Checks.pathSegment(ownerId, "ownerId")));
  }

  /**
   * As {@link #list()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future organisations
   */
  public CompletableFuture<List<OrganisationView>> listAsync() {
    return client.callAsync(client.api(OrganisationsApi.class).listOrganisations());
  }

  /**
   * As {@link #get(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param ownerId the organisation's or user's id
   * @return the future organisation
   */
  public CompletableFuture<OrganisationView> getAsync(String ownerId) {
    return client.callAsync(client.api(OrganisationsApi.class).getOrganisation(Checks.pathSegment(ownerId, "ownerId")));
  }
}
