package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.Headers;
import retrofit2.http.PUT;

/**
 * With the client's converter order (text answers, then Gson), a String answer is read as text, and a String request
 * body declared as JSON travels as a JSON string, quoted and escaped (the scalars converter would send it raw).
 */
class TextAnswersTest {

  interface Keys {
    @Headers("Content-Type: application/json")
    @PUT("v2/self/keys/laptop")
    Call<String> put(@Body String key);
  }

  @Test
  void aStringBodyIsSentAsJsonAndATextAnswerIsReadAsText() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("ok \"as is\"")
          .build());
      Keys keys = new Retrofit.Builder().baseUrl(server.url("/")).addConverterFactory(new TextAnswers())
          .addConverterFactory(GsonConverterFactory.create(new Gson())).build().create(Keys.class);
      String answer = keys.put("ssh-ed25519 AAAA\"x\" me@host").execute().body();
      RecordedRequest sent = server.takeRequest();
      assertThat(sent.getBody().utf8()).isEqualTo("\"ssh-ed25519 AAAA\\\"x\\\" me@host\"");
      assertThat(answer).isEqualTo("ok \"as is\"");
    }
  }
}
