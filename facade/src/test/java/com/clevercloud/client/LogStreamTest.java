package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clevercloud.api.v4.model.AccessLog;
import com.clevercloud.api.v4.model.AddonLog;
import com.clevercloud.api.v4.model.ApplicationLog;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.AuthenticationException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.exception.ResponseDecodingException;
import com.clevercloud.client.exception.ServerException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LogStream} against MockWebServer, for what Prism cannot do: connections dropped mid-event, silent
 * connections, servers that resume after (or at) {@code Last-Event-ID}, closing from another thread, many events.
 * With an API token, v4 calls go to the Bridge: the {@code bridge} server plays the log API.
 */
@Timeout(60)
class LogStreamTest extends TestServers {

  private static final String OWNER = "orga_00000000-0000-0000-0000-000000000001";
  private static final String APP = "app_00000000-0000-0000-0000-000000000001";
  private static final String PATH = "/v4/logs/organisations/" + OWNER + "/applications/" + APP + "/logs";
  private static final String END = "event: END_OF_STREAM\ndata: {\"endedBy\":\"UNTIL_REACHED\"}\n\n";

  /** Reconnections wait a millisecond, so that tests do not wait for the real backoff. */
  private static LogQuery<ApplicationLog> query() {
    return LogQuery.application(OWNER, APP).reconnectDelay(Duration.ofMillis(1), Duration.ofMillis(2));
  }

  static String event(int i) {
    return "id: " + i + "\nevent: APPLICATION_LOG\ndata: {\"id\":\"" + i + "\",\"date\":\"2025-07-18T10:00:00."
        + String.format("%03d", i % 1000) + "Z\",\"instanceId\":\"00000000-0000-0000-0000-00000000b001\","
        + "\"message\":\"line " + i + "\"}\n\n";
  }

  static String events(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append(event(i));
      if (i % 10 == 0) {
        sb.append("event: HEARTBEAT\ndata: {}\n\n").append(": a comment\n\n");
      }
    }
    return sb.toString();
  }

  /**
   * An answer that sends {@code sent}, then nothing more while keeping the connection open: MockWebServer stalls
   * half-way through a body, so the body is {@code sent} followed by as many bytes of a comment the client never gets.
   */
  static MockResponse stalledAfter(String sent) {
    String unsent = ":" + "x".repeat(sent.length() - 2) + "\n";
    return sse(sent + unsent).onResponseBody(SocketEffect.Stall.INSTANCE).build();
  }

  static MockResponse.Builder sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body);
  }

  /**
   * A log of {@code total} records, served from after {@code Last-Event-ID} (or at it, if {@code resumeAt}), then
   * {@code END_OF_STREAM}; the first {@code drops} connections are cut half-way through their body.
   */
  static final class LogServer extends Dispatcher {
    final int total;
    final int drops;
    final boolean resumeAt;
    boolean stall;
    final AtomicInteger connections = new AtomicInteger();
    final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    final List<String> limits = new CopyOnWriteArrayList<>();

    LogServer(int total, int drops, boolean resumeAt) {
      this.total = total;
      this.drops = drops;
      this.resumeAt = resumeAt;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      int n = connections.getAndIncrement();
      String last = request.getHeaders().get("Last-Event-ID");
      lastEventIds.add(String.valueOf(last));
      limits.add(String.valueOf(request.getUrl().queryParameter("limit")));
      int from = last == null ? 1 : Integer.parseInt(last) + (resumeAt ? 0 : 1);
      MockResponse.Builder answer = sse(events(from, total) + END);
      if (n < drops) {
        answer.onResponseBody(stall ? SocketEffect.Stall.INSTANCE : new SocketEffect.CloseSocket());
      }
      return answer.build();
    }
  }

  private CleverCloudClient client() {
    return builder().credentials(Credentials.apiToken("t")).build();
  }

  private static List<String> ids(Iterable<ApplicationLog> logs) {
    List<String> ids = new ArrayList<>();
    for (ApplicationLog l : logs) {
      ids.add(l.getId());
    }
    return ids;
  }

  private static List<String> expectedIds(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
  }

  @Test
  void everyRecordOnceInOrderThroughConnectionsDroppedMidEvent() {
    LogServer server = new LogServer(300, 3, false);
    bridge.setDispatcher(server);
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query())) {
      assertThat(ids(logs)).isEqualTo(expectedIds(1, 300));
    }
    assertThat(server.connections.get()).isEqualTo(4);
    // Each reconnection resumes after the last event received; the first connection has nothing to resume from.
    assertThat(server.lastEventIds.get(0)).isEqualTo("null");
    assertThat(server.lastEventIds.subList(1, 4)).allSatisfy(id -> assertThat(id).matches("\\d+"));
    assertThat(server.lastEventIds.subList(1, 4)).isSorted();
  }

  @Test
  void aServerResumingAtTheLastEventRatherThanAfterItDoesNotRepeatIt() {
    LogServer server = new LogServer(100, 2, true);
    bridge.setDispatcher(server);
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query())) {
      assertThat(ids(logs)).isEqualTo(expectedIds(1, 100));
    }
    assertThat(server.connections.get()).isEqualTo(3);
  }

  @Test
  void theLimitCountsTheRecordsAlreadyReceivedAcrossReconnections() {
    LogServer server = new LogServer(100, 1, false);
    bridge.setDispatcher(server);
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query().limit(80))) {
      List<String> ids = ids(logs);
      assertThat(ids).isEqualTo(expectedIds(1, 80));
    }
    assertThat(server.limits.get(0)).isEqualTo("80");
    int firstConnection = Integer.parseInt(server.lastEventIds.get(1));
    assertThat(server.limits.get(1)).isEqualTo(Integer.toString(80 - firstConnection));
  }

  @Test
  void aSilentConnectionIsReconnectedAndResumed() {
    // The first two connections send part of the log, then nothing at all while staying open, for longer than the
    // heartbeat timeout.
    LogServer server = new LogServer(200, 2, false);
    server.stall = true;
    bridge.setDispatcher(server);
    try (CleverCloudClient client = client();
        LogStream<ApplicationLog> logs = client.logs(query().heartbeatTimeout(Duration.ofMillis(300)))) {
      assertThat(ids(logs)).isEqualTo(expectedIds(1, 200));
    }
    // Two stalls, two reconnections at least; a starved machine can pause the last connection past 300 ms too, and
    // that reconnection must also resume without a gap or a repeat (the ids above).
    assertThat(server.connections.get()).isGreaterThanOrEqualTo(3);
    assertThat(server.lastEventIds.subList(1, 3)).allSatisfy(id -> assertThat(id).matches("\\d+"));
  }

  @Test
  void untilEndsTheStreamAtTheServersEndOfStreamEvenIfTheConnectionStaysOpen() throws Exception {
    Instant until = Instant.parse("2025-07-18T11:00:00Z");
    // END_OF_STREAM, then a connection that stays open and silent: the stream ends at the event, not at a timeout.
    bridge.enqueue(stalledAfter(events(1, 5) + END));
    try (CleverCloudClient client = client();
        LogStream<ApplicationLog> logs = client.logs(query().until(until).heartbeatTimeout(Duration.ofSeconds(30)))) {
      Iterator<ApplicationLog> it = logs.iterator();
      List<String> ids = new ArrayList<>();
      it.forEachRemaining(l -> ids.add(l.getId()));
      assertThat(ids).isEqualTo(expectedIds(1, 5));
      assertThat(it.hasNext()).isFalse();
    }
    RecordedRequest request = take(bridge);
    assertThat(request.getUrl().queryParameter("until")).isEqualTo("2025-07-18T11:00:00Z");
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anEndOfStreamCutBeforeItsBlankLineStillEndsTheStream() {
    bridge.enqueue(sse(events(1, 3) + "event: END_OF_STREAM\ndata: {\"endedBy\":\"LIMIT_REACHED\"}\n").build());
    bridge.enqueue(sse(events(1, 3) + END).build()); // what a reconnection would get: the same records again
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query())) {
      assertThat(ids(logs)).isEqualTo(expectedIds(1, 3));
    }
    assertThat(bridge.getRequestCount()).as("no reconnection").isEqualTo(1);
  }

  @Test
  // Without the cancellation, hasNext() would wait for the 5-minute heartbeat timeout.
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void closeFromAnotherThreadEndsABlockedIterationAndReleasesTheConnection() throws Exception {
    bridge.enqueue(stalledAfter(events(1, 2)));
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient http = new OkHttpClient.Builder().connectionPool(pool).build();
    ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
    try (CleverCloudClient client = builder().okHttpClient(http).credentials(Credentials.apiToken("t")).build()) {
      LogStream<ApplicationLog> logs = client.logs(query().heartbeatTimeout(Duration.ofMinutes(5)));
      Iterator<ApplicationLog> it = logs.iterator();
      assertThat(it.next().getId()).isEqualTo("1");
      assertThat(it.next().getId()).isEqualTo("2");
      other.schedule(logs::close, 200, TimeUnit.MILLISECONDS);
      assertThat(it.hasNext()).as("a blocked hasNext() returns false once closed").isFalse();
      assertThat(pool.connectionCount()).as("the connection is released, not kept").isZero();
      assertThat(bridge.getRequestCount()).as("no reconnection after close").isEqualTo(1);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void closeInsideTheLoopEndsIt() {
    bridge.enqueue(sse(events(1, 50)).onResponseBody(SocketEffect.Stall.INSTANCE).build());
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query())) {
      int seen = 0;
      for (ApplicationLog l : logs) {
        seen++;
        logs.close();
      }
      assertThat(seen).isEqualTo(1);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closingTheJavaStreamClosesTheLogStream() {
    bridge.enqueue(sse(events(1, 50)).onResponseBody(SocketEffect.Stall.INSTANCE).build());
    try (CleverCloudClient client = client()) {
      LogStream<ApplicationLog> logs = client.logs(query());
      try (Stream<ApplicationLog> stream = logs.stream()) {
        assertThat(stream.map(ApplicationLog::getId).limit(3).toList()).containsExactly("1", "2", "3");
      }
      assertThat(logs.toString()).contains("ended");
      assertThatThrownBy(logs::iterator).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void thousandsOfEventsInOneBody() {
    int n = 50_000;
    bridge.enqueue(sse(events(1, n) + END).build());
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query())) {
      int[] expected = {1};
      for (ApplicationLog l : logs) {
        assertThat(l.getId()).isEqualTo(Integer.toString(expected[0]++));
      }
      assertThat(expected[0] - 1).isEqualTo(n);
    }
  }

  @Test
  void recordsAreTypedAndSseFieldsFollowTheSpec() {
    // CRLF line ends, no space after the colon, data on two lines, an unknown event, a retry field.
    String body = "retry: 1000\r\nid:7\r\nevent:APPLICATION_LOG\r\ndata:{\"id\":\"7\",\"date\":\"2025-07-18T10:00:00.123Z\",\r\n"
        + "data: \"pid\":42,\"severity\":\"info\",\"message\":\"hello\"}\r\n\r\n"
        + "event: SOMETHING_NEW\ndata: {\"x\":1}\n\n" + END;
    bridge.enqueue(sse(body).build());
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query())) {
      List<ApplicationLog> all = logs.stream().toList();
      assertThat(all).singleElement().satisfies(l -> {
        assertThat(l.getId()).isEqualTo("7");
        assertThat(l.getDate().toInstant()).isEqualTo(Instant.parse("2025-07-18T10:00:00.123Z"));
        assertThat(l.getPid()).isEqualTo(42);
        assertThat(l.getMessage()).isEqualTo("hello");
      });
    }
  }

  @Test
  void addOnAndAccessLogsAreTypedToo() throws Exception {
    String addonPath = "/v4/logs/organisations/" + OWNER + "/resources/postgresql_x/logs";
    bridge.enqueue(sse("id: 1\nevent: RESOURCE_LOG\ndata: {\"id\":\"1\",\"resourceId\":\"postgresql_x\","
        + "\"hostname\":\"pg-1\",\"message\":\"ready\"}\n\n" + END).build());
    bridge.enqueue(sse("id: 2\nevent: ACCESS_LOG\ndata: {\"id\":\"2\",\"bytesOut\":2048,\"source\":{\"ip\":\"203.0.113.7\","
        + "\"geoLocation\":{\"latitude\":47.2}},\"http\":{\"request\":{\"method\":\"GET\",\"path\":\"/health\"},"
        + "\"response\":{\"statusCode\":200,\"time\":12.5}}}\n\n" + END).build());
    try (CleverCloudClient client = client()) {
      try (LogStream<AddonLog> logs = client.logs(LogQuery.addon(OWNER, "postgresql_x"))) {
        assertThat(logs.stream().map(AddonLog::getHostname).toList()).containsExactly("pg-1");
      }
      try (LogStream<AccessLog> logs = client.logs(LogQuery.accessLogs(OWNER, APP))) {
        AccessLog log = logs.iterator().next();
        assertThat(log.getHttp().getResponse().getStatusCode()).isEqualTo(200);
        assertThat(log.getSource().getGeoLocation().getLatitude()).isEqualTo(47.2);
        assertThat(log.getBytesOut()).isEqualTo(2048L);
      }
    }
    assertThat(take(bridge).getUrl().encodedPath()).isEqualTo(addonPath);
    assertThat(take(bridge).getUrl().encodedPath())
        .isEqualTo("/v4/accesslogs/organisations/" + OWNER + "/applications/" + APP + "/accesslogs");
  }

  @Test
  void theQueryTravelsAsTheOfficialClientSendsItThroughTheClientsRoutingAndCredentials() throws Exception {
    bridge.enqueue(sse(END).build());
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query()
        .since(Instant.parse("2025-07-18T10:00:00Z")).filter("ERROR 500").deploymentId("deployment_1")
        .instanceIds("i-1", "i-2").limit(10))) {
      assertThat(logs.iterator().hasNext()).isFalse();
    }
    RecordedRequest r = take(bridge);
    assertThat(r.getUrl().encodedPath()).isEqualTo(PATH);
    assertThat(r.getUrl().queryParameter("since")).isEqualTo("2025-07-18T10:00:00Z");
    assertThat(r.getUrl().queryParameter("filter")).isEqualTo("ERROR 500");
    assertThat(r.getUrl().queryParameter("deploymentId")).isEqualTo("deployment_1");
    assertThat(r.getUrl().queryParameterValues("instanceId")).containsExactly("i-1", "i-2");
    assertThat(r.getUrl().queryParameter("limit")).isEqualTo("10");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t");
    assertThat(r.getHeaders().get("Last-Event-ID")).isNull();
  }

  @Test
  void aFailureOfTheFirstConnectionIsThrownByLogs() {
    bridge.enqueue(json(401, "{\"code\":\"unauthorized\",\"message\":\"no\"}"));
    try (CleverCloudClient client = client()) {
      assertThatThrownBy(() -> client.logs(query())).isInstanceOf(AuthenticationException.class);
    }
    assertThat(bridge.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aLastingFailureWhileReconnectingIsThrownAndEndsTheStream() {
    bridge.enqueue(sse(events(1, 3)).build()); // ends without END_OF_STREAM: a drop
    bridge.enqueue(json(404, "{\"code\":\"not-found\",\"message\":\"gone\"}"));
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query())) {
      Iterator<ApplicationLog> it = logs.iterator();
      List<String> ids = new ArrayList<>();
      Throwable thrown = catchThrowable(() -> it.forEachRemaining(l -> ids.add(l.getId())));
      assertThat(ids).containsExactly("1", "2", "3");
      assertThat(thrown).isInstanceOf(NotFoundException.class);
      assertThat(it.hasNext()).isFalse();
    }
    assertThat(bridge.getRequestCount()).isEqualTo(2);
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUpToMaxReconnectsInARow() {
    bridge.enqueue(sse(events(1, 2)).build()); // a drop
    for (int i = 0; i < 5; i++) {
      bridge.enqueue(json(503, "{\"code\":\"unavailable\",\"message\":\"restarting\"}"));
    }
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .retryPolicy(RetryPolicy.none()).build();
        LogStream<ApplicationLog> logs = client.logs(query().maxReconnects(3))) {
      List<String> ids = new ArrayList<>();
      Throwable thrown = catchThrowable(() -> logs.forEach(l -> ids.add(l.getId())));
      assertThat(ids).containsExactly("1", "2");
      assertThat(thrown).isInstanceOf(ServerException.class);
    }
    assertThat(bridge.getRequestCount()).as("the first connection, then 3 reconnection attempts").isEqualTo(4);
  }

  @Test
  void anApiRestartIsOutlived() {
    bridge.enqueue(sse(events(1, 2)).build()); // the API goes down: a drop, then 503s, then it is back
    bridge.enqueue(json(503, "{\"code\":\"unavailable\",\"message\":\"restarting\"}"));
    bridge.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    bridge.enqueue(sse(events(3, 5) + END).build());
    try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
        .retryPolicy(RetryPolicy.none()).build(); LogStream<ApplicationLog> logs = client.logs(query())) {
      assertThat(ids(logs)).isEqualTo(expectedIds(1, 5));
    }
  }

  @Test
  void anUndecodableRecordFailsTheStreamWithoutQuotingIt() {
    String canary = "CANARY-log-secret-l01";
    bridge.enqueue(sse("id: 1\nevent: APPLICATION_LOG\ndata: {\"date\":\"" + canary + "\",\"message\":\"" + canary
        + "\"}\n\n").build());
    try (CleverCloudClient client = client(); LogStream<ApplicationLog> logs = client.logs(query())) {
      Throwable thrown = catchThrowable(() -> logs.iterator().hasNext());
      assertThat(thrown).isInstanceOf(ResponseDecodingException.class).hasMessageContaining("id 1")
          .hasMessageContaining("ApplicationLog");
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(canary);
    }
  }

  @Test
  void theClientNeverLogsLogContentNorTheFilter() {
    String canary = "CANARY-log-secret-l02";
    String filterCanary = "CANARY-filter-l03";
    bridge.enqueue(sse("id: 1\nevent: APPLICATION_LOG\ndata: {\"id\":\"1\",\"message\":\"password=" + canary
        + "\"}\n\n").build()); // then a drop
    bridge.enqueue(sse("id: 2\nevent: APPLICATION_LOG\ndata: {\"id\":\"2\",\"message\":\"" + canary + "\"}\n\n"
        + END).build());
    List<String> lines = new CopyOnWriteArrayList<>();
    List<Object> strings = new ArrayList<>();
    for (Level level : List.of(Level.DEBUG, Level.INFO)) {
      if (level == Level.INFO) {
        bridge.enqueue(sse("id: 1\nevent: APPLICATION_LOG\ndata: {\"id\":\"1\",\"message\":\"" + canary + "\"}\n\n"
            + END).build());
      }
      try (CleverCloudClient client = builder().credentials(Credentials.apiToken("t"))
          .logger(new TransportAndOptionsTest.CapturingLogger(lines), level).build();
          LogStream<ApplicationLog> logs = client.logs(query().filter(filterCanary))) {
        for (ApplicationLog l : logs) {
          assertThat(l.getMessage()).contains(canary); // the caller gets it...
          strings.add(l);
        }
        strings.add(logs);
      }
    }
    strings.add(query().filter(filterCanary));
    assertThat(lines).as("a line per connection").hasSizeGreaterThanOrEqualTo(3);
    String everything = lines.stream().collect(Collectors.joining("\n")) + strings;
    assertThat(everything).doesNotContain(canary).doesNotContain(filterCanary); // ...nobody else
  }

  @Test
  void badQueriesAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> LogQuery.application(OWNER, "app/../x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appId");
    assertThatThrownBy(() -> LogQuery.accessLogs(OWNER, APP).filter("x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query().heartbeatTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query().reconnectDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> query().limit(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(bridge.getRequestCount()).isZero();
  }
}
