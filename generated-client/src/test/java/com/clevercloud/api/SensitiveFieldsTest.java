package com.clevercloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.Specs.Property;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pojo.mustache override: a generated model's toString() never prints a field the spec marks
 * {@code x-sensitive: true}. Remove the override and every case here fails.
 */
class SensitiveFieldsTest {

  private static final String CANARY = "canary-7f3a9c-do-not-print";

  /** Sensitive properties of schemas that become model classes (form-body schemas are inlined as parameters). */
  static Stream<Property> sensitiveProperties() {
    return Specs.allComponentProperties().stream().filter(Property::sensitive)
        .filter(p -> p.spec().generatedModel(p.schemaName()).isPresent());
  }

  @Test
  void theSpecsMarkSecrets() {
    assertThat(sensitiveProperties().count()).isGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest
  @MethodSource("sensitiveProperties")
  void toStringNeverPrintsASensitiveValue(Property property) throws Exception {
    Class<?> model = property.spec().modelClass(property.schemaName());
    Object instance = model.getConstructor().newInstance();
    Field field = Specs.field(model, property.name());
    field.set(instance, canaryOf(field.getType(), property));

    String printed = instance.toString();

    assertThat(printed).doesNotContain(CANARY).contains("*** redacted ***");
  }

  /** The canary in the field's shape: a string, or a map or list holding it (an environment, a list of keys). */
  private static Object canaryOf(Class<?> type, Property property) {
    if (type == String.class) {
      return CANARY;
    }
    if (Map.class.isAssignableFrom(type)) {
      return new HashMap<>(Map.of("NAME", CANARY));
    }
    if (List.class.isAssignableFrom(type)) {
      return new ArrayList<>(List.of(CANARY));
    }
    throw new AssertionError(property + " is a " + type.getName() + ": expected a string, a map or a list");
  }

  @Test
  void toStringStillPrintsOrdinaryFields() {
    // Guards the test above: the canary would be visible if the field were not sensitive.
    Property ordinary = Specs.allComponentProperties().stream()
        .filter(p -> !p.sensitive() && "string".equals(p.node().path("type").asText()) && !p.node().has("enum")
            && !p.node().has("format"))
        .findFirst().orElseThrow();
    try {
      Object instance = ordinary.spec().modelClass(ordinary.schemaName()).getConstructor().newInstance();
      Specs.field(instance.getClass(), ordinary.name()).set(instance, CANARY);
      assertThat(instance.toString()).contains(CANARY);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
