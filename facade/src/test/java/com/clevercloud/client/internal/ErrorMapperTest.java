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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
}
