package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.BadRequestException;
import com.clevercloud.client.exception.FieldError;
import com.clevercloud.client.exception.NotFoundException;
import java.time.Clock;
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
import org.junit.jupiter.api.Test;

/**
 * The fields a validation error lists reach {@link BadRequestException#fieldErrors()}: seed 003's two bodies
 * ({@code {code, message, status}} and {@code {code: "validation_errors", errors, message}}), Prism's problem+json
 * {@code validation[]}, and the other usual shapes; masked like the message; bounded, and never anything but the typed
 * exception for a broken or hostile body.
 */
class ErrorMapperFieldErrorsTest {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType PROBLEM = MediaType.get("application/problem+json");

  private final ErrorMapper mapper =
      new ErrorMapper(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  private BadRequestException badRequest(int status, MediaType type, String body) {
    ApiException e = mapper.fromParts(status, Headers.of(), type, body, "createThing");
    assertThat(e).isInstanceOf(BadRequestException.class);
    return (BadRequestException) e;
  }

  @Test
  void seedsPlainErrorBodyHasCodeAndMessageAndNoFieldErrors() {
    BadRequestException e = badRequest(400, JSON,
        "{\"code\":\"bad_request\",\"message\":\"The token scope is invalid\",\"status\":\"error\"}");
    assertThat(e.errorCode()).contains("bad_request");
    assertThat(e.apiMessage()).contains("The token scope is invalid");
    assertThat(e.fieldErrors()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("createThing: HTTP 400 [bad_request] The token scope is invalid");
  }

  @Test
  void seedsValidationErrorsBodyListsEachField() {
    BadRequestException e = badRequest(422, JSON, """
        {"code": "validation_errors",
         "message": "The request has invalid fields",
         "status": "error",
         "errors": [
           {"field": "token_scope", "message": "must be 'account' or 'environment'", "code": "inclusion"},
           {"field": "expires_at", "message": "must be in the future"},
           "environment_id is not a valid environment ID"
         ]}
        """);
    assertThat(e.errorCode()).contains("validation_errors");
    assertThat(e.fieldErrors()).containsExactly(
        new FieldError("token_scope", "must be 'account' or 'environment'", "inclusion"),
        new FieldError("expires_at", "must be in the future", null),
        new FieldError(null, "environment_id is not a valid environment ID", null));
    assertThat(e.getMessage()).isEqualTo("createThing: HTTP 422 [validation_errors] The request has invalid fields: "
        + "token_scope: must be 'account' or 'environment' (inclusion); expires_at: must be in the future; "
        + "environment_id is not a valid environment ID");
  }

  @Test
  void prismsValidationReportJoinsTheLocation() {
    BadRequestException e = badRequest(422, PROBLEM, """
        {"type":"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY","title":"Invalid request","status":422,
         "detail":"Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.",
         "validation":[
           {"location":["body","name"],"severity":"Error","code":"minLength","message":"Request body property name must NOT have fewer than 1 characters"},
           {"location":["body","items",0,"id"],"severity":"Error","code":"type","message":"must be string"},
           {"location":["query","limit"],"severity":"Error","code":"maximum","message":"must be <= 100"}
         ]}
        """);
    assertThat(e.fieldErrors()).containsExactly(
        new FieldError("body.name", "Request body property name must NOT have fewer than 1 characters", "minLength"),
        new FieldError("body.items.0.id", "must be string", "type"),
        new FieldError("query.limit", "must be <= 100", "maximum"));
    assertThat(e.fieldErrors().get(0).field()).contains("body.name");
    assertThat(e.fieldErrors().get(0).code()).contains("minLength");
    assertThat(e.getMessage()).contains("body.name: Request body property name must NOT have fewer than 1 characters "
        + "(minLength); body.items.0.id: must be string (type)");
  }

  @Test
  void otherUsualShapesAreReadToo() {
    // Rails: an object of field to messages.
    BadRequestException rails = badRequest(422, JSON, "{\"errors\":{\"name\":[\"can't be blank\",\"is too short\"],"
        + "\"email\":\"is invalid\"}}");
    assertThat(rails.fieldErrors()).containsExactly(new FieldError("name", "can't be blank", null),
        new FieldError("name", "is too short", null), new FieldError("email", "is invalid", null));
    // JSON:API: source.pointer, detail, code.
    assertThat(badRequest(400, JSON, "{\"errors\":[{\"status\":\"422\",\"source\":{\"pointer\":\"/data/attributes/"
        + "name\"},\"title\":\"Invalid Attribute\",\"detail\":\"must be set\",\"code\":\"blank\"}]}").fieldErrors())
        .containsExactly(new FieldError("/data/attributes/name", "must be set", "blank"));
    // FastAPI: loc, msg, type.
    assertThat(badRequest(422, JSON, "{\"detail\":\"x\",\"errors\":[{\"loc\":[\"body\",\"age\"],\"msg\":\"not an int\","
        + "\"type\":\"int_parsing\"}]}").fieldErrors())
        .containsExactly(new FieldError("body.age", "not an int", "int_parsing"));
    // One string.
    assertThat(badRequest(400, JSON, "{\"errors\":\"name is required\"}").fieldErrors())
        .containsExactly(new FieldError(null, "name is required", null));
  }

  @Test
  void fieldErrorsBelongToBadRequestsOnly() {
    ApiException e = mapper.fromParts(404, Headers.of(), JSON, "{\"code\":\"not_found\",\"errors\":[\"x\"]}", "op");
    assertThat(e).isInstanceOf(NotFoundException.class).isNotInstanceOf(BadRequestException.class);
    BadRequestException legacy = new BadRequestException("m", "op", 400, null, null, null, null);
    assertThat(legacy.fieldErrors()).isEmpty();
    List<FieldError> given = new ArrayList<>(List.of(new FieldError("f", "m", "c")));
    BadRequestException copy = new BadRequestException("m", "op", 400, null, null, null, null, given);
    given.clear();
    assertThat(copy.fieldErrors()).hasSize(1);
    assertThat(new FieldError(null, null, null)).hasToString("invalid");
    assertThat(new FieldError("f", "m", "c")).isEqualTo(new FieldError("f", "m", "c"))
        .hasSameHashCodeAs(new FieldError("f", "m", "c")).isNotEqualTo(new FieldError("f", "m", null));
  }

  @Test
  void everyTextOfAFieldErrorIsMaskedLikeTheMessage() {
    String carried = "CANARY-carried-8c1f";
    String credential = "CANARY-token-77aa";
    ErrorMapper withCredentials = new ErrorMapper(Clock.systemUTC(), Credentials.apiToken(credential));
    // The server echoes the request's secret as a field, a message and a code, raw and encoded, and the credential.
    String body = "{\"code\":\"validation_errors\",\"errors\":["
        + "{\"field\":\"" + carried + "\",\"message\":\"bad value " + carried + "\",\"code\":\"" + carried + "\"},"
        + "{\"field\":\"password\",\"message\":\"" + carried.replace("-", "\\u002d") + " is wrong\"},"
        + "{\"location\":[\"body\",\"" + carried + "\"],\"message\":\"" + credential + "\"},"
        + "{\"field\":\"x\",\"message\":\"" + carried.replace("-", "%2D") + "\"}],"
        + "\"validation\":[{\"location\":[\"header\",\"Authorization\"],\"message\":\"Bearer " + credential + "\"}]}";
    Request request = new Request.Builder().url("http://127.0.0.1/v2/x")
        .tag(Sensitive.class, Sensitive.of(Secret.of(carried))).build();
    Response response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(422).message("")
        .body(ResponseBody.create(body, JSON)).build();
    BadRequestException e = (BadRequestException) withCredentials.fromResponse(response, "createThing");
    assertThat(e.fieldErrors()).hasSize(5);
    List<String> shown = new ArrayList<>(ErrorMapperTest.everythingShown(e));
    for (FieldError fe : e.fieldErrors()) {
      shown.add(fe.toString());
      shown.add(fe.field().orElse(""));
      shown.add(fe.message().orElse(""));
      shown.add(fe.code().orElse(""));
    }
    for (String text : shown) {
      assertThat(text).doesNotContain(carried).doesNotContain(credential).doesNotContain("8c1f")
          .doesNotContain("77aa");
    }
    assertThat(e.fieldErrors().get(0).message()).contains("bad value ***");
    assertThat(e.fieldErrors().get(2).field()).contains("body.***");
  }

  @Test
  void manyFieldErrorsAreBoundedAndCounted() {
    StringBuilder body = new StringBuilder("{\"code\":\"validation_errors\",\"errors\":[");
    for (int i = 0; i < 500; i++) {
      body.append(i == 0 ? "" : ",").append("{\"field\":\"f").append(i).append("\",\"message\":\"m\"}");
    }
    body.append("]}");
    BadRequestException e = badRequest(422, JSON, body.toString());
    assertThat(e.fieldErrors()).hasSize(50);
    assertThat(e.fieldErrors().get(49).field()).contains("f49");
    assertThat(e.getMessage()).contains("f0: m; f1: m; f2: m; f3: m; f4: m (and 495 more field errors)")
        .doesNotContain("f5: m");
    // Beyond the excerpt the mapper reads (16 KiB), entries are neither kept nor counted: the cost stays bounded.
    StringBuilder huge = new StringBuilder("{\"errors\":[");
    for (int i = 0; i < 100_000; i++) {
      huge.append(i == 0 ? "" : ",").append("\"e\"");
    }
    BadRequestException big = badRequest(400, JSON, huge.append("]}").toString());
    assertThat(big.fieldErrors()).hasSize(50);
    assertThat(big.getMessage()).contains("more field errors").hasSizeLessThan(2000);
  }

  @Test
  void brokenOrHostileBodiesGiveTheTypedExceptionWithWhatCouldBeRead() {
    String[] bodies = {
        "{\"errors\":[{\"field\":\"a\",\"message\":\"first\"},{\"field\":",
        "{\"errors\":[" + "[".repeat(5000) + "]}",
        "{\"errors\":[" + "{\"x\":".repeat(3000) + "1" + "}".repeat(3000) + "]}",
        "{\"errors\":[null,true,1e999999,-0,[],{},{\"field\":{\"a\":[1,2]},\"message\":{\"nested\":\"junk\"},"
            + "\"code\":[\"c\"]},{\"location\":[[\"deep\"],{\"o\":1},null,\"ok\"],\"message\":12}]}",
        "{\"validation\":{\"location\":\"" + "x".repeat(40_000) + "\"}}",
        "{\"validation\":\"\",\"errors\":{\"\":[]}}",
        "{\"errors\":{\"name\":{\"message\":\"object per field\",\"code\":\"c\"}}}",
        "{\"errors\":[\"a\"],\"errors\":[\"b\"]}",
        "[{\"errors\":[\"top-level array\"]}]",
        "{\"errors\":[\"\\ud800 lone surrogate\", \"\\u0000nul\"]}",
    };
    for (String body : bodies) {
      BadRequestException e = badRequest(400, JSON, body);
      assertThat(e.fieldErrors()).as(body.length() > 80 ? body.substring(0, 80) : body).hasSizeLessThanOrEqualTo(50);
      for (FieldError fe : e.fieldErrors()) {
        assertThat(fe.toString()).hasSizeLessThan(3200);
      }
    }
    assertThat(badRequest(400, JSON, bodies[0]).fieldErrors()).containsExactly(new FieldError("a", "first", null));
    assertThat(badRequest(400, JSON, bodies[3]).fieldErrors()).containsExactly(new FieldError(null, "true", null),
        new FieldError(null, "1e999999", null), new FieldError(null, "-0", null), new FieldError("ok", "12", null));
    assertThat(badRequest(400, JSON, bodies[6]).fieldErrors())
        .containsExactly(new FieldError("name", "object per field", "c"));
    assertThat(badRequest(400, JSON, bodies[7]).fieldErrors()).extracting(fe -> fe.message().orElseThrow())
        .containsExactly("a", "b");
  }

  @Test
  void seededRandomBodiesNeverThrowAnythingButTheTypedException() {
    Random random = new Random(20261202);
    String[] atoms = {"{", "}", "[", "]", ",", ":", "\"errors\"", "\"validation\"", "\"field\"", "\"message\"",
        "\"location\"", "\"code\"", "\"source\"", "\"pointer\"", "1", "null", "true", "\"x\"", "\"\\u00\"", "\\"};
    for (int i = 0; i < 2000; i++) {
      StringBuilder body = new StringBuilder("{");
      int length = random.nextInt(60);
      for (int j = 0; j < length; j++) {
        body.append(atoms[random.nextInt(atoms.length)]);
      }
      int status = random.nextBoolean() ? 400 : 422;
      BadRequestException e = badRequest(status, JSON, body.toString());
      assertThat(e.fieldErrors()).hasSizeLessThanOrEqualTo(50);
      assertThat(e.getMessage()).startsWith("createThing: HTTP " + status);
    }
  }
}
