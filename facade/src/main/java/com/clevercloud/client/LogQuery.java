package com.clevercloud.client;

import com.clevercloud.api.v4.model.AccessLog;
import com.clevercloud.api.v4.model.AddonLog;
import com.clevercloud.api.v4.model.ApplicationLog;
import com.clevercloud.client.internal.check.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * What to stream with {@link CleverCloudClient#logs(LogQuery)}: whose logs (an application's, an add-on's, or an
 * application's access logs), which records ({@code since}, {@code until}, {@code limit}, {@code filter}, …) and how
 * the stream survives (silence allowed, reconnection delays). Immutable: every method returns a new query.
 *
 * <pre>{@code
 * LogQuery<ApplicationLog> query = LogQuery.application("orga_…", "app_…")
 *     .since(Instant.now().minus(Duration.ofMinutes(10)))
 *     .filter("ERROR");
 * }</pre>
 *
 * @param <T> the record type: {@link ApplicationLog}, {@link AddonLog} or {@link AccessLog}
 */
public final class LogQuery<T> {

  /** How long a stream may stay silent (no record, no heartbeat) before it is reconnected, by default. */
  public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
  /** The delay before the first reconnection attempt after a drop, by default; it doubles on each failure. */
  public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);
  /** The longest delay between two reconnection attempts, by default. */
  public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

  /** The three streams: which operation, which event carries a record, and the record's type. */
  enum Kind {
    APPLICATION("streamApplicationLogs", "APPLICATION_LOG", ApplicationLog.class),
    ADDON("streamAddonLogs", "RESOURCE_LOG", AddonLog.class),
    ACCESS("streamAccessLogs", "ACCESS_LOG", AccessLog.class);

    final String operation;
    final String event;
    final Class<?> type;

    Kind(String operation, String event, Class<?> type) {
      this.operation = operation;
      this.event = event;
      this.type = type;
    }
  }

  final Kind kind;
  final String ownerId;
  final String resourceId;
  OffsetDateTime since;
  OffsetDateTime until;
  Integer limit;
  String filter;
  String deploymentId;
  List<String> instanceIds;
  Duration heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;
  Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;
  Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;
  int maxReconnects = Integer.MAX_VALUE;

  private LogQuery(Kind kind, String ownerId, String resourceId) {
    this.kind = kind;
    this.ownerId = Checks.pathSegment(ownerId, "ownerId");
    this.resourceId = Checks.pathSegment(resourceId, kind == Kind.ADDON ? "addonId" : "appId");
  }

  private LogQuery<T> copy() {
    LogQuery<T> q = new LogQuery<>(kind, ownerId, resourceId);
    q.since = since;
    q.until = until;
    q.limit = limit;
    q.filter = filter;
    q.deploymentId = deploymentId;
    q.instanceIds = instanceIds;
    q.heartbeatTimeout = heartbeatTimeout;
    q.reconnectDelay = reconnectDelay;
    q.maxReconnectDelay = maxReconnectDelay;
    q.maxReconnects = maxReconnects;
    return q;
  }

  /**
   * An application's logs: build and runtime output of its instances
   * ({@code GET /v4/logs/organisations/{ownerId}/applications/{appId}/logs}).
   *
   * @param ownerId the organisation ({@code orga_…}) or user ({@code user_…})
   * @param appId the application ({@code app_…})
   * @return the query: from now on, until closed
   * @throws IllegalArgumentException if an id is not one path segment
   */
  public static LogQuery<ApplicationLog> application(String ownerId, String appId) {
    return new LogQuery<>(Kind.APPLICATION, ownerId, appId);
  }

  /**
   * An add-on's logs ({@code GET /v4/logs/organisations/{ownerId}/resources/{addonId}/logs}).
   *
   * @param ownerId the organisation ({@code orga_…}) or user ({@code user_…})
   * @param addonId the add-on's real id ({@code postgresql_…}, {@code mysql_…}, …), not its {@code addon_…} id
   * @return the query: from now on, until closed
   * @throws IllegalArgumentException if an id is not one path segment
   */
  public static LogQuery<AddonLog> addon(String ownerId, String addonId) {
    return new LogQuery<>(Kind.ADDON, ownerId, addonId);
  }

  /**
   * An application's access logs: the HTTP requests its load balancers served
   * ({@code GET /v4/accesslogs/organisations/{ownerId}/applications/{appId}/accesslogs}). They take no
   * {@link #filter(String)}, {@link #deploymentId(String)} or {@link #instanceIds(String...)}.
   *
   * @param ownerId the organisation ({@code orga_…}) or user ({@code user_…})
   * @param appId the application ({@code app_…})
   * @return the query: from now on, until closed
   * @throws IllegalArgumentException if an id is not one path segment
   */
  public static LogQuery<AccessLog> accessLogs(String ownerId, String appId) {
    return new LogQuery<>(Kind.ACCESS, ownerId, appId);
  }

  /**
   * Starts with the records written at or after this instant, instead of now.
   *
   * @param since the instant
   * @return a new query
   */
  public LogQuery<T> since(Instant since) {
    LogQuery<T> q = copy();
    q.since = Objects.requireNonNull(since, "since == null").atOffset(ZoneOffset.UTC);
    return q;
  }

  /**
   * Ends the stream at this instant: the server sends the records before it, then ends the stream, and iteration
   * stops. Without it, the stream follows new records until closed.
   *
   * @param until the instant
   * @return a new query
   */
  public LogQuery<T> until(Instant until) {
    LogQuery<T> q = copy();
    q.until = Objects.requireNonNull(until, "until == null").atOffset(ZoneOffset.UTC);
    return q;
  }

  /**
   * Ends the stream after this many records (across reconnections).
   *
   * @param limit at least 0
   * @return a new query
   * @throws IllegalArgumentException if negative
   */
  public LogQuery<T> limit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit is negative");
    }
    LogQuery<T> q = copy();
    q.limit = limit;
    return q;
  }

  /**
   * Only records whose message contains this text (not for access logs).
   *
   * @param text the text
   * @return a new query
   * @throws IllegalArgumentException for access logs
   */
  public LogQuery<T> filter(String text) {
    runtimeOnly("filter");
    LogQuery<T> q = copy();
    q.filter = Objects.requireNonNull(text, "text == null");
    return q;
  }

  /**
   * Only records of the instances a deployment created (not for access logs).
   *
   * @param deploymentId the deployment ({@code deployment_…})
   * @return a new query
   * @throws IllegalArgumentException for access logs
   */
  public LogQuery<T> deploymentId(String deploymentId) {
    runtimeOnly("deploymentId");
    LogQuery<T> q = copy();
    q.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId == null");
    return q;
  }

  /**
   * Only records of these instances (not for access logs).
   *
   * @param instanceIds one or more instance ids
   * @return a new query
   * @throws IllegalArgumentException for access logs, or if none is given
   */
  public LogQuery<T> instanceIds(String... instanceIds) {
    runtimeOnly("instanceIds");
    if (instanceIds.length == 0) {
      throw new IllegalArgumentException("instanceIds: at least one");
    }
    LogQuery<T> q = copy();
    q.instanceIds = List.of(instanceIds);
    return q;
  }

  /**
   * How long the stream may stay silent — no record and no heartbeat (the server sends one every few seconds) —
   * before it is taken for dead and reconnected (default {@link #DEFAULT_HEARTBEAT_TIMEOUT}). It is the read timeout
   * of the stream's connection: no timer thread watches it.
   *
   * @param timeout a positive duration
   * @return a new query
   * @throws IllegalArgumentException if not positive
   */
  public LogQuery<T> heartbeatTimeout(Duration timeout) {
    LogQuery<T> q = copy();
    q.heartbeatTimeout = positive(timeout, "heartbeatTimeout");
    return q;
  }

  /**
   * The delays between reconnection attempts after a drop: {@code initial} before the first, doubling up to
   * {@code max}, each one drawn between half and all of that (jitter). Defaults: {@link #DEFAULT_RECONNECT_DELAY},
   * {@link #DEFAULT_MAX_RECONNECT_DELAY}.
   *
   * @param initial the first delay, positive
   * @param max the longest delay, at least {@code initial}
   * @return a new query
   * @throws IllegalArgumentException if not positive, or {@code max} is less than {@code initial}
   */
  public LogQuery<T> reconnectDelay(Duration initial, Duration max) {
    positive(initial, "initial");
    positive(max, "max");
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max is less than initial");
    }
    LogQuery<T> q = copy();
    q.reconnectDelay = initial;
    q.maxReconnectDelay = max;
    return q;
  }

  /**
   * How many reconnection attempts in a row may fail before the stream gives up and throws the last failure
   * (default: no limit, the stream outlives any outage). The count starts again once an event arrives.
   *
   * @param max at least 0; 0 never reconnects
   * @return a new query
   * @throws IllegalArgumentException if negative
   */
  public LogQuery<T> maxReconnects(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("maxReconnects is negative");
    }
    LogQuery<T> q = copy();
    q.maxReconnects = max;
    return q;
  }

  private void runtimeOnly(String what) {
    if (kind == Kind.ACCESS) {
      throw new IllegalArgumentException(what + ": access logs take none");
    }
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }

  @Override
  public String toString() {
    // Ids and bounds only: a filter is the caller's text and stays out.
    return "LogQuery[" + kind.operation + " " + ownerId + "/" + resourceId + (since == null ? "" : ", since " + since)
        + (until == null ? "" : ", until " + until) + (limit == null ? "" : ", limit " + limit) + "]";
  }
}
