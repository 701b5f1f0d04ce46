package com.clevercloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.Specs.Example;
import com.clevercloud.api.Specs.Operation;
import com.clevercloud.api.Specs.Property;
import com.clevercloud.api.Specs.Spec;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules the handwritten specs must keep, beyond what the generator's own validation checks. A maintainer who breaks one
 * gets a failing build that names the operation or property.
 */
class SpecRulesTest {

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

  @Test
  void operationIdsAreUniqueAcrossTheThreeSpecs() {
    Map<String, Operation> seen = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Operation op : Specs.allOperations()) {
      if (op.operationId() == null || op.operationId().isBlank()) {
        problems.add(op + " has no operationId");
      } else if (seen.putIfAbsent(op.operationId(), op) != null) {
        problems.add(op.operationId() + " used by " + seen.get(op.operationId()) + " and " + op);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(seen).hasSizeGreaterThan(30);
  }

  @ParameterizedTest
  @EnumSource(Spec.class)
  void everyOperationHasOneTag(Spec spec) {
    assertThat(Specs.operations(spec))
        .allSatisfy(op -> assertThat(op.node().path("tags").size()).as("tags of %s", op).isEqualTo(1));
  }

  @ParameterizedTest
  @EnumSource(Spec.class)
  void everyPathParameterIsDeclared(Spec spec) {
    List<String> problems = new ArrayList<>();
    for (Operation op : Specs.operations(spec)) {
      Set<String> declared = new TreeSet<>();
      for (JsonNode params : List.of(op.pathItem().path("parameters"), op.node().path("parameters"))) {
        for (JsonNode p : params) {
          JsonNode param = Specs.resolve(spec.doc(), p);
          if ("path".equals(param.path("in").asText())) {
            declared.add(param.path("name").asText());
          }
        }
      }
      Set<String> inTemplate = new TreeSet<>();
      Matcher m = PATH_PARAM.matcher(op.path());
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      if (!declared.equals(inTemplate)) {
        problems.add(op + ": template has " + inTemplate + ", declared " + declared);
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Spec.class)
  void everySuccessResponseWithABodyHasAnExample(Spec spec) {
    List<String> missing = new ArrayList<>();
    for (Operation op : Specs.operations(spec)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = op.node().path("responses").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> response = it.next();
        if (!response.getKey().startsWith("2")) {
          continue;
        }
        JsonNode resolved = Specs.resolve(spec.doc(), response.getValue());
        for (Iterator<Map.Entry<String, JsonNode>> media = resolved.path("content").fields(); media.hasNext(); ) {
          Map.Entry<String, JsonNode> m = media.next();
          if (!m.getValue().has("example") && m.getValue().path("examples").isEmpty()) {
            missing.add(op + " " + response.getKey() + " " + m.getKey());
          }
        }
      }
    }
    assertThat(missing).as("2xx responses without an example").isEmpty();
  }

  static Stream<Example> examples() {
    return Specs.allSuccessExamples().stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everySuccessExampleValidatesAgainstItsSchema(Example example) {
    JsonSchema schema = SCHEMAS.getSchema(Specs.standalone(example.spec().doc(), example.schema()));
    Set<ValidationMessage> errors = schema.validate(example.value());
    assertThat(errors).as("%s", example).isEmpty();
  }

  @Test
  void theSchemaCheckCanFail() {
    // Guards the check above: a wrong-typed value against a real component schema must be reported.
    JsonNode doc = Spec.BRIDGE.doc();
    JsonNode schema = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("$ref", "#/components/schemas/ApiToken");
    JsonNode wrong = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name", 42);
    assertThat(SCHEMAS.getSchema(Specs.standalone(doc, schema)).validate(wrong)).isNotEmpty();
  }

  @Test
  void everySecretLookingPropertyIsMarkedSensitiveOrNot() {
    List<String> unmarked = new ArrayList<>();
    for (Spec spec : Spec.values()) {
      collectUnmarked(spec.toString(), spec.doc(), unmarked);
    }
    assertThat(unmarked).as("properties named like a secret without x-sensitive: true|false").isEmpty();
  }

  @Test
  void everySensitiveMarkerIsABoolean() {
    assertThat(Specs.allComponentProperties())
        .filteredOn(p -> p.node().has("x-sensitive"))
        .allSatisfy(p -> assertThat(p.node().get("x-sensitive").isBoolean()).as("%s", p).isTrue());
  }

  @Test
  void secretsTheApiIsKnownToReturnAreMarkedSensitive() {
    // The reference names these as secrets; losing the marker would put them back in toString().
    List<String> expected = List.of("bridge.yaml CreatedApiToken.apiToken", "bridge.yaml ApiTokenCreateRequest.password",
        "bridge.yaml ApiTokenCreateRequest.mfaCode", "v2.yaml SecretView.secret");
    List<String> sensitive = Specs.allComponentProperties().stream().filter(Property::sensitive).map(Property::toString).toList();
    assertThat(sensitive).containsAll(expected);
  }

  @Test
  void everyCaseInsensitiveMarkIsABooleanOnAStringEnum() {
    // The enum templates read x-case-insensitive only there; anywhere else it would silently do nothing.
    List<String> marked = new ArrayList<>();
    List<String> misplaced = new ArrayList<>();
    for (Spec spec : Spec.values()) {
      forEachNode(spec.toString(), spec.doc(), (where, node) -> {
        if (node.has("x-case-insensitive")) {
          marked.add(where);
          if (!node.get("x-case-insensitive").isBoolean() || !node.has("enum")
              || !"string".equals(node.path("type").asText())) {
            misplaced.add(where);
          }
        }
      });
    }
    assertThat(misplaced).as("x-case-insensitive not a boolean on a string enum").isEmpty();
    assertThat(marked).as("the Bridge's token state is read in any case").contains("bridge.yaml/components/schemas/ApiTokenState");
  }

  /** Secret-looking property names without a marker, in every schema object of the document, inline ones too. */
  private static void collectUnmarked(String where, JsonNode root, List<String> unmarked) {
    forEachNode(where, root, (at, node) -> {
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          if (Specs.SECRET_LOOKING.matcher(p.getKey()).find() && !p.getValue().path("x-sensitive").isBoolean()) {
            unmarked.add(at + " property " + p.getKey());
          }
        }
      }
    });
  }

  /** Visits every object node of the document with its path, examples excepted (they are data, not schemas). */
  private static void forEachNode(String where, JsonNode node, BiConsumer<String, JsonNode> visitor) {
    if (node.isObject()) {
      visitor.accept(where, node);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> child = it.next();
        if (!child.getKey().equals("example") && !child.getKey().equals("examples")) {
          forEachNode(where + "/" + child.getKey(), child.getValue(), visitor);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        forEachNode(where, item, visitor);
      }
    }
  }
}
