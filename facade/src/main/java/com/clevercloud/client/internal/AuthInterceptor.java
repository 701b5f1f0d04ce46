package com.clevercloud.client.internal;

import com.clevercloud.client.auth.ApiTokenCredentials;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.SignatureMethod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.AbstractMap.SimpleImmutableEntry;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Puts each request on its routed host and adds the routed credential. It is the innermost application interceptor,
 * so every attempt of a retried call is signed afresh (new nonce and timestamp), and interceptors outside it (logging,
 * the user's own) never see the {@code Authorization} header.
 */
public final class AuthInterceptor implements Interceptor {

  private final Routing routing;
  private final Credentials credentials;
  private final OAuth1Signer signer;
  private final String userAgent;

  /**
   * Makes the interceptor.
   *
   * @param routing the routing table
   * @param credentials the credentials, or null
   * @param signer the OAuth 1.0a signer
   * @param userAgent the {@code User-Agent} of every request ({@link UserAgent#userAgent(String)})
   */
  public AuthInterceptor(Routing routing, Credentials credentials, OAuth1Signer signer, String userAgent) {
    this.routing = routing;
    this.credentials = credentials;
    this.signer = signer;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Routing.Route route = routing.route(request);
    if (route == null) {
      // Not one of ours (a user interceptor calling elsewhere): never attach credentials to it.
      return chain.proceed(request.newBuilder().removeHeader("Authorization").header("User-Agent", userAgent).build());
    }
    HttpUrl url = routing.rebase(request.url(), route.host());
    // The one copy of the request the client makes: host, User-Agent and credential at once.
    Request.Builder builder = request.newBuilder().url(url).header("User-Agent", userAgent);
    if (route.auth() != Routing.Auth.PRESIGNED) {
      builder.removeHeader("Authorization");
    }
    switch (route.auth()) {
      case NONE -> { }
      case PRESIGNED -> {
        // The dance answers a form (the API) or text/plain (its spec, hence Prism, which answers 406 to the form type
        // alone): ask for both unless the caller chose.
        if (request.header("Accept") == null) {
          builder.header("Accept", Routing.OAUTH_DANCE_ACCEPT);
        }
      }
      case BEARER -> builder.header("Authorization", "Bearer " + ((ApiTokenCredentials) credentials).token().reveal());
      case OAUTH1 -> builder.header("Authorization", sign(request, url, ((OAuth1Credentials) credentials)
          .signatureMethod()));
      case OAUTH1_PLAINTEXT -> builder.header("Authorization", sign(request, url, SignatureMethod.PLAINTEXT));
      case MISSING -> throw new IllegalStateException(Operation.of(request) + " needs credentials this client does "
          + "not have: set them with CleverCloudClient.builder().credentials(...)");
      default -> throw new AssertionError(route.auth());
    }
    return chain.proceed(builder.build());
  }

  private String sign(Request request, HttpUrl url, SignatureMethod method) throws IOException {
    return signer.authorizationHeader(request.method(), url.toString(), formParameters(request.body()),
        (OAuth1Credentials) credentials, method);
  }

  /** Form bodies are part of the signature (RFC 5849 §3.4.1.3.1); JSON bodies are not. */
  static List<Map.Entry<String, String>> formParameters(RequestBody sent) throws IOException {
    RequestBody body = sent instanceof RetryInterceptor.OneShotBody oneShot ? oneShot.delegate() : sent;
    if (body instanceof FormBody form) {
      List<Map.Entry<String, String>> params = new ArrayList<>(form.size());
      for (int i = 0; i < form.size(); i++) {
        params.add(new SimpleImmutableEntry<>(form.name(i), form.value(i)));
      }
      return params;
    }
    MediaType type = body == null ? null : body.contentType();
    if (type != null && "application".equals(type.type()) && "x-www-form-urlencoded".equals(type.subtype())
        && !body.isOneShot()) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      return OAuth1Signer.parseForm(buffer.readUtf8());
    }
    return List.of();
  }
}
