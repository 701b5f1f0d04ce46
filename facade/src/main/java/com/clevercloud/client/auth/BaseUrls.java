package com.clevercloud.client.auth;

import java.util.Optional;

/**
 * The hosts credentials came with from the environment ({@code API_HOST}, {@code AUTH_BRIDGE_HOST}): each null when
 * not named, and the client then uses Clever Cloud's. Shared by both kinds of credentials.
 */
record BaseUrls(String api, String bridge) {

  Optional<String> apiUrl() {
    return Optional.ofNullable(api);
  }

  Optional<String> bridgeUrl() {
    return Optional.ofNullable(bridge);
  }

  /** For {@code toString()}: host URLs are not secret, and they tell where the calls go. */
  String describe() {
    return (api == null ? "" : ", apiBaseUrl=" + api) + (bridge == null ? "" : ", bridgeBaseUrl=" + bridge);
  }
}
