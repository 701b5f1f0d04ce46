package com.clevercloud.client;

import com.clevercloud.client.internal.OperationTable;
import com.clevercloud.client.internal.OperationTable.Op;
import com.clevercloud.client.internal.OperationTable.Param;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Calls any generated operation from its row of {@link OperationTable}, so that table-driven tests cover a new
 * operation of a spec with no new test code: the interface is {@code op.api()}, the blocking method {@code op.id()},
 * its twin {@code op.id() + "Async"}, and the arguments follow {@code op.params()}.
 */
final class TableCalls {

  /** The value given to every path parameter unless a test chooses another: one valid segment. */
  static final String PATH_VALUE = "x_1";

  private TableCalls() {}

  /** Every operation of the three specifications. */
  static List<Op> all() {
    return OperationTable.INSTANCE.all();
  }

  static Class<?> api(Op op) {
    try {
      return Class.forName(op.api());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(op.id() + ": no interface " + op.api(), e);
    }
  }

  /** The blocking method ({@code async} false) or its {@code …Async} twin; exactly one of each name. */
  static Method method(Op op, boolean async) {
    String name = async ? op.id() + "Async" : op.id();
    List<Method> found = Arrays.stream(api(op).getMethods()).filter(m -> m.getName().equals(name)).toList();
    if (found.size() != 1) {
      throw new AssertionError(op.api() + " has " + found.size() + " methods named " + name);
    }
    return found.get(0);
  }

  /**
   * Arguments by parameter: a valid id for path parameters, an empty model (its no-arg constructor, or an empty list or map) for the body, a
   * plain value for form fields (a form needs one), null for optional query and header parameters.
   */
  static Object defaultArgument(Param param, Class<?> type) {
    return switch (param.in()) {
      case "path" -> PATH_VALUE;
      case "form" -> "v";
      case "body" -> newInstance(type);
      default -> null;
    };
  }

  /** Arguments for a method, each chosen by {@code choose(param, its Java type)}. */
  static Object[] args(Op op, Method method, BiFunction<Param, Class<?>, Object> choose) {
    Class<?>[] types = method.getParameterTypes();
    if (types.length != op.params().size()) {
      throw new AssertionError(op.id() + ": " + types.length + " Java arguments, " + op.params().size()
          + " parameters in the table");
    }
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = choose.apply(op.params().get(i), types[i]);
    }
    return args;
  }

  static Object[] defaultArgs(Op op, Method method) {
    return args(op, method, TableCalls::defaultArgument);
  }

  static Object newInstance(Class<?> type) {
    // A body that is a JSON object of name -> value or a JSON array (an environment, tags): empty.
    if (type == Map.class) {
      return new HashMap<>();
    }
    if (type == List.class) {
      return new ArrayList<>();
    }
    try {
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no public no-arg constructor in " + type.getName(), e);
    }
  }

  /**
   * Invokes the method on the client's implementation of its interface. Throws what the blocking call throws; for
   * the twin, what the call itself threw synchronously or, once the future completed (10 s at most), the exception
   * it failed with. A streamed answer is closed.
   */
  static Object call(CleverCloudClient client, Method method, Object[] args) throws Throwable {
    Object result;
    try {
      result = method.invoke(client.api(method.getDeclaringClass()), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result instanceof CompletableFuture<?> future) {
      try {
        result = future.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw e.getCause();
      }
    }
    if (result instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException ignored) {
        // a streamed body nobody reads
      }
    }
    return result;
  }

  /** The path a call with {@link #PATH_VALUE} in every path parameter goes to. */
  static String expectedPath(Op op) {
    return op.path().replaceAll("\\{[^}/]+}", PATH_VALUE);
  }
}
