package com.clevercloud.client.contract;

import com.clevercloud.client.contract.SpecCatalog.Auth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Records every exchange the contract tests make: what was sent (method, host, path, query, credential kind, and the
 * method of the generated interface that made it, blocking or {@code …Async}) and what Prism answered (status,
 * {@code sl-violations}). Installed as a network interceptor on the {@code OkHttpClient}
 * handed to the facade's builder, so it sees the request as it goes on the wire, after the facade has routed and
 * signed it.
 *
 * <p>One recorder is shared by every contract test class of the run ({@link #shared()}): the coverage guard reads it
 * last. Tests run one at a time, so {@link #mark()} and {@link #since(int)} isolate one test's exchanges.
 */
final class ContractRecorder implements Interceptor {

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
   *     {@code getSelfAsync}), from Retrofit's {@link Invocation} tag; null for requests made otherwise (raw
   *     requests, the token creation and the OAuth dance of the handwritten core)
   */
  record Exchange(String method, String authority, String path, String query, Auth auth, String signatureMethod,
      String userAgent, String accept, String prefer, int status, String contentType, String slViolations,
      String javaMethod) {

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

  private final List<Exchange> exchanges = new ArrayList<>();

  /**
   * The recorder shared by every contract test of the run.
   *
   * @return the recorder
   */
  static ContractRecorder shared() {
    return SHARED;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    String authorization = request.header("Authorization");
    Invocation invocation = request.tag(Invocation.class);
    Exchange exchange = new Exchange(request.method(), request.url().host() + ":" + request.url().port(),
        request.url().encodedPath(), request.url().encodedQuery(), authOf(authorization),
        signatureMethodOf(authorization), request.header("User-Agent"), request.header("Accept"),
        request.header("Prefer"), response.code(), response.header("Content-Type"),
        response.header("sl-violations"), invocation == null ? null : invocation.method().getName());
    synchronized (exchanges) {
      exchanges.add(exchange);
    }
    return response;
  }

  /**
   * Every exchange recorded so far.
   *
   * @return a copy, in order
   */
  List<Exchange> all() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /**
   * A position to pass to {@link #since(int)} later.
   *
   * @return the number of exchanges recorded so far
   */
  int mark() {
    synchronized (exchanges) {
      return exchanges.size();
    }
  }

  /**
   * The exchanges recorded after a {@link #mark()}.
   *
   * @param mark a value {@link #mark()} returned
   * @return a copy, in order
   */
  List<Exchange> since(int mark) {
    synchronized (exchanges) {
      return List.copyOf(exchanges.subList(Math.min(mark, exchanges.size()), exchanges.size()));
    }
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
