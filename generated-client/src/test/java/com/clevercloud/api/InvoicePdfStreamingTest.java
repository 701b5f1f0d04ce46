package com.clevercloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v4.api.InvoicesApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.Streaming;

/**
 * The api.mustache override: the invoice PDF is handed over as a stream, not read into memory first.
 * Without {@code @Streaming}, Retrofit buffers the whole body before {@code execute()} returns.
 */
class InvoicePdfStreamingTest {

  private static final int PDF_SIZE = 8 * 1024 * 1024;

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theGeneratedPdfOperationIsMarkedStreaming() throws Exception {
    Method pdf = InvoicesApi.class.getMethod("getInvoicePdf", String.class, String.class);
    assertThat(pdf.isAnnotationPresent(Streaming.class)).isTrue();
    assertThat(pdf.getGenericReturnType().getTypeName()).isEqualTo("okhttp3.ResponseBody");
    Method async = InvoicesApi.class.getMethod("getInvoicePdfAsync", String.class, String.class);
    assertThat(async.isAnnotationPresent(Streaming.class)).isTrue();
  }

  @Test
  void thePdfBodyIsNotBufferedBeforeTheCallerReadsIt() throws Exception {
    Buffer pdf = new Buffer();
    pdf.writeUtf8("%PDF-1.4\n");
    while (pdf.size() < PDF_SIZE) {
      pdf.writeUtf8("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n");
    }
    long size = pdf.size();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/pdf").body(pdf).build());
    OkHttpClient http = new OkHttpClient();
    InvoicesApi api = new Retrofit.Builder().baseUrl(server.url("/")).client(http)
        .addCallAdapterFactory(new BlockingAdapter()).build().create(InvoicesApi.class);
    try {
      try (ResponseBody body = api.getInvoicePdf("orga_x", "F20250718-021327")) {
        // A streamed body holds at most a few segments when execute() returns; a buffered one holds it all.
        assertThat(body.source().getBuffer().size()).isLessThan(size / 4);
        assertThat(body.source().readByteString(9).utf8()).isEqualTo("%PDF-1.4\n");
        long rest = body.source().readAll(Okio.blackhole());
        assertThat(9 + rest).isEqualTo(size);
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The smallest adapter for the generated blocking methods (the facade has the real one): execute, hand the body over. */
  private static final class BlockingAdapter extends CallAdapter.Factory {
    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
      return new CallAdapter<Object, Object>() {
        @Override
        public Type responseType() {
          return returnType;
        }

        @Override
        public Object adapt(Call<Object> call) {
          try {
            Response<Object> response = call.execute();
            assertThat(response.isSuccessful()).isTrue();
            return response.body();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }
}
