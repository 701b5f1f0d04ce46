package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clevercloud.api.bridge.api.ApiTokensApi;
import com.clevercloud.api.bridge.model.ApiTokenUpdateRequest;
import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.api.OrganisationsApi;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v4.api.InvoicesApi;
import com.clevercloud.api.v4.api.ZonesApi;
import com.clevercloud.client.CleverCloudClient;
import com.clevercloud.client.CreateApiTokenRequest;
import com.clevercloud.client.RetryPolicy;
import com.clevercloud.client.contract.ContractRecorder.Exchange;
import com.clevercloud.client.contract.Contract.Credential;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.AuthenticationException;
import com.clevercloud.client.exception.BadRequestException;
import com.clevercloud.client.exception.ConflictException;
import com.clevercloud.client.exception.ForbiddenException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.RateLimitException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.testkit.ViolationsExpected;
import com.clevercloud.client.testkit.prism.PrismHosts;
import com.clevercloud.client.testkit.prism.PrismServers;
import com.clevercloud.client.testkit.prism.PrismServers.Spec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What goes wrong, end to end, through the generated interfaces: Prism's answers for a missing credential, an invalid
 * body and the error codes asked for with {@code Prefer: code=…}, and the facade's exception for each (the same,
 * unwrapped, from the {@code …Async} twin), named after the spec's operationId.
 */
@ContractTest
class ErrorsContractTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();
  private static final ObjectMapper JSON = new ObjectMapper();

  // ---------------------------------------------------------------- credentials

  /**
   * A credential lost on the way (removed on the wire, after the facade added it) meets Prism's security check: 401
   * with the spec's example, which the facade turns into an {@link AuthenticationException} carrying the error code,
   * the message and the {@code Sozu-Id}.
   */
  @ParameterizedTest
  @EnumSource(Credential.class)
  @ViolationsExpected // Prism reports the missing credential in sl-violations too
  void missingCredentialIsPrisms401AndAnAuthenticationException(Credential credential, PrismHosts hosts) {
    OkHttpClient.Builder http = Contract.http().newBuilder();
    // First of the network interceptors, ahead of the mock's recorder, which then records the request as sent.
    http.networkInterceptors().add(0, chain -> chain.proceed(chain.request().newBuilder()
        .removeHeader("Authorization").build()));
    OkHttpClient withoutAuthorization = http.build();
    try (CleverCloudClient client = Contract.builder(hosts, withoutAuthorization)
        .credentials(credential.credentials()).build()) {
      assertApiError(catchThrowableOfType(AuthenticationException.class,
          () -> client.api(SelfApi.class).getSelf()), 401, "getSelf", Spec.V2);
      assertApiError(catchThrowableOfType(AuthenticationException.class,
          () -> client.api(ZonesApi.class).listZones(null, null)), 401, "listZones", Spec.V4);
      assertApiError(catchThrowableOfType(AuthenticationException.class,
          () -> client.api(ApiTokensApi.class).listApiTokens()), 401, "listApiTokens", Spec.BRIDGE);
      // The Async twin fails with the same exception, unwrapped, named after the same operation.
      assertApiError(asyncFailure(AuthenticationException.class, client.api(SelfApi.class).getSelfAsync()),
          401, "getSelf", Spec.V2);
    }
  }

  /** A client made without credentials refuses calls that need them before sending anything. */
  @Test
  void noCredentialsAtAllIsRefusedBeforeSending(PrismHosts hosts) {
    try (CleverCloudClient client = Contract.builder(hosts, Contract.http()).build()) {
      int mark = ContractRecorder.shared().mark();
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelf()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("credentials").hasMessageContaining("getSelf");
      assertThatThrownBy(() -> client.api(ApiTokensApi.class).listApiTokens())
          .isInstanceOf(IllegalStateException.class);
      // Synchronously, even for the Async twin: no future is returned.
      assertThatThrownBy(() -> client.api(SelfApi.class).getSelfAsync())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("getSelf");
      assertThatThrownBy(() -> client.api(ZonesApi.class).listZonesAsync(null, null))
          .isInstanceOf(IllegalStateException.class);
      assertThat(ContractRecorder.shared().since(mark)).isEmpty();
    }
  }

  // ---------------------------------------------------------------- invalid bodies

  /**
   * A blank token name: the handwritten creation stops it before any request; the generated rename sends it as the
   * caller wrote it (the spec's {@code minLength} is the server's rule, not checked in the client), and the Bridge's
   * Prism refuses it with its own 422 validation report, which the facade maps to a {@link BadRequestException} named
   * {@code updateApiToken}, Prism's {@code validation[]} as its field errors. The same body sent raw to the creation is refused the same way.
   */
  @Test
  void blankTokenNameIsStoppedBeforeCreatingAndPrismRejectsIt(PrismHosts hosts, PrismServers prism)
      throws IOException {
    try (CleverCloudClient client = Contract.client(hosts, Credential.API_TOKEN)) {
      int mark = ContractRecorder.shared().mark();
      assertThatThrownBy(() -> CreateApiTokenRequest.builder().name("  "))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
      assertThat(ContractRecorder.shared().since(mark)).as("nothing sent").isEmpty();

      BadRequestException e = catchThrowableOfType(BadRequestException.class,
          () -> client.api(ApiTokensApi.class).updateApiToken(
              SPEC.parameterExample("updateApiToken", "apiTokenId"), new ApiTokenUpdateRequest().name("")));
      assertThat(e.statusCode()).isEqualTo(422);
      assertThat(e.operation()).isEqualTo("updateApiToken");
      // Prism's own validation report (quoted shortened in the exception; its detail is checked raw below).
      assertThat(e.body()).hasValueSatisfying(body -> assertThat(body)
          .contains("UNPROCESSABLE_ENTITY", "Invalid request"));
      // Prism's validation[] becomes the exception's field errors: the location joined with dots, Prism's rule code.
      assertThat(e.fieldErrors()).singleElement().satisfies(fe -> {
        assertThat(fe.field()).contains("body.name");
        assertThat(fe.code()).contains("minLength");
        assertThat(fe.message()).isPresent();
      });
      assertThat(e.getMessage()).contains("body.name: ").contains("(minLength)");
      assertThat(ContractRecorder.shared().since(mark)).singleElement()
          .extracting(x -> x.method() + " " + x.status()).isEqualTo("PUT 422");
    }

    ObjectNode body = SPEC.requestExample("createApiToken").deepCopy();
    body.put("name", "");
    Request raw = new Request.Builder().url(prism.baseUrl(Spec.BRIDGE) + "/api-tokens")
        .post(RequestBody.create(body.toString(), MediaType.get("application/json")))
        .build();
    try (Response response = Contract.http().newCall(raw).execute()) {
      assertThat(response.code()).isEqualTo(422);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(response.body().string());
      assertThat(problem.path("validation")).singleElement().satisfies(v -> {
        assertThat(v.path("location").toString()).isEqualTo("[\"body\",\"name\"]");
        assertThat(v.path("code").asText()).isEqualTo("minLength");
      });
    }
  }

  /**
   * The v2 trap: {@code setApplicationEnvVar} declares a 400, so Prism answers an invalid body with the spec's 400
   * example and reports the real verdict only in {@code sl-violations}. The facade maps the 400 to a
   * {@link BadRequestException}; the recorder sees the violations (which is why every other test asserts their
   * absence).
   */
  @Test
  @ViolationsExpected
  void invalidV2BodyGetsTheSpecs400ExampleAndViolations(PrismHosts hosts) {
    String path = "/v2/organisations/" + Contract.OWNER_ID + "/applications/" + Contract.APP_ID + "/env/NODE_ENV";
    try (CleverCloudClient client = Contract.client(hosts, Credential.API_TOKEN)) {
      int mark = ContractRecorder.shared().mark();
      BadRequestException e = catchThrowableOfType(BadRequestException.class,
          () -> client.http().put(path, "{\"value\": 42}"));
      JsonNode example = SPEC.example("setApplicationEnvVar", "400");
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.errorCode()).contains(example.path("id").asText());
      assertThat(ContractRecorder.shared().since(mark)).singleElement()
          .extracting(Exchange::slViolations).asString().contains("value");
    }
  }

  // ---------------------------------------------------------------- Prefer: code=…

  @ParameterizedTest
  @EnumSource(Credential.class)
  void declared404IsANotFoundException(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = preferring(hosts, credential, "code=404")) {
      assertApiError(catchThrowableOfType(NotFoundException.class,
          () -> client.api(ApplicationsApi.class).getApplication(Contract.OWNER_ID, Contract.APP_ID)), 404,
          "getApplication", Spec.V2);
      assertApiError(catchThrowableOfType(NotFoundException.class,
          () -> client.api(ZonesApi.class).getZone("par")), 404, "getZone", Spec.V4);
      assertApiError(catchThrowableOfType(NotFoundException.class,
          () -> client.api(ApiTokensApi.class).getApiToken(SPEC.parameterExample("getApiToken",
              "apiTokenId"))), 404, "getApiToken", Spec.BRIDGE);
      assertApiError(asyncFailure(NotFoundException.class, client.api(ApiTokensApi.class)
          .getApiTokenAsync(SPEC.parameterExample("getApiToken", "apiTokenId"))), 404, "getApiToken",
          Spec.BRIDGE);
    }
  }

  /** The PDF download too: a 404 is an exception, not an error page saved as a PDF. */
  @ParameterizedTest
  @EnumSource(Credential.class)
  void invoicePdfNotFoundIsANotFoundException(Credential credential, PrismHosts hosts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CleverCloudClient client = preferring(hosts, credential, "code=404")) {
      assertApiError(catchThrowableOfType(NotFoundException.class,
          () -> client.download(client.api(InvoicesApi.class).getInvoicePdf(Contract.OWNER_ID,
              SPEC.parameterExample("getInvoicePdf", "invoiceNumber")), out)), 404, "getInvoicePdf",
          Spec.V4);
      assertApiError(asyncFailure(NotFoundException.class, client.api(InvoicesApi.class)
          .getInvoicePdfAsync(Contract.OWNER_ID, SPEC.parameterExample("getInvoicePdf", "invoiceNumber"))),
          404, "getInvoicePdf", Spec.V4);
    }
    assertThat(out.size()).as("nothing written").isZero();
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void declared403IsAForbiddenException(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = preferring(hosts, credential, "code=403")) {
      assertApiError(catchThrowableOfType(ForbiddenException.class,
          () -> client.api(OrganisationsApi.class).listOrganisations()), 403, "listOrganisations", Spec.V2);
      assertApiError(catchThrowableOfType(ForbiddenException.class,
          () -> client.api(InvoicesApi.class).listUnpaidInvoices(Contract.OWNER_ID)), 403,
          "listUnpaidInvoices", Spec.V4);
    }
  }

  /** A named error example: the Bridge's wrong TOTP code on token creation, an authentication error. */
  @Test
  void wrongMfaCodeOnCreateIsAnAuthenticationExceptionWithTheBridgeCode(PrismHosts hosts) {
    try (CleverCloudClient client = Contract.builder(hosts, withHeader("Prefer", "code=401, example=invalidMfaCode"))
        .build()) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
          () -> client.apiTokens().create(ApiTokensContractTest.request()
              .email(SPEC.requestExample("createApiToken").path("email").asText()).build()));
      JsonNode example = SPEC.example("createApiToken", "401", "invalidMfaCode");
      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.errorCode()).contains(example.path("code").asText());
      assertThat(e.apiMessage()).contains(example.path("message").asText());
    }
  }

  /**
   * The specs declare 429 (with {@code Retry-After}), 500 and 503 on one read operation of each family, and 409 on
   * redeploy: asked for with {@code Prefer: code=…}, Prism serves the spec's error example and the facade maps it to
   * the exception type, with the family's error code and message.
   */
  @ParameterizedTest
  @EnumSource(Credential.class)
  void rateLimitingIsARateLimitExceptionWithTheRetryAfterDelay(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = preferring(hosts, credential, "code=429")) {
      RateLimitException v2 = catchThrowableOfType(RateLimitException.class,
          () -> client.api(SelfApi.class).getSelf());
      assertApiError(v2, 429, "getSelf", Spec.V2);
      assertThat(v2.retryAfter()).contains(Duration.ofSeconds(1));
      assertApiError(catchThrowableOfType(RateLimitException.class,
          () -> client.api(ZonesApi.class).listZones(null, null)), 429, "listZones", Spec.V4);
      assertApiError(catchThrowableOfType(RateLimitException.class,
          () -> client.api(ApiTokensApi.class).listApiTokens()), 429, "listApiTokens", Spec.BRIDGE);
      RateLimitException async = asyncFailure(RateLimitException.class,
          client.api(ZonesApi.class).listZonesAsync(null, null));
      assertApiError(async, 429, "listZones", Spec.V4);
      assertThat(async.retryAfter()).contains(Duration.ofSeconds(1));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503})
  void serverFailuresAreServerExceptions(int code, PrismHosts hosts) {
    try (CleverCloudClient client = preferring(hosts, Credential.API_TOKEN, "code=" + code)) {
      assertApiError(catchThrowableOfType(ServerException.class, () -> client.api(SelfApi.class).getSelf()),
          code, "getSelf", Spec.V2);
      assertApiError(catchThrowableOfType(ServerException.class,
          () -> client.api(ZonesApi.class).listZones(null, null)), code, "listZones", Spec.V4);
      assertApiError(catchThrowableOfType(ServerException.class,
          () -> client.api(ApiTokensApi.class).listApiTokens()), code, "listApiTokens", Spec.BRIDGE);
      assertApiError(asyncFailure(ServerException.class, client.api(ApiTokensApi.class).listApiTokensAsync()),
          code, "listApiTokens", Spec.BRIDGE);
    }
  }

  @ParameterizedTest
  @EnumSource(Credential.class)
  void aConflictIsAConflictException(Credential credential, PrismHosts hosts) {
    try (CleverCloudClient client = preferring(hosts, credential, "code=409")) {
      assertApiError(catchThrowableOfType(ConflictException.class,
              () -> client.api(ApplicationsApi.class).redeployApplication(Contract.OWNER_ID,
                  Contract.APP_ID, null, null)),
          409, "redeployApplication", Spec.V2);
      assertApiError(asyncFailure(ConflictException.class, client.api(ApplicationsApi.class)
          .redeployApplicationAsync(Contract.OWNER_ID, Contract.APP_ID, null, null)),
          409, "redeployApplication", Spec.V2);
    }
  }

  /** A code no spec declares for the operation is answered by Prism with a 404 that says so: mapped as a 404. */
  @Test
  void anUndeclaredCodeIsPrismsOwn404(PrismHosts hosts) {
    try (CleverCloudClient client = preferring(hosts, Credential.API_TOKEN, "code=418")) {
      NotFoundException e = catchThrowableOfType(NotFoundException.class,
          () -> client.api(SelfApi.class).getSelf());
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.getMessage()).contains("Requested status code 418 is not defined");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static CleverCloudClient preferring(PrismHosts hosts, Credential credential, String prefer) {
    // No retries: Prism answers every attempt the same way, and the retry rule has its own tests in the facade.
    return Contract.builder(hosts, withHeader("Prefer", prefer)).credentials(credential.credentials())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private static OkHttpClient withHeader(String name, String value) {
    return Contract.http().newBuilder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header(name, value).build()))
        .build();
  }

  /** The exception a failed future holds, unwrapped: {@code join()} throws it as the cause, nothing deeper. */
  private static <X extends Throwable> X asyncFailure(Class<X> type, java.util.concurrent.CompletableFuture<?> future) {
    java.util.concurrent.CompletionException e = catchThrowableOfType(java.util.concurrent.CompletionException.class,
        future::join);
    assertThat(e).as("the future failed").isNotNull();
    assertThat(e.getCause()).isInstanceOf(type);
    assertThat(future).isCompletedExceptionally();
    return type.cast(e.getCause());
  }

  /** The exception carries the status, the spec example's code and message, the operation and the Sozu-Id. */
  private static void assertApiError(ApiException e, int status, String operationId, Spec spec) {
    assertThat(e).as("%s answering %d", operationId, status).isNotNull();
    JsonNode example = SPEC.example(operationId, Integer.toString(status));
    String code = spec == Spec.V2 ? example.path("id").asText() : example.path("code").asText();
    Consumer<ApiException> checks = x -> {
      assertThat(x.statusCode()).isEqualTo(status);
      assertThat(x.errorCode()).contains(code);
      assertThat(x.apiMessage()).contains(example.path("message").asText());
      assertThat(x.operation()).isEqualTo(operationId);
      assertThat(x.requestId()).contains(SPEC.sozuIdExample(spec));
    };
    assertThat(e).satisfies(checks);
  }
}
