package com.clevercloud.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how the client repeats a failed call. Immutable.
 *
 * <p>Only {@code GET}, {@code PUT} and {@code DELETE} are repeated, after a connection failure (refused, reset,
 * timed out, cut mid-body) or a {@code 429}, {@code 502}, {@code 503} or {@code 504} answer. {@code POST} is never
 * repeated, whatever the policy: a repeated creation could mint a second API token whose secret nobody sees, or
 * deploy twice. Each attempt is signed afresh (new OAuth nonce and timestamp).
 *
 * <p>Between attempts the client waits an exponential backoff with jitter: before retry <i>n</i>, a random delay
 * between half and all of {@code min(maxDelay, baseDelay × 2^(n-1))}. A {@code Retry-After} header (seconds or an
 * HTTP date) replaces that delay when it is at most {@link #maxRetryAfter()}; a longer one ends the retries at once
 * (the {@code RateLimitException} tells how long to wait). Every wait and attempt fits inside the call timeout
 * ({@code CleverCloudClient.Builder.callTimeout}): a retry that would not is not made, and the last answer or failure
 * is reported.
 *
 * <pre>{@code
 * CleverCloudClient.builder()
 *     .retryPolicy(RetryPolicy.builder().maxAttempts(5).maxDelay(Duration.ofSeconds(10)).build())
 *     ...
 * CleverCloudClient.builder().retryPolicy(RetryPolicy.none());   // one attempt per call
 * }</pre>
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /**
   * The default policy: 3 attempts, 500 ms base delay, 5 s maximum delay, {@code Retry-After} honoured up to 20 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * The off switch: one attempt per call, no retry.
   *
   * @return a policy with {@code maxAttempts == 1}
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Starts a policy from the defaults.
   *
   * @return a builder holding the default values
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How many times a call is tried at most, the first attempt included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The backoff before the first retry (before jitter); it doubles for each further retry.
   *
   * @return the base delay
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * The longest backoff between two attempts (before jitter).
   *
   * @return the maximum delay
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * The longest {@code Retry-After} the client waits for; a longer one ends the retries.
   *
   * @return the cap
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + ", maxRetryAfter=" + maxRetryAfter + "]";
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
  public static final class Builder {

    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(5);
    private Duration maxRetryAfter = Duration.ofSeconds(20);

    Builder() {}

    /**
     * How many times a call is tried at most, the first attempt included (default 3).
     *
     * @param maxAttempts 1 (no retry) to 10
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 10");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The backoff before the first retry (default 500 ms).
     *
     * @param baseDelay zero or positive
     * @return this builder
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = notNegative(baseDelay, "baseDelay");
      return this;
    }

    /**
     * The longest backoff between two attempts (default 5 s).
     *
     * @param maxDelay zero or positive, at least the base delay
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = notNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * The longest {@code Retry-After} to wait for (default 20 s); a longer one ends the retries.
     *
     * @param maxRetryAfter zero or positive
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = notNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Makes the policy.
     *
     * @return the policy
     * @throws IllegalStateException if the maximum delay is shorter than the base delay
     */
    public RetryPolicy build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalStateException("maxDelay is shorter than baseDelay");
      }
      return new RetryPolicy(this);
    }

    private static Duration notNegative(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " is negative");
      }
      return d;
    }
  }
}
