package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * Which connection failures the retry rule tries again, seen from the interceptor itself: the failure is thrown by
 * an interceptor behind it, so no network, TLS setup or timing is involved.
 */
class RetryInterceptorTest {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();

  private RetryInterceptor retry() {
    return new RetryInterceptor(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10),
        new ErrorMapper(Clock.systemUTC()), sleeps::add, System::nanoTime, 1 << 20);
  }

  /** Every attempt fails as {@code failure} says. */
  private void call(Failure failure) throws IOException {
    Interceptor failing = chain -> {
      attempts.incrementAndGet();
      throw failure.on(chain);
    };
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(retry()).addInterceptor(failing).build();
    try {
      http.newCall(new Request.Builder().url("https://api.clever-cloud.com/v2/self").build()).execute().close();
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  @FunctionalInterface
  private interface Failure {
    IOException on(Interceptor.Chain chain);
  }

  @Test
  void aCertificateTheClientDoesNotTrustIsNotRetried() {
    IOException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new CertificateException("unable to find valid certification path"));
    assertThatThrownBy(() -> call(chain -> untrusted)).isSameAs(untrusted);
    assertThat(attempts).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aPeerThatCannotBeVerifiedIsNotRetried() {
    IOException unverified = new SSLPeerUnverifiedException("Hostname api.clever-cloud.com not verified");
    assertThatThrownBy(() -> call(chain -> unverified)).isSameAs(unverified);
    assertThat(attempts).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  /** A handshake cut by the network (no certificate at fault) is a passing failure: it is tried again. */
  @Test
  void aHandshakeCutShortIsRetried() {
    IOException cut = new SSLHandshakeException("Remote host terminated the handshake");
    assertThatThrownBy(() -> call(chain -> cut)).isSameAs(cut);
    assertThat(attempts).hasValue(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void aCancelledCallIsNotRetried() {
    IOException canceled = new IOException("Canceled");
    assertThatThrownBy(() -> call(chain -> {
      chain.call().cancel();
      return canceled;
    })).isSameAs(canceled);
    assertThat(attempts).hasValue(1);
    assertThat(sleeps).as("no wait before giving up").isEmpty();
  }

  @Test
  void aConnectionFailureIsRetriedUpToTheAttempts() {
    IOException reset = new IOException("Connection reset");
    assertThatThrownBy(() -> call(chain -> reset)).isSameAs(reset);
    assertThat(attempts).hasValue(3);
    assertThat(sleeps).hasSize(2);
  }
}
