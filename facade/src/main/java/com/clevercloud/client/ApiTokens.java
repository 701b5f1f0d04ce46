package com.clevercloud.client;

import com.clevercloud.api.bridge.invoker.JSON;
import com.clevercloud.api.bridge.model.ApiTokenCreateRequest;
import com.clevercloud.api.v2.api.SelfApi;
import com.clevercloud.api.v2.model.UserView;
import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.TokenCreatedButUnreadableException;
import com.clevercloud.client.exception.TransportException;
import com.clevercloud.client.internal.CancellableFuture;
import com.clevercloud.client.internal.check.Checks;
import com.clevercloud.client.internal.Operation;
import com.clevercloud.client.internal.ErrorMapper;
import com.clevercloud.client.internal.Routing;
import com.clevercloud.client.internal.Sensitive;
import com.google.gson.Gson;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * Creating an API token, the one operation of the Bridge with a handwritten twin: its secret is shown once, so it is
 * handed over typed apart ({@link CreatedApiToken#secret()}), kept even when the rest of the answer is unreadable,
 * and the creation is never repeated. Listing, reading, renaming and revoking tokens are generated
 * ({@code client.api(ApiTokensApi.class)}). Get it with {@link CleverCloudClient#apiTokens()}.
 *
 * <pre>{@code
 * CreatedApiToken created = client.apiTokens().create(CreateApiTokenRequest.builder()
 *     .name("CI deploys").expiration("30d").password(password).build());
 * vault.store(created.secret().reveal());
 * }</pre>
 */
public final class ApiTokens {

  private static final String CREATE = "createApiToken";
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final CleverCloudClient client;
  private final Gson gson = new JSON().getGson();

  ApiTokens(CleverCloudClient client) {
    this.client = client;
  }

  private ErrorMapper errors() {
    return client.executor().errors();
  }

  /**
   * Creates a token and returns it with its secret, which the API shows this once.
   *
   * <p>Before any request it checks the expiration (in the future, at most one year ahead). Without an email in the
   * request it reads the account from {@code GET /v2/self} (which needs credentials) and refuses an account without a
   * password, or one protected by TOTP when no MFA code was given. The creation itself is sent once and never retried,
   * even on a connection failure: a second attempt could mint a second token whose secret nobody sees.
   *
   * @param request what to create
   * @return the token and its secret
   * @throws IllegalArgumentException if the expiration is out of range, or an MFA code or the email is needed
   * @throws IllegalStateException if the account has no password
   * @throws TokenCreatedButUnreadableException if the token was created and its secret received but the rest of the
   *     response could not be read: the exception carries the secret
   * @throws CleverCloudException if the call fails otherwise
   */
  public CreatedApiToken create(CreateApiTokenRequest request) {
    Instant expiration = checkedExpiration(request);
    String email = request.email().orElse(null);
    if (email == null) {
      requireCredentialsForSelf();
      email = emailFrom(client.api(SelfApi.class).getSelf(), request);
    }
    byte[] json = json(request, email, expiration);
    Request create = createRequest(request, json);
    Response sent;
    try {
      sent = client.executor().send(create, CREATE);
    } catch (TransportException e) {
      java.util.Arrays.fill(json, (byte) 0);
      throw mayHaveBeenCreated(e, create, false);
    }
    try (Response response = sent) {
      String text = readAll(response);
      return decode(response, text);
    } finally {
      java.util.Arrays.fill(json, (byte) 0);
    }
  }

  /**
   * As {@link #create(CreateApiTokenRequest)}, without blocking: {@code GET /v2/self} (when no email is given) and
   * the creation are sent on OkHttp's asynchronous path, one after the other. The creation is still sent once and
   * never retried.
   *
   * <p>The request's own checks (expiration, credentials to read the email with) still throw at once; what depends
   * on {@code GET /v2/self} (no password, TOTP without a code) fails the future. Failures complete the future
   * exceptionally with the client's exceptions themselves, so a {@link TokenCreatedButUnreadableException} carrying
   * the secret is the future's exception (as the cause of the {@link java.util.concurrent.CompletionException} that
   * {@code join()} throws). Cancelling the future cancels the call in flight; a cancelled creation may still have
   * created the token.
   *
   * @param request what to create
   * @return the future token and its secret
   * @throws IllegalArgumentException if the expiration is out of range, or the email is needed and the client has no
   *     credentials
   */
  public CompletableFuture<CreatedApiToken> createAsync(CreateApiTokenRequest request) {
    Instant expiration = checkedExpiration(request);
    String email = request.email().orElse(null);
    if (email != null) {
      return createAsync(request, email, expiration);
    }
    requireCredentialsForSelf();
    return ((CancellableFuture<UserView>) client.api(SelfApi.class).getSelfAsync())
        .compose(self -> createAsync(request, emailFrom(self, request), expiration));
  }

  private CancellableFuture<CreatedApiToken> createAsync(CreateApiTokenRequest request, String email,
      Instant expiration) {
    byte[] json = json(request, email, expiration);
    Request create = createRequest(request, json);
    AtomicBoolean answered = new AtomicBoolean();
    CancellableFuture<CreatedApiToken> sent = client.executor().sendAsync(create, CREATE,
        response -> {
          answered.set(true);
          return decode(response, readAll(response));
        });
    sent.whenComplete((token, failure) -> java.util.Arrays.fill(json, (byte) 0));
    // A connection failure before any answer may still have created the token: say so, as create does.
    return sent.mapFailure(failure -> !answered.get() && failure instanceof TransportException t
        ? mayHaveBeenCreated(t, create, false) : failure);
  }

  private Instant checkedExpiration(CreateApiTokenRequest request) {
    Objects.requireNonNull(request, "request == null");
    Instant now = client.clock().instant();
    Instant expiration = request.expiration(client.clock()).truncatedTo(ChronoUnit.MILLIS);
    if (!expiration.isAfter(now)) {
      throw new IllegalArgumentException("expiration " + expiration + " is not in the future");
    }
    Instant max = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    if (expiration.isAfter(max)) {
      throw new IllegalArgumentException("expiration " + expiration + " is more than one year ahead (at most " + max
          + ")");
    }
    return expiration;
  }

  private void requireCredentialsForSelf() {
    if (client.credentials().isEmpty()) {
      throw new IllegalArgumentException("email is required when the client has no credentials to read it from "
          + "GET /v2/self");
    }
  }

  private static String emailFrom(UserView self, CreateApiTokenRequest request) {
    if (Boolean.FALSE.equals(self.getHasPassword())) {
      throw new IllegalStateException("This account has no password (it signs in through GitHub, for example): "
          + "API tokens can only be created by accounts with a password; set one in the Console first");
    }
    if (self.getPreferredMFA() == UserView.PreferredMFAEnum.TOTP && request.mfaCode().isEmpty()) {
      throw new IllegalArgumentException("This account is protected by TOTP: give the current code with "
          + "CreateApiTokenRequest.builder().mfaCode(...)");
    }
    String email = self.getEmail();
    if (email == null || email.isBlank()) {
      throw new IllegalStateException("GET /v2/self returned no email: give it with "
          + "CreateApiTokenRequest.builder().email(...)");
    }
    return email;
  }

  private byte[] json(CreateApiTokenRequest request, String email, Instant expiration) {
    ApiTokenCreateRequest body = new ApiTokenCreateRequest()
        .email(email)
        .password(request.password().reveal())
        .mfaCode(request.mfaCode().map(Secret::reveal).orElse(null))
        .name(request.name())
        .description(request.description().orElse(null))
        .expirationDate(OffsetDateTime.ofInstant(expiration, ZoneOffset.UTC));
    return gson.toJson(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private Request createRequest(CreateApiTokenRequest request, byte[] json) {
    return new Request.Builder()
        .url(client.routing().baseUrl(Routing.Host.BRIDGE).resolve("api-tokens"))
        .post(new OneShotBody(json))
        .tag(Operation.class, new Operation(CREATE))
        .tag(Sensitive.class, Sensitive.of(request.password(), request.mfaCode().orElse(null)))
        .build();
  }

  /** Reads the body, keeping what arrived if the connection breaks: a secret in it must not be lost. */
  private String readAll(Response response) {
    Buffer buffer = new Buffer();
    BufferedSource source = response.body().source();
    try {
      while (source.read(buffer, 8192) != -1) {
        // keep reading
      }
      return buffer.readUtf8();
    } catch (IOException e) {
      Request sent = response.request();
      Found found = find(buffer.readUtf8());
      if (found.secret() != null) {
        throw new TokenCreatedButUnreadableException(CREATE + ": the token was created and its secret received, "
            + "but the connection broke before the end of the response" + found.incompleteNote(), CREATE,
            response.code(), errors().mask(response.header("Sozu-Id"), sent), null, Secret.of(found.secret()),
            found.id(), errors().safeCause(e, sent));
      }
      throw mayHaveBeenCreated(errors().transport(e, CREATE, sent), sent, true);
    }
  }

  /**
   * A failed creation is masked again against the creation's own secrets (the password), which the executor does not
   * know. When the executor says the request went out and its answer was lost (the token may exist), the message also
   * says where to check; a creation that never left (refused connection, closed client) says nothing of the kind.
   */
  private TransportException mayHaveBeenCreated(TransportException e, Request sent, boolean answerBegan) {
    String message = errors().mask(e.getMessage(), sent);
    if (answerBegan && !message.contains("may have been created")) {
      message += "; the answer began, so the token may have been created";
    }
    if (message.contains("may have been created")) {
      message += "; look for the token with client.api(ApiTokensApi.class).listApiTokens() and revoke it if unwanted";
    }
    return new TransportException(message, CREATE, e.isTimeout(), errors().safeCause(e.getCause(), sent));
  }

  /**
   * The created token, or an exception that carries its secret if the body holds one. A creation's answer is never
   * quoted in an exception: it is the one body made to carry a secret.
   */
  private CreatedApiToken decode(Response response, String text) {
    com.clevercloud.api.bridge.model.CreatedApiToken parsed = null;
    RuntimeException failure = null;
    try {
      parsed = gson.fromJson(text, com.clevercloud.api.bridge.model.CreatedApiToken.class);
    } catch (RuntimeException e) {
      failure = e;
    }
    if (parsed != null && parsed.getApiToken() != null && !parsed.getApiToken().isEmpty()
        && parsed.getApiTokenId() != null) {
      return new CreatedApiToken(parsed.getApiTokenId(), parsed.getName(), parsed.getDescription(),
          parsed.getCreationDate() == null ? null : parsed.getCreationDate().toInstant(),
          parsed.getExpirationDate() == null ? null : parsed.getExpirationDate().toInstant(),
          parsed.getStateAsString(), Secret.of(parsed.getApiToken()));
    }
    Found found = find(text);
    String requestId = errors().mask(response.header("Sozu-Id"), response.request());
    if (found.secret() != null) {
      throw new TokenCreatedButUnreadableException(CREATE + ": the token was created and its secret received, but "
          + "the response could not be fully read" + found.incompleteNote()
          + (requestId == null ? "" : " (Sozu-Id " + requestId + ")"),
          CREATE, response.code(), requestId, null, Secret.of(found.secret()), found.id(),
          failure == null ? null : new IllegalStateException(failure.getClass().getName()));
    }
    ResponseDecodingException e = errors().decoding(response, response.body().contentType(), text,
        "CreatedApiToken with an apiToken", CREATE, failure, true);
    throw new ResponseDecodingException(e.getMessage() + "; the token may have been created without its secret "
        + "reaching us: check client.api(ApiTokensApi.class).listApiTokens() and revoke it", CREATE, e.statusCode(), requestId,
        e.body().orElse(null), e.getCause());
  }

  /**
   * What a creation's answer holds: the secret ({@code apiToken}), whether it arrived whole, and the token's id.
   *
   * @param secret the secret, or null if there is none
   * @param complete false if the text ended inside the secret's string: what arrived is its start
   * @param id the token's id, or null
   */
  record Found(String secret, boolean complete, String id) {
    /** Says so in a message when the secret may be only the start of the real one. */
    String incompleteNote() {
      return complete ? "" : " (the response ended inside the secret: what arrived, kept here, may be only its "
          + "start; if it is refused, revoke the token)";
    }

    @Override
    public String toString() {
      return "Found[" + (secret == null ? "no secret" : "***") + ", complete=" + complete + ", id=" + id + "]";
    }
  }

  /**
   * Finds the secret in a creation's answer that Gson refused or that was cut off, whatever its length (no regular
   * expression: a long value must never cost the secret). First a lenient streaming read of the top-level object,
   * which stops at the first broken place and keeps what it read before; then, if no secret was read, a linear scan
   * for {@code "apiToken"} followed by a string, possibly cut off by the end of the text.
   */
  static Found find(String text) {
    if (text == null) {
      return new Found(null, true, null);
    }
    String token = null;
    String id = null;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.LENIENT);
      reader.beginObject();
      while (reader.hasNext() && (token == null || id == null)) {
        String name = reader.nextName();
        JsonToken kind = reader.peek();
        if (name.equals("apiToken") && kind == JsonToken.STRING && token == null) {
          token = reader.nextString();
        } else if (name.equals("apiTokenId") && (kind == JsonToken.STRING || kind == JsonToken.NUMBER)
            && id == null) {
          id = reader.nextString();
        } else {
          reader.skipValue();
        }
      }
    } catch (IOException | RuntimeException broken) {
      // keep what was read before the broken place
    }
    if (token != null && !token.isEmpty()) {
      return new Found(token, true, emptyToNull(id != null ? id : scanString(text, "apiTokenId")[0]));
    }
    String[] scanned = scanString(text, "apiToken");
    String idScanned = id != null ? id : scanString(text, "apiTokenId")[0];
    return new Found(emptyToNull(scanned[0]), scanned[1] != null, emptyToNull(idScanned));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * The string value of the first {@code "name"} member found by a linear scan, JSON escapes decoded:
   * {@code {value, "complete"}} if its closing quote came, {@code {value, null}} if the text ended inside it (an
   * escape cut in two is dropped), {@code {null, null}} if there is none.
   */
  private static String[] scanString(String text, String name) {
    String key = "\"" + name + "\"";
    for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      int i = skipSpaces(text, at + key.length());
      if (i >= text.length() || text.charAt(i) != ':') {
        continue;
      }
      i = skipSpaces(text, i + 1);
      if (i >= text.length() || text.charAt(i) != '"') {
        continue;
      }
      StringBuilder value = new StringBuilder();
      for (i = i + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          return new String[] {value.toString(), "complete"};
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        if (i + 1 >= text.length()) {
          break; // an escape cut in two
        }
        char e = text.charAt(++i);
        if (e == 'u') {
          if (i + 4 >= text.length()) {
            break;
          }
          int code = 0;
          for (int k = i + 1; k <= i + 4 && code >= 0; k++) {
            int digit = Character.digit(text.charAt(k), 16);
            code = digit < 0 || text.charAt(k) > 'f' ? -1 : code * 16 + digit;
          }
          if (code < 0) {
            value.append('\\').append(e); // not an escape: kept as it came
            continue;
          }
          value.append((char) code);
          i += 4;
        } else {
          value.append(switch (e) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> e;
          });
        }
      }
      return new String[] {value.toString(), null};
    }
    return new String[] {null, null};
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * A body OkHttp may send only once: after the request has gone out, OkHttp does not silently repeat it on a
   * connection failure or a 307/308, so a creation is never sent twice.
   */
  private static final class OneShotBody extends RequestBody {
    private final byte[] bytes;

    OneShotBody(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
      return JSON_TYPE;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
    }
  }
}
