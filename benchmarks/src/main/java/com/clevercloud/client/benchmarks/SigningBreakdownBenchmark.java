package com.clevercloud.client.benchmarks;

import com.clevercloud.client.auth.OAuth1Signer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where HMAC-SHA512 signing time goes, the numbers behind the signer changes: the MAC as the signer made it before
 * ({@code Mac.getInstance} + {@code init} per request) against a keyed prototype cloned per request (what it does now),
 * and the signature base string's share (percent-encoding).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SigningBreakdownBenchmark {

  /** A base string of the size the signing benchmark's request produces (~480 bytes). */
  private final byte[] baseString = ("GET&https%3A%2F%2Fapi.clever-cloud.com%2Fv4%2Fbilling%2Forganisations%2F"
      + "orga_00000000-0000-0000-0000-000000000001%2Finvoices&limit%3D50%26oauth_consumer_key%3D"
      + "00000000000000000000000000000ck1%26oauth_nonce%3D0123456789abcdef0123456789abcdef%26"
      + "oauth_signature_method%3DHMAC-SHA512%26oauth_timestamp%3D1763830000%26oauth_token%3D"
      + "00000000000000000000000000000tk1%26oauth_version%3D1.0%26since%3D2025-01-01T00%253A00%253A00Z%26until%3D"
      + "2025-12-31T23%253A59%253A59.999Z").getBytes(StandardCharsets.UTF_8);
  private final byte[] key = (Auth.CONSUMER_SECRET + "&" + Auth.TOKEN_SECRET).getBytes(StandardCharsets.UTF_8);
  private Mac prototype;

  /**
   * Keys the prototype once.
   *
   * @throws GeneralSecurityException never on a JDK
   */
  @Setup
  public void setUp() throws GeneralSecurityException {
    prototype = Mac.getInstance("HmacSHA512");
    prototype.init(new SecretKeySpec(key, "HmacSHA512"));
  }

  /**
   * As the signer did before: look the algorithm up, key it, sign, Base64.
   *
   * @return the signature
   * @throws GeneralSecurityException never on a JDK
   */
  @Benchmark
  public String macPerRequest() throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(key, "HmacSHA512"));
    return Base64.getEncoder().encodeToString(mac.doFinal(baseString));
  }

  /**
   * As the signer does now: clone a MAC keyed once per credentials, sign, Base64.
   *
   * @return the signature
   * @throws CloneNotSupportedException never with the JDK's provider
   */
  @Benchmark
  public String macClonedPrototype() throws CloneNotSupportedException {
    Mac mac = (Mac) prototype.clone();
    return Base64.getEncoder().encodeToString(mac.doFinal(baseString));
  }

  /**
   * Percent-encoding the base string's third part, the largest single encoding the signer does.
   *
   * @return the encoded text
   */
  @Benchmark
  public String percentEncodeParameters() {
    return OAuth1Signer.percentEncode("limit=50&oauth_consumer_key=00000000000000000000000000000ck1&oauth_nonce="
        + "0123456789abcdef0123456789abcdef&oauth_signature_method=HMAC-SHA512&oauth_timestamp=1763830000&"
        + "oauth_token=00000000000000000000000000000tk1&oauth_version=1.0&since=2025-01-01T00%3A00%3A00Z&until="
        + "2025-12-31T23%3A59%3A59.999Z");
  }
}
