package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.AuthenticationException;
import com.clevercloud.client.exception.BadRequestException;
import com.clevercloud.client.exception.ConflictException;
import com.clevercloud.client.exception.ForbiddenException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.RateLimitException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.Encodings;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.TransportException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Error answers become typed exceptions with code, message, Sozu-Id and a short body, readable for HTML and empty
 * bodies, with Retry-After read, and with echoed secrets (credentials and values the request carried) masked.
 */
class ErrorMapperTest {

  private static final MediaType JSON = MediaType.get("application/json");
  private final ErrorMapper mapper =
      new ErrorMapper(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  private ApiException map(int status, String body) {
    return mapper.fromParts(status, Headers.of(), JSON, body, "op");
  }

  @ParameterizedTest
  @CsvSource({
      "400, com.clevercloud.client.exception.BadRequestException",
      "422, com.clevercloud.client.exception.BadRequestException",
      "401, com.clevercloud.client.exception.AuthenticationException",
      "403, com.clevercloud.client.exception.ForbiddenException",
      "404, com.clevercloud.client.exception.NotFoundException",
      "409, com.clevercloud.client.exception.ConflictException",
      "429, com.clevercloud.client.exception.RateLimitException",
      "500, com.clevercloud.client.exception.ServerException",
      "502, com.clevercloud.client.exception.ServerException",
      "503, com.clevercloud.client.exception.ServerException",
      "504, com.clevercloud.client.exception.ServerException",
      "418, com.clevercloud.client.exception.ApiException",
      "405, com.clevercloud.client.exception.ApiException",
  })
  void mapsEachStatusToItsType(int status, String type) {
    ApiException e = map(status, "{}");
    assertThat(e.getClass().getName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.operation()).isEqualTo("op");
  }

  @Test
  void subtypesShareTheApiExceptionBase() {
    assertThat(map(400, "")).isInstanceOf(BadRequestException.class).isInstanceOf(ApiException.class);
    assertThat(map(401, "")).isInstanceOf(AuthenticationException.class);
    assertThat(map(403, "")).isInstanceOf(ForbiddenException.class);
    assertThat(map(404, "")).isInstanceOf(NotFoundException.class);
    assertThat(map(409, "")).isInstanceOf(ConflictException.class);
    assertThat(map(503, "")).isInstanceOf(ServerException.class);
  }

  @Test
  void readsBridgeCodeAndMessage() {
    ApiException e = map(401, "{\"code\":\"invalid-credential\",\"message\":\"Invalid credentials\"}");
    assertThat(e.errorCode()).contains("invalid-credential");
    assertThat(e.apiMessage()).contains("Invalid credentials");
    assertThat(e.getMessage()).isEqualTo("op: HTTP 401 [invalid-credential] Invalid credentials");
  }

  @Test
  void readsV2NumericIdAsCode() {
    ApiException e = map(401, "{\"id\":2001,\"message\":\"Not connected\",\"type\":\"error\"}");
    assertThat(e.errorCode()).contains("2001");
    assertThat(e.apiMessage()).contains("Not connected");
  }

  @Test
  void fallsBackToErrorFieldForTheMessage() {
    assertThat(map(400, "{\"error\":\"bad thing\"}").apiMessage()).contains("bad thing");
  }

  @Test
  void carriesSozuIdAsRequestId() {
    ApiException e = mapper.fromParts(500, Headers.of("Sozu-Id", "abc-123"), JSON, "{}", "op");
    assertThat(e.requestId()).contains("abc-123");
    assertThat(e.getMessage()).contains("Sozu-Id abc-123");
  }

  @Test
  void htmlBodyGivesAUsefulMessage() {
    ApiException e = mapper.fromParts(502, Headers.of(), MediaType.get("text/html"),
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "getSelf");
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.getMessage()).isEqualTo("getSelf: HTTP 502 with an HTML body (Bad Gateway)");
  }

  @Test
  void emptyBodyGivesAUsefulMessage() {
    ApiException e = mapper.fromParts(503, Headers.of(), null, "", "getSelf");
    assertThat(e.getMessage()).isEqualTo("getSelf: HTTP 503 with an empty body (Service Unavailable)");
    assertThat(e.body()).isEmpty();
  }

  @Test
  void rateLimitReadsRetryAfterSecondsAndDates() {
    RateLimitException seconds = (RateLimitException) mapper.fromParts(429, Headers.of("Retry-After", "7"), JSON,
        "{}", "op");
    assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
    RateLimitException date = (RateLimitException) mapper.fromParts(429,
        Headers.of("Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT"), JSON, "{}", "op");
    assertThat(date.retryAfter()).contains(Duration.ofSeconds(30));
    RateLimitException none = (RateLimitException) mapper.fromParts(429, Headers.of(), JSON, "{}", "op");
    assertThat(none.retryAfter()).isEmpty();
  }

  @Test
  void shortBodyIsTruncatedAndRedacted() {
    String canary = "CANARY-e1e1e1";
    String body = "{\"password\":\"" + canary + "\",\"message\":\"" + "x".repeat(500) + "\"}";
    ApiException e = map(400, body);
    assertThat(e.body()).get().asString().doesNotContain(canary).hasSizeLessThanOrEqualTo(201);
    assertThat(e.getMessage()).doesNotContain(canary);
  }

  @Test
  void credentialSecretsEchoedByTheServerAreMaskedEverywhere() {
    String token = "CANARY-echoed-token";
    ErrorMapper withToken = new ErrorMapper(Clock.systemUTC(), Credentials.apiToken(token));
    ApiException e = withToken.fromParts(401, Headers.of("Sozu-Id", token), JSON,
        "{\"code\":\"" + token + "\",\"message\":\"Bearer " + token + " is not valid\"}", "op");
    assertThat(e.getMessage()).doesNotContain(token).contains("Bearer ***");
    assertThat(e.errorCode()).contains("***");
    assertThat(e.apiMessage()).contains("Bearer *** is not valid");
    assertThat(e.requestId()).contains("***");
    assertThat(e.body()).get().asString().doesNotContain(token);

    ErrorMapper withOAuth = new ErrorMapper(Clock.systemUTC(),
        Credentials.oauth1("ck", "CANARY-consumer", "tok", "CANARY-token-secret"));
    assertThat(withOAuth.fromParts(400, Headers.of(), JSON,
        "{\"message\":\"signature CANARY-consumer&CANARY-token-secret\"}", "op").getMessage())
        .endsWith("signature ***&***");
  }

  @Test
  void valuesTheRequestCarriedAreMaskedWhenEchoed() {
    Request request = new Request.Builder().url("http://127.0.0.1/v2/x")
        .tag(Sensitive.class, Sensitive.of("CANARY-env-value")).build();
    Response response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(400).message("")
        .body(ResponseBody.create("{\"message\":\"value CANARY-env-value refused\"}", JSON)).build();
    ApiException e = mapper.fromResponse(response, "op");
    assertThat(e.getMessage()).isEqualTo("op: HTTP 400 value *** refused");
  }

  @Test
  void shortValuesAreNotMaskedSoMessagesStayReadable() {
    assertThat(Sensitive.mask("HTTP 400 [1] on", List.of(Secret.of("1"), Secret.of("on"))))
        .isEqualTo("HTTP 400 [1] on");
    Secret wiped = Secret.of("CANARY-wiped");
    wiped.wipe();
    assertThat(Sensitive.mask("CANARY-wiped", List.of(wiped))).isEqualTo("CANARY-wiped");
  }

  // Encodings, causes, short secrets, hostile sizes (issue 13, findings 1 to 4).

  private static Request tagged(String... values) {
    Request.Builder b = new Request.Builder().url("http://127.0.0.1/v2/x");
    return b.tag(Sensitive.class, Sensitive.of(java.util.Arrays.stream(values).map(Secret::of).toArray(Secret[]::new)))
        .build();
  }

  private static Response response(Request request, int status, String body, String sozuId) {
    Response.Builder b = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(status).message("")
        .body(ResponseBody.create(body, JSON));
    if (sozuId != null) {
      b.header("Sozu-Id", sozuId);
    }
    return b.build();
  }

  static List<String> everythingShown(Throwable e) {
    return Encodings.shown(e);
  }

  private static void assertNoForm(Throwable e, String secret, String what) {
    for (String text : everythingShown(e)) {
      assertThat(Encodings.leak(text, secret)).as("%s: a form of the secret in %s", what, text).isNull();
    }
  }

  /**
   * A value the request carried, echoed in any form in an error body (as the message, the code, another member, a
   * form pair) and in {@code Sozu-Id}: masked in the message, {@code apiMessage()}, {@code errorCode()},
   * {@code body()} and {@code requestId()}, and the text around it kept.
   */
  @ParameterizedTest
  @EnumSource(Encodings.Form.class)
  void aCarriedSecretIsMaskedInEveryFormItCanTake(Encodings.Form form) {
    String secret = "CANARY=<p&'/x> +é" + form.ordinal();
    String echo = Encodings.encode(form, secret);
    String body = "{\"code\":\"bad " + echo + "\",\"message\":\"We could not accept " + echo + " here\",\"value\":\""
        + echo + "\",\"form\":\"a=1&b=" + echo + "\"}";
    String header = Encodings.encode(form, secret).chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? echo : null;
    ApiException e = mapper.fromResponse(response(tagged(secret), 400, body, header), "op");
    assertNoForm(e, secret, form.name());
    assertThat(e.body()).get().asString().contains("***").doesNotContain("\\u003d");
    if (base64(form)) {
      // Base64 is masked where it stands, not decoded: a character at each end may mix in a neighbour's bits.
      assertThat(e.apiMessage()).get().asString().startsWith("We could not accept ").contains("***").endsWith(" here");
      return;
    }
    assertThat(e.apiMessage()).hasValue("We could not accept *** here");
    assertThat(e.errorCode()).hasValue("bad ***");
    assertThat(e.getMessage()).isEqualTo("op: HTTP 400 [bad ***] We could not accept *** here"
        + (header == null ? "" : " (Sozu-Id ***)"));
  }

  private static boolean base64(Encodings.Form form) {
    return form.ordinal() >= Encodings.Form.BASE64.ordinal();
  }

  @ParameterizedTest
  @EnumSource(Encodings.Form.class)
  void credentialsAreMaskedInEveryForm(Encodings.Form form) {
    String token = "CANARY/api+token=" + form.ordinal();
    ErrorMapper withToken = new ErrorMapper(Clock.systemUTC(), Credentials.apiToken(token));
    ApiException e = withToken.fromParts(401, Headers.of(), JSON,
        "{\"message\":\"Authorization: Bearer " + Encodings.encode(form, token) + " refused\"}", "op");
    assertNoForm(e, token, form.name());
    if (base64(form)) {
      assertThat(e.apiMessage()).get().asString().startsWith("Authorization: Bearer ").contains("***");
    } else {
      assertThat(e.apiMessage()).hasValue("Authorization: Bearer *** refused");
    }
  }

  @Test
  void theOAuthTokenAndConsumerKeyOfTheCredentialsAreMaskedToo() {
    ErrorMapper withOAuth = new ErrorMapper(Clock.systemUTC(),
        Credentials.oauth1("CANARY-ckey", "CANARY-csecret", "CANARY-otoken", "CANARY-tsecret"));
    String header = "OAuth oauth_consumer_key=\"CANARY-ckey\", oauth_token=\"CANARY-otoken\", "
        + "oauth_signature=\"CANARY-csecret%26CANARY-tsecret\"";
    for (Encodings.Form form : Encodings.Form.values()) {
      ApiException e = withOAuth.fromParts(401, Headers.of(), JSON,
          "{\"message\":\"" + Encodings.json(Encodings.encode(form, header)) + "\"}", "op");
      for (String canary : List.of("CANARY-ckey", "CANARY-csecret", "CANARY-otoken", "CANARY-tsecret")) {
        assertNoForm(e, canary, form.name());
      }
      // In base64 the two secrets of the signature are masked apart, around the encoded "%26" between them.
      assertThat(e.apiMessage()).as(form.name()).get().asString().contains(base64(form) ? "***" : "***&***");
      if (form == Encodings.Form.RAW) {
        assertThat(e.apiMessage()).hasValue(
            "OAuth oauth_consumer_key=\"***\", oauth_token=\"***\", oauth_signature=\"***&***\"");
      }
    }
  }

  /** Four characters are masked (a PIN, a short code); three and fewer are not, so that messages stay readable. */
  @Test
  void secretsOfFourCharactersAreMaskedShorterOnesAreNot() {
    assertThat(Sensitive.MIN_MASKED_LENGTH).isEqualTo(4);
    assertThat(Sensitive.mask("code 4821 sent", List.of(Secret.of("4821")))).isEqualTo("code *** sent");
    assertThat(Sensitive.mask("code 482 sent", List.of(Secret.of("482")))).isEqualTo("code 482 sent");
    ApiException e = mapper.fromResponse(response(tagged("4821"), 400, "{\"message\":\"code 4821\"}", null), "op");
    assertThat(e.apiMessage()).hasValue("code ***");
  }

  /**
   * An I/O failure whose message quotes the server (OkHttp's {@code Unexpected status line: …}) echoing the
   * request: the transport exception's message, its cause's and the cause's own causes and suppressed are masked;
   * the cause's type stays visible and its stack trace is kept.
   */
  @Test
  void causesAndSuppressedAreMaskedAndKeepTheirTypeAndStackTrace() {
    String token = "CANARY-cause-token";
    String env = "CANARY env=value/é";
    ErrorMapper withToken = new ErrorMapper(Clock.systemUTC(), Credentials.apiToken(token));
    ProtocolException status = new ProtocolException("Unexpected status line: HTTP/1.1 abc Authorization: Bearer "
        + token + " {\"value\":\"" + Encodings.encode(Encodings.Form.JSON_GSON, env) + "\"}");
    status.initCause(new IOException("inner " + Encodings.encode(Encodings.Form.PERCENT_TWICE_LOWER, env)));
    status.addSuppressed(new IOException("attempt 1: Bearer " + token));
    TransportException e = withToken.transport(status, "op", tagged(env));
    assertNoForm(e, token, "token");
    assertNoForm(e, env, "env");
    Throwable cause = e.getCause();
    assertThat(cause.getMessage()).startsWith("java.net.ProtocolException: Unexpected status line: HTTP/1.1 abc "
        + "Authorization: Bearer ***");
    assertThat(cause.getStackTrace()).isEqualTo(status.getStackTrace());
    assertThat(cause.getCause().getMessage()).isEqualTo("java.io.IOException: inner ***");
    assertThat(cause.getSuppressed()).singleElement()
        .satisfies(s -> assertThat(s.getMessage()).isEqualTo("java.io.IOException: attempt 1: Bearer ***"));
    assertThat(e.getMessage()).contains("ProtocolException", "Bearer ***");
  }

  @Test
  void aCauseWithNothingToMaskIsKeptAsItIs() {
    SocketTimeoutException timeout = new SocketTimeoutException("timeout");
    TransportException e = new ErrorMapper(Clock.systemUTC(), Credentials.apiToken("CANARY-t")).transport(timeout, "op");
    assertThat(e.getCause()).isSameAs(timeout);
    assertThat(e.isTimeout()).isTrue();
  }

  /** A decoding failure's JSON path names members of the body, which a hostile body can name after a secret. */
  @Test
  void decodingCausePathIsMasked() {
    String env = "CANARY-path-secret";
    Request request = tagged(env);
    ResponseDecodingException e = mapper.decoding(response(request, 200, "{}", null), JSON, "{\"" + env + "\":1}",
        "UserView", "op", new IllegalStateException("Expected a string at line 1 column 3 path $." + env), false);
    assertThat(e.getCause().getMessage()).isEqualTo("java.lang.IllegalStateException at $.***");
    assertNoForm(e, env, "path");
  }

  /**
   * The regular expressions with nested repetition overflowed the stack on a value of about 1,200 characters under
   * a secret-looking key (issue 13, finding 1): long, escaped, cut-off and nested values now give typed results.
   */
  @Test
  void longEscapedCutAndNestedBodiesNeverThrowAnError() {
    List<String> bodies = List.of(
        "{\"password\":\"" + "\\\"".repeat(50_000) + "\"}",
        "{\"apiToken\":\"" + "a".repeat(200_000),
        "{\"message\":\"" + "\\u0041".repeat(30_000) + "\"}",
        "[".repeat(100_000),
        "{\"a\":".repeat(50_000),
        "token=" + "%25".repeat(100_000),
        "\\".repeat(100_000));
    for (String body : bodies) {
      ApiException e = mapper.fromResponse(response(tagged("CANARY-long"), 500, body, null), "op");
      assertThat(e).isInstanceOf(ServerException.class);
      assertThat(e.getMessage().length()).isLessThan(2 * 1000 + 200);
      assertThat(e.body().orElse("").length()).isLessThanOrEqualTo(201);
      ResponseDecodingException d = mapper.decoding(response(tagged("CANARY-long"), 200, "", null), JSON, body,
          "UserView", "op", new IllegalStateException("x"), false);
      assertThat(d.body().orElse("").length()).isLessThanOrEqualTo(201);
    }
  }

  /**
   * The body is cut to an excerpt before it is decoded or masked, so a hostile megabyte costs what its excerpt does
   * (issue 13, finding 4): what lies beyond the excerpt never reaches the exception, and a secret cut in two by the
   * excerpt's end leaves none of its start.
   */
  @Test
  void onlyAnExcerptIsDecodedAndASecretCutByItLeavesNothing() {
    String secret = "CANARY-cut-" + "s".repeat(3000);
    String beyond = "MARKER-beyond-the-excerpt";
    String body = "{\"message\":\"" + "***".repeat(Redaction.MAX_TEXT / 3 - 500) + secret + "\"}" + beyond;
    ApiException e = mapper.fromResponse(response(tagged(secret), 500, body, null), "op");
    for (String text : everythingShown(e)) {
      assertThat(text).doesNotContain(beyond).doesNotContain("CANARY-cut-");
    }
    String clean = Redaction.clean(body, List.of(Secret.of(secret)), true);
    assertThat(clean).endsWith("…").doesNotContain("CANARY").doesNotContain(beyond);
    assertThat(clean.length()).isLessThanOrEqualTo(Redaction.MAX_TEXT + 1);
  }

  /**
   * Property-style: random secrets (4 to 2,000 characters of letters, quotes, backslashes, {@code % + & = < > /},
   * controls, non-ASCII) echoed in random forms in random hostile bodies (deeply nested, long, unterminated, cut
   * anywhere), through the three mappings (error status, undecodable 2xx, I/O failure with causes and suppressed):
   * never an {@code Error}, always the typed exception, the secret in no form anywhere. Seeded: the seed is in every
   * assertion message; set {@code -Dcanary.seed=…} to replay one.
   */
  @Test
  void randomSecretsInRandomHostileBodiesNeverLeakNorThrowAnError() {
    long seed = Long.getLong("canary.seed", 0x5EC2E7L);
    Random random = new Random(seed);
    int cases = 1000;
    int[] statuses = {400, 401, 403, 404, 409, 418, 422, 429, 500, 503};
    for (int i = 0; i < cases; i++) {
      String secret = Encodings.randomSecret(random, 4, random.nextInt(10) == 0 ? 2000 : 64);
      String body = Encodings.hostileBody(random, secret);
      String header = Encodings.encode(random.nextBoolean() ? Encodings.Form.PERCENT_UPPER
          : Encodings.Form.JSON_ALL_LOWER, secret);
      String what = "seed " + seed + ", case " + i;
      Request request = tagged(secret);
      List<Throwable> thrown = new ArrayList<>();
      try {
        int status = statuses[random.nextInt(statuses.length)];
        thrown.add(mapper.fromResponse(response(request, status, body, header.length() < 8000 ? header : null),
            "op"));
        thrown.add(mapper.decoding(response(request, 200, "", header.length() < 8000 ? header : null), JSON, body,
            "UserView", "op", new IllegalStateException("at path $." + secret), random.nextBoolean()));
        IOException io = new ProtocolException("Unexpected status line: " + body.substring(0,
            Math.min(body.length(), random.nextInt(20_000))));
        io.addSuppressed(new IOException(Encodings.hostileBody(random, secret)));
        io.initCause(new IOException(Encodings.hostileBody(random, secret)));
        thrown.add(mapper.transport(io, "op", request));
      } catch (Throwable t) {
        throw new AssertionError(what + ": " + t.getClass().getName(), t);
      }
      List<String> forms = Encodings.allForms(secret);
      for (Throwable t : thrown) {
        assertThat(t).as(what).isInstanceOf(CleverCloudException.class);
        for (String text : everythingShown(t)) {
          String form = Encodings.leak(text, forms);
          assertThat(form).as("%s: the secret %s in %s", what, form, t.getClass().getSimpleName()).isNull();
        }
      }
    }
  }
}
