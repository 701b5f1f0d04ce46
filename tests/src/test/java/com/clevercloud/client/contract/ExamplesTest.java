package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.v2.model.UserView;
import com.clevercloud.api.v4.model.Zone;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison every contract test relies on: it must see a changed, dropped or extra field. */
class ExamplesTest {

  private static final SpecCatalog SPEC = SpecCatalog.get();

  @Test
  void aModelReadFromTheExampleMatchesIt() {
    assertThatCode(() -> Examples.assertMatchesExample(self(), "getSelf")).doesNotThrowAnyException();
  }

  @Test
  void aChangedValueIsReportedWithItsPath() {
    UserView changed = self().name("John Doe");
    assertThatThrownBy(() -> Examples.assertMatchesExample(changed, "getSelf"))
        .hasMessageContaining("$.name: expected \"Jane Doe\", got \"John Doe\"");
  }

  @Test
  void aDroppedFieldIsReported() {
    UserView dropped = self().creationDate(null);
    assertThatThrownBy(() -> Examples.assertMatchesExample(dropped, "getSelf"))
        .hasMessageContaining("$.creationDate: missing");
  }

  @Test
  void anExtraListItemIsReported() {
    Zone zone = new com.clevercloud.api.v4.invoker.JSON().getGson()
        .fromJson(SPEC.example("getZone").toString(), Zone.class);
    assertThatThrownBy(() -> Examples.assertMatchesExample(List.of(zone, zone, zone), "listZones"))
        .hasMessageContaining("expected 2 items");
  }

  private static UserView self() {
    return new com.clevercloud.api.v2.invoker.JSON().getGson()
        .fromJson(SPEC.example("getSelf").toString(), UserView.class);
  }
}
