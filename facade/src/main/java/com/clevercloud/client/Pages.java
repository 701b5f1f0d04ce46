package com.clevercloud.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a long list that the API hands out in pages ({@code limit} and {@code offset}), for any such operation: give
 * the page size and how to fetch one page, get a lazy {@link Stream} of the items.
 *
 * <pre>{@code
 * ApplicationsApi apps = client.api(ApplicationsApi.class);
 * List<DeploymentView> failed = Pages.stream(50,
 *         (limit, offset) -> apps.listApplicationDeployments("orga_…", "app_…", limit, offset, null))
 *     .filter(d -> d.getState() == DeploymentView.StateEnum.FAIL)
 *     .limit(10)
 *     .toList();
 * }</pre>
 *
 * <p>Nothing is fetched until the first item is pulled; each page is fetched when the previous one has been consumed,
 * so a {@code limit}, {@code findFirst} or {@code takeWhile} stops fetching too. The walk stops after a page shorter
 * than the page size (or empty). A failing page call throws its exception (the client's typed exceptions) from the
 * stream's terminal operation; items already handed over stay handed over. Memory: one page.
 *
 * <p>Offsets move by the items received: if the list changes while it is walked (a new deployment arrives first), an
 * item may be seen twice or missed, as with any offset paging.
 */
public final class Pages {

  private Pages() {}

  /**
   * Fetches one page.
   *
   * @param <T> the item type
   */
  @FunctionalInterface
  public interface Fetcher<T> {
    /**
     * Fetches the items from {@code offset} on, at most {@code limit} of them.
     *
     * @param limit the page size
     * @param offset how many items come before this page
     * @return the page (null is taken as empty)
     */
    List<T> page(int limit, int offset);
  }

  /**
   * The items of every page, fetched lazily, page after page, until a short or empty page.
   *
   * @param pageSize the {@code limit} of each call, at least 1 (the operation's maximum, if it has one)
   * @param fetcher how to fetch a page, for example
   *     {@code (limit, offset) -> apps.listApplicationDeployments(owner, app, limit, offset, null)}
   * @param <T> the item type
   * @return a sequential, ordered stream
   * @throws IllegalArgumentException if {@code pageSize} is less than 1
   */
  public static <T> Stream<T> stream(int pageSize, Fetcher<T> fetcher) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
    Objects.requireNonNull(fetcher, "fetcher == null");
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Walk<>(pageSize, fetcher),
        Spliterator.ORDERED), false);
  }

  private static final class Walk<T> implements Iterator<T> {
    private final int pageSize;
    private final Fetcher<T> fetcher;
    private List<T> page = List.of();
    private int index;
    private int offset;
    private boolean last;

    Walk(int pageSize, Fetcher<T> fetcher) {
      this.pageSize = pageSize;
      this.fetcher = fetcher;
    }

    @Override
    public boolean hasNext() {
      while (index >= page.size()) {
        if (last) {
          return false;
        }
        List<T> fetched = fetcher.page(pageSize, offset);
        page = fetched == null ? List.of() : fetched;
        index = 0;
        offset += page.size();
        // A short page is the last; so is a page longer than asked (an API ignoring limit), to never loop forever.
        last = page.size() != pageSize;
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.get(index++);
    }
  }
}
