package com.clevercloud.client;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.internal.check.Checks;
import com.clevercloud.client.internal.CancellableFuture;
import com.clevercloud.client.internal.Operation;
import com.clevercloud.client.internal.Routing;
import com.clevercloud.client.internal.Sensitive;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The OAuth 1.0a dance that turns a user's consent into {@link OAuth1Credentials}, for applications registered as
 * OAuth consumers. Get it with {@link CleverCloudClient#oauth1Flow(String, String)}.
 *
 * <pre>{@code
 * OAuth1Flow flow = client.oauth1Flow(consumerKey, consumerSecret);
 * RequestToken requestToken = flow.requestToken("https://my-app.example.com/oauth/callback");
 * URI consent = flow.authorizationUrl(requestToken);           // send the user's browser there
 * // ... the callback receives oauth_token and oauth_verifier
 * OAuth1Credentials credentials = flow.accessToken(requestToken, verifier);
 * }</pre>
 *
 * <p>The dance's requests are signed with the consumer (and, in step 3, the request token) and carry their
 * {@code oauth_*} parameters in the {@code Authorization} header (RFC 5849 §3.5.1, the method the spec declares); they
 * go to the main API host whatever the client's credentials.
 */
public final class OAuth1Flow {

  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  private final CleverCloudClient client;
  private final String consumerKey;
  private final Secret consumerSecret;
  private final SignatureMethod signatureMethod;

  OAuth1Flow(CleverCloudClient client, String consumerKey, String consumerSecret, SignatureMethod signatureMethod) {
    this.client = client;
    // Credentials.oauth1 holds the header-safety rules for keys and secrets: validate through it.
    Credentials.oauth1(consumerKey, consumerSecret, "placeholder", "placeholder");
    this.consumerKey = consumerKey;
    this.consumerSecret = Secret.of(consumerSecret);
    this.signatureMethod = Objects.requireNonNull(signatureMethod, "signatureMethod == null");
  }

  /**
   * Step 1: asks for a request token ({@code POST /v2/oauth/request_token}).
   *
   * @param callbackUrl where the user's browser returns after consenting; on the consumer's {@code baseUrl} domain,
   *     or {@code oob}
   * @return the request token
   */
  public RequestToken requestToken(String callbackUrl) {
    return requestTokenFrom(send(requestTokenRequest(callbackUrl), "requestToken"));
  }

  /**
   * Step 1, asynchronously: {@link #requestToken(String)} on OkHttp's asynchronous path. Bad arguments throw at once,
   * before anything is sent.
   *
   * @param callbackUrl where the user's browser returns after consenting, or {@code oob}
   * @return the future request token; cancelling it cancels the call
   */
  public CompletableFuture<RequestToken> requestTokenAsync(String callbackUrl) {
    return sendAsync(requestTokenRequest(callbackUrl), "requestToken", OAuth1Flow::requestTokenFrom);
  }

  private Request requestTokenRequest(String callbackUrl) {
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    Checks.noControlCharacters(callbackUrl, "callbackUrl");
    if (!callbackUrl.equals("oob") && HttpUrl.parse(callbackUrl) == null) {
      throw new IllegalArgumentException("callbackUrl is neither an http(s) URL nor oob");
    }
    return request("v2/oauth/request_token", "requestToken", null, null, Map.of("oauth_callback", callbackUrl));
  }

  private static RequestToken requestTokenFrom(String body) {
    Map<String, String> answer = form(body);
    String token = answer.get("oauth_token");
    String secret = answer.get("oauth_token_secret");
    if (token == null || token.isEmpty() || secret == null) {
      throw unreadable("requestToken", body);
    }
    return new RequestToken(token, Secret.of(secret), "true".equals(answer.get("oauth_callback_confirmed")));
  }

  /**
   * Step 2: the page where the user consents ({@code GET /v2/oauth/authorize?oauth_token=…}). Open it in the user's
   * browser; this client does not call it.
   *
   * @param requestToken the request token from step 1
   * @return the URL
   */
  public URI authorizationUrl(RequestToken requestToken) {
    Objects.requireNonNull(requestToken, "requestToken == null");
    return client.routing().baseUrl(Routing.Host.MAIN).newBuilder()
        .addPathSegments("v2/oauth/authorize")
        .addQueryParameter("oauth_token", requestToken.token())
        .build()
        .uri();
  }

  /**
   * Step 3: exchanges the authorized request token for an access token ({@code POST /v2/oauth/access_token}).
   *
   * @param requestToken the request token from step 1
   * @param verifier the {@code oauth_verifier} the callback received
   * @return credentials for {@link CleverCloudClient.Builder#credentials(Credentials)}, with the flow's signature
   *     method and the token's expiration when the API gives it
   */
  public OAuth1Credentials accessToken(RequestToken requestToken, String verifier) {
    return credentialsFrom(send(accessTokenRequest(requestToken, verifier), "accessToken"));
  }

  /**
   * Step 3, asynchronously: {@link #accessToken(RequestToken, String)} on OkHttp's asynchronous path. Bad arguments
   * throw at once, before anything is sent.
   *
   * @param requestToken the request token from step 1
   * @param verifier the {@code oauth_verifier} the callback received
   * @return the future credentials; cancelling it cancels the call
   */
  public CompletableFuture<OAuth1Credentials> accessTokenAsync(RequestToken requestToken, String verifier) {
    return sendAsync(accessTokenRequest(requestToken, verifier), "accessToken", this::credentialsFrom);
  }

  private Request accessTokenRequest(RequestToken requestToken, String verifier) {
    Objects.requireNonNull(requestToken, "requestToken == null");
    Checks.pathSegment(verifier, "verifier");
    return request("v2/oauth/access_token", "accessToken", requestToken.token(), requestToken.secret(),
        Map.of("oauth_verifier", verifier));
  }

  private OAuth1Credentials credentialsFrom(String body) {
    Map<String, String> answer = form(body);
    String token = answer.get("oauth_token");
    String secret = answer.get("oauth_token_secret");
    if (token == null || token.isEmpty() || secret == null || secret.isEmpty()) {
      throw unreadable("accessToken", body);
    }
    Instant expiration = null;
    String expirationText = answer.get("expiration_date");
    if (expirationText != null) {
      try {
        expiration = OffsetDateTime.parse(expirationText).toInstant();
      } catch (DateTimeParseException e) {
        expiration = null; // a missing date is not worth losing fresh credentials
      }
    }
    return Credentials.oauth1(consumerKey, consumerSecret.reveal(), token, secret, signatureMethod)
        .withExpiration(expiration);
  }

  /** Signs one step of the dance; the routing table keeps this request's own Authorization header. */
  private Request request(String path, String operation, String token, Secret tokenSecret, Map<String, String> extra) {
    HttpUrl url = client.routing().baseUrl(Routing.Host.MAIN).resolve(path);
    Map<String, String> params = client.signer().protocolParameters("POST", url.toString(), List.of(), consumerKey,
        consumerSecret, token, tokenSecret, signatureMethod, extra);
    return new Request.Builder()
        .url(url)
        .header("Authorization", OAuth1Signer.toHeader(params))
        .post(RequestBody.create(new byte[0], FORM))
        .tag(Operation.class, new Operation(operation))
        .tag(Sensitive.class, Sensitive.of(consumerSecret, tokenSecret))
        .build();
  }

  private String send(Request request, String operation) {
    try (Response response = client.executor().send(request, operation)) {
      return client.executor().readBody(response, operation);
    }
  }

  /** The asynchronous twin of {@link #send}: the answer is read and parsed on OkHttp's callback thread. */
  private <T> CancellableFuture<T> sendAsync(Request request, String operation, Function<String, T> parse) {
    return client.executor().sendAsync(request, operation,
        response -> parse.apply(client.executor().readBody(response, operation)));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> map = new HashMap<>();
    for (Map.Entry<String, String> e : OAuth1Signer.parseForm(body == null ? "" : body.trim())) {
      map.putIfAbsent(e.getKey(), e.getValue());
    }
    return map;
  }

  /** The dance's answers carry secrets: never quoted. */
  private static ResponseDecodingException unreadable(String operation, String body) {
    return new ResponseDecodingException(operation + ": the answer (" + (body == null ? 0 : body.length())
        + " characters) is not a form with oauth_token and oauth_token_secret", operation, 200, null, null, null);
  }
}
