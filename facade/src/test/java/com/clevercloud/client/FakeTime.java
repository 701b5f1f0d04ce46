package com.clevercloud.client;

import com.clevercloud.client.internal.RetryInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for retry tests: sleeping records the delay and moves the clocks forward instantly, so tests never wait and
 * assert delays as values. The wall clock (OAuth timestamps, Retry-After dates) and the monotonic one (call-timeout
 * budget) move together.
 */
final class FakeTime {

  private final Instant start;
  private final AtomicLong nanos = new AtomicLong();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  FakeTime(Instant start) {
    this.start = start;
  }

  FakeTime() {
    this(Instant.parse("2026-01-15T10:30:00Z"));
  }

  long nanoTime() {
    return nanos.get();
  }

  RetryInterceptor.Sleeper sleeper() {
    return delay -> {
      sleeps.add(delay);
      nanos.addAndGet(delay.toNanos());
    };
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return start.plusNanos(nanos.get());
      }
    };
  }
}
