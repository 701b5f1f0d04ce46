package com.clevercloud.client;

import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.model.ApplicationView;
import com.clevercloud.api.v2.model.DeploymentView;
import com.clevercloud.client.exception.CleverCloudException;
import com.clevercloud.client.exception.NotFoundException;
import com.clevercloud.client.internal.CancellableFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Waits for what a deployment or a restart leads to, by polling the generated operations with backoff (the first poll
 * after {@code firstPoll}, then each wait 1.5 times longer, at most 10 s), always within the caller's timeout. No
 * thread waits between polls: they are scheduled on a timer, and the blocking methods only wait for the result. Get it
 * with {@link CleverCloudClient#deployments()}.
 *
 * <pre>{@code
 * RedeployMessage started = client.api(ApplicationsApi.class).redeployApplication(owner, app, null, null);
 * Deployments.Result result = client.deployments().await(owner, app, started.getDeploymentId(), Duration.ofMinutes(15));
 * if (result.outcome() != Deployments.Outcome.SUCCEEDED) { … result.cause() … }
 * }</pre>
 */
public final class Deployments {

  /** How a wait ended. */
  public enum Outcome {
    /** The deployment finished and the application runs it ({@code OK}). */
    SUCCEEDED,
    /** The deployment failed ({@code FAIL}); {@link Result#cause()} says why when the API does. */
    FAILED,
    /** The deployment was cancelled ({@code CANCELLED}). */
    CANCELLED,
    /** The timeout passed first; the deployment may still end either way. */
    TIMED_OUT
  }

  /**
   * The end of a wait.
   *
   * @param outcome how it ended
   * @param deploymentId the deployment waited for
   * @param last the deployment as last read, or null if it was never found before the timeout
   */
  public record Result(Outcome outcome, String deploymentId, DeploymentView last) {

    /**
     * What the API says caused the deployment (a push, a restart, a failure's reason).
     *
     * @return the cause, if the deployment was read and has one
     */
    public Optional<String> cause() {
      return last == null ? Optional.empty() : Optional.ofNullable(last.getCause());
    }
  }

  private static final long FIRST_POLL_MILLIS = 1_000;
  private static final long MAX_POLL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final CleverCloudClient client;

  Deployments(CleverCloudClient client) {
    this.client = client;
  }

  /**
   * Waits until a deployment succeeds, fails or is cancelled, or the timeout passes.
   *
   * @param ownerId the application's owner
   * @param appId the application
   * @param deploymentId the deployment, as {@code redeployApplication} answers it ({@code deploymentId})
   * @param timeout how long to wait at most
   * @return the outcome; {@link Outcome#TIMED_OUT} when the timeout passed first
   * @throws CleverCloudException if a poll fails (other than a 404: a deployment just started may not be listed yet)
   * @throws CancellationException if the waiting thread is interrupted (the interrupt flag is kept)
   */
  public Result await(String ownerId, String appId, String deploymentId, Duration timeout) {
    return join(awaitAsync(ownerId, appId, deploymentId, timeout, Duration.ofMillis(FIRST_POLL_MILLIS)));
  }

  /**
   * As {@link #await(String, String, String, Duration)}, without blocking; cancelling the future stops the polls.
   *
   * @param ownerId the application's owner
   * @param appId the application
   * @param deploymentId the deployment
   * @param timeout how long to wait at most
   * @param firstPoll how long to wait before the first poll (1 s for {@code await})
   * @return the future outcome; it fails with the client's exception if a poll fails
   */
  public CompletableFuture<Result> awaitAsync(String ownerId, String appId, String deploymentId, Duration timeout,
      Duration firstPoll) {
    Objects.requireNonNull(deploymentId, "deploymentId == null");
    ApplicationsApi api = client.api(ApplicationsApi.class);
    return poll(() -> api.getApplicationDeploymentAsync(ownerId, appId, deploymentId), deployment -> {
      DeploymentView.StateEnum state = deployment.getState();
      if (state == DeploymentView.StateEnum.OK) {
        return new Result(Outcome.SUCCEEDED, deploymentId, deployment);
      }
      if (state == DeploymentView.StateEnum.FAIL) {
        return new Result(Outcome.FAILED, deploymentId, deployment);
      }
      if (state == DeploymentView.StateEnum.CANCELLED) {
        return new Result(Outcome.CANCELLED, deploymentId, deployment);
      }
      return null; // still running, or a state this version does not know: poll again
    }, last -> new Result(Outcome.TIMED_OUT, deploymentId, last), timeout, firstPoll);
  }

  /**
   * Waits until an application reaches a state, such as {@code app -> "UP".equals(String.valueOf(app.getState()))}.
   *
   * @param ownerId the application's owner
   * @param appId the application
   * @param reached whether the application as read is where the caller wants it
   * @param timeout how long to wait at most
   * @return the application once it reached the state, or empty if the timeout passed first
   * @throws CleverCloudException if a poll fails (other than a 404)
   * @throws CancellationException if the waiting thread is interrupted (the interrupt flag is kept)
   */
  public Optional<ApplicationView> awaitApplication(String ownerId, String appId, Predicate<ApplicationView> reached,
      Duration timeout) {
    Objects.requireNonNull(reached, "reached == null");
    ApplicationsApi api = client.api(ApplicationsApi.class);
    return join(this.<ApplicationView, Optional<ApplicationView>>poll(
        () -> api.getApplicationAsync(ownerId, appId), app -> reached.test(app) ? Optional.of(app) : null,
        last -> Optional.empty(), timeout, Duration.ofMillis(FIRST_POLL_MILLIS)));
  }

  /**
   * Polls until {@code done} gives a value or the timeout passes; a 404 counts as "not yet", any other failure ends
   * the wait with it.
   */
  private <T, R> CancellableFuture<R> poll(java.util.function.Supplier<CompletableFuture<T>> read,
      Function<T, R> done, Function<T, R> timedOut, Duration timeout, Duration firstPoll) {
    Objects.requireNonNull(timeout, "timeout == null");
    Objects.requireNonNull(firstPoll, "firstPoll == null");
    if (timeout.isNegative() || firstPoll.isNegative()) {
      throw new IllegalArgumentException("timeout and firstPoll must not be negative");
    }
    CancellableFuture<R> result = new CancellableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    new Object() {
      T last;

      void after(Duration wait) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          result.complete(timedOut.apply(last));
          return;
        }
        CompletableFuture.delayedExecutor(Math.min(wait.toNanos(), left), TimeUnit.NANOSECONDS)
            .execute(() -> once(wait));
      }

      void once(Duration wait) {
        if (result.isDone()) {
          return;
        }
        CompletableFuture<T> call;
        try {
          call = read.get();
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
          return;
        }
        result.onCancel(() -> call.cancel(true));
        call.whenComplete((value, failure) -> {
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause() : failure;
          if (cause != null && !(cause instanceof NotFoundException)) {
            result.completeExceptionally(cause);
            return;
          }
          if (value != null) {
            last = value;
            R end = done.apply(value);
            if (end != null) {
              result.complete(end);
              return;
            }
          }
          Duration next = Duration.ofNanos(Math.min(MAX_POLL_NANOS, wait.toNanos() * 3 / 2 + 1));
          after(next);
        });
      }
    }.after(firstPoll);
    return result;
  }

  private static <R> R join(CompletableFuture<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new CompletionException(e.getCause());
    }
  }
}
