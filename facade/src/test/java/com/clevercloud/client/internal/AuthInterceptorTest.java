package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * Which request bodies the OAuth 1.0a signature covers: form bodies (built, hand-written, or made one-shot by the
 * retry rule), never JSON.
 */
class AuthInterceptorTest {

  @Test
  void formBodyParametersAreSignedDecoded() throws Exception {
    FormBody form = new FormBody.Builder().add("a", "x y").add("a", "+").add("b", "é").build();
    assertThat(AuthInterceptor.formParameters(form)).containsExactly(Map.entry("a", "x y"), Map.entry("a", "+"),
        Map.entry("b", "é"));
  }

  @Test
  void handWrittenFormBodiesAreSignedToo() throws Exception {
    RequestBody body = RequestBody.create("c2&a3=2+q", MediaType.get("application/x-www-form-urlencoded"));
    assertThat(AuthInterceptor.formParameters(body)).containsExactly(Map.entry("c2", ""), Map.entry("a3", "2 q"));
  }

  @Test
  void formBodiesMadeOneShotByTheRetryRuleAreStillSigned() throws Exception {
    FormBody form = new FormBody.Builder().add("a", "1").build();
    assertThat(AuthInterceptor.formParameters(new RetryInterceptor.OneShotBody(form)))
        .containsExactly(Map.entry("a", "1"));
  }

  @Test
  void jsonBodiesAreNotSigned() throws Exception {
    RequestBody body = RequestBody.create("{\"a\":\"b\"}", MediaType.get("application/json"));
    assertThat(AuthInterceptor.formParameters(body)).isEmpty();
    assertThat(AuthInterceptor.formParameters(null)).isEmpty();
  }

  /** What the interceptor sends on for a request: a user interceptor in front may have set any header. */
  private static Request sentFor(Request request) throws Exception {
    Routing routing = new Routing(HttpUrl.get("https://api.clever-cloud.com/"),
        HttpUrl.get("https://api-bridge.clever-cloud.com/"), Credentials.apiToken("the-api-token"));
    AtomicReference<Request> sent = new AtomicReference<>();
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(new AuthInterceptor(routing, Credentials.apiToken("the-api-token"), new OAuth1Signer(), "ua/1"))
        .addInterceptor(chain -> {
          sent.set(chain.request());
          return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(204)
              .message("No Content").body(ResponseBody.create(new byte[0], null)).build();
        }).build();
    try {
      http.newCall(request).execute().close();
    } finally {
      http.dispatcher().executorService().shutdown();
    }
    return sent.get();
  }

  /** A request that leaves the routed hosts never carries a credential, not even one a caller's interceptor set. */
  @Test
  void aRequestToAnotherHostLosesItsAuthorizationHeader() throws Exception {
    Request sent = sentFor(new Request.Builder().url("https://elsewhere.example.com/v2/self")
        .header("Authorization", "Bearer the-api-token").build());
    assertThat(sent.url().host()).isEqualTo("elsewhere.example.com");
    assertThat(sent.header("Authorization")).isNull();
    assertThat(sent.header("User-Agent")).isEqualTo("ua/1");
  }

  @Test
  void aRoutedRequestCarriesItsCredentialInsteadOfAnyOther() throws Exception {
    Request sent = sentFor(new Request.Builder().url("https://api.clever-cloud.com/v2/self")
        .header("Authorization", "Bearer forged").build());
    assertThat(sent.url().toString()).isEqualTo("https://api-bridge.clever-cloud.com/v2/self");
    assertThat(sent.headers("Authorization")).containsExactly("Bearer the-api-token");
    assertThat(sent.header("User-Agent")).isEqualTo("ua/1");
  }

  /** Creating a token authenticates with its body: whatever Authorization a caller set is dropped. */
  @Test
  void aRouteWithoutCredentialDropsAnyAuthorization() throws Exception {
    Request sent = sentFor(new Request.Builder().url("https://api-bridge.clever-cloud.com/api-tokens")
        .header("Authorization", "Bearer the-api-token")
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build());
    assertThat(sent.header("Authorization")).isNull();
  }
}
