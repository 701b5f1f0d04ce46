package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v2.model.EnvVar;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
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
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link OperationTable#holdsSecrets} (read from the specs' {@code x-sensitive} marks, transitively) agrees with the
 * generated models themselves: a model is a secret model exactly when its {@code toString()} redacts a property or it
 * holds a secret model; the properties the table calls sensitive are exactly those {@code toString()} redacts; and the
 * answers of operations that return secrets (a list of them included) are known to hold them.
 */
class SecretModelsTest {

  private static final OperationTable TABLE = OperationTable.INSTANCE;

  /** A generated model: its family ({@code bridge}, {@code v2}, {@code v4}) and class. */
  private record Model(String family, Class<?> type) {
    String name() {
      return type.getSimpleName();
    }
  }

  @Test
  void secretModelsAreExactlyTheModelsThatRedactOrHoldOneThatDoes() throws Exception {
    List<Model> models = generatedModels();
    assertThat(models).hasSizeGreaterThan(40);

    // The models whose toString() redacts, and what it redacts, as the generated code says.
    Set<Class<?>> secret = new HashSet<>();
    Map<Class<?>, Set<String>> redacted = new HashMap<>();
    for (Model m : models) {
      Set<String> hidden = redactedProperties(m.type());
      redacted.put(m.type(), hidden);
      if (!hidden.isEmpty()) {
        secret.add(m.type());
      }
    }
    // Then the models that hold one of those, through a property of that type or a list or map of it.
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Model m : models) {
        if (!secret.contains(m.type()) && holdsAnyOf(m.type(), secret)) {
          secret.add(m.type());
          grew = true;
        }
      }
    }

    TreeSet<String> expected = new TreeSet<>();
    TreeSet<String> actual = new TreeSet<>();
    for (Model m : models) {
      String key = m.family() + "." + m.name();
      if (secret.contains(m.type())) {
        expected.add(key);
      }
      if (TABLE.holdsSecrets(m.family(), m.name())) {
        actual.add(key);
      }
      assertThat(stringSensitive(m)).as("%s: the table's sensitive String properties are those toString() redacts", key)
          .isEqualTo(redacted.get(m.type()));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(actual).contains("bridge.CreatedApiToken", "bridge.ApiTokenCreateRequest", "v2.EnvVar",
        "v2.WannabeValue", "v2.ApplicationView", "v2.OAuthTokenView", "v2.SecretView");
  }

  @Test
  void modelsWithoutSecretsAreNotSecretModels() {
    assertThat(TABLE.holdsSecrets("v2", "UserView")).isFalse();
    assertThat(TABLE.holdsSecrets("v2", "Summary")).isFalse();
    assertThat(TABLE.holdsSecrets("v2", "WannabeOAuth1Consumer")).isFalse();
    assertThat(TABLE.holdsSecrets("v2", "OrganisationView")).isFalse();
    assertThat(TABLE.holdsSecrets("v4", "Zone")).isFalse();
    assertThat(TABLE.holdsSecrets("v4", "Invoice")).isFalse();
    assertThat(TABLE.holdsSecrets("bridge", "ApiToken")).isFalse();
    assertThat(TABLE.holdsSecrets("bridge", "ApiTokenUpdateRequest")).isFalse();
    // A model is looked up in its own family only, and unknown names hold nothing.
    assertThat(TABLE.holdsSecrets("v4", "EnvVar")).isFalse();
    assertThat(TABLE.holdsSecrets("v2", "NoSuchModel")).isFalse();
    assertThat(TABLE.holdsSecrets("v9", "EnvVar")).isFalse();
    assertThat(TABLE.sensitiveProperties("v2", "NoSuchModel")).isEmpty();
  }

  /** What CallExecutor.isSecretBody used to decide by type: a list's element model names the answer. */
  @Test
  void answersHoldingSecretsAreKnownAsSuchListsIncluded() {
    OperationTable.Op env = TABLE.byId("listApplicationEnv");
    assertThat(env.responseModel()).isEqualTo("EnvVar"); // List<EnvVar>
    assertThat(TABLE.holdsSecrets(env.family(), env.responseModel())).isTrue();
    OperationTable.Op secret = TABLE.byId("getConsumerSecret");
    assertThat(TABLE.holdsSecrets(secret.family(), secret.responseModel())).isTrue();
    OperationTable.Op self = TABLE.byId("getSelf");
    assertThat(TABLE.holdsSecrets(self.family(), self.responseModel())).isFalse();
    OperationTable.Op orgs = TABLE.byId("listOrganisations");
    assertThat(TABLE.holdsSecrets(orgs.family(), orgs.responseModel())).isFalse();
    // Requests too: the bodies that carry secrets.
    assertThat(TABLE.byId("setApplicationEnvVar").carriesSecrets()).isTrue();
    assertThat(TABLE.byId("createApiToken").carriesSecrets()).isTrue();
    assertThat(TABLE.byId("revokeSelfOAuthToken").carriesSecrets()).isTrue(); // a sensitive path parameter
    assertThat(TABLE.byId("createConsumer").carriesSecrets()).isFalse();
    assertThat(TABLE.byId("getSelf").carriesSecrets()).isFalse();
  }

  /**
   * The JSON names of the text properties (a String, or a list or map of Strings: tags, an environment of
   * name → value) whose value toString() does not print.
   */
  private static Set<String> redactedProperties(Class<?> type) throws Exception {
    Constructor<?> ctor = type.getConstructor();
    Object model = ctor.newInstance();
    List<Field> strings = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      Object value = textOf(f, "value-of-" + f.getName() + "-end");
      if (!Modifier.isStatic(f.getModifiers()) && value != null) {
        f.setAccessible(true);
        f.set(model, value);
        strings.add(f);
      }
    }
    String printed = model.toString();
    Set<String> hidden = new TreeSet<>();
    for (Field f : strings) {
      if (!printed.contains("value-of-" + f.getName() + "-end")) {
        hidden.add(jsonName(f));
      }
    }
    if (printed.contains("redacted")) {
      assertThat(hidden).as(type.getName() + " says it redacts: which String property?").isNotEmpty();
    }
    return hidden;
  }

  /** A String field's value, or a list or map of Strings holding it; null for a field of another type. */
  private static Object textOf(Field f, String value) {
    if (f.getType() == String.class) {
      return value;
    }
    if (!(f.getGenericType() instanceof ParameterizedType p)) {
      return null;
    }
    Type[] args = p.getActualTypeArguments();
    if (args[args.length - 1] != String.class) {
      return null;
    }
    if (f.getType() == List.class) {
      return new ArrayList<>(List.of(value));
    }
    if (f.getType() == Map.class) {
      return new HashMap<>(Map.of("NAME", value));
    }
    return null;
  }

  /** The table's sensitive properties of a model that are text in Java (a String, or a list or map of them). */
  private static Set<String> stringSensitive(Model m) {
    Set<String> names = new TreeSet<>();
    for (Field f : m.type().getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && textOf(f, "") != null
          && TABLE.sensitiveProperties(m.family(), m.name()).contains(jsonName(f))) {
        names.add(jsonName(f));
      }
    }
    return names;
  }

  private static String jsonName(Field f) {
    SerializedName name = f.getAnnotation(SerializedName.class);
    return name == null ? f.getName() : name.value();
  }

  private static boolean holdsAnyOf(Class<?> type, Set<Class<?>> secret) {
    for (Field f : type.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && mentions(f.getGenericType(), secret)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentions(Type t, Set<Class<?>> secret) {
    if (t instanceof Class<?> c) {
      return secret.contains(c);
    }
    if (t instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        if (mentions(arg, secret)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The concrete model classes of the generated client's jar (or classes directory), with a no-arg constructor. */
  private static List<Model> generatedModels() throws Exception {
    Path location = Path.of(EnvVar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
    List<Model> models = new ArrayList<>();
    for (String path : paths) {
      var matcher = java.util.regex.Pattern.compile("com/clevercloud/api/(bridge|v2|v4)/model/[A-Za-z0-9]+\\.class")
          .matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      Class<?> c = Class.forName(path.substring(0, path.length() - 6).replace('/', '.'));
      if (Modifier.isAbstract(c.getModifiers()) || c.isEnum() || c.isInterface()) {
        continue;
      }
      try {
        c.getConstructor();
      } catch (NoSuchMethodException e) {
        continue;
      }
      models.add(new Model(matcher.group(1), c));
    }
    return models;
  }
}
