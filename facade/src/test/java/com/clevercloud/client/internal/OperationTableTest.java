package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v2.api.SelfApi;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operations table generated from the specs matches the generated interfaces and the specs themselves: every
 * method of every generated {@code *Api} interface (blocking and Async) maps to exactly one row, every row has both
 * methods in its interface, ids are unique, each row's parameters are the Java method's in order and kind, its HTTP
 * method and path template are the method's annotations, the template's {params} are the row's path parameters, and
 * the rows are as many as the {@code operationId}s of {@code openapi/*.yaml}.
 */
class OperationTableTest {

  private static final OperationTable TABLE = OperationTable.INSTANCE;
  private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  @Test
  void mapsAndListsOfSensitiveValuesAreKnownToCarrySecrets() {
    OperationTable t = OperationTable.INSTANCE;
    // An environment sent whole (a map body) and read whole (a map answer): the spec marks the values x-sensitive.
    assertThat(t.byId("updateApplicationEnv").carriesSecrets()).isTrue();
    assertThat(t.byId("updateApplicationEnv").params()).anySatisfy(p -> {
      assertThat(p.in()).isEqualTo("body");
      assertThat(p.sensitive()).isTrue();
    });
    assertThat(t.answerHoldsSecrets(t.byId("getApplicationExposedEnv"))).isTrue();
    assertThat(t.answerHoldsSecrets(t.byId("listApplicationEnv"))).isTrue(); // a list of a model with a secret
    assertThat(t.answerHoldsSecrets(t.byId("listZones"))).isFalse();
    assertThat(t.byId("listZones").carriesSecrets()).isFalse();
  }

  @Test
  void everyMethodOfEveryGeneratedInterfaceMapsToExactlyOneRow() throws Exception {
    List<Class<?>> apis = generatedInterfaces();
    assertThat(apis).hasSizeGreaterThanOrEqualTo(10);
    Map<OperationTable.Op, List<Method>> methodsOfRow = new HashMap<>();
    for (Class<?> api : apis) {
      assertThat(TABLE.familyOf(api)).as(api.getName()).isEqualTo(api.getName().split("\\.")[3]);
      for (Method m : api.getDeclaredMethods()) {
        if (m.isSynthetic() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        OperationTable.Op op = TABLE.of(m);
        assertThat(op).as("the row of %s.%s", api.getSimpleName(), m.getName()).isNotNull();
        assertThat(op.api()).isEqualTo(api.getName());
        assertThat(m.getName()).isIn(op.id(), op.id() + "Async");
        assertThat(TABLE.of(m)).as("stable").isSameAs(op);
        methodsOfRow.computeIfAbsent(op, k -> new ArrayList<>()).add(m);
      }
    }
    // ... and every row was met, by its two methods exactly.
    assertThat(methodsOfRow.keySet()).containsExactlyInAnyOrderElementsOf(TABLE.all());
    methodsOfRow.forEach((op, methods) -> assertThat(methods).as(op.id()).hasSize(2));
  }

  @Test
  void everyRowHasItsBlockingMethodAndItsAsyncTwin() throws Exception {
    for (OperationTable.Op op : TABLE.all()) {
      Class<?> api = Class.forName(op.api());
      Method blocking = only(api, op.id());
      Method async = only(api, op.id() + "Async");
      assertThat(blocking.getReturnType()).as(op.id()).isNotEqualTo(CompletableFuture.class);
      assertThat(async.getReturnType()).as(op.id() + "Async").isEqualTo(CompletableFuture.class);
      assertThat(async.getGenericParameterTypes()).as(op.id()).isEqualTo(blocking.getGenericParameterTypes());
      assertThat(TABLE.of(blocking)).isSameAs(op);
      assertThat(TABLE.of(async)).isSameAs(op);
      if (op.streamed()) {
        assertThat(blocking.getReturnType()).as(op.id()).isEqualTo(okhttp3.ResponseBody.class);
      }
    }
  }

  @Test
  void idsAreUniqueAndFindTheirRow() {
    List<OperationTable.Op> all = TABLE.all();
    Set<String> ids = new HashSet<>();
    for (OperationTable.Op op : all) {
      assertThat(ids.add(op.id())).as("%s appears once", op.id()).isTrue();
      assertThat(TABLE.byId(op.id())).isSameAs(op);
      assertThat(op.family()).isIn(OperationTable.FAMILIES);
      assertThat(op.httpMethod()).isIn(HTTP_METHODS);
      assertThat(op.security()).isSubsetOf("bearerAuth", "oauth1");
      for (OperationTable.Param p : op.params()) {
        assertThat(p.in()).as(op.id() + " " + p.name()).isIn("path", "query", "header", "body", "form");
      }
    }
    assertThat(TABLE.byId("noSuchOperation")).isNull();
  }

  @Test
  void pathTemplatesNameExactlyTheRowsPathParameters() {
    Pattern placeholder = Pattern.compile("\\{([^}/]+)}");
    for (OperationTable.Op op : TABLE.all()) {
      assertThat(op.path()).as(op.id()).startsWith("/" + (op.family().equals("bridge") ? "" : op.family() + "/"));
      List<String> inTemplate = new ArrayList<>();
      Matcher m = placeholder.matcher(op.path());
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      List<String> pathParams = op.params().stream().filter(p -> p.in().equals("path"))
          .map(OperationTable.Param::name).toList();
      assertThat(new TreeSet<>(inTemplate)).as(op.id()).isEqualTo(new TreeSet<>(pathParams));
      assertThat(inTemplate).as(op.id() + ": no placeholder twice").doesNotHaveDuplicates();
      assertThat(pathParams).as(op.id()).doesNotHaveDuplicates();
    }
  }

  /** The table's parameters, HTTP method and path are the generated method's own annotations, argument by argument. */
  @Test
  void rowsDescribeTheJavaMethodsArgumentByArgument() throws Exception {
    for (OperationTable.Op op : TABLE.all()) {
      Method method = only(Class.forName(op.api()), op.id());
      assertThat(httpAnnotationPath(method, op.httpMethod())).as(op.id()).isEqualTo(op.path().substring(1));
      Annotation[][] annotations = method.getParameterAnnotations();
      assertThat(annotations.length).as(op.id()).isEqualTo(op.params().size());
      for (int i = 0; i < annotations.length; i++) {
        OperationTable.Param p = op.params().get(i);
        String expected = switch (p.in()) {
          case "path" -> "Path:" + p.name();
          case "query" -> "Query:" + p.name();
          case "header" -> "Header:" + p.name();
          case "form" -> "Field:" + p.name();
          default -> "Body:";
        };
        assertThat(describe(annotations[i])).as("%s argument %d", op.id(), i).isEqualTo(expected);
        if (p.in().equals("body")) {
          assertThat(bodyModel(method.getGenericParameterTypes()[i])).as(op.id()).isEqualTo(p.name());
        }
      }
    }
  }

  /**
   * The name the table gives a body: its model's simple name, or for a list or map (a JSON array or object of
   * name → value) the simple name of its elements, as the generator's base type.
   */
  private static String bodyModel(java.lang.reflect.Type type) {
    if (type instanceof java.lang.reflect.ParameterizedType p) {
      java.lang.reflect.Type[] args = p.getActualTypeArguments();
      return bodyModel(args[args.length - 1]);
    }
    return ((Class<?>) type).getSimpleName();
  }

  @Test
  void rowsAreAsManyAsTheOperationIdsOfTheSpecs() throws Exception {
    Path specs = Path.of("..", "openapi").toAbsolutePath().normalize();
    assertThat(specs).as("the specs, next to the facade module").isDirectory();
    List<Path> files;
    try (Stream<Path> list = Files.list(specs)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSize(OperationTable.FAMILIES.size());
    Pattern operationId = Pattern.compile("^\\s*operationId:\\s*(\\S+)\\s*$");
    List<String> ids = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        Matcher m = operationId.matcher(line);
        if (m.matches()) {
          ids.add(m.group(1).replace("\"", "").replace("'", ""));
        }
      }
    }
    assertThat(TABLE.all()).hasSize(ids.size());
    assertThat(TABLE.all().stream().map(OperationTable.Op::id).toList()).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void methodsAndTypesOfNoOperationAreNotInTheTable() throws Exception {
    assertThat(TABLE.of(Object.class.getMethod("toString"))).isNull();
    assertThat(TABLE.of(Runnable.class.getMethod("run"))).isNull();
    assertThat(TABLE.familyOf(Runnable.class)).isNull();
    assertThat(TABLE.familyOf(SelfApi.class)).isEqualTo("v2");
  }

  private static Method only(Class<?> api, String name) {
    List<Method> found = new ArrayList<>();
    for (Method m : api.getMethods()) {
      if (m.getName().equals(name)) {
        found.add(m);
      }
    }
    assertThat(found).as("%s.%s", api.getSimpleName(), name).hasSize(1);
    return found.get(0);
  }

  /** The path of the method's Retrofit HTTP annotation, which must be the one named {@code httpMethod}. */
  private static String httpAnnotationPath(Method method, String httpMethod) throws Exception {
    String path = null;
    for (Annotation a : method.getAnnotations()) {
      String name = a.annotationType().getSimpleName();
      if (HTTP_METHODS.contains(name)) {
        assertThat(name).as(method.getName()).isEqualTo(httpMethod);
        path = (String) a.annotationType().getMethod("value").invoke(a);
      }
    }
    assertThat(path).as(method.getName() + " has an HTTP annotation").isNotNull();
    return path;
  }

  private static String describe(Annotation[] annotations) throws Exception {
    for (Annotation a : annotations) {
      String name = a.annotationType().getSimpleName();
      switch (name) {
        case "Path", "Query", "Header", "Field" -> {
          return name + ":" + a.annotationType().getMethod("value").invoke(a);
        }
        case "Body" -> {
          return "Body:";
        }
        default -> { }
      }
    }
    return "none";
  }

  /** The interfaces of the generated client's jar (or classes directory): com.clevercloud.api.*.api.*Api. */
  private static List<Class<?>> generatedInterfaces() throws Exception {
    Path location = Path.of(SelfApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> paths = new ArrayList<>();
    if (location.toString().endsWith(".jar")) {
      try (JarFile jar = new JarFile(location.toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          paths.add(entries.nextElement().getName());
        }
      }
    } else {
      try (Stream<Path> files = Files.walk(location)) {
        files.forEach(p -> paths.add(location.relativize(p).toString().replace('\\', '/')));
      }
    }
    List<Class<?>> apis = new ArrayList<>();
    for (String path : paths) {
      if (path.matches("com/clevercloud/api/(bridge|v2|v4)/api/[A-Za-z0-9]+Api\\.class")) {
        apis.add(Class.forName(path.substring(0, path.length() - 6).replace('/', '.')));
      }
    }
    return apis;
  }
}
