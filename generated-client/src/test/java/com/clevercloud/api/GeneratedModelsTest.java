package com.clevercloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clevercloud.api.Specs.Example;
import com.clevercloud.api.Specs.Property;
import com.clevercloud.api.Specs.Spec;
import com.clevercloud.api.bridge.model.ApiToken;
import com.clevercloud.api.bridge.model.ApiTokenState;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated Gson models against the specs' own examples: what Prism serves must parse, and survive a round trip;
 * what the service may add tomorrow (fields, enum values) must not break parsing; v2 dates parse in both forms.
 */
class GeneratedModelsTest {

  static Stream<Example> jsonModelExamples() {
    return Specs.allSuccessExamples().stream()
        .filter(e -> e.mediaType().contains("json"))
        .filter(e -> e.refName().isPresent() || e.arrayItemRefName().isPresent());
  }

  @Test
  void theSpecsHaveJsonExamplesToCheck() {
    assertThat(jsonModelExamples().count()).isGreaterThan(20);
  }

  @ParameterizedTest
  @MethodSource("jsonModelExamples")
  void everyExampleParsesAndSerialisesBackWithoutLosingKnownFields(Example example) {
    Gson gson = example.spec().gson();
    Type type = javaType(example);
    String json = example.value().toString();

    Object parsed = gson.fromJson(json, type);
    JsonElement back = gson.toJsonTree(parsed, type);
    // Every property the example set and the schema knows is still there after the round trip...
    assertKnownFieldsKept(example, JsonParser.parseString(json), back);
    // ...and means the same thing (dates compared as values, not as strings).
    assertThat(gson.<Object>fromJson(back, type)).as("%s", example).isEqualTo(parsed);
  }

  @Test
  void unknownFieldsAreIgnored() {
    Example example = jsonModelExamples().filter(e -> e.value().isObject() && e.refName().isPresent())
        .findFirst().orElseThrow();
    JsonObject withExtra = JsonParser.parseString(example.value().toString()).getAsJsonObject();
    withExtra.addProperty("aFieldTheServiceAddsTomorrow", "x");
    withExtra.add("anotherNewObject", JsonParser.parseString("{\"a\":[1,2]}"));
    Gson gson = example.spec().gson();
    Class<?> type = example.spec().modelClass(example.refName().get());
    Object parsed = gson.fromJson(withExtra, type);
    assertThat(parsed).isEqualTo(gson.fromJson(example.value().toString(), type));
  }

  static Stream<Property> enumProperties() {
    return Specs.allComponentProperties().stream()
        .filter(p -> p.node().has("enum") || isEnumRef(p));
  }

  private static boolean isEnumRef(Property p) {
    return Specs.refOf(p.node()).map(name -> p.spec().doc().path("components").path("schemas").path(name).has("enum"))
        .orElse(false);
  }

  @Test
  void theSpecsHaveOpenEnums() {
    assertThat(enumProperties().count()).isGreaterThan(3);
  }

  /** The enum schema of a property: inline, or the component it refers to. */
  private static JsonNode enumSchema(Property p) {
    return Specs.refOf(p.node()).map(name -> p.spec().doc().path("components").path("schemas").path(name))
        .orElse(p.node());
  }

  private static Method getter(Class<?> model, Property property, String suffix) throws Exception {
    String field = Specs.field(model, property.name()).getName();
    return model.getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1) + suffix);
  }

  @ParameterizedTest
  @MethodSource("enumProperties")
  void anUnknownEnumValueParsesToTheUnknownConstantAndKeepsItsText(Property property) throws Exception {
    Class<?> model = property.spec().modelClass(property.schemaName());
    Gson gson = property.spec().gson();
    Object parsed = gson.fromJson("{\"" + property.name() + "\":\"A_VALUE_THE_SERVICE_ADDS_TOMORROW\"}", model);

    assertThat(((Enum<?>) getter(model, property, "").invoke(parsed)).name()).as("%s", property)
        .isEqualTo("UNKNOWN_DEFAULT_OPEN_API");
    assertThat(getter(model, property, "AsString").invoke(parsed)).as("%s", property)
        .isEqualTo("A_VALUE_THE_SERVICE_ADDS_TOMORROW");
    // Written back as received, never as the placeholder.
    assertThat(gson.toJsonTree(parsed).getAsJsonObject().get(property.name()).getAsString())
        .isEqualTo("A_VALUE_THE_SERVICE_ADDS_TOMORROW");
  }

  @ParameterizedTest
  @MethodSource("enumProperties")
  void enumValuesAreReadInAnyCaseExactlyWhereTheSpecSaysSo(Property property) throws Exception {
    Class<?> model = property.spec().modelClass(property.schemaName());
    Gson gson = property.spec().gson();
    boolean lax = enumSchema(property).path("x-case-insensitive").asBoolean(false);
    String canonical = enumSchema(property).path("enum").get(0).asText();
    String otherCase = canonical.equals(canonical.toLowerCase(Locale.ROOT))
        ? canonical.toUpperCase(Locale.ROOT) : canonical.toLowerCase(Locale.ROOT);
    Object parsed = gson.fromJson("{\"" + property.name() + "\":\"" + otherCase + "\"}", model);

    Enum<?> value = (Enum<?>) getter(model, property, "").invoke(parsed);
    if (lax) {
      // The known constant, spelled canonically in the text and when written back.
      assertThat(value.toString()).as("%s", property).isEqualTo(canonical);
      assertThat(getter(model, property, "AsString").invoke(parsed)).isEqualTo(canonical);
      assertThat(gson.toJsonTree(parsed).getAsJsonObject().get(property.name()).getAsString()).isEqualTo(canonical);
    } else {
      assertThat(value.name()).as("%s", property).isEqualTo("UNKNOWN_DEFAULT_OPEN_API");
      assertThat(getter(model, property, "AsString").invoke(parsed)).isEqualTo(otherCase);
    }
  }

  @Test
  void theBridgeTokenStateIsReadInAnyCase() {
    Gson gson = Spec.BRIDGE.gson();
    ApiToken token = gson.fromJson("{\"state\":\"expired\"}", ApiToken.class);
    assertThat(token.getState()).isEqualTo(ApiTokenState.EXPIRED);
    assertThat(token.getStateAsString()).isEqualTo("EXPIRED");
    assertThat(token).isEqualTo(new ApiToken().state(ApiTokenState.EXPIRED));
  }

  @Test
  void settersWriteTheCanonicalValueAndRefuseTheUnknownPlaceholder() {
    Gson gson = Spec.BRIDGE.gson();
    assertThat(gson.toJson(new ApiToken().state(ApiTokenState.ACTIVE))).isEqualTo("{\"state\":\"ACTIVE\"}");
    assertThat(new ApiToken().state(null).getStateAsString()).isNull();
    assertThatThrownBy(() -> new ApiToken().state(ApiTokenState.UNKNOWN_DEFAULT_OPEN_API))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be sent");
  }

  @Test
  void aNullEnumStaysNull() {
    ApiToken token = Spec.BRIDGE.gson().fromJson("{\"state\":null}", ApiToken.class);
    assertThat(token.getState()).isNull();
    assertThat(token.getStateAsString()).isNull();
  }

  static Stream<Property> v2Dates() {
    return Specs.componentProperties(Spec.V2).stream().filter(p -> "epoch-ms".equals(p.node().path("format").asText()));
  }

  @Test
  void v2HasEpochMillisecondDates() {
    assertThat(v2Dates().count()).isGreaterThan(3);
  }

  @ParameterizedTest
  @MethodSource("v2Dates")
  void v2DatesParseFromEpochMillisAndFromIsoWithAZoneSuffix(Property property) throws Exception {
    Class<?> model = Spec.V2.modelClass(property.schemaName());
    Field field = Specs.field(model, property.name());
    Gson gson = Spec.V2.gson();
    Instant expected = Instant.ofEpochMilli(1_700_000_000_123L);
    for (String form : List.of("1700000000123", "\"1700000000123\"", "\"2023-11-14T22:13:20.123Z[UTC]\"",
        "\"2023-11-14T22:13:20.123Z\"", "\"2023-11-14T23:13:20.123+01:00\"")) {
      Object parsed = gson.fromJson("{\"" + property.name() + "\":" + form + "}", model);
      assertThat(field.get(parsed)).as("%s from %s", property, form).isEqualTo(expected);
    }
    // Written back the way the service sends it: epoch milliseconds.
    Object parsed = gson.fromJson("{\"" + property.name() + "\":\"2023-11-14T22:13:20.123Z[UTC]\"}", model);
    assertThat(gson.toJsonTree(parsed).getAsJsonObject().get(property.name()).getAsLong()).isEqualTo(1_700_000_000_123L);
  }

  private static Type javaType(Example example) {
    if (example.refName().isPresent()) {
      String name = example.refName().get();
      if (example.spec().isMapSchema(name)) {
        return TypeToken.getParameterized(Map.class, String.class, Object.class).getType();
      }
      return example.spec().modelClass(name);
    }
    return TypeToken.getParameterized(List.class, example.spec().modelClass(example.arrayItemRefName().get())).getType();
  }

  private static void assertKnownFieldsKept(Example example, JsonElement original, JsonElement back) {
    if (original.isJsonArray()) {
      assertThat(back.getAsJsonArray().size()).as("%s", example).isEqualTo(original.getAsJsonArray().size());
      for (int i = 0; i < original.getAsJsonArray().size(); i++) {
        assertKnownFieldsKept(example, original.getAsJsonArray().get(i), back.getAsJsonArray().get(i));
      }
    } else if (original.isJsonObject()) {
      for (Iterator<Map.Entry<String, JsonElement>> it = original.getAsJsonObject().entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonElement> e = it.next();
        if (!e.getValue().isJsonNull()) {
          assertThat(back.getAsJsonObject().has(e.getKey()))
              .as("%s lost field %s", example, e.getKey()).isTrue();
          assertKnownFieldsKept(example, e.getValue(), back.getAsJsonObject().get(e.getKey()));
        }
      }
    }
  }
}
