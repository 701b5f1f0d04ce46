package com.clevercloud.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares what the facade returned with the example the spec gives for the response Prism served. The returned
 * object is written back to JSON with the Gson of its generated family (the same adapters that read it), then compared
 * field by field with the example: same keys, numbers equal as numbers, dates equal as instants (the example's
 * {@code .000Z} and Java's {@code Z} are the same instant). A field the model dropped, renamed or mis-typed shows up
 * as a difference with its JSON path.
 */
final class Examples {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Gson BRIDGE = new com.clevercloud.api.bridge.invoker.JSON().getGson();
  private static final Gson V2 = new com.clevercloud.api.v2.invoker.JSON().getGson();
  private static final Gson V4 = new com.clevercloud.api.v4.invoker.JSON().getGson();

  private Examples() {
  }

  /**
   * Asserts that a returned value equals the example of the operation's 200 response.
   *
   * @param actual what the facade returned (a generated model, a list or map of them)
   * @param operationId the operation that produced it
   */
  static void assertMatchesExample(Object actual, String operationId) {
    assertMatches(actual, SpecCatalog.get().example(operationId), operationId + " 200 example");
  }

  /**
   * Asserts that a returned value equals an expected JSON value.
   *
   * @param actual what the facade returned
   * @param expected the expected JSON
   * @param what a description for failure messages
   */
  static void assertMatches(Object actual, JsonNode expected, String what) {
    JsonNode actualJson = toJson(actual);
    List<String> differences = new ArrayList<>();
    compare("$", expected, actualJson, differences);
    assertThat(differences).as("%s vs %s returned by the facade", what, actual == null ? "null"
        : actual.getClass().getSimpleName()).isEmpty();
  }

  static JsonNode toJson(Object value) {
    try {
      return JSON.readTree(gsonFor(value).toJson(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Gson gsonFor(Object value) {
    Object sample = value;
    if (value instanceof List<?> list && !list.isEmpty()) {
      sample = list.get(0);
    } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      sample = map.values().iterator().next();
    }
    String name = sample == null ? "" : sample.getClass().getName();
    if (name.startsWith("com.clevercloud.api.bridge.")) {
      return BRIDGE;
    }
    if (name.startsWith("com.clevercloud.api.v4.")) {
      return V4;
    }
    return V2;
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
    if (actual == null || actual.isNull()) {
      if (!expected.isNull()) {
        differences.add(path + ": missing, expected " + expected);
      }
      return;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        differences.add(path + ": expected an object, got " + actual);
        return;
      }
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        JsonNode e = expected.get(key);
        JsonNode a = actual.get(key);
        if (e == null) {
          if (!a.isNull()) {
            differences.add(path + "." + key + ": not in the example, returned " + a);
          }
        } else {
          compare(path + "." + key, e, a, differences);
        }
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        differences.add(path + ": expected " + expected.size() + " items, got " + actual);
        return;
      }
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext(); i++) {
        compare(path + "[" + i + "]", e.next(), a.next(), differences);
      }
    } else if (expected.isNumber()) {
      if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        differences.add(path + ": expected " + expected + ", got " + actual);
      }
    } else if (expected.isTextual()) {
      if (!actual.isTextual() || !sameText(expected.asText(), actual.asText())) {
        differences.add(path + ": expected " + expected + ", got " + actual);
      }
    } else if (!expected.equals(actual)) {
      differences.add(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static boolean sameText(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    Instant e = instant(expected);
    return e != null && e.equals(instant(actual));
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
