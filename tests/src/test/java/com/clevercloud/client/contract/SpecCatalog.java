package com.clevercloud.client.contract;

import com.clevercloud.client.testkit.prism.PrismServers;
import com.clevercloud.client.testkit.prism.PrismServers.Spec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three specs as data, read from {@code openapi/*.yaml}: every operation as the spec writes it (to map a recorded
 * request back to its operation, and to check the generated operations table against the specs) and the examples the
 * tests compare with, so that a changed example changes the expectation with it.
 */
final class SpecCatalog {

  private static final Pattern PARAM = Pattern.compile("\\{[^}/]+}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

  private static volatile SpecCatalog instance;

  /** How a request may authenticate, as the spec allows it. */
  enum Auth {
    /** {@code Authorization: Bearer …} (scheme {@code bearerAuth}). */
    BEARER,
    /** {@code Authorization: OAuth …} (scheme {@code oauth1}). */
    OAUTH1,
    /** No {@code Authorization} header ({@code security: []}). */
    NONE
  }

  /**
   * One operation of one spec.
   *
   * @param spec the spec that declares it
   * @param operationId its operationId
   * @param method upper-case HTTP method
   * @param pathTemplate the path as written in the spec
   * @param auth the credential kinds the spec allows
   * @param statuses the response codes the spec declares
   * @param regex the template as a regular expression (a parameter matches one segment or part of one)
   */
  record Operation(Spec spec, String operationId, String method, String pathTemplate, Set<Auth> auth,
      Set<String> statuses, Pattern regex) {

    boolean isTemplated() {
      return pathTemplate.contains("{");
    }

    /** Literal characters outside the path parameters: {@code {n}.pdf} beats {@code {n}}. */
    int specificity() {
      return PARAM.matcher(pathTemplate).replaceAll("").length();
    }

    boolean matches(String upperMethod, String path) {
      return method.equals(upperMethod) && regex.matcher(path).matches();
    }

    @Override
    public String toString() {
      return spec.file() + " " + operationId + " (" + method + " " + pathTemplate + ")";
    }
  }

  private final Map<Spec, JsonNode> documents;
  private final List<Operation> operations;

  private SpecCatalog(Map<Spec, JsonNode> documents) {
    this.documents = documents;
    List<Operation> ops = new ArrayList<>();
    documents.forEach((spec, doc) -> ops.addAll(operationsOf(spec, doc)));
    this.operations = List.copyOf(ops);
  }

  /**
   * The catalog of the repository the tests run in, read once.
   *
   * @return the catalog
   */
  static SpecCatalog get() {
    SpecCatalog catalog = instance;
    if (catalog == null) {
      synchronized (SpecCatalog.class) {
        catalog = instance;
        if (catalog == null) {
          catalog = load(ProjectRoot.get());
          instance = catalog;
        }
      }
    }
    return catalog;
  }

  static SpecCatalog load(Path projectRoot) {
    Map<Spec, JsonNode> docs = new EnumMap<>(Spec.class);
    for (Spec spec : Spec.values()) {
      Path file = projectRoot.resolve("openapi").resolve(spec.file());
      try {
        docs.put(spec, YAML.readTree(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return new SpecCatalog(docs);
  }

  /** Every operation of the three specs, in document order. */
  List<Operation> operations() {
    return operations;
  }

  /**
   * The operation a request hits, with Prism's precedence: a concrete path beats any template, then the template with
   * the most literal characters ({@code /invoices/{n}.pdf} beats {@code /invoices/{n}}).
   *
   * @param method the HTTP method
   * @param path the request path, without query
   * @return the operation, or empty if no spec has it
   */
  Optional<Operation> match(String method, String path) {
    String upper = method.toUpperCase(Locale.ROOT);
    return operations.stream()
        .filter(op -> op.matches(upper, path))
        .max(Comparator.comparing((Operation op) -> !op.isTemplated())
            .thenComparingInt(Operation::specificity));
  }

  /**
   * The operation with this id.
   *
   * @param operationId an operationId
   * @return the operation
   * @throws IllegalArgumentException if no spec declares it
   */
  Operation operation(String operationId) {
    return operations.stream().filter(op -> op.operationId().equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No operation " + operationId + " in the specs"));
  }

  /**
   * The example of an operation's 200 response (the first one when {@code examples} has several).
   *
   * @param operationId an operationId
   * @return the example, as JSON (a string node for text and binary bodies)
   */
  JsonNode example(String operationId) {
    return example(operationId, "200");
  }

  /**
   * The example of one of an operation's responses.
   *
   * @param operationId an operationId
   * @param status the response code as the spec writes it ({@code "200"}, {@code "404"})
   * @return the example
   */
  JsonNode example(String operationId, String status) {
    Operation op = operation(operationId);
    JsonNode doc = documents.get(op.spec());
    JsonNode response = resolve(doc, operationNode(op).path("responses").path(status));
    JsonNode content = response.path("content");
    Iterator<JsonNode> media = content.elements();
    if (!media.hasNext()) {
      throw new IllegalArgumentException(op + " has no body for " + status);
    }
    return exampleOf(doc, media.next(), op + " " + status);
  }

  /**
   * One named example of one of an operation's responses ({@code examples: {name: {value: …}}}).
   *
   * @param operationId an operationId
   * @param status the response code as the spec writes it
   * @param name the example's name
   * @return the example's value
   */
  JsonNode example(String operationId, String status, String name) {
    Operation op = operation(operationId);
    JsonNode doc = documents.get(op.spec());
    JsonNode media = resolve(doc, operationNode(op).path("responses").path(status)).path("content").elements().next();
    JsonNode example = media.path("examples").path(name);
    if (example.isMissingNode()) {
      throw new IllegalArgumentException(op + " " + status + " has no example named " + name);
    }
    return resolve(doc, example).path("value");
  }

  /**
   * The example of an operation's request body.
   *
   * @param operationId an operationId
   * @return the example
   */
  JsonNode requestExample(String operationId) {
    Operation op = operation(operationId);
    JsonNode doc = documents.get(op.spec());
    JsonNode content = resolve(doc, operationNode(op).path("requestBody")).path("content");
    return exampleOf(doc, content.elements().next(), op + " request");
  }

  /**
   * The example of a named parameter (path or query) of an operation, as text.
   *
   * @param operationId an operationId
   * @param name the parameter's name
   * @return its example, or an empty string if the spec gives none
   */
  String parameterExample(String operationId, String name) {
    JsonNode param = parameter(operationId, name);
    JsonNode example = param.has("example") ? param.get("example") : param.path("schema").path("example");
    return example.asText();
  }

  /**
   * Whether the spec requires a named parameter (path or query) of an operation.
   *
   * @param operationId an operationId
   * @param name the parameter's name
   * @return true for path parameters and parameters marked {@code required: true}
   */
  boolean parameterRequired(String operationId, String name) {
    JsonNode param = parameter(operationId, name);
    return param.path("in").asText().equals("path") || param.path("required").asBoolean(false);
  }

  private JsonNode parameter(String operationId, String name) {
    Operation op = operation(operationId);
    JsonNode doc = documents.get(op.spec());
    List<JsonNode> params = new ArrayList<>();
    doc.path("paths").path(op.pathTemplate()).path("parameters").forEach(params::add);
    operationNode(op).path("parameters").forEach(params::add);
    for (JsonNode p : params) {
      JsonNode param = resolve(doc, p);
      if (name.equals(param.path("name").asText())) {
        return param;
      }
    }
    throw new IllegalArgumentException(op + " has no parameter " + name);
  }

  /**
   * The example of a spec's {@code Sozu-Id} response header ({@code components/headers/SozuId}).
   *
   * @param spec the spec
   * @return the example request id
   */
  String sozuIdExample(Spec spec) {
    return documents.get(spec).at("/components/headers/SozuId/example").asText();
  }

  /**
   * The status codes any operation of the three specs declares.
   *
   * @return for example {@code 200}, {@code 401}
   */
  Set<String> declaredStatuses() {
    Set<String> all = new java.util.TreeSet<>();
    operations.forEach(op -> all.addAll(op.statuses()));
    return all;
  }

  private JsonNode operationNode(Operation op) {
    return documents.get(op.spec()).path("paths").path(op.pathTemplate()).path(op.method().toLowerCase(Locale.ROOT));
  }

  private static JsonNode exampleOf(JsonNode doc, JsonNode mediaType, String what) {
    if (mediaType.has("example")) {
      return mediaType.get("example");
    }
    Iterator<JsonNode> examples = mediaType.path("examples").elements();
    if (examples.hasNext()) {
      return resolve(doc, examples.next()).path("value");
    }
    throw new IllegalArgumentException(what + " has no example");
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("Only local $ref are supported: " + ref);
      }
      current = doc.at(ref.substring(1));
    }
    return current;
  }

  private static List<Operation> operationsOf(Spec spec, JsonNode doc) {
    Set<Auth> defaultAuth = auth(doc.path("security"));
    List<Operation> ops = new ArrayList<>();
    doc.path("paths").properties().forEach(path -> {
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        Set<Auth> auth = op.has("security") ? auth(op.get("security")) : defaultAuth;
        Set<String> statuses = new LinkedHashSet<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        ops.add(new Operation(spec, op.path("operationId").asText(), method.toUpperCase(Locale.ROOT),
            path.getKey(), Set.copyOf(auth), Set.copyOf(statuses), regex(path.getKey())));
      }
    });
    return ops;
  }

  private static Set<Auth> auth(JsonNode security) {
    Set<Auth> auth = new LinkedHashSet<>();
    if (security.isArray() && security.isEmpty()) {
      auth.add(Auth.NONE);
    }
    for (JsonNode requirement : security) {
      if (requirement.isEmpty()) {
        auth.add(Auth.NONE); // `- {}` makes the credential optional
      }
      requirement.fieldNames().forEachRemaining(name -> {
        switch (name) {
          case "bearerAuth" -> auth.add(Auth.BEARER);
          case "oauth1" -> auth.add(Auth.OAUTH1);
          default -> throw new IllegalArgumentException("Unknown security scheme " + name);
        }
      });
    }
    return auth;
  }

  private static Pattern regex(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }
}
