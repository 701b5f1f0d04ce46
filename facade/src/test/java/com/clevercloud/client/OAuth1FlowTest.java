package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.api.OAuthApi;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.exception.ResponseDecodingException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 1.0a dance (request token, authorization URL, access token), blocking and asynchronous: what is signed and
 * sent, what is parsed from the answers, that unreadable answers never quote their secrets, that bad arguments are
 * refused before sending, and that the generated dance operations ask for a form or text.
 */
class OAuth1FlowTest extends TestServers {

  private static final String CANARY = "CANARY-flow-secret";

  private static MockResponse form(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/x-www-form-urlencoded").body(body).build();
  }

  private static Map<String, String> formOf(RecordedRequest r) {
    Map<String, String> params = new HashMap<>();
    if (r.getBodySize() == 0) {
      return params;
    }
    HttpUrl parsed = HttpUrl.get("http://x/?" + r.getBody().utf8());
    for (String name : parsed.queryParameterNames()) {
      params.put(name, parsed.queryParameter(name));
    }
    return params;
  }

  @Test
  void runsTheDanceOnTheMainHostSignedWithTheConsumer() throws Exception {
    main.enqueue(form("oauth_token=rt1&oauth_token_secret=" + CANARY + "rts&oauth_callback_confirmed=true"));
    main.enqueue(form("oauth_token=at1&oauth_token_secret=" + CANARY + "ats&expiration_date=2026-04-15T10:00:00Z"));
    OAuth1Credentials credentials;
    RequestToken requestToken;
    URI consent;
    // An API-token client still runs the dance against the main host, unauthenticated.
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      OAuth1Flow flow = client.oauth1Flow("ck", CANARY + "cs");
      requestToken = flow.requestToken("https://app.example.com/callback");
      consent = flow.authorizationUrl(requestToken);
      credentials = flow.accessToken(requestToken, "verif");
    }
    RecordedRequest step1 = take(main);
    assertThat(step1.getMethod() + " " + step1.getTarget()).isEqualTo("POST /v2/oauth/request_token");
    // The answer is form-encoded text; Prism, serving the spec's text/plain, answers 406 to the form type alone.
    assertThat(step1.getHeaders().get("Accept")).isEqualTo("application/x-www-form-urlencoded, text/plain;q=0.9");
    Map<String, String> p1 = oauthHeader(step1.getHeaders().get("Authorization"));
    assertThat(p1).containsEntry("oauth_consumer_key", "ck").containsEntry("oauth_callback",
        "https://app.example.com/callback").containsEntry("oauth_signature_method", "HMAC-SHA512")
        .doesNotContainKey("oauth_token");
    assertThat(formOf(step1)).isEmpty();
    assertThat(p1.get("oauth_signature")).isEqualTo(expectedHmac(step1, p1, "HmacSHA512", CANARY + "cs", ""));

    assertThat(requestToken.token()).isEqualTo("rt1");
    assertThat(requestToken.callbackConfirmed()).isTrue();
    assertThat(requestToken.toString()).doesNotContain(CANARY).doesNotContain("rt1");
    assertThat(consent.toString()).isEqualTo(main.url("/v2/oauth/authorize?oauth_token=rt1").toString());

    RecordedRequest step3 = take(main);
    assertThat(step3.getTarget()).isEqualTo("/v2/oauth/access_token");
    assertThat(step3.getHeaders().get("Accept")).isEqualTo("application/x-www-form-urlencoded, text/plain;q=0.9");
    Map<String, String> p3 = oauthHeader(step3.getHeaders().get("Authorization"));
    assertThat(p3).containsEntry("oauth_token", "rt1").containsEntry("oauth_verifier", "verif");
    assertThat(p3.get("oauth_signature"))
        .isEqualTo(expectedHmac(step3, p3, "HmacSHA512", CANARY + "cs", CANARY + "rts"));

    assertThat(credentials.token()).isEqualTo("at1");
    assertThat(credentials.tokenSecret().reveal()).isEqualTo(CANARY + "ats");
    assertThat(credentials.expiration()).contains(Instant.parse("2026-04-15T10:00:00Z"));
    assertThat(credentials.signatureMethod()).isEqualTo(SignatureMethod.HMAC_SHA512);
    assertThat(credentials.toString()).doesNotContain(CANARY);
    assertThat(bridge.getRequestCount()).isZero();
  }

  @Test
  void runsTheDanceAsynchronouslyWithTheSameRequestsAndResults() throws Exception {
    main.enqueue(form("oauth_token=rt1&oauth_token_secret=" + CANARY + "rts&oauth_callback_confirmed=true"));
    main.enqueue(form("oauth_token=at1&oauth_token_secret=" + CANARY + "ats&expiration_date=2026-04-15T10:00:00Z"));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      OAuth1Flow flow = client.oauth1Flow("ck", CANARY + "cs");
      AtomicReference<String> thread = new AtomicReference<>();
      RequestToken requestToken = flow.requestTokenAsync("https://app.example.com/callback")
          .whenComplete((v, e) -> thread.compareAndSet(null, Thread.currentThread().getName()))
          .get(10, TimeUnit.SECONDS);
      OAuth1Credentials credentials = flow.accessTokenAsync(requestToken, "verif").get(10, TimeUnit.SECONDS);

      assertThat(requestToken.token()).isEqualTo("rt1");
      assertThat(credentials.token()).isEqualTo("at1");
      assertThat(credentials.tokenSecret().reveal()).isEqualTo(CANARY + "ats");
      assertThat(credentials.expiration()).contains(Instant.parse("2026-04-15T10:00:00Z"));
      // A dependent stage attached before completion runs on the thread that completed the future.
      assertThat(thread.get()).satisfiesAnyOf(t -> assertThat(t).startsWith("OkHttp"),
          t -> assertThat(t).isEqualTo(Thread.currentThread().getName()));
    }
    RecordedRequest step1 = take(main);
    assertThat(step1.getTarget()).isEqualTo("/v2/oauth/request_token");
    Map<String, String> p1 = oauthHeader(step1.getHeaders().get("Authorization"));
    assertThat(p1.get("oauth_signature")).isEqualTo(expectedHmac(step1, p1, "HmacSHA512", CANARY + "cs", ""));
    RecordedRequest step3 = take(main);
    Map<String, String> p3 = oauthHeader(step3.getHeaders().get("Authorization"));
    assertThat(p3).containsEntry("oauth_token", "rt1").containsEntry("oauth_verifier", "verif");
    assertThat(p3.get("oauth_signature"))
        .isEqualTo(expectedHmac(step3, p3, "HmacSHA512", CANARY + "cs", CANARY + "rts"));
  }

  @Test
  void asynchronousDanceFailuresAreTheSameExceptionsAndBadArgumentsThrowAtOnce() {
    main.enqueue(form("oauth_token=&oauth_token_secret=" + CANARY));
    try (CleverCloudClient client = client(Credentials.apiToken("t"))) {
      OAuth1Flow flow = client.oauth1Flow("ck", "cs");
      assertThatThrownBy(() -> flow.requestTokenAsync("not a url")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> flow.requestTokenAsync("oob").get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(ResponseDecodingException.class).hasMessageNotContaining(CANARY);
    }
    assertThat(main.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theGeneratedDanceCallsAskForAFormOrTextToo() throws Exception {
    main.enqueue(form("oauth_token=rt1&oauth_token_secret=s&oauth_callback_confirmed=true"));
    main.enqueue(form("oauth_token=rt1&oauth_token_secret=s&oauth_callback_confirmed=true"));
    try (CleverCloudClient client = builder().build()) {
      OAuthApi api = client.api(OAuthApi.class);
      // The generated calls return the answer's text as is: the caller parses the form.
      assertThat(api.requestTokenQuery("ck", "PLAINTEXT", "cs&", "1767225600", "n1", "1.0", "oob"))
          .isEqualTo("oauth_token=rt1&oauth_token_secret=s&oauth_callback_confirmed=true");
      assertThat(api.requestToken("ck", "PLAINTEXT", "cs&", "1767225600", "n2", "1.0", "oob"))
          .startsWith("oauth_token=rt1&");
    }
    assertThat(take(main).getHeaders().get("Accept")).isEqualTo("application/x-www-form-urlencoded, text/plain;q=0.9");
    RecordedRequest formPost = take(main);
    assertThat(formPost.getHeaders().get("Accept")).isEqualTo("application/x-www-form-urlencoded, text/plain;q=0.9");
    assertThat(formOf(formPost)).containsEntry("oauth_nonce", "n2"); // the one-shot wrapper kept the form intact
  }

  @Test
  void unreadableAnswerIsADecodingErrorWithoutTheSecret() {
    main.enqueue(form("oauth_token_secret=" + CANARY));
    try (CleverCloudClient client = builder().build()) {
      assertThatThrownBy(() -> client.oauth1Flow("ck", "cs").requestToken("oob"))
          .isInstanceOf(ResponseDecodingException.class).hasMessageNotContaining(CANARY)
          .satisfies(e -> assertThat(((ResponseDecodingException) e).body().orElse("")).doesNotContain(CANARY));
    }
  }

  @Test
  void badArgumentsAreRefusedBeforeSending() {
    try (CleverCloudClient client = builder().build()) {
      assertThatThrownBy(() -> client.oauth1Flow("ck", "")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.oauth1Flow("ck", "cs").requestToken("not a url"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.oauth1Flow("ck", "cs").accessToken(
          new RequestToken("rt", com.clevercloud.client.auth.Secret.of("s"), true), " "))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(main.getRequestCount()).isZero();
  }
}
