package com.clevercloud.client.benchmarks;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.OAuth1Signer;
import com.clevercloud.client.auth.SignatureMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * OAuth 1.0a signing per request with the facade's {@link OAuth1Signer}, as the client signs every call: a fresh
 * 128-bit {@code SecureRandom} nonce, the system clock, the full {@code Authorization} header, for a realistic v4 URL
 * with a query (three parameters, one with reserved characters).
 *
 * <p>Sample mode: every call is timed, so the median stays meaningful when other processes take the CPU now and then
 * (the mean does not). {@code nonce} isolates the nonce's share of the cost; {@code authorizationHeaderPrevious} measures the
 * signer as it was before the changes BENCHMARKS.md describes ({@link PreviousOAuth1Signer}), in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SigningBenchmark {

  /** A listing of invoices with a date range, as the Console asks for. */
  static final String URL = "https://api.clever-cloud.com/v4/billing/organisations/"
      + "orga_00000000-0000-0000-0000-000000000001/invoices"
      + "?since=2025-01-01T00%3A00%3A00Z&until=2025-12-31T23%3A59%3A59.999Z&limit=50";

  /** The signature method. */
  @Param({"PLAINTEXT", "HMAC_SHA1", "HMAC_SHA512"})
  public SignatureMethod method;

  private final OAuth1Signer signer = new OAuth1Signer();
  private final PreviousOAuth1Signer previous =
      new PreviousOAuth1Signer(Clock.systemUTC(), OAuth1Signer::randomNonce);
  private final OAuth1Credentials credentials = Credentials.oauth1(Auth.CONSUMER_KEY, Auth.CONSUMER_SECRET, Auth.TOKEN,
      Auth.TOKEN_SECRET);

  /**
   * Checks, before measuring, that the previous signer writes exactly the facade's header, for every method and for
   * URLs with reserved, repeated, encoded, {@code +} and non-ASCII query parameters, and a form body.
   */
  @Setup
  public void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2025-07-18T02:13:27Z"), ZoneOffset.UTC);
    OAuth1Signer reference = new OAuth1Signer(clock, () -> "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    PreviousOAuth1Signer candidate = new PreviousOAuth1Signer(clock, () -> "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    OAuth1Credentials odd = Credentials.oauth1("key with space", "s3cr&t=+~*", "tok/en", "sécret ünïcode");
    List<Map.Entry<String, String>> form = List.of(Map.entry("b", "x y"), Map.entry("a", "1"), Map.entry("a", "0"));
    for (String url : List.of(URL, "https://API.Clever-Cloud.com:443/v2/self", "http://127.0.0.1:8080/v2/self?",
        "https://api.clever-cloud.com/v2/x?b=2&a=3&a=1&c=%7E%2A+%20&d&=e&f=caf%C3%A9#frag",
        "https://api.clever-cloud.com/v2/x?a=%7e%2a%41&b=*:&s=%FF&t=%25")) {
      for (SignatureMethod m : SignatureMethod.values()) {
        for (OAuth1Credentials c : List.of(credentials, odd)) {
          for (List<Map.Entry<String, String>> f : List.of(List.<Map.Entry<String, String>>of(), form)) {
            String expected = reference.authorizationHeader("POST", url, f, c, m);
            String actual = candidate.authorizationHeader("POST", url, f, c, m);
            if (!expected.equals(actual)) {
              throw new IllegalStateException("The previous signer differs for " + m + " " + url + ":\n  "
                  + expected + "\n  " + actual);
            }
          }
        }
      }
    }
  }

  /**
   * One {@code Authorization} header.
   *
   * @return the header value
   */
  @Benchmark
  public String authorizationHeader() {
    return signer.authorizationHeader("GET", URL, List.of(), credentials, method);
  }

  /**
   * One {@code Authorization} header from the signer as it was before (same output, see {@link #setUp()}).
   *
   * @return the header value
   */
  @Benchmark
  public String authorizationHeaderPrevious() {
    return previous.authorizationHeader("GET", URL, List.of(), credentials, method);
  }

  /**
   * One nonce alone (the same for every method; the parameter only repeats it).
   *
   * @return the nonce
   */
  @Benchmark
  public String nonce() {
    return OAuth1Signer.randomNonce();
  }
}
