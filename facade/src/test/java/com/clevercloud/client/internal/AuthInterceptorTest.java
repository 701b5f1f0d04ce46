package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.RequestBody;
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
}
