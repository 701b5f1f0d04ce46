package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.TokenCreatedButUnreadableException;
import com.clevercloud.client.exception.TransportException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * Edges of an API token's creation: what the exceptions of an unreadable or lost answer say (the Sozu-Id, the
 * cause, where to look for a token that may exist, said once, in both twins), and the plain scan that recovers a
 * secret from an answer cut short (ids found by either read, escapes at their edges, a member at the very start).
 */
class ApiTokensEdgesTest extends TestServers {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:30:00Z"), ZoneOffset.UTC);
  private static final String CANARY = "CANARY-5ec2e7-token";
  private static final String LOOK = "; look for the token with client.api(ApiTokensApi.class).listApiTokens() and "
      + "revoke it if unwanted";

  private CleverCloudClient client() {
    return builder().credentials(Credentials.apiToken("tok")).clock(CLOCK).build();
  }

  private static CreateApiTokenRequest request() {
    return CreateApiTokenRequest.builder().name("CI").expiration("30d").password("CANARY-pass-0001")
        .email("jane.doe@example.com").build();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  /** An answer Gson refuses (creationDate of the wrong type) that still holds the secret. */
  private static final String UNREADABLE = "{\"apiToken\":\"" + CANARY + "\",\"apiTokenId\":\"api_tokens_9\","
      + "\"creationDate\":12}";

  /** The proxy's request id helps support find the call: it ends the message when the answer had one, else nothing. */
  @Test
  void anUnreadableAnswerNamesItsSozuIdOnlyWhenItHadOne() {
    bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .addHeader("Sozu-Id", "01JSOZU7REQ").body(UNREADABLE).build());
    bridge.enqueue(json(UNREADABLE));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.getMessage()).endsWith(" (Sozu-Id 01JSOZU7REQ)");
            assertThat(e.requestId()).contains("01JSOZU7REQ");
          });
      assertThatThrownBy(() -> client.apiTokens().create(request()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.getMessage()).doesNotContain("Sozu-Id")
                .endsWith("the token was created and its secret received, but the response could not be fully read");
            assertThat(e.requestId()).isEmpty();
          });
    }
  }

  /**
   * The cause of an unreadable answer names the parser's failure by its type only (its message could quote the
   * secret); an answer the parser read but that lacks the token's id has no parser failure, so no cause.
   */
  @Test
  void anUnreadableAnswerHasTheParserFailureTypeAsCauseAndAReadableOneNone() {
    bridge.enqueue(json(UNREADABLE));
    bridge.enqueue(json("{\"apiToken\":\"" + CANARY + "\",\"name\":\"CI\"}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.getCause()).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("java.time.format.DateTimeParseException"); // creationDate: 12
            assertThat(e.secret().reveal()).isEqualTo(CANARY);
          });
      assertThatThrownBy(() -> client.apiTokens().create(request()))
          .isInstanceOfSatisfying(TokenCreatedButUnreadableException.class, e -> {
            assertThat(e.getCause()).isNull();
            assertThat(e.secret().reveal()).isEqualTo(CANARY);
            assertThat(e.apiTokenId()).isEmpty();
          });
    }
  }

  /**
   * The connection drops once the creation went out, before any answer: both twins say the token may exist and
   * where to look for it, once.
   */
  @Test
  void aLostAnswerSaysOnceWhereToLookForTheTokenInBothTwins() {
    for (int i = 0; i < 2; i++) {
      bridge.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    }
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.apiTokens().create(request()))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.getMessage()).contains("may have been created").endsWith(LOOK);
            assertThat(count(e.getMessage(), LOOK)).isOne();
          });
      assertThatThrownBy(() -> client.apiTokens().createAsync(request()).join())
          .isInstanceOf(CompletionException.class).cause()
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.getMessage()).contains("may have been created").endsWith(LOOK);
            assertThat(count(e.getMessage(), LOOK)).isOne();
          });
    }
  }

  /**
   * The answer began, then the connection broke before any secret arrived: the message says the token may exist and
   * where to look, once, in both twins (the asynchronous one must not add it a second time).
   */
  @Test
  void anAnswerBrokenBeforeTheSecretSaysOnceWhereToLookInBothTwins() {
    String body = "{\"name\":\"CI\",\"description\":\"" + "d".repeat(70_000) + "\",\"apiToken\":\"" + CANARY + "\"}";
    for (int i = 0; i < 2; i++) {
      bridge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body)
          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    }
    try (CleverCloudClient client = client()) {
      String sync = catchMessage(() -> client.apiTokens().create(request()));
      assertThat(sync).contains("the answer began, so the token may have been created").endsWith(LOOK);
      assertThat(count(sync, LOOK)).isOne();
      assertThatThrownBy(() -> client.apiTokens().createAsync(request()).join())
          .isInstanceOf(CompletionException.class).cause()
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.getMessage()).contains("the answer began, so the token may have been created")
                .endsWith(LOOK);
            assertThat(count(e.getMessage(), LOOK)).isOne();
          });
    }
  }

  private static String catchMessage(Runnable call) {
    try {
      call.run();
    } catch (TransportException e) {
      return e.getMessage();
    }
    throw new AssertionError("no TransportException");
  }

  /** A creation that never left (nothing listens) created nothing: no word of a token to look for, in either twin. */
  @Test
  void aCreationThatNeverLeftSaysNothingOfATokenToLookFor() throws Exception {
    try (CleverCloudClient client = client()) {
      bridge.close();
      assertThatThrownBy(() -> client.apiTokens().create(request())).isInstanceOf(TransportException.class)
          .hasMessageNotContaining("may have been created").hasMessageNotContaining("look for the token");
      assertThatThrownBy(() -> client.apiTokens().createAsync(request()).join())
          .isInstanceOf(CompletionException.class).cause().isInstanceOf(TransportException.class)
          .hasMessageNotContaining("may have been created").hasMessageNotContaining("look for the token");
    }
  }

  /**
   * The token's id is kept whichever read found it: the streaming read (a numeric id before a secret cut short,
   * which the scan, looking for strings, cannot see) or only the scan (an id inside a value the streaming read
   * stopped in).
   */
  @Test
  void theIdIsKeptWhicheverReadFoundIt() {
    ApiTokens.Found streamed = ApiTokens.find("{\"apiTokenId\":42,\"apiToken\":\"cut-secr");
    assertThat(streamed).isEqualTo(new ApiTokens.Found("cut-secr", false, "42"));

    ApiTokens.Found scanned = ApiTokens.find("{\"creationDate\":{\"apiTokenId\":\"api_tokens_5\",\"apiToken\":\"cut");
    assertThat(scanned).isEqualTo(new ApiTokens.Found("cut", false, "api_tokens_5"));
  }

  /**
   * A secret cut short is decoded by the scan, escapes included: {@code \u0000} (the smallest code) and a lower-case
   * {@code f} digit (the last hex letter) are escapes, not text to keep as it came.
   */
  @Test
  void theScanDecodesUnicodeEscapesAtTheirEdges() {
    ApiTokens.Found found = ApiTokens.find("{\"apiToken\":\"a\\u0000b\\u00ffc\\u00FFd\\u004g");
    assertThat(found.secret()).isEqualTo("a\u0000b\u00ffc\u00ffd\\u004g");
    assertThat(found.complete()).isFalse();
  }

  /** The scan finds the member wherever it stands, even as the very first characters of the text. */
  @Test
  void theScanFindsTheSecretAtTheVeryStartOfTheText() {
    assertThat(ApiTokens.find("\"apiToken\":\"" + CANARY + "\",\"apiTokenId\":\"api_tokens_3\""))
        .isEqualTo(new ApiTokens.Found(CANARY, true, "api_tokens_3"));
  }
}
