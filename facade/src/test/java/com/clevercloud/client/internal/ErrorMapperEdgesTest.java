package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.client.Encodings;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.BadRequestException;
import com.clevercloud.client.exception.FieldError;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TransportException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of {@link ErrorMapper}: each limit just inside and just outside (field errors quoted and kept, cause
 * depth, field length, JSON path length, status ranges, {@code Retry-After}), each fallback of the body's code and
 * message, each shape the body description knows, and what a masked cause chain keeps (class name, stack trace,
 * causes, suppressed).
 */
class ErrorMapperEdgesTest {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final String TOKEN = "CANARY-edge-token";

  private final ErrorMapper mapper =
      new ErrorMapper(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  private final ErrorMapper withToken =
      new ErrorMapper(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Credentials.apiToken(TOKEN));

  private ApiException map(int status, MediaType type, String body) {
    return mapper.fromParts(status, Headers.of(), type, body, "op");
  }

  private static Request tagged(String... values) {
    List<Secret> secrets = new ArrayList<>();
    for (String v : values) {
      secrets.add(Secret.of(v));
    }
    return new Request.Builder().url("http://127.0.0.1/v2/x")
        .tag(Sensitive.class, Sensitive.of(secrets.toArray(Secret[]::new))).build();
  }

  private static Response ok(Request request, String sozuId) {
    Response.Builder b = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("")
        .body(ResponseBody.create("", JSON));
    if (sozuId != null) {
      b.header("Sozu-Id", sozuId);
    }
    return b.build();
  }

  // Status ranges and reason phrases.

  @ParameterizedTest
  @CsvSource({
      "499, com.clevercloud.client.exception.ApiException",
      "501, com.clevercloud.client.exception.ServerException",
      "599, com.clevercloud.client.exception.ServerException",
      "600, com.clevercloud.client.exception.ApiException",
      "302, com.clevercloud.client.exception.ApiException",
  })
  void onlyStatusesFrom500To599AreServerErrors(int status, String type) {
    assertThat(map(status, JSON, "{}").getClass().getName()).isEqualTo(type);
  }

  @ParameterizedTest
  @CsvSource({
      "399, HTTP 399",
      "400, Bad Request",
      "418, Client Error",
      "499, Client Error",
      "500, Internal Server Error",
      "501, Server Error",
      "599, Server Error",
      "200, HTTP 200",
  })
  void unlistedStatusesGetTheirClassAsReason(int status, String reason) {
    assertThat(ErrorMapper.reason(status)).isEqualTo(reason);
  }

  @Test
  void aBodyWithoutCodeNorMessageIsDescribedWithTheReason() {
    assertThat(map(418, null, "I'm a teapot").getMessage()).isEqualTo("op: HTTP 418 with a text body (Client Error)");
    assertThat(map(501, MediaType.get("application/xml"), "<a/>").getMessage())
        .isEqualTo("op: HTTP 501 with a application/xml body (Server Error)");
  }

  // describeBody: a few words, never the content.

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "|| with an empty body",
      "application/json|'   '| with an empty body",
      "text/html; charset=utf-8|plain words| with an HTML body",
      "text/plain|'  <!DOCTYPE html><html></html>'| with an HTML body",
      "|<HTML><body>x</body></HTML>| with an HTML body",
      "|<!doctype htm| with a text body",
      "|[1, 2]| with a JSON body of another shape",
      "application/json|' {\"a\":1}'| with a JSON body of another shape",
      "|plain text| with a text body",
      "application/xml|<a/>| with a application/xml body",
  })
  void theBodyIsDescribedByItsShapeNotItsContent(String type, String body, String description) {
    // The CSV source trims the description: the method's answer starts with a space, to follow "HTTP 400".
    assertThat(ErrorMapper.describeBody(type == null ? null : MediaType.get(type), body))
        .isEqualTo(" " + description);
  }

  // codeAndMessage: which member gives the code and the message.

  @Test
  void theMessageFallsBackFromMessageToErrorToDetailToTitle() {
    assertThat(map(400, JSON, "{\"title\":\"t\",\"detail\":\"d\",\"error\":\"e\",\"message\":\"m\"}").apiMessage())
        .hasValue("m");
    assertThat(map(400, JSON, "{\"title\":\"t\",\"detail\":\"d\",\"error\":\"e\"}").apiMessage()).hasValue("e");
    assertThat(map(400, JSON, "{\"title\":\"t\",\"detail\":\"d\"}").apiMessage()).hasValue("d");
    assertThat(map(400, JSON, "{\"title\":\"t\"}").apiMessage()).hasValue("t");
    assertThat(map(400, JSON, "{\"id\":\"i\",\"code\":\"c\"}").errorCode()).hasValue("c");
    assertThat(map(400, JSON, "{\"id\":\"i\"}").errorCode()).hasValue("i");
  }

  @Test
  void aCodeWithoutMessageIsShownAlone() {
    assertThat(map(404, JSON, "{\"code\":\"not_found\"}").getMessage()).isEqualTo("op: HTTP 404 [not_found]");
    assertThat(map(404, JSON, "{\"message\":\"gone\"}").getMessage()).isEqualTo("op: HTTP 404 gone");
  }

  /** Members that are not strings, numbers or booleans are skipped, and the next candidate is used. */
  @Test
  void nonScalarOrBlankMembersAreSkippedForTheNextCandidate() {
    ApiException e = map(400, JSON, "{\"code\":{\"nested\":\"x\"},\"id\":[1],\"message\":{\"text\":\"nested\"},"
        + "\"error\":null,\"detail\":\"   \",\"title\":\"the title\",\"extra\":{\"message\":\"deep\"}}");
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.apiMessage()).hasValue("the title");
    assertThat(map(400, JSON, "{\"code\":false,\"message\":12.50}").getMessage()).isEqualTo("op: HTTP 400 [false] 12.50");
  }

  @Test
  void theFirstOfRepeatedMembersWins() {
    assertThat(map(400, JSON, "{\"message\":\"first\",\"message\":\"second\"}").apiMessage()).hasValue("first");
  }

  /** Error bodies are often hand-written: unquoted names and single quotes are read too. */
  @Test
  void lenientJsonIsRead() {
    ApiException e = map(400, JSON, "{code: 'quota', message: 'too many apps'}");
    assertThat(e.errorCode()).hasValue("quota");
    assertThat(e.apiMessage()).hasValue("too many apps");
  }

  @Test
  void onlyAnObjectIsReadAndLeadingSpaceIsAllowed() {
    assertThat(map(400, JSON, "\n  {\"message\":\"m\"}").apiMessage()).hasValue("m");
    assertThat(map(400, JSON, "[{\"message\":\"m\"}]").apiMessage()).isEmpty();
    assertThat(map(400, JSON, "{\"code\":\"c\",\"message\":").errorCode()).hasValue("c");
  }

  /** A field is cut at 1,000 characters: exactly 1,000 are kept whole, one more is cut and marked. */
  @Test
  void aFieldOfExactlyTheLimitIsKeptWhole() {
    String limit = "abcd,".repeat(200);
    assertThat(map(400, JSON, "{\"message\":\"" + limit + "\"}").apiMessage()).hasValue(limit);
    assertThat(map(400, JSON, "{\"message\":\"" + limit + "x\"}").apiMessage()).hasValue(limit + "…");
  }

  // Field errors: at most 50 kept, the first 5 quoted.

  private static String errors(int count) {
    StringBuilder body = new StringBuilder("{\"code\":\"validation_errors\",\"errors\":[");
    for (int i = 1; i <= count; i++) {
      body.append(i == 1 ? "" : ",").append("\"e").append(i).append('"');
    }
    return body.append("]}").toString();
  }

  private BadRequestException badRequest(String body) {
    return (BadRequestException) mapper.fromParts(422, Headers.of("Sozu-Id", "req-1"), JSON, body, "op");
  }

  @Test
  void fiveFieldErrorsAreAllQuotedASixthIsCounted() {
    assertThat(badRequest(errors(1)).getMessage()).isEqualTo("op: HTTP 422 [validation_errors]: e1 (Sozu-Id req-1)");
    assertThat(badRequest(errors(5)).getMessage())
        .isEqualTo("op: HTTP 422 [validation_errors]: e1; e2; e3; e4; e5 (Sozu-Id req-1)");
    assertThat(badRequest(errors(6)).getMessage())
        .isEqualTo("op: HTTP 422 [validation_errors]: e1; e2; e3; e4; e5 (and 1 more field error) (Sozu-Id req-1)");
    assertThat(badRequest(errors(7)).getMessage()).endsWith("e5 (and 2 more field errors) (Sozu-Id req-1)");
  }

  @Test
  void fiftyFieldErrorsAreAllKeptAFiftyFirstIsOnlyCounted() {
    BadRequestException fifty = badRequest(errors(50));
    assertThat(fifty.fieldErrors()).hasSize(50).last().isEqualTo(new FieldError(null, "e50", null));
    assertThat(fifty.getMessage()).endsWith("e5 (and 45 more field errors) (Sozu-Id req-1)");
    BadRequestException more = badRequest(errors(51));
    assertThat(more.fieldErrors()).hasSize(50).last().isEqualTo(new FieldError(null, "e50", null));
    assertThat(more.getMessage()).endsWith("e5 (and 46 more field errors) (Sozu-Id req-1)");
  }

  @Test
  void fieldErrorsWithoutCodeNorMessageFollowTheBodysDescription() {
    assertThat(map(400, JSON, "{\"errors\":[\"name is required\"]}").getMessage())
        .isEqualTo("op: HTTP 400 with a JSON body of another shape (Bad Request): name is required");
  }

  /** An entry whose field, message and code are all blank says nothing: it is left out, the others kept. */
  @Test
  void fieldErrorsWithNothingToSayAreLeftOut() {
    BadRequestException e = badRequest("{\"errors\":[\"\",\"  \",{\"field\":\" \",\"message\":\"\"},{\"code\":\"c\"},"
        + "{\"field\":\"f\"},{\"msg\":\"m\"},7,false]}");
    assertThat(e.fieldErrors()).containsExactly(new FieldError(null, null, "c"), new FieldError("f", null, null),
        new FieldError(null, "m", null), new FieldError(null, "7", null), new FieldError(null, "false", null));
  }

  @Test
  void eachPartOfAFieldErrorTakesTheFirstNameInItsOrder() {
    BadRequestException e = badRequest("{\"errors\":[{\"keyword\":\"k\",\"rule\":\"r\",\"type\":\"t\",\"code\":\"c\","
        + "\"reason\":\"r7\",\"error\":\"r6\",\"description\":\"r5\",\"title\":\"r4\",\"detail\":\"r3\",\"msg\":\"r2\","
        + "\"message\":\"r1\",\"property\":\"p8\",\"parameter\":\"p7\",\"param\":\"p6\",\"pointer\":\"p5\","
        + "\"loc\":\"p4\",\"location\":\"p3\",\"path\":\"p2\",\"field\":\"p1\"},"
        + "{\"keyword\":\"k\",\"reason\":\"r7\",\"property\":\"p8\"},"
        + "{\"field\":\"  \",\"path\":\"p2\",\"message\":\"first\",\"message\":\"second\"}]}");
    assertThat(e.fieldErrors()).containsExactly(new FieldError("p1", "r1", "c"), new FieldError("p8", "r7", "k"),
        new FieldError("p2", "first", null));
  }

  @Test
  void aFieldGivenAsAListKeepsSixteenScalarSegments() {
    StringBuilder seventeen = new StringBuilder("[");
    for (int i = 1; i <= 17; i++) {
      seventeen.append(i == 1 ? "" : ",").append('"').append('s').append(i).append('"');
    }
    seventeen.append(']');
    BadRequestException e = badRequest("{\"errors\":[{\"loc\":" + seventeen + ",\"msg\":\"deep\"},"
        + "{\"loc\":[],\"msg\":\"no path\"},{\"loc\":[null,{\"a\":1},[\"b\"],\"body\",3,true],\"msg\":\"mixed\"}]}");
    assertThat(e.fieldErrors()).containsExactly(
        new FieldError("s1.s2.s3.s4.s5.s6.s7.s8.s9.s10.s11.s12.s13.s14.s15.s16", "deep", null),
        new FieldError(null, "no path", null),
        new FieldError("body.3.true", "mixed", null));
  }

  /** JSON:API's source gives its pointer, else its parameter; only a member named source may be an object. */
  @Test
  void aSourceGivesItsPointerElseItsParameter() {
    BadRequestException e = badRequest("{\"errors\":["
        + "{\"source\":{\"parameter\":\"q\",\"pointer\":\"/data/name\"},\"detail\":\"a\"},"
        + "{\"source\":{\"parameter\":\"q\",\"parameter\":\"r\",\"pointer\":null,\"other\":1},\"detail\":\"b\"},"
        + "{\"source\":{\"pointer\":\"/p1\",\"pointer\":\"/p2\"},\"detail\":\"c\"},"
        + "{\"field\":{\"pointer\":\"/not-read\"},\"source\":\"plain\",\"detail\":\"d\"}]}");
    assertThat(e.fieldErrors()).containsExactly(new FieldError("/data/name", "a", null),
        new FieldError("q", "b", null), new FieldError("/p1", "c", null), new FieldError("plain", "d", null));
  }

  /** An object of field errors is read to its end: the members after it still give the code and message. */
  @Test
  void membersAfterAnObjectOfFieldErrorsAreStillRead() {
    BadRequestException e = badRequest("{\"errors\":{\"name\":\"blank\"},\"code\":\"invalid\",\"message\":\"after\"}");
    assertThat(e.fieldErrors()).containsExactly(new FieldError("name", "blank", null));
    assertThat(e.errorCode()).hasValue("invalid");
    assertThat(e.apiMessage()).hasValue("after");
    BadRequestException list = badRequest("{\"errors\":[\"x\"],\"message\":\"after a list\"}");
    assertThat(list.fieldErrors()).containsExactly(new FieldError(null, "x", null));
    assertThat(list.apiMessage()).hasValue("after a list");
    BadRequestException one = badRequest("{\"validation\":\"only one\",\"message\":\"after a string\"}");
    assertThat(one.fieldErrors()).containsExactly(new FieldError(null, "only one", null));
    assertThat(one.apiMessage()).hasValue("after a string");
  }

  @Test
  void validationAsAnObjectGivesOneErrorPerFieldOrMessage() {
    BadRequestException e = badRequest("{\"validation\":{\"name\":[\"blank\",{\"message\":\"short\",\"field\":\"n\"}],"
        + "\"age\":12,\"tags\":[[\"x\"]],\"email\":{\"msg\":\"taken\",\"field\":\" \"}}}");
    // An entry without its own field (or a blank one) takes the member's name.
    assertThat(e.fieldErrors()).containsExactly(new FieldError("name", "blank", null),
        new FieldError("n", "short", null), new FieldError("age", "12", null), new FieldError("email", "taken", null));
  }

  // retryAfter: seconds or a date, never negative.

  @Test
  void retryAfterZeroMeansNowAndNegativeMeansNothing() {
    assertThat(mapper.retryAfter("0")).isEqualTo(Duration.ZERO);
    assertThat(mapper.retryAfter("-1")).isNull();
    assertThat(mapper.retryAfter(" 12 ")).isEqualTo(Duration.ofSeconds(12));
    assertThat(mapper.retryAfter("   ")).isNull();
    assertThat(mapper.retryAfter(null)).isNull();
    assertThat(mapper.retryAfter("soon")).isNull();
  }

  @Test
  void aRetryAfterDateNowOrPastIsZero() {
    assertThat(mapper.retryAfter("Thu, 01 Jan 2026 00:00:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(mapper.retryAfter("Wed, 31 Dec 2025 23:59:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(mapper.retryAfter("Thu, 01 Jan 2026 00:00:01 GMT")).isEqualTo(Duration.ofSeconds(1));
  }

  // transport: the message names what happened and the cause's type.

  @Test
  void transportMessagesNameTheFailureAndTheCauseType() {
    TransportException failed = mapper.transport(new IOException(), "op");
    assertThat(failed.getMessage()).isEqualTo("op: failed before a complete response arrived (IOException)");
    assertThat(failed.isTimeout()).isFalse();
    TransportException blank = mapper.transport(new IOException("  "), "op");
    assertThat(blank.getMessage()).isEqualTo("op: failed before a complete response arrived (IOException)");
    TransportException timeout = mapper.transport(new SocketTimeoutException("read timed out"), "op");
    assertThat(timeout.getMessage()).isEqualTo("op: timed out (SocketTimeoutException: read timed out)");
    assertThat(timeout.isTimeout()).isTrue();
  }

  // decoding: message, request id, body kept or withheld, sanitized cause.

  @Test
  void aDecodingFailureKeepsTheBodyUnlessItIsSecret() {
    Request request = tagged("CANARY-dec-value");
    String body = "{\"name\":\"x CANARY-dec-value\"}";
    IllegalStateException cause = new IllegalStateException("Expected a string but was NUMBER at line 1 column 9 "
        + "path $.name\nSee https://example.invalid/troubleshooting");
    ResponseDecodingException kept = mapper.decoding(ok(request, "req-9"), JSON, body, "UserView", "getSelf", cause);
    assertThat(kept.getMessage())
        .isEqualTo("getSelf: HTTP 200 with a JSON body of another shape could not be read as UserView (Sozu-Id req-9)");
    assertThat(kept.requestId()).hasValue("req-9");
    assertThat(kept.body()).hasValue("{\"name\":\"x ***\"}");
    assertThat(kept.getCause()).isInstanceOf(IllegalStateException.class)
        .hasMessage("java.lang.IllegalStateException at $.name");
    assertThat(kept.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());

    ResponseDecodingException secret = mapper.decoding(ok(request, null), null, body, "EnvView", "getEnv", null, true);
    assertThat(secret.getMessage())
        .isEqualTo("getEnv: HTTP 200 with a JSON body of another shape could not be read as EnvView");
    assertThat(secret.body()).isEmpty();
    assertThat(secret.requestId()).isEmpty();
    assertThat(secret.getCause()).isNull();
  }

  /** A body that could not be read at all is described as empty, not as a failure of the mapper. */
  @Test
  void aDecodingFailureWithoutBodyIsDescribedAsEmpty() {
    ResponseDecodingException e = mapper.decoding(ok(tagged(), null), JSON, null, "UserView", "op", null, false);
    assertThat(e.getMessage()).isEqualTo("op: HTTP 200 with an empty body could not be read as UserView");
    assertThat(e.body()).isEmpty();
  }

  /** The parser's message may quote a value of the body: only its type and its JSON path are kept. */
  @Test
  void aParserCauseKeepsItsTypeAndAtMost195CharactersOfPath() {
    assertThat(decodingCause(new NumberFormatException("For input string: \"CANARY-quoted\"")).getMessage())
        .isEqualTo("java.lang.NumberFormatException");
    assertThat(decodingCause(new IllegalStateException("path $")).getMessage())
        .isEqualTo("java.lang.IllegalStateException at $");
    String longPath = "$." + "a".repeat(300);
    assertThat(decodingCause(new IllegalStateException("bad at path " + longPath + " end")).getMessage())
        .isEqualTo("java.lang.IllegalStateException at " + longPath.substring(0, 195));
    String exact = "$." + "b".repeat(193);
    assertThat(decodingCause(new IllegalStateException("path " + exact)).getMessage())
        .isEqualTo("java.lang.IllegalStateException at " + exact);
  }

  private Throwable decodingCause(Throwable cause) {
    return mapper.decoding(ok(tagged(), null), JSON, "{}", "UserView", "op", cause, false).getCause();
  }

  // shortBody and mask, the public helpers.

  @Test
  void shortBodyMasksStripsAndCutsAndMaskMasksOnly() {
    Request request = tagged("CANARY-short-value");
    assertThat(mapper.shortBody("  {\"password\":\"hunter22\",\"v\":\"CANARY-short-value\"}\n", request))
        .isEqualTo("{\"password\":\"***\",\"v\":\"***\"}");
    assertThat(mapper.shortBody("x".repeat(201), null)).isEqualTo("x".repeat(200) + "…");
    assertThat(mapper.shortBody(null, request)).isNull();
    assertThat(mapper.mask(" see CANARY-short-value ", request)).isEqualTo(" see *** ");
    assertThat(mapper.mask(null, request)).isNull();
  }

  // Masked copies of cause chains.

  private static Throwable chain(int links, String topMessage) {
    Throwable top = new IOException(topMessage);
    Throwable last = top;
    for (int i = 1; i < links; i++) {
      Throwable next = new IOException("link " + i);
      last.initCause(next);
      last = next;
    }
    return top;
  }

  private static int links(Throwable t) {
    int n = 0;
    for (Throwable c = t; c != null; c = c.getCause()) {
      n++;
    }
    return n;
  }

  /** Seventeen links (depth 0 to 16) are checked and copied; an eighteenth is left out, which counts as a change. */
  @Test
  void aCauseChainIsCopiedSeventeenLinksDeep() {
    Throwable seventeen = chain(17, "clean");
    assertThat(withToken.safeCause(seventeen, null)).isSameAs(seventeen);
    Throwable masked17 = withToken.safeCause(chain(17, "Bearer " + TOKEN), null);
    assertThat(links(masked17)).isEqualTo(17);
    Throwable eighteen = chain(18, "clean");
    Throwable cut = withToken.safeCause(eighteen, null);
    assertThat(cut).isNotSameAs(eighteen).isInstanceOf(ErrorMapper.MaskedCause.class);
    assertThat(links(cut)).isEqualTo(17);
    assertThat(cut.getMessage()).isEqualTo("java.io.IOException: clean");
  }

  @Test
  void suppressedAreCheckedSeventeenLevelsDeepToo() {
    IOException top = new IOException("level 0");
    IOException last = top;
    for (int i = 1; i <= 17; i++) {
      IOException next = new IOException("level " + i);
      last.addSuppressed(next);
      last = next;
    }
    Throwable copy = withToken.safeCause(top, null);
    assertThat(copy).isNotSameAs(top);
    int levels = 1;
    for (Throwable s = copy; s.getSuppressed().length > 0; s = s.getSuppressed()[0]) {
      levels++;
    }
    assertThat(levels).isEqualTo(17);
    last.addSuppressed(new IOException("Bearer " + TOKEN)); // beyond the depth: left out, never shown
    assertThat(Encodings.shown(withToken.safeCause(top, null))).noneMatch(text -> text.contains(TOKEN));
  }

  /** A copy keeps the class name, masked message and stack trace of every link, cause and suppressed alike. */
  @Test
  void eachMaskedLinkKeepsItsClassNameMessageAndStackTrace() {
    IOException inner = new java.io.EOFException("inner clean");
    IOException top = new IOException("Bearer " + TOKEN);
    top.initCause(inner);
    IOException suppressed = new java.io.FileNotFoundException("also " + TOKEN);
    top.addSuppressed(suppressed);
    Throwable copy = withToken.safeCause(top, null);
    assertThat(copy.getMessage()).isEqualTo("java.io.IOException: Bearer ***");
    assertThat(copy).hasToString("java.io.IOException: Bearer *** (masked)");
    assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
    assertThat(copy.getCause()).isInstanceOf(ErrorMapper.MaskedCause.class)
        .hasMessage("java.io.EOFException: inner clean").hasNoCause();
    assertThat(copy.getCause().getStackTrace()).isEqualTo(inner.getStackTrace());
    assertThat(copy.getSuppressed()).singleElement().satisfies(s -> {
      assertThat(s).hasMessage("java.io.FileNotFoundException: also ***");
      assertThat(s.getStackTrace()).isEqualTo(suppressed.getStackTrace());
    });
  }

  /** An exception reached twice (as cause and as suppressed, or through a cycle) is copied once. */
  @Test
  void anExceptionReachedTwiceIsCopiedOnce() {
    IOException shared = new IOException("shared");
    IOException top = new IOException("Bearer " + TOKEN);
    top.initCause(shared);
    top.addSuppressed(shared);
    IOException a = new IOException("a");
    IOException b = new IOException("b");
    a.addSuppressed(b);
    b.addSuppressed(a);
    top.addSuppressed(a);
    Throwable copy = withToken.safeCause(top, null);
    assertThat(copy.getCause()).hasMessage("java.io.IOException: shared");
    assertThat(copy.getSuppressed()).singleElement().satisfies(s -> {
      assertThat(s).hasMessage("java.io.IOException: a");
      assertThat(s.getSuppressed()).singleElement().satisfies(t -> {
        assertThat(t).hasMessage("java.io.IOException: b");
        assertThat(t.getSuppressed()).isEmpty();
      });
    });
  }

  @Test
  void blankOrMissingMessagesNeedNoMaskingAndCopyAsTheClassName() {
    IOException blank = new IOException("   ");
    assertThat(withToken.safeCause(blank, null)).isSameAs(blank);
    IOException none = new IOException((String) null);
    assertThat(withToken.safeCause(none, null)).isSameAs(none);
    assertThat(withToken.safeCause(null, null)).isNull();
    blank.initCause(new IOException("Bearer " + TOKEN));
    Throwable copy = withToken.safeCause(blank, null);
    assertThat(copy).hasMessage("java.io.IOException");
    assertThat(copy.getCause()).hasMessage("java.io.IOException: Bearer ***");
  }

  /** An exception whose toString shows more than its message (here a header) is copied when that shows a secret. */
  static final class Leaky extends IOException {
    private static final long serialVersionUID = 1L;
    private final String shown;

    Leaky(String message, String shown) {
      super(message);
      this.shown = shown;
    }

    @Override
    public String toString() {
      return "Leaky{" + shown + "}";
    }
  }

  @Test
  void aToStringShowingASecretIsMaskedEvenWhenTheMessageIsClean() {
    Leaky leaky = new Leaky("clean", "Authorization: Bearer " + TOKEN);
    Throwable copy = withToken.safeCause(leaky, null);
    assertThat(copy).isInstanceOf(ErrorMapper.MaskedCause.class).hasMessage(Leaky.class.getName() + ": clean");
    Leaky nameless = new Leaky(null, TOKEN);
    assertThat(withToken.safeCause(nameless, null)).hasMessage(Leaky.class.getName());
    Leaky harmless = new Leaky("clean", "retries=3");
    assertThat(withToken.safeCause(harmless, null)).isSameAs(harmless);
  }

  /** Masking a copy again (more secrets known later) keeps one class name, not the copy's own. */
  @Test
  void aMaskedCopyMaskedAgainKeepsTheOriginalClassName() {
    Throwable once = withToken.safeCause(new IOException(TOKEN + " and CANARY-later"), null);
    assertThat(once).hasMessage("java.io.IOException: *** and CANARY-later");
    Throwable twice = mapper.safeCause(once, tagged("CANARY-later"));
    assertThat(twice).hasMessage("java.io.IOException: *** and ***");
  }

  // Sensitive and Operation.

  @Test
  void sensitiveDropsNullsAndNeverShowsItsValues() {
    Sensitive s = Sensitive.of(Secret.of("CANARY-s1"), null, Secret.of("CANARY-s2"));
    assertThat(s.values()).hasSize(2);
    assertThat(s).hasToString("Sensitive[2 values, ***]");
    assertThat(Sensitive.of("CANARY-s3").values()).extracting(Secret::reveal).containsExactly("CANARY-s3");
    assertThat(Sensitive.mask("see CANARY-s3", Sensitive.of("CANARY-s3").values())).isEqualTo("see ***");
    assertThatThrownBy(() -> Sensitive.of((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }

  @Test
  void anUntaggedRequestIsNamedByItsMethodAndPath() {
    Request plain = new Request.Builder().url("http://127.0.0.1/v2/a%20b?x=1").delete().build();
    assertThat(Operation.of(plain)).isEqualTo("DELETE /v2/a%20b");
    Request named = plain.newBuilder().tag(Operation.class, new Operation("deleteThing")).build();
    assertThat(Operation.of(named)).isEqualTo("deleteThing");
  }

  @Test
  void aCutBodyStillGivesAServerException() {
    ApiException e = map(500, JSON, "{\"message\":\"boom\"," + " ".repeat(Redaction.MAX_TEXT) + "\"code\":\"late\"}");
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.apiMessage()).hasValue("boom");
    assertThat(e.errorCode()).isEmpty();
  }
}
