package com.clevercloud.client.internal;

import com.clevercloud.client.auth.ApiTokenCredentials;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.AuthenticationException;
import com.clevercloud.client.exception.BadRequestException;
import com.clevercloud.client.exception.ConflictException;
import com.clevercloud.client.exception.FieldError;
import com.clevercloud.client.exception.ForbiddenException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.RateLimitException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TransportException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns failed calls into the client's exceptions: one status switch, one reading of error bodies (Bridge and v4
 * {@code {code, message}}, v2 {@code {id, message, type}}, problem+json, HTML pages, empty bodies), including the
 * field errors of validation bodies ({@code errors}, Prism's {@code validation}) for {@link BadRequestException}.
 *
 * <p>Everything from the server that reaches an exception (code, message, body, {@code Sozu-Id}, I/O messages of
 * causes) goes through {@link Redaction}: cut to a bounded excerpt, decoded, and masked against the client's
 * credentials and the values the request carried ({@link Sensitive}), in every encoding.
 */
public final class ErrorMapper {

  /** How much of an error body is read; error bodies are small, an HTML page is cut. */
  private static final long MAX_ERROR_BODY = 64 * 1024;

  /** The longest error code, API message, request id or I/O message kept: a real one is far shorter. */
  private static final int MAX_FIELD = 1000;

  /** The most field errors kept from one body; the rest are counted, not kept. */
  private static final int MAX_FIELD_ERRORS = 50;

  /** The most field errors quoted in an exception's message; {@code fieldErrors()} has them all. */
  private static final int MAX_FIELD_ERRORS_IN_MESSAGE = 5;

  /** The most segments of a field path given as a list ({@code ["body", "items", 0, "name"]}). */
  private static final int MAX_PATH_SEGMENTS = 16;

  /** How deep a cause chain is copied when it must be masked (causes and suppressed): beyond, it is left out. */
  private static final int MAX_CAUSE_DEPTH = 16;

  private final Clock clock;
  private final List<Secret> credentialSecrets;

  /**
   * Makes a mapper for a client without credentials.
   *
   * @param clock used to turn a {@code Retry-After} date into a delay
   */
  public ErrorMapper(Clock clock) {
    this(clock, null);
  }

  /**
   * Makes a mapper that masks the credentials wherever a response echoes them: the API token; for OAuth 1.0a the
   * consumer key and secret, the token and its secret (the token is marked sensitive by the API, and the consumer
   * key identifies the application the secrets belong to).
   *
   * @param clock used to turn a {@code Retry-After} date into a delay
   * @param credentials the client's credentials, or null
   */
  public ErrorMapper(Clock clock, Credentials credentials) {
    this.clock = clock;
    if (credentials instanceof ApiTokenCredentials token) {
      credentialSecrets = List.of(token.token());
    } else if (credentials instanceof OAuth1Credentials oauth) {
      credentialSecrets = List.of(Secret.of(oauth.consumerKey()), oauth.consumerSecret(), Secret.of(oauth.token()),
          oauth.tokenSecret());
    } else {
      credentialSecrets = List.of();
    }
  }

  /**
   * Maps an error response (status outside 2xx). Reads at most 64 KiB of the body; does not close the response.
   *
   * @param response the response
   * @param operation the operation's name
   * @return the exception to throw
   */
  public ApiException fromResponse(Response response, String operation) {
    String text;
    MediaType type = null;
    try {
      ResponseBody peeked = response.peekBody(MAX_ERROR_BODY);
      type = peeked.contentType();
      text = peeked.string();
    } catch (IOException e) {
      text = null; // the status says enough; an unreadable error body must not hide it
    }
    return fromParts(response.code(), response.headers(), type, text, operation, response.request());
  }

  /**
   * Maps an error status with an already read body.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param contentType the body's type, or null
   * @param body the body text, or null
   * @param operation the operation's name
   * @return the exception to throw
   */
  public ApiException fromParts(int status, Headers headers, MediaType contentType, String body, String operation) {
    return fromParts(status, headers, contentType, body, operation, null);
  }

  private ApiException fromParts(int status, Headers headers, MediaType contentType, String rawBody, String operation,
      Request request) {
    List<Secret> secrets = secrets(request);
    // Cut first: a hostile body costs no more to read than its excerpt. Every part below is masked on its own.
    String body = excerpt(rawBody);
    BodyRead read = codeAndMessage(body);
    String errorCode = field(read.code(), secrets);
    String apiMessage = field(read.message(), secrets);
    String requestId = field(headers.get("Sozu-Id"), secrets);
    List<FieldError> fieldErrors = new ArrayList<>();
    for (String[] raw : read.fieldErrors()) {
      FieldError fe = new FieldError(field(raw[0], secrets), field(raw[1], secrets), field(raw[2], secrets));
      if (fe.field().isPresent() || fe.message().isPresent() || fe.code().isPresent()) {
        fieldErrors.add(fe);
      }
    }

    StringBuilder message = new StringBuilder();
    message.append(operation).append(": HTTP ").append(status);
    if (apiMessage != null || errorCode != null) {
      if (errorCode != null) {
        message.append(" [").append(errorCode).append(']');
      }
      if (apiMessage != null) {
        message.append(' ').append(apiMessage);
      }
    } else {
      message.append(describeBody(contentType, body)).append(" (").append(reason(status)).append(')');
    }
    for (int i = 0; i < fieldErrors.size() && i < MAX_FIELD_ERRORS_IN_MESSAGE; i++) {
      message.append(i == 0 ? ": " : "; ").append(fieldErrors.get(i));
    }
    int unquoted = fieldErrors.size() + read.moreFieldErrors() - MAX_FIELD_ERRORS_IN_MESSAGE;
    if (unquoted > 0) {
      message.append(" (and ").append(unquoted).append(" more field error").append(unquoted == 1 ? "" : "s")
          .append(')');
    }
    if (requestId != null) {
      message.append(" (Sozu-Id ").append(requestId).append(')');
    }
    String shortBody = Redaction.truncate(Redaction.clean(rawBody, secrets, true));
    String msg = Redaction.clean(message.toString(), secrets, true); // the content type came from the server too

    return switch (status) {
      case 400, 422 -> new BadRequestException(msg, operation, status, errorCode, apiMessage, requestId, shortBody,
          fieldErrors);
      case 401 -> new AuthenticationException(msg, operation, status, errorCode, apiMessage, requestId, shortBody);
      case 403 -> new ForbiddenException(msg, operation, status, errorCode, apiMessage, requestId, shortBody);
      case 404 -> new NotFoundException(msg, operation, status, errorCode, apiMessage, requestId, shortBody);
      case 409 -> new ConflictException(msg, operation, status, errorCode, apiMessage, requestId, shortBody);
      case 429 -> new RateLimitException(msg, operation, status, errorCode, apiMessage, requestId, shortBody,
          retryAfter(headers.get("Retry-After")));
      default -> status >= 500 && status <= 599
          ? new ServerException(msg, operation, status, errorCode, apiMessage, requestId, shortBody)
          : new ApiException(msg, operation, status, errorCode, apiMessage, requestId, shortBody);
    };
  }

  /**
   * Maps an I/O failure (no response, or a response cut short), masking the client's credentials in its message and
   * causes.
   *
   * @param e the failure
   * @param operation the operation's name
   * @return the exception to throw
   */
  public TransportException transport(IOException e, String operation) {
    return transport(e, operation, null);
  }

  /**
   * Maps an I/O failure (no response, or a response cut short). Its message can quote the server (OkHttp's
   * {@code Unexpected status line: …}), which can echo the request: the message and every message of the cause chain
   * are masked against the client's credentials and the request's {@link Sensitive} values (see
   * {@link #safeCause(Throwable, Request)}).
   *
   * @param e the failure
   * @param operation the operation's name
   * @param request the request that failed, or null
   * @return the exception to throw
   */
  public TransportException transport(IOException e, String operation, Request request) {
    List<Secret> secrets = secrets(request);
    boolean timeout = e instanceof InterruptedIOException;
    String what = timeout ? "timed out" : "failed before a complete response arrived";
    String detail = field(e.getMessage(), secrets);
    return new TransportException(operation + ": " + what + " (" + e.getClass().getSimpleName()
        + (detail == null ? "" : ": " + detail) + ")", operation, timeout, safeCause(e, secrets));
  }

  /**
   * Maps a 2xx body that cannot be decoded.
   *
   * @param response the response
   * @param contentType the body's type, or null
   * @param body the body text
   * @param expected what was expected, for example {@code UserView}
   * @param operation the operation's name
   * @param cause the parser's failure
   * @return the exception to throw
   */
  public ResponseDecodingException decoding(Response response, MediaType contentType, String body, String expected,
      String operation, Throwable cause) {
    return decoding(response, contentType, body, expected, operation, cause, false);
  }

  /**
   * Maps a 2xx body that cannot be decoded, leaving the body out of the exception when it is a secret as a whole
   * (environment variables: their values sit under keys no pattern can recognise as secret). Only an excerpt of the
   * body is looked at, whatever its size.
   *
   * @param response the response
   * @param contentType the body's type, or null
   * @param body the body text
   * @param expected what was expected
   * @param operation the operation's name
   * @param cause the parser's failure
   * @param bodyIsSecret whether to keep the body out of the exception
   * @return the exception to throw
   */
  public ResponseDecodingException decoding(Response response, MediaType contentType, String body, String expected,
      String operation, Throwable cause, boolean bodyIsSecret) {
    List<Secret> secrets = secrets(response.request());
    String excerpt = excerpt(body);
    String msg = operation + ": HTTP " + response.code() + describeBody(contentType, excerpt) + " could not be read as "
        + expected;
    String requestId = field(response.header("Sozu-Id"), secrets);
    if (requestId != null) {
      msg += " (Sozu-Id " + requestId + ")";
    }
    return new ResponseDecodingException(Redaction.clean(msg, secrets, true), operation, response.code(), requestId,
        bodyIsSecret ? null : Redaction.truncate(Redaction.clean(body, secrets, true)), sanitized(cause, secrets));
  }

  /** The first {@link Redaction#MAX_TEXT} characters of a body (all of a shorter one), or null. */
  private static String excerpt(String body) {
    return body == null ? null : body.substring(0, Math.min(body.length(), Redaction.MAX_TEXT));
  }

  /**
   * A body fit for an exception: secrets the request carried and the client's credentials masked in every encoding,
   * secret-looking JSON and form values masked, decoded, truncated.
   *
   * @param body the body, or null
   * @param request the request it answers (for its {@link Sensitive} tag), or null
   * @return the short body, or null
   */
  public String shortBody(String body, Request request) {
    return Redaction.truncate(Redaction.clean(body, secrets(request), true));
  }

  /**
   * Masks the client's credential secrets, the request's {@link Sensitive} values (in every encoding) and the values
   * of secret-looking keys in a text; the text is decoded (see {@link Redaction}) and cut to
   * {@link Redaction#MAX_TEXT} characters.
   *
   * @param text the text, or null
   * @param request the request, or null
   * @return the masked text, or null
   */
  public String mask(String text, Request request) {
    return Redaction.clean(text, secrets(request), true);
  }

  /**
   * A cause fit for an exception the client throws: itself if no message in its chain (causes and suppressed) holds
   * anything to mask; else a masked copy of the whole chain, each link a {@code MaskedCause} whose message starts
   * with the original class name and whose stack trace is the original's.
   *
   * @param cause the cause, or null
   * @param request the request that failed, or null
   * @return the cause or its masked copy, or null
   */
  public Throwable safeCause(Throwable cause, Request request) {
    return safeCause(cause, secrets(request));
  }

  private Throwable safeCause(Throwable cause, List<Secret> secrets) {
    if (cause == null) {
      return null;
    }
    boolean[] changed = {false};
    Throwable copy = maskedCopy(cause, secrets, Collections.newSetFromMap(new IdentityHashMap<>()), 0, changed);
    return changed[0] ? copy : cause;
  }

  /** The masked copy of a chain; {@code changed[0]} tells whether any message needed masking (or was cut off). */
  private static Throwable maskedCopy(Throwable t, List<Secret> secrets, Set<Throwable> seen, int depth,
      boolean[] changed) {
    if (t == null || !seen.add(t)) {
      return null;
    }
    if (depth > MAX_CAUSE_DEPTH) {
      changed[0] = true; // too deep to check: left out
      return null;
    }
    String raw = t.getMessage();
    String message = field(raw, secrets);
    if (raw != null && !raw.isBlank() && !raw.equals(message)) {
      changed[0] = true;
    }
    String text = t.toString(); // checked apart only when a class shows more than its name and message
    String usual = t.getClass().getName() + (t.getLocalizedMessage() == null ? "" : ": " + t.getLocalizedMessage());
    if (!text.equals(usual) && !text.equals(Redaction.clean(text, secrets, true))) {
      changed[0] = true;
    }
    // A copy masked again (with more secrets known) keeps the original class name it already starts with.
    String name = t instanceof MaskedCause ? "" : t.getClass().getName() + (message == null ? "" : ": ");
    MaskedCause copy = new MaskedCause(name + (message == null ? "" : message),
        maskedCopy(t.getCause(), secrets, seen, depth + 1, changed));
    copy.setStackTrace(t.getStackTrace());
    for (Throwable s : t.getSuppressed()) {
      Throwable masked = maskedCopy(s, secrets, seen, depth + 1, changed);
      if (masked != null) {
        copy.addSuppressed(masked);
      }
    }
    return copy;
  }

  /**
   * The masked copy of a cause whose message held something to mask: its message is the original class name and the
   * masked message; its stack trace, causes and suppressed are the original's (masked likewise).
   */
  static final class MaskedCause extends Exception {
    private static final long serialVersionUID = 1L;

    MaskedCause(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String toString() {
      return getMessage() + " (masked)";
    }
  }

  /** The client's credentials and the request's sensitive values. */
  private List<Secret> secrets(Request request) {
    Sensitive tagged = request == null ? null : request.tag(Sensitive.class);
    if (tagged == null || tagged.values().isEmpty()) {
      return credentialSecrets;
    }
    List<Secret> all = new ArrayList<>(credentialSecrets);
    all.addAll(tagged.values());
    return all;
  }

  /** A server-given string fit for an exception: masked, decoded, at most {@link #MAX_FIELD} characters. */
  private static String field(String value, List<Secret> secrets) {
    String safe = Redaction.clean(value, secrets, true);
    if (safe == null || safe.isBlank()) {
      return null;
    }
    return safe.length() <= MAX_FIELD ? safe : safe.substring(0, MAX_FIELD) + "…";
  }

  /**
   * A stand-in for a parser's exception: same type name, JSON path (masked: it holds member names from the body) and
   * stack trace, but not its message, which may quote a value from the body (Gson's
   * {@code NumberFormatException: For input string: "…"}).
   */
  private static Throwable sanitized(Throwable cause, List<Secret> secrets) {
    if (cause == null) {
      return null;
    }
    String path = null;
    // Masked whole first: a secret with a space in it, cut at the space by the path's end, would not be found.
    String text = String.valueOf(field(cause.getMessage(), secrets));
    int at = text.indexOf("path $");
    if (at >= 0) {
      int end = at + 5;
      while (end < text.length() && end - at < 200 && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      path = text.substring(at + 5, end);
    }
    IllegalStateException safe = new IllegalStateException(cause.getClass().getName()
        + (path == null ? "" : " at " + path));
    safe.setStackTrace(cause.getStackTrace());
    return safe;
  }

  /** A few words on the body for messages: never its content. */
  static String describeBody(MediaType type, String body) {
    if (body == null || body.isBlank()) {
      return " with an empty body";
    }
    String trimmed = body.stripLeading();
    boolean html = (type != null && "html".equalsIgnoreCase(type.subtype()))
        || trimmed.regionMatches(true, 0, "<!doctype html", 0, 14) || trimmed.regionMatches(true, 0, "<html", 0, 5);
    if (html) {
      return " with an HTML body";
    }
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return " with a JSON body of another shape";
    }
    return " with a " + (type == null ? "text" : type.type() + "/" + type.subtype()) + " body";
  }

  /**
   * What an error body says, in the server's words (unmasked): its code, its message, the field errors it lists (each
   * {@code {field, message, code}}, any of them null) and how many more it listed beyond {@link #MAX_FIELD_ERRORS}.
   */
  private record BodyRead(String code, String message, List<String[]> fieldErrors, int moreFieldErrors) {}

  /**
   * The error code ({@code code}, else {@code id}), message ({@code message}, {@code error}, {@code detail},
   * {@code title}) and field errors ({@code errors}, {@code validation}) of a JSON object, read with a streaming
   * reader (never a tree, never a regular expression) over the excerpt already cut to {@link Redaction#MAX_TEXT}: a
   * body that is cut off or broken further on still gives what came before, and what is kept is bounded.
   */
  private static BodyRead codeAndMessage(String body) {
    String[] found = new String[6]; // code, id, message, error, detail, title
    List<String> names = List.of("code", "id", "message", "error", "detail", "title");
    List<String[]> fieldErrors = new ArrayList<>();
    int[] more = {0};
    if (body != null && body.stripLeading().startsWith("{")) {
      try (JsonReader reader = new JsonReader(new StringReader(body))) {
        reader.setStrictness(Strictness.LENIENT);
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          int index = names.indexOf(name);
          JsonToken token = reader.peek();
          if (name.equals("errors") || name.equals("validation")) {
            fieldErrors(reader, fieldErrors, more);
          } else if (index >= 0 && found[index] == null && isScalar(token)) {
            String value = scalar(reader);
            found[index] = value.isBlank() ? null : value;
          } else {
            reader.skipValue();
          }
        }
      } catch (IOException | RuntimeException brokenFurtherOn) {
        // keep what was read
      }
    }
    return new BodyRead(found[0] != null ? found[0] : found[1],
        found[2] != null ? found[2] : found[3] != null ? found[3] : found[4] != null ? found[4] : found[5],
        fieldErrors, more[0]);
  }

  /**
   * The field errors under {@code errors} or {@code validation}: a list of objects or strings (seed 003's
   * {@code validation_errors}, Prism's problem+json {@code validation}, JSON:API), an object of field to message or
   * messages (Rails), or one string. Anything else is skipped; beyond {@link #MAX_FIELD_ERRORS} entries are counted.
   */
  private static void fieldErrors(JsonReader reader, List<String[]> out, int[] more) throws IOException {
    JsonToken token = reader.peek();
    if (token == JsonToken.BEGIN_ARRAY) {
      reader.beginArray();
      while (reader.hasNext()) {
        addFieldError(reader, null, out, more);
      }
      reader.endArray();
    } else if (token == JsonToken.BEGIN_OBJECT) {
      reader.beginObject();
      while (reader.hasNext()) {
        String field = reader.nextName();
        if (reader.peek() == JsonToken.BEGIN_ARRAY) {
          reader.beginArray();
          while (reader.hasNext()) {
            addFieldError(reader, field, out, more);
          }
          reader.endArray();
        } else {
          addFieldError(reader, field, out, more);
        }
      }
      reader.endObject();
    } else {
      addFieldError(reader, null, out, more);
    }
  }

  private static void addFieldError(JsonReader reader, String field, List<String[]> out, int[] more)
      throws IOException {
    if (out.size() >= MAX_FIELD_ERRORS) {
      reader.skipValue();
      more[0]++;
      return;
    }
    String[] entry = fieldError(reader, field);
    if (entry != null) {
      out.add(entry);
    }
  }

  /**
   * One field error: a string or number is its message; an object gives the field ({@code field}, {@code path},
   * {@code location}, {@code loc}, {@code pointer}, {@code param}, {@code parameter}, {@code property}, or JSON:API's
   * {@code source.pointer}; a list is joined with dots), the message ({@code message}, {@code msg}, {@code detail},
   * {@code title}, {@code description}, {@code error}, {@code reason}, first found in that order) and the code
   * ({@code code}, else {@code type}, {@code rule}, {@code keyword}). Anything else in it is skipped.
   */
  private static String[] fieldError(JsonReader reader, String defaultField) throws IOException {
    JsonToken token = reader.peek();
    if (isScalar(token)) {
      return new String[] {defaultField, scalar(reader), null};
    }
    if (token != JsonToken.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    List<String> fieldNames = List.of("field", "path", "location", "loc", "pointer", "param", "parameter",
        "property", "source");
    List<String> messageNames = List.of("message", "msg", "detail", "title", "description", "error", "reason");
    List<String> codeNames = List.of("code", "type", "rule", "keyword");
    String[] fields = new String[fieldNames.size()];
    String[] messages = new String[messageNames.size()];
    String[] codes = new String[codeNames.size()];
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      JsonToken value = reader.peek();
      int f = fieldNames.indexOf(name);
      int m = messageNames.indexOf(name);
      int c = codeNames.indexOf(name);
      if (f >= 0 && fields[f] == null && (isScalar(value) || value == JsonToken.BEGIN_ARRAY
          || (value == JsonToken.BEGIN_OBJECT && name.equals("source")))) {
        fields[f] = value == JsonToken.BEGIN_ARRAY ? path(reader)
            : value == JsonToken.BEGIN_OBJECT ? sourcePointer(reader) : scalar(reader);
      } else if (m >= 0 && messages[m] == null && isScalar(value)) {
        messages[m] = scalar(reader);
      } else if (c >= 0 && codes[c] == null && isScalar(value)) {
        codes[c] = scalar(reader);
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
    String field = first(fields);
    return new String[] {field != null ? field : defaultField, first(messages), first(codes)};
  }

  /** A path given as a list, {@code ["body", "items", 0]}: its scalar segments joined with dots, at most 16. */
  private static String path(JsonReader reader) throws IOException {
    StringBuilder out = new StringBuilder();
    int segments = 0;
    reader.beginArray();
    while (reader.hasNext()) {
      if (segments < MAX_PATH_SEGMENTS && isScalar(reader.peek())) {
        out.append(segments++ == 0 ? "" : ".").append(scalar(reader));
      } else {
        reader.skipValue();
      }
    }
    reader.endArray();
    return out.length() == 0 ? null : out.toString();
  }

  /** JSON:API's {@code source}: its {@code pointer}, else its {@code parameter}. */
  private static String sourcePointer(JsonReader reader) throws IOException {
    String pointer = null;
    String parameter = null;
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (name.equals("pointer") && pointer == null && isScalar(reader.peek())) {
        pointer = scalar(reader);
      } else if (name.equals("parameter") && parameter == null && isScalar(reader.peek())) {
        parameter = scalar(reader);
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
    return pointer != null ? pointer : parameter;
  }

  private static boolean isScalar(JsonToken token) {
    return token == JsonToken.STRING || token == JsonToken.NUMBER || token == JsonToken.BOOLEAN;
  }

  /** A string, number or boolean as text (a number as written, never parsed). */
  private static String scalar(JsonReader reader) throws IOException {
    return reader.peek() == JsonToken.BOOLEAN ? String.valueOf(reader.nextBoolean()) : reader.nextString();
  }

  private static String first(String[] values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** {@code Retry-After}: delay seconds or an HTTP date (RFC 9110 §10.2.3). */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  /** Reason phrases: HTTP/2 responses have none, and messages read better with one. */
  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "HTTP " + status;
    };
  }
}
