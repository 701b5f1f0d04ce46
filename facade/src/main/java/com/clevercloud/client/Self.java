package com.clevercloud.client;

import java.util.concurrent.CompletableFuture;
import com.clevercloud.api.v2.api.AddonsApi;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.AddonView;
import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.api.v2.model.UserView;
import com.clevercloud.client.internal.Checks;
import java.util.List;

/**
 * The signed-in user ({@code /v2/self}). Get it with {@link CleverCloudClient#self()}.
 *
 * <pre>{@code
 * UserView me = client.self().get();
 * }</pre>
 */
public final class Self {

  private final CleverCloudClient client;

  Self(CleverCloudClient client) {
    this.client = client;
  }

  /**
   * The user's profile ({@code GET /v2/self}).
   *
   * @return the user
   */
  public UserView get() {
    return client.call(client.api(SelfApi.class).getSelf());
  }

  /**
   * The applications of the personal space ({@code GET /v2/self/applications}).
   *
   * @return the applications
   */
  public List<ApplicationView> applications() {
    return client.call(client.api(ApplicationsApi.class).listSelfApplications());
  }

  /**
   * One application of the personal space ({@code GET /v2/self/applications/{appId}}).
   *
   * @param appId the application's id ({@code app_…})
   * @return the application
   */
  public ApplicationView application(String appId) {
    return client.call(client.api(ApplicationsApi.class).getSelfApplication(Checks.pathSegment(appId, "appId")));
  }

  /**
   * The add-ons of the personal space ({@code GET /v2/self/addons}).
   *
   * @return the add-ons
   */
  public List<AddonView> addons() {
    return client.call(client.api(AddonsApi.class).listSelfAddons());
  }

  /**
   * As {@link #get()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future user
   */
  public CompletableFuture<UserView> getAsync() {
    return client.callAsync(client.api(SelfApi.class).getSelf());
  }

  /**
   * As {@link #applications()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future applications
   */
  public CompletableFuture<List<ApplicationView>> applicationsAsync() {
    return client.callAsync(client.api(ApplicationsApi.class).listSelfApplications());
  }

  /**
   * As {@link #application(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @return the future application
   */
  public CompletableFuture<ApplicationView> applicationAsync(String appId) {
    return client.callAsync(client.api(ApplicationsApi.class).getSelfApplication(Checks.pathSegment(appId, "appId")));
  }

  /**
   * As {@link #addons()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future add-ons
   */
  public CompletableFuture<List<AddonView>> addonsAsync() {
    return client.callAsync(client.api(AddonsApi.class).listSelfAddons());
  }
}
