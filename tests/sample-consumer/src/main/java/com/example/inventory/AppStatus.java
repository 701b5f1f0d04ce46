package com.example.inventory;

import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.exception.NotFoundException;

/** A user's automation: one line about an application, for a chat bot. */
public final class AppStatus {

  private final CleverCloudClient client;

  /**
   * An automation on a client.
   *
   * @param client the client to call Clever Cloud with
   */
  public AppStatus(CleverCloudClient client) {
    this.client = client;
  }

  /**
   * Describes one application.
   *
   * @param ownerId its organisation
   * @param appId the application
   * @return for instance {@code example-api (par): SHOULD_BE_UP}, or that it does not exist
   */
  public String describe(String ownerId, String appId) {
    try {
      ApplicationView app = client.api(ApplicationsApi.class).getApplication(ownerId, appId);
      return app.getName() + " (" + app.getZone() + "): " + app.getState();
    } catch (NotFoundException e) {
      return appId + ": no such application";
    }
  }
}
