package com.clevercloud.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The future of an asynchronous call: cancelling it cancels the HTTP call in flight (or, for a chain of calls, the
 * one in flight). It completes exceptionally with the client's exceptions themselves, never wrapped; only
 * {@link #join()} wraps them in a {@link CompletionException}, and {@link #get()} in an
 * {@link java.util.concurrent.ExecutionException}, as for any {@link CompletableFuture}.
 *
 * @param <T> the value type
 */
public final class CancellableFuture<T> extends CompletableFuture<T> {

  private volatile Runnable canceller;

  /** Makes an incomplete future with nothing to cancel yet. */
  public CancellableFuture() {
    // nothing to cancel until onCancel
  }

  /**
   * Sets what cancelling this future cancels (replacing the previous one); runs it at once if already cancelled.
   *
   * @param action what to cancel, such as {@code okhttp3.Call::cancel}
   */
  public void onCancel(Runnable action) {
    canceller = action;
    if (isCancelled()) {
      action.run();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Runnable action = canceller;
    if (action != null) {
      action.run();
    }
    return cancelled;
  }

  /**
   * This future with its failure turned by {@code fn} (its value unchanged); cancelling the result cancels this
   * future.
   *
   * @param fn turns this future's failure (unwrapped) into the result's
   * @return the new future
   */
  public CancellableFuture<T> mapFailure(Function<Throwable, Throwable> fn) {
    CancellableFuture<T> result = new CancellableFuture<>();
    result.onCancel(() -> cancel(true));
    whenComplete((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(fn.apply(unwrap(failure)));
      } else {
        result.complete(value);
      }
    });
    return result;
  }

  /**
   * A chain: once this future has its value, {@code fn} starts the next step. Cancelling the result cancels whichever
   * step is in flight. A failure of any step fails the result with the same exception, unwrapped.
   *
   * @param fn the next step
   * @param <U> the result type
   * @return the new future
   */
  public <U> CancellableFuture<U> compose(Function<? super T, ? extends CompletableFuture<U>> fn) {
    CancellableFuture<U> result = new CancellableFuture<>();
    result.onCancel(() -> cancel(true));
    whenComplete((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(unwrap(failure));
        return;
      }
      CompletableFuture<U> next;
      try {
        next = fn.apply(value);
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        return;
      }
      result.onCancel(() -> next.cancel(true));
      next.whenComplete((v, f) -> {
        if (f != null) {
          result.completeExceptionally(unwrap(f));
        } else {
          result.complete(v);
        }
      });
    });
    return result;
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
