package com.clevercloud.client.testkit.prism;

import com.clevercloud.client.testkit.prism.PrismServers.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.ByteString;

/**
 * Clever Cloud's two hosts, played on loopback in front of the three Prisms. The real Bridge serves {@code /api-tokens},
 * {@code /v2/…} and {@code /v4/…} from one host, and the main host serves {@code /v2/…} and {@code /v4/…}; Prism serves
 * one spec per process. Each host here is a small forwarding server that sends a request to the Prism of the spec its
 * path prefix belongs to, and relays Prism's answer unchanged (status, headers such as {@code sl-violations}, body
 * bytes).
 *
 * <p>Why a forwarding server and not an OkHttp interceptor that rewrites the host: the client's own interceptors
 * (routing, signing) run after those of an {@code OkHttpClient} given to it, and OkHttp forbids a network interceptor
 * to change the host or port. So the client talks to these two hosts exactly as it talks to Clever Cloud's, and which
 * host a request reached is a fact the tests can check.
 *
 * <p>The main host refuses {@code /api-tokens} with a 404, as the real one does not serve it: a request routed to the
 * wrong host fails visibly.
 */
public final class PrismHosts implements AutoCloseable {

  /** Hop-by-hop headers and those OkHttp computes itself: never copied. */
  private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "keep-alive", "content-length",
      "transfer-encoding", "accept-encoding", "proxy-connection", "te", "upgrade");

  private final MockWebServer bridge;
  private final MockWebServer main;
  private final OkHttpClient forwarder;

  private PrismHosts(MockWebServer bridge, MockWebServer main, OkHttpClient forwarder) {
    this.bridge = bridge;
    this.main = main;
    this.forwarder = forwarder;
  }

  /**
   * Starts the two hosts on free loopback ports.
   *
   * @param prism the running Prisms to forward to
   * @return the hosts
   */
  public static PrismHosts start(PrismServers prism) {
    Objects.requireNonNull(prism, "prism == null");
    OkHttpClient forwarder = new OkHttpClient.Builder()
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        // Prism (Node) closes a keep-alive connection after 5 s idle; a pooled connection reused at that moment
        // failed with an IOException, relayed as a 502 that the client then retried. Drop idle connections well
        // before Node does, so that a relayed 502 only ever means Prism did not answer.
        .connectionPool(new ConnectionPool(8, 1, TimeUnit.SECONDS))
        .callTimeout(Duration.ofSeconds(30))
        .build();
    MockWebServer bridge = new MockWebServer();
    MockWebServer main = new MockWebServer();
    bridge.setDispatcher(new Forward(prism, forwarder, true));
    main.setDispatcher(new Forward(prism, forwarder, false));
    try {
      bridge.start(InetAddress.getLoopbackAddress(), 0);
      main.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      closeQuietly(bridge);
      closeQuietly(main);
      throw new UncheckedIOException("Cannot start the loopback hosts", e);
    }
    return new PrismHosts(bridge, main, forwarder);
  }

  /**
   * The Bridge's stand-in: {@code /api-tokens}, {@code /v2}, {@code /v4}.
   *
   * @return its base URL, for example {@code http://127.0.0.1:40123/}
   */
  public String bridgeUrl() {
    return bridge.url("/").toString();
  }

  /**
   * The main API host's stand-in: {@code /v2}, {@code /v4}.
   *
   * @return its base URL, for example {@code http://127.0.0.1:40124/}
   */
  public String apiUrl() {
    return main.url("/").toString();
  }

  /** Stops both hosts (the Prisms keep running: their owner stops them). */
  @Override
  public void close() {
    closeQuietly(bridge);
    closeQuietly(main);
    forwarder.dispatcher().executorService().shutdown();
    forwarder.connectionPool().evictAll();
  }

  private static void closeQuietly(MockWebServer server) {
    try {
      server.close();
    } catch (RuntimeException e) {
      // Shutting down: nothing useful to do with a failure to close a loopback socket.
    }
  }

  /** Forwards one host's requests to the Prism that serves their path. */
  private static final class Forward extends Dispatcher {
    private final PrismServers prism;
    private final OkHttpClient client;
    private final boolean isBridge;

    Forward(PrismServers prism, OkHttpClient client, boolean isBridge) {
      this.prism = prism;
      this.client = client;
      this.isBridge = isBridge;
    }

    @Override
    public MockResponse dispatch(RecordedRequest recorded) {
      String target = recorded.getTarget();
      Spec spec = specOf(target);
      if (spec == null) {
        return plain(404, (isBridge ? "The Bridge" : "The main API host") + " does not serve " + target);
      }
      Request.Builder request = new Request.Builder().url(prism.baseUrl(spec) + target);
      Headers headers = recorded.getHeaders();
      for (String name : headers.names()) {
        if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
          for (String value : headers.values(name)) {
            request.addHeader(name, value);
          }
        }
      }
      request.method(recorded.getMethod(), body(recorded));
      try (Response response = client.newCall(request.build()).execute()) {
        MockResponse.Builder relayed = new MockResponse.Builder().code(response.code());
        for (String name : response.headers().names()) {
          if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
            for (String value : response.headers(name)) {
              relayed.addHeader(name, value);
            }
          }
        }
        Buffer body = new Buffer();
        body.writeAll(response.body().source());
        return relayed.body(body).build();
      } catch (IOException e) {
        return plain(502, "Prism for " + spec.file() + " did not answer: " + e);
      }
    }

    private Spec specOf(String target) {
      if (isBridge && hasPrefix(target, "/api-tokens")) {
        return Spec.BRIDGE;
      }
      if (hasPrefix(target, "/v2")) {
        return Spec.V2;
      }
      if (hasPrefix(target, "/v4")) {
        return Spec.V4;
      }
      return null;
    }

    private static boolean hasPrefix(String target, String prefix) {
      return target.equals(prefix) || target.startsWith(prefix + "/") || target.startsWith(prefix + "?");
    }

    private static RequestBody body(RecordedRequest recorded) {
      ByteString bytes = recorded.getBody();
      String method = recorded.getMethod();
      boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
      if ((bytes == null || bytes.size() == 0) && !needsBody) {
        return null;
      }
      String type = recorded.getHeaders().get("Content-Type");
      return RequestBody.create(bytes == null ? ByteString.EMPTY : bytes, type == null ? null : MediaType.parse(type));
    }

    private static MockResponse plain(int code, String message) {
      return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/plain; charset=utf-8")
          .body(message).build();
    }
  }
}
