package com.clevercloud.client;

import java.util.concurrent.CompletableFuture;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.api.v2.model.DeploymentView;
import com.clevercloud.api.v2.model.EnvVar;
import com.clevercloud.api.v2.model.InstanceView;
import com.clevercloud.api.v2.model.Message;
import com.clevercloud.api.v2.model.RedeployMessage;
import com.clevercloud.api.v2.model.WannabeValue;
import com.clevercloud.client.internal.Checks;
import com.clevercloud.client.internal.Sensitive;
import java.util.List;
import java.util.Objects;

/**
 * Applications of one owner ({@code /v2/organisations/{ownerId}/applications}). Get it with
 * {@link CleverCloudClient#applications(String)}.
 *
 * <pre>{@code
 * Applications apps = client.applications("orga_…");
 * apps.setEnv("app_…", "LOG_LEVEL", "debug");
 * apps.restart("app_…");
 * }</pre>
 */
public final class Applications {

  private final CleverCloudClient client;
  private final String ownerId;

  Applications(CleverCloudClient client, String ownerId) {
    this.client = client;
    this.ownerId = ownerId;
  }

  private ApplicationsApi api() {
    return client.api(ApplicationsApi.class);
  }

  /**
   * Lists the owner's applications.
   *
   * @return the applications
   */
  public List<ApplicationView> list() {
    return client.call(api().listApplications(ownerId, null));
  }

  /**
   * One application.
   *
   * @param appId the application's id ({@code app_…})
   * @return the application
   */
  public ApplicationView get(String appId) {
    return client.call(api().getApplication(ownerId, Checks.pathSegment(appId, "appId")));
  }

  /**
   * The application's environment variables. Their values are often secrets: handle them as such.
   *
   * @param appId the application's id
   * @return the variables
   */
  public List<EnvVar> env(String appId) {
    return client.call(api().listApplicationEnv(ownerId, Checks.pathSegment(appId, "appId")));
  }

  /**
   * Sets one environment variable (takes effect at the next deployment).
   *
   * @param appId the application's id
   * @param name the variable's name
   * @param value its value
   * @return the application
   */
  public ApplicationView setEnv(String appId, String name, String value) {
    Objects.requireNonNull(value, "value == null");
    // The value is often a secret: masked if an error answer echoes it.
    return client.call(api().setApplicationEnvVar(ownerId, Checks.pathSegment(appId, "appId"),
        Checks.pathSegment(name, "name"), new WannabeValue().value(value)), Sensitive.of(value));
  }

  /**
   * Removes one environment variable (takes effect at the next deployment).
   *
   * @param appId the application's id
   * @param name the variable's name
   * @return the application
   */
  public ApplicationView removeEnv(String appId, String name) {
    return client.call(api().deleteApplicationEnvVar(ownerId, Checks.pathSegment(appId, "appId"),
        Checks.pathSegment(name, "name")));
  }

  /**
   * The application's running instances.
   *
   * @param appId the application's id
   * @return the instances
   */
  public List<InstanceView> instances(String appId) {
    return client.call(api().listApplicationInstances(ownerId, Checks.pathSegment(appId, "appId")));
  }

  /**
   * Restarts the application on its current commit, using the build cache.
   *
   * @param appId the application's id
   * @return the deployment's answer
   */
  public RedeployMessage restart(String appId) {
    return redeploy(appId, null, true);
  }

  /**
   * Redeploys the application.
   *
   * @param appId the application's id
   * @param commit the commit to deploy, or null for the current one
   * @param useCache whether to reuse the build cache
   * @return the deployment's answer
   */
  public RedeployMessage redeploy(String appId, String commit, boolean useCache) {
    // The API knows only `useCache=no` (what clever-tools sends for --without-cache); absent means "use the cache".
    return client.call(api().redeployApplication(ownerId, Checks.pathSegment(appId, "appId"), commit,
        useCache ? null : "no"));
  }

  /**
   * Stops every instance of the application.
   *
   * @param appId the application's id
   * @return the API's message
   */
  public Message stop(String appId) {
    return client.call(api().stopApplication(ownerId, Checks.pathSegment(appId, "appId")));
  }

  /**
   * The application's deployments, newest first.
   *
   * @param appId the application's id
   * @param limit how many at most, or null for the API's default
   * @param offset how many to skip, or null
   * @return the deployments
   */
  public List<DeploymentView> deployments(String appId, Integer limit, Integer offset) {
    if (limit != null && limit < 1 || offset != null && offset < 0) {
      throw new IllegalArgumentException("limit must be at least 1 and offset at least 0");
    }
    return client.call(api().listApplicationDeployments(ownerId, Checks.pathSegment(appId, "appId"), limit, offset,
        null));
  }

  /**
   * As {@link #list()}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @return the future applications
   */
  public CompletableFuture<List<ApplicationView>> listAsync() {
    return client.callAsync(api().listApplications(ownerId, null));
  }

  /**
   * As {@link #get(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @return the future application
   */
  public CompletableFuture<ApplicationView> getAsync(String appId) {
    return client.callAsync(api().getApplication(ownerId, Checks.pathSegment(appId, "appId")));
  }

  /**
   * As {@link #env(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @return the future variables
   */
  public CompletableFuture<List<EnvVar>> envAsync(String appId) {
    return client.callAsync(api().listApplicationEnv(ownerId, Checks.pathSegment(appId, "appId")));
  }

  /**
   * As {@link #setEnv(String, String, String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @param name the variable's name
   * @param value its value
   * @return the future application
   */
  public CompletableFuture<ApplicationView> setEnvAsync(String appId, String name, String value) {
    Objects.requireNonNull(value, "value == null");
    return client.callAsync(api().setApplicationEnvVar(ownerId, Checks.pathSegment(appId, "appId"),
        Checks.pathSegment(name, "name"), new WannabeValue().value(value)), Sensitive.of(value));
  }

  /**
   * As {@link #removeEnv(String, String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @param name the variable's name
   * @return the future application
   */
  public CompletableFuture<ApplicationView> removeEnvAsync(String appId, String name) {
    return client.callAsync(api().deleteApplicationEnvVar(ownerId, Checks.pathSegment(appId, "appId"),
        Checks.pathSegment(name, "name")));
  }

  /**
   * As {@link #instances(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @return the future instances
   */
  public CompletableFuture<List<InstanceView>> instancesAsync(String appId) {
    return client.callAsync(api().listApplicationInstances(ownerId, Checks.pathSegment(appId, "appId")));
  }

  /**
   * As {@link #restart(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @return the future deployment's answer
   */
  public CompletableFuture<RedeployMessage> restartAsync(String appId) {
    return redeployAsync(appId, null, true);
  }

  /**
   * As {@link #redeploy(String, String, boolean)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @param commit the commit to deploy, or null for the current one
   * @param useCache whether to reuse the build cache
   * @return the future deployment's answer
   */
  public CompletableFuture<RedeployMessage> redeployAsync(String appId, String commit, boolean useCache) {
    return client.callAsync(api().redeployApplication(ownerId, Checks.pathSegment(appId, "appId"), commit,
        useCache ? null : "no"));
  }

  /**
   * As {@link #stop(String)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @return the future API's message
   */
  public CompletableFuture<Message> stopAsync(String appId) {
    return client.callAsync(api().stopApplication(ownerId, Checks.pathSegment(appId, "appId")));
  }

  /**
   * As {@link #deployments(String, Integer, Integer)}, without blocking: the request is sent on OkHttp's asynchronous path. Invalid
   * arguments are still thrown at once; failures complete the future exceptionally with the same exceptions.
   *
   * @param appId the application's id
   * @param limit how many at most, or null
   * @param offset how many to skip, or null
   * @return the future deployments
   */
  public CompletableFuture<List<DeploymentView>> deploymentsAsync(String appId, Integer limit, Integer offset) {
    if (limit != null && limit < 1 || offset != null && offset < 0) {
      throw new IllegalArgumentException("limit must be at least 1 and offset at least 0");
    }
    return client.callAsync(api().listApplicationDeployments(ownerId, Checks.pathSegment(appId, "appId"), limit,
        offset, null));
  }
}
