package com.clevercloud.client.benchmarks;

import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.api.v2.model.UserView;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.SignatureMethod;
import com.clevercloud.client.internal.UserAgent;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;

/**
 * The baseline: the same requests as the facade, written by hand with a bare {@link OkHttpClient} and Gson, the way a
 * careful user would without the library. It does the work the facade must do anyway and nothing more: the same
 * headers ({@code User-Agent}, {@code Authorization}), for OAuth 1.0a the same signing (the facade's own
 * {@link OAuth1Signer}, so that only the facade's overhead is compared), the same generated models decoded with the same
 * Gson adapters straight from the response stream, a status check, and downloads streamed to a file.
 */
public final class RawClient {

  private static final TypeToken<List<ApplicationView>> APPLICATION_LIST = new TypeToken<>() {};

  private final OkHttpClient http;
  private final HttpUrl base;
  private final Auth auth;
  private final OAuth1Credentials oauth;
  private final OAuth1Signer signer = new OAuth1Signer();
  private final String userAgent = UserAgent.userAgent(null);
  private final Gson gson = new com.clevercloud.api.v2.invoker.JSON().getGson();
  private final TypeAdapter<UserView> userAdapter = gson.getAdapter(UserView.class);
  private final TypeAdapter<List<ApplicationView>> applicationsAdapter = gson.getAdapter(APPLICATION_LIST);

  /**
   * Makes the baseline client.
   *
   * @param http the client to send with (the same configuration the facade builds on)
   * @param baseUrl the server's base URL
   * @param auth the credential kind
   */
  public RawClient(OkHttpClient http, String baseUrl, Auth auth) {
    this.http = http;
    this.base = HttpUrl.get(baseUrl);
    this.auth = auth;
    this.oauth = auth == Auth.OAUTH1_HMAC_SHA512 ? (OAuth1Credentials) auth.credentials() : null;
  }

  /**
   * {@code GET /v2/self}.
   *
   * @return the user
   */
  public UserView self() {
    return get(base.newBuilder().addPathSegments("v2/self").build(), userAdapter);
  }

  /**
   * {@code GET /v2/organisations/{ownerId}/applications}.
   *
   * @param ownerId the owner
   * @return the applications
   */
  public List<ApplicationView> applications(String ownerId) {
    return get(base.newBuilder().addPathSegments("v2/organisations").addPathSegment(ownerId)
        .addPathSegment("applications").build(), applicationsAdapter);
  }

  /**
   * {@code GET /v4/billing/organisations/{ownerId}/invoices/{number}.pdf}, streamed to a file.
   *
   * @param ownerId the owner
   * @param invoiceNumber the invoice
   * @param file where to write it (replaced)
   * @return the bytes written
   */
  public long invoicePdf(String ownerId, String invoiceNumber, Path file) {
    HttpUrl url = base.newBuilder().addPathSegments("v4/billing/organisations").addPathSegment(ownerId)
        .addPathSegment("invoices").addPathSegment(invoiceNumber + ".pdf").build();
    try (Response response = http.newCall(request(url)).execute()) {
      check(response);
      try (BufferedSink sink = Okio.buffer(Okio.sink(file))) {
        return sink.writeAll(response.body().source());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The negative control of the heap probe: the same download, but the whole body read into memory first
   * ({@code ResponseBody.bytes()}), as a client without streaming support would. Not used by the JMH benchmarks.
   *
   * @param ownerId the owner
   * @param invoiceNumber the invoice
   * @param file where to write it (replaced)
   * @return the bytes written
   */
  public long invoicePdfBuffered(String ownerId, String invoiceNumber, Path file) {
    HttpUrl url = base.newBuilder().addPathSegments("v4/billing/organisations").addPathSegment(ownerId)
        .addPathSegment("invoices").addPathSegment(invoiceNumber + ".pdf").build();
    try (Response response = http.newCall(request(url)).execute()) {
      check(response);
      byte[] pdf = response.body().bytes();
      java.nio.file.Files.write(file, pdf);
      return pdf.length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T get(HttpUrl url, TypeAdapter<T> adapter) {
    try (Response response = http.newCall(request(url)).execute()) {
      check(response);
      // What Retrofit's GsonResponseBodyConverter does: decode from the stream, then insist on the document's end.
      JsonReader reader = gson.newJsonReader(response.body().charStream());
      T value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalStateException("JSON document was not fully consumed");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Request request(HttpUrl url) {
    Request.Builder b = new Request.Builder().url(url).header("User-Agent", userAgent);
    switch (auth) {
      case API_TOKEN -> b.header("Authorization", "Bearer " + Auth.API_TOKEN_VALUE);
      case OAUTH1_HMAC_SHA512 -> b.header("Authorization",
          signer.authorizationHeader("GET", url.toString(), List.of(), oauth, SignatureMethod.HMAC_SHA512));
      default -> throw new AssertionError(auth);
    }
    return b.build();
  }

  private static void check(Response response) {
    if (!response.isSuccessful()) {
      throw new IllegalStateException(response.request().method() + " " + response.request().url().encodedPath()
          + ": HTTP " + response.code());
    }
  }
}
