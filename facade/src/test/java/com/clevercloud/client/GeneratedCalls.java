package com.clevercloud.client;

import com.clevercloud.client.internal.OperationTable;
import com.clevercloud.client.internal.OperationTable.Op;
import com.clevercloud.client.internal.OperationTable.Param;
import com.google.gson.Gson;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Named;

/**
 * Calls any operation of {@link OperationTable#INSTANCE} generically, by reflection, for the table-driven tests: the
 * generated interface and its blocking or {@code …Async} method, arguments built from the operation's parameters, and
 * a sample answer of the right shape (a filled model, a list of one, text, a file, nothing) so that a new operation in
 * a spec is covered with no new test code.
 */
final class GeneratedCalls {

  /** The date every sample date-time holds (whole milliseconds: some models carry epoch-ms instants). */
  static final OffsetDateTime SAMPLE_DATE = OffsetDateTime.parse("2025-01-02T03:04:05Z");
  static final byte[] SAMPLE_FILE = "%PDF-1.4 sample file".getBytes(StandardCharsets.ISO_8859_1);
  static final String SAMPLE_TEXT = "sample text answer";

  private GeneratedCalls() {}

  /** Every operation of the specifications, named by its operationId for test reports. */
  static Stream<Named<Op>> operations() {
    return OperationTable.INSTANCE.all().stream().map(op -> Named.of(op.id(), op));
  }

  /** The operations an API-token client calls on the Bridge: neither the OAuth dance nor security-less ones. */
  static Stream<Named<Op>> authenticatedOperations() {
    return operations().filter(n -> !n.getPayload().presigned() && !n.getPayload().security().isEmpty());
  }

  static Class<?> api(Op op) {
    try {
      return Class.forName(op.api());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the table names " + op.api() + ", which is not on the class path", e);
    }
  }

  /** The blocking method ({@code id}) or its twin ({@code idAsync}). */
  static Method method(Op op, boolean async) {
    String name = async ? op.id() + "Async" : op.id();
    Method found = null;
    for (Method m : api(op).getMethods()) {
      if (m.getName().equals(name)) {
        if (found != null) {
          throw new AssertionError(op.api() + " declares " + name + " twice");
        }
        found = m;
      }
    }
    if (found == null) {
      throw new AssertionError(op.api() + " has no method " + name);
    }
    if (found.getParameterCount() != op.params().size()) {
      throw new AssertionError(name + " takes " + found.getParameterCount() + " arguments, the table lists "
          + op.params());
    }
    return found;
  }

  /** A valid value for a path parameter: its name and {@code _1}, one plain segment. */
  static String validId(Param p) {
    return p.name() + "_1";
  }

  /**
   * Arguments for a call: path parameters from {@code pathValue}, optional ones (query, form, header) with sample
   * values (or null when {@code withOptionals} is false), a filled model for the body.
   */
  static Object[] args(Op op, Method m, Function<Param, String> pathValue, boolean withOptionals) {
    Object[] args = new Object[op.params().size()];
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      Param p = op.params().get(i);
      args[i] = switch (p.in()) {
        case "path" -> pathValue.apply(p);
        case "body" -> sample(m.getGenericParameterTypes()[i], 0);
        default -> withOptionals ? optional(m.getGenericParameterTypes()[i], types[i],
            p.in().charAt(0) + "_" + p.name()) : null;
      };
    }
    return args;
  }

  /**
   * A sample value for an optional (query, form, header) parameter: a scalar, or a list of one scalar for a repeated
   * parameter ({@code List<String>}, {@code List<Integer>}…).
   */
  static Object optional(Type generic, Class<?> raw, String text) {
    if (List.class.isAssignableFrom(raw) && generic instanceof ParameterizedType pt
        && pt.getActualTypeArguments()[0] instanceof Class<?> element) {
      Object one = scalar(element, text);
      return one == null ? null : List.of(one);
    }
    return scalar(raw, text);
  }

  /** Valid arguments: every path parameter {@link #validId}, optional ones set. */
  static Object[] validArgs(Op op, Method m) {
    return args(op, m, GeneratedCalls::validId, true);
  }

  /** The operation's path with its parameters substituted by {@link #validId}. */
  static String validPath(Op op) {
    String path = op.path();
    for (Param p : op.params()) {
      if (p.in().equals("path")) {
        path = path.replace("{" + p.name() + "}", validId(p));
      }
    }
    return path;
  }

  /** Invokes a method on the client's implementation of its interface, throwing what the method throws. */
  static Object invoke(CleverCloudClient client, Op op, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(client.api(api(op)), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Invokes the {@code …Async} twin; what it throws synchronously is rethrown. */
  static CompletableFuture<?> invokeAsync(CleverCloudClient client, Op op, Object[] args) throws Throwable {
    return (CompletableFuture<?>) invoke(client, op, method(op, true), args);
  }

  /**
   * A value to compare: a stream is read (and closed) into its bytes, anything else stays as it is.
   */
  static Object comparable(Object value) {
    if (value instanceof ResponseBody body) {
      try (body) {
        return body.bytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return value;
  }

  /** Closes a streamed answer, so that a test does not leak its connection. */
  static void closeQuietly(Object value) {
    if (value instanceof Closeable c) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing to release
      }
    }
  }

  /** The answer's type of the blocking method: the decoded type, Void, String or ResponseBody. */
  static Type answerType(Op op) {
    return method(op, false).getGenericReturnType();
  }

  /** A successful answer of the right shape for the operation. */
  static MockResponse sampleResponse(Op op) {
    Type type = answerType(op);
    if (type == Void.class) {
      return new MockResponse.Builder().code(204).build();
    }
    if (type == ResponseBody.class) {
      return new MockResponse.Builder().addHeader("Content-Type", "application/pdf")
          .body(new Buffer().write(SAMPLE_FILE)).build();
    }
    if (type == String.class) {
      return new MockResponse.Builder().addHeader("Content-Type", "text/plain").body(SAMPLE_TEXT).build();
    }
    return new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body(gson(op.family()).toJson(sample(type, 0))).build();
  }

  /** The generated Gson of a family, the one the client decodes that family with. */
  static Gson gson(String family) {
    return switch (family) {
      case "bridge" -> new com.clevercloud.api.bridge.invoker.JSON().getGson();
      case "v2" -> new com.clevercloud.api.v2.invoker.JSON().getGson();
      case "v4" -> new com.clevercloud.api.v4.invoker.JSON().getGson();
      default -> throw new AssertionError(family);
    };
  }

  /**
   * A sample value of a type: a model with each property set (nested models to a small depth), lists of one,
   * maps of one entry, scalars by name.
   */
  static Object sample(Type type, int depth) {
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] a = pt.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        Object element = sample(a[0], depth + 1);
        List<Object> list = new ArrayList<>();
        if (element != null) {
          list.add(element);
        }
        return list;
      }
      if (Map.class.isAssignableFrom(raw)) {
        Object v = a[1] == Object.class ? "v" : sample(a[1], depth + 1);
        return v == null ? Map.of() : Map.of("k", v);
      }
      return null;
    }
    if (!(type instanceof Class<?> c)) {
      return null;
    }
    Object scalar = scalar(c, "s");
    if (scalar != null || !c.getName().startsWith("com.clevercloud.api.")) {
      return scalar;
    }
    if (c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    if (depth > 3) {
      return null;
    }
    try {
      Object model = c.getConstructor().newInstance();
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
          continue;
        }
        Object v = f.getType() == String.class ? "s_" + f.getName() : sample(f.getGenericType(), depth + 1);
        if (v != null) {
          f.setAccessible(true);
          f.set(model, v);
        }
      }
      return model;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot make a sample " + c.getName(), e);
    }
  }

  /** A sample of a scalar type, or null for other types. */
  static Object scalar(Class<?> c, String text) {
    if (c == String.class) {
      return text;
    }
    if (c == Integer.class || c == int.class) {
      return 3;
    }
    if (c == Long.class || c == long.class) {
      return 4L;
    }
    if (c == Boolean.class || c == boolean.class) {
      return true;
    }
    if (c == Double.class || c == double.class) {
      return 1.5;
    }
    if (c == Float.class || c == float.class) {
      return 2.5f;
    }
    if (c == BigDecimal.class) {
      return new BigDecimal("12.34");
    }
    if (c == OffsetDateTime.class) {
      return SAMPLE_DATE;
    }
    if (c == Instant.class) {
      return SAMPLE_DATE.toInstant();
    }
    if (c == UUID.class) {
      return UUID.fromString("0b3c7b1e-5d1e-4f6a-9c7d-2a1b3c4d5e6f");
    }
    return null;
  }
}
