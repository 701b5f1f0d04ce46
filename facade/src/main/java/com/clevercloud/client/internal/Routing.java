package com.clevercloud.client.internal;

import com.clevercloud.client.auth.ApiTokenCredentials;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Credentials;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import retrofit2.Invocation;

/**
 * The one place that decides, for each call, which host it goes to and which credential it carries.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>call</th><th>API token</th><th>OAuth 1.0a</th><th>no credentials</th></tr>
 *   <tr><td>{@code POST /api-tokens} (create)</td><td>Bridge, none</td><td>Bridge, none</td><td>Bridge, none</td></tr>
 *   <tr><td>{@code /api-tokens…}</td><td>Bridge, Bearer</td><td>Bridge, OAuth PLAINTEXT</td><td>refused</td></tr>
 *   <tr><td>{@code /v2/oauth/request_token…}, {@code access_token…}</td><td>main, signed by the OAuth dance
 *     with the consumer</td><td>same</td><td>same</td></tr>
 *   <tr><td>{@code /v2/oauth/authorize} (a browser page)</td><td>main, none</td><td>main, none</td><td>main, none</td></tr>
 *   <tr><td>{@code /v2/…}, {@code /v4/…}</td><td>Bridge, Bearer</td><td>main, OAuth (configured method)</td>
 *     <td>refused</td></tr>
 * </table>
 *
 * <p>A generated operation is routed by its row of the {@link OperationTable} (family, accepted credentials,
 * {@code x-clever-auth}); the table above is the same rule written by path, for raw requests. Paths are relative to a
 * host's base URL and start with {@code /}. Anything else is not routed.
 */
public final class Routing {

  /** The {@code Accept} header of the OAuth dance's requests, which answer form-encoded text. */
  public static final String OAUTH_DANCE_ACCEPT = "application/x-www-form-urlencoded, text/plain;q=0.9";

  /** The two hosts. */
  public enum Host {
    /** {@code https://api.clever-cloud.com}: OAuth 1.0a only. */
    MAIN,
    /** {@code https://api-bridge.clever-cloud.com}: API tokens, and its own {@code /api-tokens} endpoints. */
    BRIDGE
  }

  /** How a routed call authenticates. */
  public enum Auth {
    /** No {@code Authorization} header. */
    NONE,
    /** The request is signed by the caller (the OAuth dance, signed with the consumer): keep its own header. */
    PRESIGNED,
    /** {@code Authorization: Bearer <API token>}. */
    BEARER,
    /** OAuth 1.0a with the credentials' signature method. */
    OAUTH1,
    /** OAuth 1.0a PLAINTEXT, the only method the Bridge's {@code /api-tokens} endpoints take. */
    OAUTH1_PLAINTEXT,
    /** The call needs credentials and the client has none: refuse before sending. */
    MISSING
  }

  /**
   * A routing decision.
   *
   * @param host where the call goes
   * @param auth what it carries
   */
  public record Route(Host host, Auth auth) {}

  /** Which credentials a client holds, the table's columns. */
  enum Kind { API_TOKEN, OAUTH1, NONE }

  private record Rule(String method, List<String> paths, Route apiToken, Route oauth1, Route none) {
    boolean matches(String m, String path) {
      if (method != null && !method.equals(m)) {
        return false;
      }
      for (String p : paths) {
        if (path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "?")) {
          return true;
        }
      }
      return false;
    }

    Route pick(Kind kind) {
      return switch (kind) {
        case API_TOKEN -> apiToken;
        case OAUTH1 -> oauth1;
        case NONE -> none;
      };
    }
  }

  private static final Route BRIDGE_NONE = new Route(Host.BRIDGE, Auth.NONE);
  private static final Route MAIN_NONE = new Route(Host.MAIN, Auth.NONE);
  private static final Route MAIN_PRESIGNED = new Route(Host.MAIN, Auth.PRESIGNED);

  /** The table, first match wins. */
  private static final List<Rule> RULES = List.of(
      // Creating a token authenticates with email + password in the body; an Authorization header would be noise.
      new Rule("POST", List.of("/api-tokens"), BRIDGE_NONE, BRIDGE_NONE, BRIDGE_NONE),
      new Rule(null, List.of("/api-tokens"),
          new Route(Host.BRIDGE, Auth.BEARER), new Route(Host.BRIDGE, Auth.OAUTH1_PLAINTEXT),
          new Route(Host.BRIDGE, Auth.MISSING)),
      // The OAuth dance is how one gets credentials: it is signed with the consumer (and request token), by the caller.
      new Rule(null, List.of("/v2/oauth/request_token", "/v2/oauth/request_token_query", "/v2/oauth/access_token",
          "/v2/oauth/access_token_query"), MAIN_PRESIGNED, MAIN_PRESIGNED, MAIN_PRESIGNED),
      // The consent page is for browsers.
      new Rule(null, List.of("/v2/oauth/authorize"), MAIN_NONE, MAIN_NONE, MAIN_NONE),
      new Rule(null, List.of("/v2", "/v4"),
          new Route(Host.BRIDGE, Auth.BEARER), new Route(Host.MAIN, Auth.OAUTH1), new Route(Host.MAIN, Auth.MISSING)));

  private final HttpUrl mainBase;
  private final HttpUrl bridgeBase;
  private final Kind kind;

  /**
   * Makes the table for one client.
   *
   * @param mainBase the main host's base URL (ends with {@code /})
   * @param bridgeBase the Bridge's base URL (ends with {@code /})
   * @param credentials the client's credentials, or null
   */
  public Routing(HttpUrl mainBase, HttpUrl bridgeBase, Credentials credentials) {
    this.mainBase = Objects.requireNonNull(mainBase, "mainBase == null");
    this.bridgeBase = Objects.requireNonNull(bridgeBase, "bridgeBase == null");
    if (credentials instanceof ApiTokenCredentials) {
      kind = Kind.API_TOKEN;
    } else if (credentials instanceof OAuth1Credentials) {
      kind = Kind.OAUTH1;
    } else {
      kind = Kind.NONE;
    }
  }

  /**
   * Routes a call.
   *
   * @param method the HTTP method, upper case
   * @param path the path relative to a host, starting with {@code /} (for example {@code /v2/self})
   * @return the route, or null if the path belongs to no known family
   */
  public Route route(String method, String path) {
    for (Rule rule : RULES) {
      if (rule.matches(method, path)) {
        return rule.pick(kind);
      }
    }
    return null;
  }

  /**
   * Routes a request: a generated operation by its row in the operations table (its family, the credentials it
   * accepts, whether its caller signs it), any other request by its path as in the class table.
   *
   * @param request the request
   * @return the route, or null if the request belongs to no known family
   */
  public Route route(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    OperationTable.Op op = invocation == null ? null : OperationTable.INSTANCE.of(invocation.method());
    if (op == null) {
      String path = relativePath(request.url());
      return path == null ? null : route(request.method(), path);
    }
    if (op.presigned()) {
      return MAIN_PRESIGNED;
    }
    boolean bridge = op.family().equals("bridge");
    if (op.security().isEmpty()) {
      return bridge ? BRIDGE_NONE : MAIN_NONE;
    }
    return switch (kind) {
      // The Bridge proxies v2 and v4 for API tokens; OAuth 1.0a goes to the main host, except for the Bridge's own
      // endpoints, which take only PLAINTEXT.
      case API_TOKEN -> op.security().contains("bearerAuth") ? new Route(Host.BRIDGE, Auth.BEARER)
          : new Route(bridge ? Host.BRIDGE : Host.MAIN, Auth.MISSING);
      case OAUTH1 -> !op.security().contains("oauth1") ? new Route(Host.BRIDGE, Auth.MISSING)
          : bridge ? new Route(Host.BRIDGE, Auth.OAUTH1_PLAINTEXT) : new Route(Host.MAIN, Auth.OAUTH1);
      case NONE -> new Route(bridge ? Host.BRIDGE : Host.MAIN, Auth.MISSING);
    };
  }

  /**
   * A host's base URL.
   *
   * @param host the host
   * @return its base URL, ending with {@code /}
   */
  public HttpUrl baseUrl(Host host) {
    return host == Host.MAIN ? mainBase : bridgeBase;
  }

  /**
   * The path of a request URL relative to whichever base URL it starts with, or null if it starts with neither.
   *
   * @param url a request URL
   * @return for example {@code /v2/self}, or null
   */
  public String relativePath(HttpUrl url) {
    String rel = relativeTo(url, bridgeBase);
    return rel != null ? rel : relativeTo(url, mainBase);
  }

  /**
   * Moves a request URL to the routed host, keeping its relative path and query (a no-op when it is already there).
   *
   * @param url the request URL
   * @param host the routed host
   * @return the URL on that host
   */
  public HttpUrl rebase(HttpUrl url, Host host) {
    HttpUrl target = baseUrl(host);
    if (relativeTo(url, target) != null) {
      return url;
    }
    String rel = relativePath(url);
    if (rel == null) {
      return url;
    }
    HttpUrl moved = target.resolve(rel.substring(1));
    if (moved == null) {
      return url;
    }
    return moved.newBuilder().encodedQuery(url.encodedQuery()).build();
  }

  private static String relativeTo(HttpUrl url, HttpUrl base) {
    if (!url.scheme().equals(base.scheme()) || !url.host().equals(base.host()) || url.port() != base.port()) {
      return null;
    }
    String basePath = base.encodedPath(); // ends with "/"
    String path = url.encodedPath();
    if (!path.startsWith(basePath)) {
      return null;
    }
    return path.substring(basePath.length() - 1);
  }
}
