package com.clevercloud.client.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one operations table: every operation of the three specifications, read from the {@code Operations} classes
 * the build generates from them ({@code com.clevercloud.api.{bridge,v2,v4}.invoker.Operations}). Routing, the choice
 * of Gson, path checks, masking and the tests all read it; nothing about an operation is kept in handwritten Java.
 */
public final class OperationTable {

  /** The families, in the order their specifications are generated. */
  public static final List<String> FAMILIES = List.of("bridge", "v2", "v4");

  /**
   * One parameter of an operation, in the order of the Java method's arguments.
   *
   * @param in {@code path}, {@code query}, {@code header}, {@code body} or {@code form}
   * @param name the wire name; for a body, its model's name
   * @param sensitive whether the spec marks it {@code x-sensitive: true}
   */
  public record Param(String in, String name, boolean sensitive) {}

  /**
   * One operation.
   *
   * @param id the operationId, which names the blocking Java method ({@code id + "Async"} the other)
   * @param api the generated interface's fully qualified name
   * @param family {@code bridge}, {@code v2} or {@code v4}
   * @param httpMethod the HTTP method
   * @param path the path template, from the host root
   * @param security the security schemes it accepts ({@code bearerAuth}, {@code oauth1}); empty when it takes none
   * @param presigned whether its caller signs it ({@code x-clever-auth: presigned}: the OAuth dance)
   * @param streamed whether it answers a file, handed over as a stream
   * @param responseModel the model of its answer (of the elements, for a list or a map), or empty
   * @param sensitiveResponse whether the answer is a map or list whose values the spec marks {@code x-sensitive}
   *     (an environment as one object)
   * @param params its parameters
   */
  public record Op(String id, String api, String family, String httpMethod, String path, Set<String> security,
      boolean presigned, boolean streamed, String responseModel, boolean sensitiveResponse, List<Param> params) {

    /**
     * Whether any parameter or the body can carry a secret.
     *
     * @return true if a parameter is sensitive or the body's model holds sensitive properties
     */
    public boolean carriesSecrets() {
      for (Param p : params) {
        if (p.sensitive() || (p.in().equals("body") && INSTANCE.holdsSecrets(family, p.name()))) {
          return true;
        }
      }
      return false;
    }
  }

  /** A model: its sensitive JSON properties, and its properties whose type is a model. */
  private record Model(Set<String> sensitive, Map<String, String> refs) {}

  /** The table of the specifications this build generated. */
  public static final OperationTable INSTANCE = new OperationTable();

  private final List<Op> all = new ArrayList<>();
  private final Map<String, Op> byId = new HashMap<>();
  private final Map<String, String> familyOfApi = new HashMap<>();
  private final Map<String, Map<String, Model>> models = new HashMap<>();
  private final Map<String, Set<String>> secretModels = new HashMap<>();
  private final ConcurrentHashMap<Method, Op> byMethod = new ConcurrentHashMap<>();

  private OperationTable() {
    load(com.clevercloud.api.bridge.invoker.Operations.FAMILY, com.clevercloud.api.bridge.invoker.Operations.OPERATIONS,
        com.clevercloud.api.bridge.invoker.Operations.MODELS);
    load(com.clevercloud.api.v2.invoker.Operations.FAMILY, com.clevercloud.api.v2.invoker.Operations.OPERATIONS,
        com.clevercloud.api.v2.invoker.Operations.MODELS);
    load(com.clevercloud.api.v4.invoker.Operations.FAMILY, com.clevercloud.api.v4.invoker.Operations.OPERATIONS,
        com.clevercloud.api.v4.invoker.Operations.MODELS);
  }

  private void load(String family, String[][] operations, String[][] modelRows) {
    Map<String, Model> familyModels = new HashMap<>();
    for (String[] row : modelRows) {
      Map<String, String> refs = new HashMap<>();
      for (String ref : words(row[2])) {
        int colon = ref.indexOf(':');
        refs.put(ref.substring(0, colon), ref.substring(colon + 1));
      }
      familyModels.put(row[0], new Model(Set.copyOf(words(row[1])), Map.copyOf(refs)));
    }
    models.put(family, familyModels);
    secretModels.put(family, closure(familyModels));
    for (String[] row : operations) {
      List<Param> params = new ArrayList<>();
      for (String token : words(row[8])) {
        String t = stripMarks(token);
        boolean sensitive = t.length() < token.length();
        int colon = t.indexOf(':');
        params.add(new Param(t.substring(0, colon), t.substring(colon + 1), sensitive));
      }
      String response = stripMarks(row[7]);
      Op op = new Op(row[0], row[1], family, row[2], row[3], Set.copyOf(words(row[4])), row[5].equals("presigned"),
          Boolean.parseBoolean(row[6]), response, response.length() < row[7].length(), List.copyOf(params));
      if (byId.put(op.id(), op) != null) {
        throw new IllegalStateException("operationId " + op.id() + " appears twice in the specifications");
      }
      all.add(op);
      familyOfApi.put(op.api(), family);
    }
  }

  /** The models that hold a secret, directly or through a property of another model. */
  private static Set<String> closure(Map<String, Model> familyModels) {
    Set<String> secret = new HashSet<>();
    familyModels.forEach((name, m) -> {
      if (!m.sensitive().isEmpty()) {
        secret.add(name);
      }
    });
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Model> e : familyModels.entrySet()) {
        if (!secret.contains(e.getKey()) && e.getValue().refs().values().stream().anyMatch(secret::contains)) {
          secret.add(e.getKey());
          grew = true;
        }
      }
    }
    return Set.copyOf(secret);
  }

  /** A token without its trailing {@code !} marks (one per place the spec marks it sensitive). */
  private static String stripMarks(String token) {
    int end = token.length();
    while (end > 0 && token.charAt(end - 1) == '!') {
      end--;
    }
    return token.substring(0, end);
  }

  private static List<String> words(String s) {
    return s.isBlank() ? List.of() : Arrays.asList(s.trim().split(" +"));
  }

  /**
   * Every operation of the three specifications.
   *
   * @return the operations, family by family, in the generator's order
   */
  public List<Op> all() {
    return List.copyOf(all);
  }

  /**
   * One operation.
   *
   * @param id its operationId
   * @return the operation, or null if no specification declares it
   */
  public Op byId(String id) {
    return byId.get(id);
  }

  /**
   * The operation a method of a generated interface calls: {@code id} and {@code idAsync} both call {@code id}.
   *
   * @param method a method of a generated interface
   * @return the operation, or null if the method is not one
   */
  public Op of(Method method) {
    Op known = byMethod.get(method);
    if (known != null) {
      return known;
    }
    String name = method.getName();
    Op op = byId.get(name);
    if (op == null && name.endsWith("Async")) {
      op = byId.get(name.substring(0, name.length() - "Async".length()));
    }
    if (op == null || !op.api().equals(method.getDeclaringClass().getName())) {
      return null;
    }
    byMethod.put(method, op);
    return op;
  }

  /**
   * The family of a generated interface.
   *
   * @param api an interface
   * @return {@code bridge}, {@code v2} or {@code v4}; null if it is not a generated interface
   */
  public String familyOf(Class<?> api) {
    return familyOfApi.get(api.getName());
  }

  /**
   * Whether a model holds a secret, directly or through a nested model.
   *
   * @param family the model's family
   * @param model the model's simple class name
   * @return true if some property of it, or of a model it holds, is marked {@code x-sensitive: true}
   */
  public boolean holdsSecrets(String family, String model) {
    return secretModels.getOrDefault(family, Set.of()).contains(model);
  }

  /**
   * Whether an operation's answer holds a secret: its model does, or it is a map or list of sensitive values.
   *
   * @param op the operation
   * @return true if an undecodable answer must never be quoted
   */
  public boolean answerHoldsSecrets(Op op) {
    return op.sensitiveResponse() || holdsSecrets(op.family(), op.responseModel());
  }

  /**
   * A model's properties marked {@code x-sensitive: true}.
   *
   * @param family the model's family
   * @param model the model's simple class name
   * @return their JSON names; empty for an unknown model
   */
  public Set<String> sensitiveProperties(String family, String model) {
    Model m = models.getOrDefault(family, Map.of()).get(model);
    return m == null ? Set.of() : m.sensitive();
  }

  /**
   * The model a property of a model holds.
   *
   * @param family the model's family
   * @param model the model's simple class name
   * @param property the property's JSON name
   * @return the nested model's simple class name, or null if the property holds no model
   */
  public String nestedModel(String family, String model, String property) {
    Model m = models.getOrDefault(family, Map.of()).get(model);
    return m == null ? null : m.refs().get(property);
  }
}
