package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One MockWebServer per host, and an OAuth 1.0a verifier written apart from the signer under test. */
abstract class TestServers {

  protected MockWebServer main;
  protected MockWebServer bridge;
  /** Retries wait on this: instantly, recording each delay. */
  protected final FakeTime time = new FakeTime();

  @BeforeEach
  void startServers() throws IOException {
    main = newServer();
    bridge = newServer();
    main.start();
    bridge.start();
  }

  /**
   * A MockWebServer whose sockets send at once (TCP_NODELAY). It writes a response's headers and body in two
   * segments; with Nagle's algorithm the body then waits for the client's delayed ACK, about 40 ms per exchange on a
   * reused connection, which a real server does not cost.
   */
  static MockWebServer newServer() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new ServerSocketFactory() {
      @Override
      public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
      }

      @Override
      public ServerSocket createServerSocket(int port) throws IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        throw new UnsupportedOperationException();
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        throw new UnsupportedOperationException();
      }
    });
    return server;
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  @AfterEach
  void stopServers() {
    main.close();
    bridge.close();
  }

  protected CleverCloudClient.Builder builder() {
    return CleverCloudClient.builder()
        .apiBaseUrl(main.url("/").toString())
        .bridgeBaseUrl(bridge.url("/").toString())
        // A test that forgets to enqueue an answer fails in seconds rather than waiting for the 60 s default.
        .callTimeout(java.time.Duration.ofSeconds(10))
        .retryTiming(time.sleeper(), time::nanoTime);
  }

  protected CleverCloudClient client(Credentials credentials) {
    return builder().credentials(credentials).build();
  }

  protected static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  protected static MockResponse json(String body) {
    return json(200, body);
  }

  protected static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  /**
   * The OkHttpClient a client sends with (its timeouts, dispatcher, pool, interceptors). The client no longer exposes
   * it, even package-private, so tests read its private field.
   */
  static okhttp3.OkHttpClient httpOf(CleverCloudClient client) {
    try {
      java.lang.reflect.Field f = CleverCloudClient.class.getDeclaredField("http");
      f.setAccessible(true);
      return (okhttp3.OkHttpClient) f.get(client);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parameters of an {@code Authorization: OAuth …} header, decoded. */
  static Map<String, String> oauthHeader(String header) {
    assertThat(header).startsWith("OAuth ");
    Map<String, String> params = new LinkedHashMap<>();
    for (String part : header.substring(6).split(",\\s*")) {
      int eq = part.indexOf('=');
      String value = part.substring(eq + 1);
      assertThat(value).startsWith("\"").endsWith("\"");
      params.put(part.substring(0, eq), URLDecoder.decode(value.substring(1, value.length() - 1).replace("+", "%2B"),
          StandardCharsets.UTF_8));
    }
    return params;
  }

  /** RFC 3986 encoding via the JDK's form encoder, independent of OAuth1Signer.percentEncode. */
  static String pe(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  /**
   * Recomputes an HMAC signature from what the server received: method, URL, query, form body and the header's
   * oauth_* parameters (pass an empty map when they travel in the form body), following RFC 5849 §3.4.
   */
  static String expectedHmac(RecordedRequest request, Map<String, String> oauth, String macAlgorithm,
      String consumerSecret, String tokenSecret) throws Exception {
    List<String[]> params = new ArrayList<>();
    String query = request.getUrl().encodedQuery();
    if (query != null) {
      addForm(params, query);
    }
    String contentType = request.getHeaders().get("Content-Type");
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      addForm(params, request.getBody().utf8());
    }
    oauth.forEach((k, v) -> {
      if (!k.equals("oauth_signature")) {
        params.add(new String[] {pe(k), pe(v)});
      }
    });
    params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder normalized = new StringBuilder();
    for (String[] p : params) {
      normalized.append(normalized.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
    }
    String baseUri = "http://" + request.getUrl().host() + ":" + request.getUrl().port()
        + request.getUrl().encodedPath();
    String base = request.getMethod() + "&" + pe(baseUri) + "&" + pe(normalized.toString());
    Mac mac = Mac.getInstance(macAlgorithm);
    String key = pe(consumerSecret) + "&" + pe(tokenSecret);
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), macAlgorithm));
    return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
  }

  private static void addForm(List<String[]> params, String encoded) {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (k.equals("oauth_signature")) {
        continue; // the signature never signs itself, wherever it travels
      }
      params.add(new String[] {pe(k), pe(v)});
    }
  }
}
