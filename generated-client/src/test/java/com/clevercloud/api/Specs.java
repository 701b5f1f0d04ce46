package com.clevercloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.Gson;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads openapi/*.yaml for the generated-client tests, so every test walks the real specs rather than a copy.
 * The specs directory comes from the {@code specs.dir} system property that the module's Surefire configuration sets.
 */
final class Specs {

  /** Names that look like they hold a secret; each such property must say {@code x-sensitive: true|false}. */
  static final Pattern SECRET_LOOKING = Pattern.compile("(?i)password|secret|token|mfa");

  private static final YAMLMapper YAML = new YAMLMapper();

  /** The three specs and where their generated code lives. */
  enum Spec {
    BRIDGE("bridge"), V2("v2"), V4("v4");

    final String name;

    Spec(String name) {
      this.name = name;
    }

    Path file() {
      return Path.of(System.getProperty("specs.dir", "../openapi"), name + ".yaml");
    }

    JsonNode doc() {
      try {
        return YAML.readTree(file().toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file(), e);
      }
    }

    /** The Gson the generated code builds for this spec (with its date adapters). */
    Gson gson() {
      try {
        Object json = Class.forName("com.clevercloud.api." + name + ".invoker.JSON").getConstructor().newInstance();
        return (Gson) json.getClass().getMethod("getGson").invoke(json);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The generated model class for a schema of {@code components.schemas}. */
    Class<?> modelClass(String schemaName) {
      return generatedModel(schemaName)
          .orElseThrow(() -> new AssertionError("No generated model for schema " + name + ":" + schemaName));
    }

    /**
     * The generated model class, if the generator makes one: form-body schemas are inlined as parameters and
     * map-only schemas ({@code additionalProperties} without properties) become {@code Map}s.
     */
    Optional<Class<?>> generatedModel(String schemaName) {
      try {
        return Optional.of(Class.forName("com.clevercloud.api." + name + ".model." + schemaName));
      } catch (ClassNotFoundException e) {
        return Optional.empty();
      }
    }

    /** True for a schema the generator maps to {@code Map<String, Object>}. */
    boolean isMapSchema(String schemaName) {
      JsonNode schema = doc().path("components").path("schemas").path(schemaName);
      return schema.has("additionalProperties") && !schema.has("properties");
    }

    @Override
    public String toString() {
      return name + ".yaml";
    }
  }

  /** One operation of a spec. */
  record Operation(Spec spec, String path, String method, JsonNode node, JsonNode pathItem) {
    String operationId() {
      return node.path("operationId").asText(null);
    }

    @Override
    public String toString() {
      return spec + " " + method.toUpperCase() + " " + path;
    }
  }

  /** An example of a 2xx response body, with the schema it must satisfy. */
  record Example(Spec spec, String where, String mediaType, JsonNode schema, JsonNode value) {
    @Override
    public String toString() {
      return spec + " " + where;
    }

    /** The schema name when the body is a {@code $ref} to one component schema, else empty. */
    Optional<String> refName() {
      return refOf(schema);
    }

    /** The item schema name when the body is an array of one component schema, else empty. */
    Optional<String> arrayItemRefName() {
      return "array".equals(schema.path("type").asText()) ? refOf(schema.path("items")) : Optional.empty();
    }
  }

  /** A property of a component schema. */
  record Property(Spec spec, String schemaName, String name, JsonNode node) {
    boolean sensitive() {
      return node.path("x-sensitive").asBoolean(false);
    }

    @Override
    public String toString() {
      return spec + " " + schemaName + "." + name;
    }
  }

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

  private Specs() {
  }

  static List<Operation> operations(Spec spec) {
    List<Operation> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.doc().path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        if (path.getValue().has(method)) {
          out.add(new Operation(spec, path.getKey(), method, path.getValue().get(method), path.getValue()));
        }
      }
    }
    return out;
  }

  static List<Operation> allOperations() {
    List<Operation> out = new ArrayList<>();
    for (Spec spec : Spec.values()) {
      out.addAll(operations(spec));
    }
    return out;
  }

  /** Every example of every 2xx response of every operation (named examples and the single {@code example}). */
  static List<Example> successExamples(Spec spec) {
    List<Example> out = new ArrayList<>();
    for (Operation op : operations(spec)) {
      for (Iterator<Map.Entry<String, JsonNode>> responses = op.node().path("responses").fields(); responses.hasNext(); ) {
        Map.Entry<String, JsonNode> response = responses.next();
        if (!response.getKey().startsWith("2")) {
          continue;
        }
        JsonNode resolved = resolve(spec.doc(), response.getValue());
        for (Iterator<Map.Entry<String, JsonNode>> media = resolved.path("content").fields(); media.hasNext(); ) {
          Map.Entry<String, JsonNode> m = media.next();
          String where = op.operationId() + " " + response.getKey() + " " + m.getKey();
          JsonNode schema = m.getValue().path("schema");
          if (m.getValue().has("example")) {
            out.add(new Example(spec, where, m.getKey(), schema, m.getValue().get("example")));
          }
          for (Iterator<Map.Entry<String, JsonNode>> named = m.getValue().path("examples").fields(); named.hasNext(); ) {
            Map.Entry<String, JsonNode> e = named.next();
            JsonNode value = resolve(spec.doc(), e.getValue()).get("value");
            out.add(new Example(spec, where + " (" + e.getKey() + ")", m.getKey(), schema, value));
          }
        }
      }
    }
    return out;
  }

  static List<Example> allSuccessExamples() {
    List<Example> out = new ArrayList<>();
    for (Spec spec : Spec.values()) {
      out.addAll(successExamples(spec));
    }
    return out;
  }

  /** Properties of every component schema. */
  static List<Property> componentProperties(Spec spec) {
    List<Property> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> schemas = spec.doc().path("components").path("schemas").fields(); schemas.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = schemas.next();
      for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext(); ) {
        Map.Entry<String, JsonNode> p = props.next();
        out.add(new Property(spec, schema.getKey(), p.getKey(), p.getValue()));
      }
    }
    return out;
  }

  static List<Property> allComponentProperties() {
    List<Property> out = new ArrayList<>();
    for (Spec spec : Spec.values()) {
      out.addAll(componentProperties(spec));
    }
    return out;
  }

  /** Follows a local {@code $ref} (one level is all the specs use for responses and examples). */
  static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode current = node;
    for (int i = 0; i < 10 && current.has("$ref"); i++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("Only local $ref are supported: " + ref);
      }
      current = doc.at(ref.substring(1));
    }
    return current;
  }

  static Optional<String> refOf(JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.startsWith("#/components/schemas/")
        ? Optional.of(ref.substring("#/components/schemas/".length()))
        : Optional.empty();
  }

  /** The Java field that Gson maps to a JSON property name. */
  static Field field(Class<?> type, String jsonName) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        SerializedName sn = f.getAnnotation(SerializedName.class);
        if (sn != null && sn.value().equals(jsonName)) {
          f.setAccessible(true);
          return f;
        }
      }
    }
    throw new AssertionError("No field for JSON property '" + jsonName + "' in " + type.getName());
  }

  /** A JSON schema node that can be validated on its own: the schema plus the spec's components for its refs. */
  static ObjectNode standalone(JsonNode doc, JsonNode schema) {
    ObjectNode root = YAML.createObjectNode();
    root.set("allOf", YAML.createArrayNode().add(schema.deepCopy()));
    root.set("components", doc.path("components").deepCopy());
    return root;
  }
}
