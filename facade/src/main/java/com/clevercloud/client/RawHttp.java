package com.clevercloud.client;

import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.internal.Operation;
import com.clevercloud.client.internal.Routing;
import com.clevercloud.client.internal.Sensitive;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Authenticated requests to paths the specs do not describe, routed like every other call by their prefix
 * ({@code /v2/…}, {@code /v4/…}, {@code /api-tokens…}), in the spirit of {@code clever curl}. Get it with
 * {@link CleverCloudClient#http()}.
 *
 * <pre>{@code
 * RawResponse r = client.http().get("/v4/products/zones?tag=region:eu");
 * }</pre>
 *
 * <p>Error statuses throw the client's exceptions, like typed calls. Only relative paths are accepted, so credentials
 * never travel to another host.
 */
public final class RawHttp {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE");

  private final CleverCloudClient client;

  RawHttp(CleverCloudClient client) {
    this.client = client;
  }

  /**
   * {@code GET path}.
   *
   * @param path for example {@code /v2/self}
   * @return the response
   */
  public RawResponse get(String path) {
    return send("GET", path, null);
  }

  /**
   * {@code GET path}, asynchronously.
   *
   * @param path for example {@code /v2/self}
   * @return the future response; cancelling it cancels the call
   */
  public CompletableFuture<RawResponse> getAsync(String path) {
    return sendAsync("GET", path, null);
  }

  /**
   * {@code DELETE path}.
   *
   * @param path the path
   * @return the response
   */
  public RawResponse delete(String path) {
    return send("DELETE", path, null);
  }

  /**
   * {@code POST path} with a JSON body.
   *
   * @param path the path
   * @param json the body, or null for an empty one
   * @return the response
   */
  public RawResponse post(String path, String json) {
    return send("POST", path, json);
  }

  /**
   * {@code PUT path} with a JSON body.
   *
   * @param path the path
   * @param json the body, or null for an empty one
   * @return the response
   */
  public RawResponse put(String path, String json) {
    return send("PUT", path, json);
  }

  /**
   * Any of GET, PUT, POST, DELETE (the methods the Bridge proxies).
   *
   * @param method the method
   * @param path a path starting with {@code /v2/}, {@code /v4/} or {@code /api-tokens}, with an optional query
   * @param json a JSON body for PUT and POST, or null
   * @return the response, for a 2xx status
   * @throws IllegalArgumentException for another method, an absolute URL, a path outside the API, or a body on GET or
   *     DELETE
   * @throws CleverCloudException if the call fails
   */
  public RawResponse send(String method, String path, String json) {
    Request request = request(method, path, json);
    String operation = Operation.of(request);
    try (Response response = client.executor().send(request, operation)) {
      return toRawResponse(response, operation);
    }
  }

  /**
   * {@link #send(String, String, String)} on OkHttp's asynchronous path. Bad arguments throw at once, before anything
   * is sent; failures of the call fail the future with the client's exceptions.
   *
   * @param method GET, PUT, POST or DELETE
   * @param path a path starting with {@code /v2/}, {@code /v4/} or {@code /api-tokens}, with an optional query
   * @param json a JSON body for PUT and POST, or null
   * @return the future response; cancelling it cancels the call
   */
  public CompletableFuture<RawResponse> sendAsync(String method, String path, String json) {
    Request request = request(method, path, json);
    String operation = Operation.of(request);
    return client.executor().sendAsync(request, operation, response -> toRawResponse(response, operation));
  }

  private Request request(String method, String path, String json) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    String m = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(m)) {
      throw new IllegalArgumentException("method must be one of GET, PUT, POST, DELETE");
    }
    if (json != null && (m.equals("GET") || m.equals("DELETE"))) {
      throw new IllegalArgumentException(m + " takes no body");
    }
    HttpUrl url = resolve(path);
    String operation = m + " " + url.encodedPath();
    RequestBody body = m.equals("POST") || m.equals("PUT") ? RequestBody.create(json == null ? "" : json, JSON) : null;
    return new Request.Builder()
        .url(url)
        .method(m, body)
        .tag(Operation.class, new Operation(operation))
        .tag(Sensitive.class, json == null ? null : bodyValues(json))
        .build();
  }

  private RawResponse toRawResponse(Response response, String operation) {
    String text = client.executor().readBody(response, operation);
    return new RawResponse(response.code(), text, response.header("Sozu-Id"));
  }

  /**
   * Which values of a raw body are secrets is unknown here, so every string in it (and the body itself) is masked
   * should an error answer echo it.
   */
  private static Sensitive bodyValues(String json) {
    List<Secret> values = new ArrayList<>();
    values.add(Secret.of(json));
    try {
      collectStrings(JsonParser.parseString(json), values);
    } catch (RuntimeException notJson) {
      // the whole body is masked already
    }
    return Sensitive.of(values.toArray(new Secret[0]));
  }

  private static void collectStrings(JsonElement element, List<Secret> values) {
    if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
      values.add(Secret.of(element.getAsString()));
    } else if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(e -> collectStrings(e, values));
    } else if (element.isJsonObject()) {
      element.getAsJsonObject().entrySet().forEach(e -> collectStrings(e.getValue(), values));
    }
  }

  /** A relative path on the routed host; nothing that could leave it ({@code //host}, {@code ..}, a scheme). */
  private HttpUrl resolve(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isISOControl(c) || c == ' ' || c == '\\') {
        throw new IllegalArgumentException("path contains a space, a backslash or a control character at index " + i);
      }
    }
    if (!path.startsWith("/") || path.startsWith("//")) {
      throw new IllegalArgumentException("path must be relative to the API and start with a single /, like /v2/self");
    }
    int q = path.indexOf('?');
    String rawPath = q < 0 ? path : path.substring(0, q);
    if (rawPath.contains("#") || (q >= 0 && path.indexOf('#', q) >= 0)) {
      throw new IllegalArgumentException("path must not have a fragment");
    }
    for (String segment : rawPath.split("/")) {
      String decoded = segment.replace("%2e", ".").replace("%2E", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        throw new IllegalArgumentException("path must not contain . or .. segments");
      }
    }
    Routing routing = client.routing();
    Routing.Route route = routing.route("GET", rawPath);
    if (route == null) {
      throw new IllegalArgumentException("path must start with /v2/, /v4/ or /api-tokens");
    }
    HttpUrl base = routing.baseUrl(route.host());
    HttpUrl url = base.resolve(path.substring(1));
    if (url == null || !url.host().equals(base.host()) || url.port() != base.port()
        || !url.encodedPath().startsWith(base.encodedPath())) {
      throw new IllegalArgumentException("path must stay on the API host");
    }
    return url;
  }
}
