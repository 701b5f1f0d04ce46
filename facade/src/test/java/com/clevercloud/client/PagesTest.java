package com.clevercloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clevercloud.api.v2.api.ApplicationsApi;
import com.clevercloud.api.v2.model.DeploymentView;
import com.clevercloud.client.auth.Credentials;
import com.clevercloud.client.exception.ForbiddenException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@link Pages}: lazy, page after page, stops at the end, typed, through a real generated paged operation. */
class PagesTest extends TestServers {

  private static final String OWNER = "orga_1";
  private static final String APP = "app_1";

  private static String deployments(int from, int count) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = from; i < from + count; i++) {
      sb.append(i == from ? "" : ",").append("{\"id\":").append(i).append(",\"uuid\":\"deployment_").append(i)
          .append("\",\"state\":\"OK\",\"action\":\"DEPLOY\"}");
    }
    return sb.append(']').toString();
  }

  /** A fetcher over {@code total} integers that records the (limit, offset) of every call. */
  private static Pages.Fetcher<Integer> numbers(int total, List<String> calls) {
    return (limit, offset) -> {
      calls.add(limit + "@" + offset);
      return IntStream.range(offset, Math.min(total, offset + limit)).boxed().toList();
    };
  }

  @Test
  void nothingIsFetchedBeforeTheFirstItemIsPulledAndOnlyWhatIsNeededAfter() {
    List<String> calls = new ArrayList<>();
    Stream<Integer> all = Pages.stream(10, numbers(1000, calls));
    assertThat(calls).isEmpty();
    assertThat(all.limit(15).toList()).isEqualTo(IntStream.range(0, 15).boxed().toList());
    assertThat(calls).containsExactly("10@0", "10@10");
  }

  @Test
  void stopsAfterAShortPage() {
    List<String> calls = new ArrayList<>();
    assertThat(Pages.stream(10, numbers(25, calls)).toList()).isEqualTo(IntStream.range(0, 25).boxed().toList());
    assertThat(calls).containsExactly("10@0", "10@10", "10@20");
  }

  @Test
  void stopsAtAnEmptyPageWhenTheLastPageWasFull() {
    List<String> calls = new ArrayList<>();
    assertThat(Pages.stream(10, numbers(20, calls)).count()).isEqualTo(20);
    assertThat(calls).containsExactly("10@0", "10@10", "10@20");
    assertThat(Pages.<String>stream(3, (limit, offset) -> null).toList()).isEmpty();
  }

  @Test
  void walksAGeneratedPagedOperationTyped() throws Exception {
    main.enqueue(json(deployments(1, 2)));
    main.enqueue(json(deployments(3, 2)));
    main.enqueue(json(deployments(5, 1)));
    try (CleverCloudClient client = client(Credentials.oauth1("ck", "cs", "t", "ts"))) {
      ApplicationsApi apps = client.api(ApplicationsApi.class);
      List<DeploymentView> all = Pages.stream(2,
          (limit, offset) -> apps.listApplicationDeployments(OWNER, APP, limit, offset, null)).toList();
      assertThat(all).extracting(DeploymentView::getUuid)
          .containsExactly("deployment_1", "deployment_2", "deployment_3", "deployment_4", "deployment_5");
    }
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordedRequest r = take(main);
      assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/organisations/" + OWNER + "/applications/" + APP
          + "/deployments");
      queries.add(r.getUrl().queryParameter("limit") + "@" + r.getUrl().queryParameter("offset"));
    }
    assertThat(queries).containsExactly("2@0", "2@2", "2@4");
  }

  @Test
  void aFailingPageThrowsItsTypedExceptionAfterTheItemsBefore() {
    main.enqueue(json(deployments(1, 2)));
    main.enqueue(json(403, "{\"id\":403,\"message\":\"no access\",\"type\":\"error\"}"));
    try (CleverCloudClient client = client(Credentials.oauth1("ck", "cs", "t", "ts"))) {
      ApplicationsApi apps = client.api(ApplicationsApi.class);
      List<String> seen = new ArrayList<>();
      Throwable thrown = catchThrowable(() -> Pages.stream(2,
          (limit, offset) -> apps.listApplicationDeployments(OWNER, APP, limit, offset, null))
          .forEach(d -> seen.add(d.getUuid())));
      assertThat(seen).containsExactly("deployment_1", "deployment_2");
      assertThat(thrown).isInstanceOf(ForbiddenException.class);
    }
  }

  @Test
  void aPageSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> Pages.stream(0, (limit, offset) -> List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
