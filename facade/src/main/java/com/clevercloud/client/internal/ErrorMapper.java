package com.clevercloud.client.internal;

import com.clevercloud.client.auth.ApiTokenCredentials;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.auth.OAuth1Credentials;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.ApiException;
import com.clevercloud.client.exception.AuthenticationException;
import com.clevercloud.client.exception.BadRequestException;
import com.clevercloud.client.exception.ConflictException;
import com.clevercloud.client.exception.ForbiddenException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.RateLimitException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.ServerException;
import com.clevercloud.client.exception.TransportException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns failed calls into the client's exceptions: one status switch, one reading of error bodies (Bridge and v4
 * {@code {code, message}}, v2 {@code {id, message, type}}, problem+json, HTML pages, empty bodies).
 */
public final class ErrorMapper {

  /** How much of an error body is read; error bodies are small, an HTML page is cut. */
  private static final long MAX_ERROR_BODY = 64 * 1024;

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
   * Makes a mapper that masks the credentials' secrets wherever a response echoes them.
   *
   * @param clock used to turn a {@code Retry-After} date into a delay
   * @param credentials the client's credentials, or null
   */
  public ErrorMapper(Clock clock, Credentials credentials) {
    this.clock = clock;
    if (credentials instanceof ApiTokenCredentials token) {
      credentialSecrets = List.of(token.token());
    } else if (credentials instanceof OAuth1Credentials oauth) {
      credentialSecrets = List.of(oauth.consumerSecret(), oauth.tokenSecret());
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
    // Mask echoed secrets first: everything below (code, message, short body) derives from the masked text.
    String body = mask(rawBody, request);
    String requestId = mask(headers.get("Sozu-Id"), request);
    String errorCode = null;
    String apiMessage = null;
    JsonObject json = parseObject(body);
    if (json != null) {
      errorCode = firstString(json, "code", "id");
      apiMessage = firstString(json, "message", "error", "detail", "title");
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
    if (requestId != null) {
      message.append(" (Sozu-Id ").append(requestId).append(')');
    }
    String shortBody = Redaction.shortBody(body);
    String msg = message.toString();

    return switch (status) {
      case 400, 422 -> new BadRequestException(msg, operation, status, errorCode, apiMessage, requestId, shortBody);
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
   * Maps an I/O failure (no response, or a response cut short).
   *
   * @param e the failure
   * @param operation the operation's name
   * @return the exception to throw
   */
  public TransportException transport(IOException e, String operation) {
    boolean timeout = e instanceof InterruptedIOException;
    String what = timeout ? "timed out" : "failed before a complete response arrived";
    // The I/O message names hosts and ports at most; it never holds request headers or bodies.
    return new TransportException(operation + ": " + what + " (" + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + mask(e.getMessage(), null)) + ")", operation, timeout, e);
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
   * (environment variables: their values sit under keys no pattern can recognise as secret).
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
    String msg = operation + ": HTTP " + response.code() + describeBody(contentType, body) + " could not be read as "
        + expected;
    String requestId = mask(response.header("Sozu-Id"), response.request());
    if (requestId != null) {
      msg += " (Sozu-Id " + requestId + ")";
    }
    return new ResponseDecodingException(msg, operation, response.code(), requestId,
        bodyIsSecret ? null : shortBody(body, response.request()), sanitized(cause));
  }

  /**
   * A body fit for an exception: secrets the request carried and the client's credentials masked, secret-looking
   * JSON and form values masked, truncated.
   *
   * @param body the body, or null
   * @param request the request it answers (for its {@link Sensitive} tag), or null
   * @return the short body, or null
   */
  public String shortBody(String body, Request request) {
    return Redaction.shortBody(mask(body, request));
  }

  /**
   * Masks the client's credential secrets and the request's {@link Sensitive} values in a text.
   *
   * @param text the text, or null
   * @param request the request, or null
   * @return the masked text, or null
   */
  public String mask(String text, Request request) {
    String masked = Sensitive.mask(text, credentialSecrets);
    Sensitive tagged = request == null ? null : request.tag(Sensitive.class);
    return tagged == null ? masked : Sensitive.mask(masked, tagged.values());
  }

  /**
   * A stand-in for a parser's exception: same type name, JSON path and stack trace, but not its message, which may
   * quote a value from the body (Gson's {@code NumberFormatException: For input string: "…"}).
   */
  static Throwable sanitized(Throwable cause) {
    if (cause == null) {
      return null;
    }
    String path = null;
    String text = String.valueOf(cause.getMessage());
    Matcher m = JSON_PATH.matcher(text);
    if (m.find()) {
      path = m.group(1);
    }
    IllegalStateException safe = new IllegalStateException(cause.getClass().getName()
        + (path == null ? "" : " at " + path));
    safe.setStackTrace(cause.getStackTrace());
    return safe;
  }

  private static final Pattern JSON_PATH = Pattern.compile("path (\\$[^\\s]*)");

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

  private static JsonObject parseObject(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(body);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String firstString(JsonObject json, String... names) {
    for (String name : names) {
      JsonElement e = json.get(name);
      if (e != null && e.isJsonPrimitive()) {
        JsonPrimitive p = e.getAsJsonPrimitive();
        String value = p.isNumber() ? p.getAsNumber().toString() : p.getAsString();
        if (!value.isBlank()) {
          return value;
        }
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
