package com.clevercloud.client.contract;

import com.clevercloud.client.contract.SpecCatalog.Auth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exchanges the test kit's mock recorded for the whole run, in the terms the contract checks use: what was sent
 * (method, host, path, query, credential kind, and the method of the generated interface that made it, blocking or
 * {@code …Async}) and what Prism answered (status, {@code sl-violations}). The kit records on the wire, after the facade
 * has routed and signed the request ({@link com.clevercloud.client.testkit.Exchange}); this only reads its record.
 *
 * <p>One record serves every contract test class of the run ({@link #shared()}): the coverage guard reads it last.
 * Tests run one at a time, so {@link #mark()} and {@link #since(int)} isolate part of one test's exchanges.
 */
final class ContractRecorder {

  /**
   * One request and its answer.
   *
   * @param method the HTTP method
   * @param authority {@code host:port} the request was sent to
   * @param path the encoded path
   * @param query the encoded query, or null
   * @param auth which kind of {@code Authorization} the request carried
   * @param signatureMethod the {@code oauth_signature_method} of an OAuth {@code Authorization}, or null
   * @param userAgent the {@code User-Agent} header
   * @param accept the {@code Accept} header, or null
   * @param prefer the {@code Prefer} header, or null
   * @param status the response status
   * @param contentType the response's content type, or null
   * @param slViolations Prism's {@code sl-violations} header, or null when the request was valid
   * @param javaMethod the name of the generated interface's method that made the request ({@code getSelf},
   *     {@code getSelfAsync}), from Retrofit's {@code Invocation} tag; null for requests made otherwise (raw
   *     requests, the token creation and the OAuth dance of the handwritten core)
   */
  record Exchange(String method, String authority, String path, String query, Auth auth, String signatureMethod,
      String userAgent, String accept, String prefer, int status, String contentType, String slViolations,
      String javaMethod) {

    static Exchange of(com.clevercloud.client.testkit.Exchange e) {
      String authorization = e.requestHeader("Authorization");
      return new Exchange(e.method(), e.authority(), e.path(), e.query(), authOf(authorization),
          signatureMethodOf(authorization), e.requestHeader("User-Agent"), e.requestHeader("Accept"),
          e.requestHeader("Prefer"), e.status(), e.responseHeader("Content-Type"), e.violations(), e.javaMethod());
    }

    boolean successful() {
      return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
      return method + " " + authority + path + (query == null ? "" : "?" + query) + " [" + auth + "]"
          + (javaMethod == null ? "" : " by " + javaMethod) + " -> " + status
          + (slViolations == null ? "" : " sl-violations: " + slViolations);
    }
  }

  private static final Pattern SIGNATURE_METHOD = Pattern.compile("oauth_signature_method=\"([^\"]*)\"");
  private static final ContractRecorder SHARED = new ContractRecorder();

  private ContractRecorder() {
  }

  /**
   * The record shared by every contract test of the run.
   *
   * @return the record
   */
  static ContractRecorder shared() {
    return SHARED;
  }

  /**
   * Every exchange recorded so far.
   *
   * @return a copy, in order
   */
  List<Exchange> all() {
    return ContractExtension.mock().allExchanges().stream().map(Exchange::of).toList();
  }

  /**
   * A position to pass to {@link #since(int)} later.
   *
   * @return the number of exchanges recorded so far
   */
  int mark() {
    return ContractExtension.mock().allExchanges().size();
  }

  /**
   * The exchanges recorded after a {@link #mark()}.
   *
   * @param mark a value {@link #mark()} returned
   * @return a copy, in order
   */
  List<Exchange> since(int mark) {
    List<com.clevercloud.client.testkit.Exchange> all = ContractExtension.mock().allExchanges();
    return all.subList(Math.min(mark, all.size()), all.size()).stream().map(Exchange::of).toList();
  }

  private static String signatureMethodOf(String authorization) {
    if (authorization == null) {
      return null;
    }
    Matcher m = SIGNATURE_METHOD.matcher(authorization);
    return m.find() ? m.group(1) : null;
  }

  private static Auth authOf(String authorization) {
    if (authorization == null) {
      return Auth.NONE;
    }
    String lower = authorization.toLowerCase(Locale.ROOT);
    if (lower.startsWith("bearer ")) {
      return Auth.BEARER;
    }
    if (lower.startsWith("oauth ")) {
      return Auth.OAUTH1;
    }
    throw new IllegalStateException("Unexpected Authorization scheme: "
        + authorization.substring(0, Math.min(6, authorization.length())) + "…");
  }
}
