package com.clevercloud.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The facade's compiled classes, found by walking its output directory (target/classes), so none is forgotten. */
final class FacadeClasses {

  private FacadeClasses() {}

  /** Every class of com.clevercloud.client and its subpackages, nested and anonymous ones included. */
  static List<Class<?>> all() {
    Path root;
    try {
      root = Path.of(CleverCloudClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(p -> root.relativize(p).toString())
          .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .filter(name -> name.startsWith("com.clevercloud.client."))
          .sorted()
          .map(FacadeClasses::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The public types: public classes, interfaces, enums and records, and public members of public types. */
  static List<Class<?>> publicTypes() {
    return all().stream().filter(FacadeClasses::isPublicType).toList();
  }

  private static boolean isPublicType(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, FacadeClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
