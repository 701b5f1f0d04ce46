package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clevercloud.api.v2.model.EnvVar;
import com.clevercloud.api.v2.model.UserView;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** {@link CallExecutor#SECRET_MODELS} lists exactly the generated models whose {@code toString()} redacts a field. */
class SecretModelsTest {

  @Test
  void secretModelsAreExactlyTheModelsWithRedactedFields() throws Exception {
    TreeSet<String> redacting = new TreeSet<>();
    List<String> models = generatedModels();
    for (String name : models) {
      Class<?> c = Class.forName(name);
      if (Modifier.isAbstract(c.getModifiers()) || c.isEnum() || c.isInterface()) {
        continue;
      }
      Constructor<?> ctor;
      try {
        ctor = c.getConstructor();
      } catch (NoSuchMethodException e) {
        continue;
      }
      Object model = ctor.newInstance();
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          f.setAccessible(true);
          f.set(model, "value-of-" + f.getName());
        }
      }
      if (model.toString().contains("redacted")) {
        redacting.add(name);
      }
    }
    assertThat(models).hasSizeGreaterThan(20);
    assertThat(new TreeSet<>(CallExecutor.SECRET_MODELS)).isEqualTo(redacting);
  }

  @Test
  void secretBodiesAreRecognisedInsideGenericTypes() throws Exception {
    Type envList = SecretModelsTest.class.getDeclaredField("envList").getGenericType();
    Type mapOfUsers = SecretModelsTest.class.getDeclaredField("users").getGenericType();
    assertThat(CallExecutor.isSecretBody(envList)).isTrue();
    assertThat(CallExecutor.isSecretBody(EnvVar.class)).isTrue();
    assertThat(CallExecutor.isSecretBody(UserView.class)).isFalse();
    assertThat(CallExecutor.isSecretBody(mapOfUsers)).isFalse();
  }

  @SuppressWarnings("unused")
  private List<EnvVar> envList;
  @SuppressWarnings("unused")
  private Map<String, UserView> users;

  /** The model classes of the generated client's jar (or classes directory). */
  private static List<String> generatedModels() throws Exception {
    Path location = Path.of(EnvVar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (location.toString().endsWith(".jar")) {
      try (JarFile jar = new JarFile(location.toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          add(names, entries.nextElement().getName());
        }
      }
    } else {
      try (var files = java.nio.file.Files.walk(location)) {
        files.forEach(p -> add(names, location.relativize(p).toString().replace('\\', '/')));
      }
    }
    return names;
  }

  private static void add(List<String> names, String path) {
    if (path.matches("com/clevercloud/api/(bridge|v2|v4)/model/[A-Za-z0-9]+\\.class")) {
      names.add(path.substring(0, path.length() - 6).replace('/', '.'));
    }
  }
}
