package com.clevercloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.Specs.Spec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The v2 schemas keep what Clever Cloud's own v2 OpenAPI document ({@code openapi/official/}) declares: for every
 * schema of {@code v2.yaml} that corresponds to an official one (same name, or the official name given by
 * {@code x-official-schema} on ours), every official property is present with a compatible type. Our extra properties
 * are fine. A maintainer who drops or retypes a property gets a failure naming the schema and the property.
 */
class OfficialSchemasTest {

  /** The vendor extension that names the official schema one of ours corresponds to, when the names differ. */
  static final String OFFICIAL_NAME = "x-official-schema";

  private static final String OFFICIAL_FILE = "clever-cloud-v2-openapi-2025-02.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode officialDocument() {
    Path file = Path.of(System.getProperty("specs.dir", "../openapi"), "official", OFFICIAL_FILE);
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  @Test
  void everyOfficialPropertyIsInTheCorrespondingV2Schema() {
    assertThat(problems(Spec.V2.doc(), officialDocument())).isEmpty();
  }

  @Test
  void theComparisonCoversTheSchemasThatCorrespond() {
    // Guards against a check that passes because it compares nothing (a renamed file, a wrong path into the documents).
    assertThat(correspondingSchemas(Spec.V2.doc(), officialDocument())).contains(
        "UserView", "OrganisationView", "ApplicationView", "InstanceConfigView -> InstanceView",
        "InstanceView -> SuperNovaInstanceView", "EnvVar -> AddonEnvironmentView", "AddonView", "VhostView")
        .hasSizeGreaterThan(30);
  }

  // ------------------------------------------------------------ the check guards itself

  @Test
  void aMissingPropertyIsReportedWithTheSchemaAndThePropertyNamed() throws IOException {
    JsonNode official = doc("{'components':{'schemas':{'Thing':{'type':'object','properties':{"
        + "'id':{'type':'string'},'size':{'type':'integer','format':'int32'}}}}}}");
    JsonNode ours = doc("{'components':{'schemas':{'Thing':{'type':'object','properties':{"
        + "'id':{'type':'string'},'extra':{'type':'boolean'}}}}}}");
    assertThat(problems(ours, official)).containsExactly("Thing.size: missing (official type integer)");
  }

  @Test
  void anIncompatibleTypeIsReported() throws IOException {
    JsonNode official = doc("{'components':{'schemas':{'Thing':{'properties':{'tags':{'type':'array','items':"
        + "{'type':'string'}},'count':{'type':'integer'},'owner':{'$ref':'#/components/schemas/Owner'}}},"
        + "'Owner':{'type':'object','properties':{'id':{'type':'string'}}}}}}");
    JsonNode ours = doc("{'components':{'schemas':{'Thing':{'properties':{'tags':{'type':'array','items':"
        + "{'type':'integer'}},'count':{'type':'string'},'owner':{'type':'string'}}}}}}");
    assertThat(problems(ours, official)).containsExactlyInAnyOrder(
        "Thing.tags: items are integer, official string",
        "Thing.count: string, official integer",
        "Thing.owner: string, official object");
  }

  @Test
  void compatibleTypesPass() throws IOException {
    // An official int64 date is our epoch-ms integer; a $ref on either side is followed; an integer fits a number.
    JsonNode official = doc("{'components':{'schemas':{'Official':{'properties':{"
        + "'creationDate':{'type':'integer','format':'int64'},'flavor':{'$ref':'#/components/schemas/F'},"
        + "'price':{'type':'integer'},'env':{'type':'object','additionalProperties':{'type':'string'}}}},"
        + "'F':{'type':'object'}}}}");
    JsonNode ours = doc("{'components':{'schemas':{'Ours':{'x-official-schema':'Official','properties':{"
        + "'creationDate':{'type':'integer','format':'epoch-ms'},'flavor':{'$ref':'#/components/schemas/G'},"
        + "'price':{'type':'number'},'env':{'additionalProperties':{'type':'string'}}}},"
        + "'G':{'properties':{'name':{'type':'string'}}}}}}");
    assertThat(problems(ours, official)).isEmpty();
    assertThat(correspondingSchemas(ours, official)).containsExactly("Ours -> Official");
  }

  @Test
  void anOfficialNameThatDoesNotExistIsReported() throws IOException {
    JsonNode official = doc("{'components':{'schemas':{'Thing':{'properties':{}}}}}");
    JsonNode ours = doc("{'components':{'schemas':{'Mine':{'x-official-schema':'Thingg','properties':{}}}}}");
    assertThat(problems(ours, official))
        .containsExactly("Mine: x-official-schema names Thingg, not an official schema");
  }

  // ------------------------------------------------------------ the check

  /** Our schemas that correspond to an official one, as {@code Ours} or {@code Ours -> Official}. */
  static List<String> correspondingSchemas(JsonNode ours, JsonNode official) {
    List<String> out = new ArrayList<>();
    JsonNode officialSchemas = official.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> it = ours.path("components").path("schemas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      String officialName = officialName(schema.getKey(), schema.getValue());
      if (officialSchemas.has(officialName)) {
        out.add(officialName.equals(schema.getKey()) ? officialName : schema.getKey() + " -> " + officialName);
      }
    }
    return out;
  }

  /** Every official property missing from, or incompatible with, the corresponding schema of ours. */
  static List<String> problems(JsonNode ours, JsonNode official) {
    List<String> problems = new ArrayList<>();
    JsonNode officialSchemas = official.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> it = ours.path("components").path("schemas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      String name = schema.getKey();
      String officialName = officialName(name, schema.getValue());
      JsonNode officialSchema = officialSchemas.get(officialName);
      if (officialSchema == null) {
        if (schema.getValue().has(OFFICIAL_NAME)) {
          problems.add(name + ": " + OFFICIAL_NAME + " names " + officialName + ", not an official schema");
        }
        continue;
      }
      JsonNode ourProperties = Specs.resolve(ours, schema.getValue()).path("properties");
      JsonNode officialProperties = Specs.resolve(official, officialSchema).path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> props = officialProperties.fields(); props.hasNext(); ) {
        Map.Entry<String, JsonNode> property = props.next();
        String where = name + "." + property.getKey();
        JsonNode theirs = Specs.resolve(official, property.getValue());
        JsonNode mine = ourProperties.get(property.getKey());
        if (mine == null) {
          problems.add(where + ": missing (official type " + type(official, theirs) + ")");
          continue;
        }
        mine = Specs.resolve(ours, mine);
        String ourType = type(ours, mine);
        String officialType = type(official, theirs);
        if (!compatible(ourType, officialType)) {
          problems.add(where + ": " + ourType + ", official " + officialType);
        } else if ("array".equals(officialType)) {
          String ourItems = type(ours, Specs.resolve(ours, mine.path("items")));
          String officialItems = type(official, Specs.resolve(official, theirs.path("items")));
          if (!compatible(ourItems, officialItems)) {
            problems.add(where + ": items are " + ourItems + ", official " + officialItems);
          }
        }
      }
    }
    return problems;
  }

  private static String officialName(String name, JsonNode schema) {
    return schema.path(OFFICIAL_NAME).asText(name);
  }

  /**
   * The JSON type a (resolved) schema declares: its {@code type}, else {@code object} when it has properties or
   * additional properties, else the type of its single {@code allOf}/{@code oneOf}/{@code anyOf} member, else
   * {@code any}.
   */
  private static String type(JsonNode doc, JsonNode schema) {
    if (schema.has("type")) {
      return schema.get("type").asText();
    }
    if (schema.has("properties") || schema.has("additionalProperties")) {
      return "object";
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      JsonNode members = schema.path(combinator);
      if (members.size() == 1) {
        return type(doc, Specs.resolve(doc, members.get(0)));
      }
    }
    return "any";
  }

  /**
   * Same JSON type; an official integer also fits our number (dates are integers on both sides: the official
   * {@code int64}, our {@code epoch-ms}); an official schema without a type accepts any of ours.
   */
  private static boolean compatible(String ours, String official) {
    return ours.equals(official) || "any".equals(official) || ("integer".equals(official) && "number".equals(ours));
  }

  /** A small document written with single quotes, for the guard cases. */
  private static JsonNode doc(String singleQuoted) throws IOException {
    return JSON.readTree(singleQuoted.replace('\'', '"'));
  }
}
