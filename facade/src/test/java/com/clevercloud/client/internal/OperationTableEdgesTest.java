package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v2.api.SelfApi;
import java.util.List;
import java.util.Set;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import retrofit2.Invocation;

/**
 * A method is an operation only when it is declared by the operation's own generated interface: a method of another
 * interface named after an operation (or after its Async twin) is none, and a request is then named by its method and
 * path.
 */
class OperationTableEdgesTest {

  /** Names of real operations, declared outside the generated interfaces. */
  interface Lookalike {
    Object getSelf();

    Object getSelfAsync();

    Object noSuchOperationAsync();

    Object noSuchOperation();
  }

  @Test
  void aMethodNamedAfterAnOperationOutsideItsInterfaceIsNone() throws Exception {
    assertThat(OperationTable.INSTANCE.byId("getSelf").api()).isEqualTo(SelfApi.class.getName());
    for (String name : List.of("getSelf", "getSelfAsync", "noSuchOperationAsync", "noSuchOperation")) {
      assertThat(OperationTable.INSTANCE.of(Lookalike.class.getMethod(name))).as(name).isNull();
    }
  }

  @Test
  void aRequestIsNamedByTheOperationItsInvocationCalls() throws Exception {
    Request.Builder get = new Request.Builder().url("http://127.0.0.1/v2/self");
    Request generated = get.tag(Invocation.class, Invocation.of(SelfApi.class.getMethod("getSelfAsync"), List.of()))
        .build();
    assertThat(Operation.of(generated)).isEqualTo("getSelf");
    Request lookalike = get.tag(Invocation.class, Invocation.of(Lookalike.class.getMethod("getSelf"), List.of()))
        .build();
    assertThat(Operation.of(lookalike)).isEqualTo("GET /v2/self");
  }

  /** A body whose model holds a secret carries secrets even when the parameter itself is not marked. */
  @Test
  void aBodyOfASecretModelCarriesSecrets() {
    OperationTable t = OperationTable.INSTANCE;
    OperationTable.Op change = t.byId("changeSelfPassword");
    assertThat(change.params()).singleElement().satisfies(p -> {
      assertThat(p).isEqualTo(new OperationTable.Param("body", "WannabePassword", false));
    });
    assertThat(change.carriesSecrets()).isTrue();
    assertThat(t.sensitiveProperties("v2", "WannabePassword")).isEqualTo(Set.of("oldPassword", "newPassword"));
    // A path parameter is never looked up as a model, whatever its name.
    assertThat(t.byId("getSelfApplication").carriesSecrets()).isFalse();
  }

  @Test
  void aNestedModelIsFoundByItsProperty() {
    OperationTable t = OperationTable.INSTANCE;
    assertThat(t.nestedModel("v2", "WannabeApplication", "oauthApp")).isEqualTo("WannabeOauthApp");
    assertThat(t.nestedModel("v2", "WannabeApplication", "name")).isNull();
    assertThat(t.nestedModel("v2", "NoSuchModel", "oauthApp")).isNull();
    assertThat(t.nestedModel("v9", "WannabeApplication", "oauthApp")).isNull();
  }
}
