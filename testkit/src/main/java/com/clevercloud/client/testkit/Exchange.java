package com.clevercloud.client.testkit;

import okhttp3.Headers;

/**
 * One request a client sent to the mock and the answer it got, as seen on the wire: after the facade routed the
 * request to its host and added its credential.
 *
 * @param method the HTTP method, for instance {@code GET}
 * @param authority the {@code host:port} the request went to: {@link MockCleverCloud#bridgeUrl()}'s or
 *     {@link MockCleverCloud#apiUrl()}'s
 * @param path the encoded path, for instance {@code /v2/self}
 * @param query the encoded query, or null
 * @param requestHeaders the headers sent (the fake credential included)
 * @param status the status Prism answered
 * @param responseHeaders the headers Prism answered
 * @param violations Prism's {@code sl-violations} header: what Prism found invalid in the request, as JSON; null when
 *     the request was valid
 * @param javaMethod the method of the generated interface that made the request ({@code getSelf},
 *     {@code getSelfAsync}), or null for requests made otherwise (raw HTTP, token creation, the OAuth dance)
 */
public record Exchange(String method, String authority, String path, String query, Headers requestHeaders, int status,
    Headers responseHeaders, String violations, String javaMethod) {

  /**
   * One request header.
   *
   * @param name its name, in any case
   * @return its last value, or null
   */
  public String requestHeader(String name) {
    return requestHeaders.get(name);
  }

  /**
   * One response header.
   *
   * @param name its name, in any case
   * @return its last value, or null
   */
  public String responseHeader(String name) {
    return responseHeaders.get(name);
  }

  /**
   * Whether Prism found the request invalid against the specs.
   *
   * @return true if the answer carried {@code sl-violations}
   */
  public boolean violated() {
    return violations != null;
  }

  /**
   * Whether the status is a 2xx.
   *
   * @return true for 200 to 299
   */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** One line, without headers: credentials stay out of test reports. */
  @Override
  public String toString() {
    return method + " " + authority + path + (query == null ? "" : "?" + query)
        + (javaMethod == null ? "" : " by " + javaMethod) + " -> " + status
        + (violations == null ? "" : " sl-violations: " + violations);
  }
}
