package com.clevercloud.client.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The lookup behind {@link Credentials#fromEnvironment()}. Error messages name variables and files, never values. */
final class EnvironmentCredentials {

  private EnvironmentCredentials() {}

  static Credentials resolve(Map<String, String> env, Path loginFile) {
    String apiToken = get(env, "CLEVER_API_TOKEN");
    if (apiToken != null) {
      return Credentials.apiToken(apiToken);
    }

    String cleverToken = get(env, "CLEVER_TOKEN");
    String cleverSecret = get(env, "CLEVER_SECRET");
    if (cleverToken != null || cleverSecret != null) {
      requireBoth(cleverToken, "CLEVER_TOKEN", cleverSecret, "CLEVER_SECRET");
      return oauth1WithConsumer(env, cleverToken, cleverSecret, null, "CLEVER_TOKEN/CLEVER_SECRET");
    }

    String ccToken = get(env, "CC_OAUTH_TOKEN");
    String ccSecret = get(env, "CC_OAUTH_SECRET");
    if (ccToken != null || ccSecret != null) {
      requireBoth(ccToken, "CC_OAUTH_TOKEN", ccSecret, "CC_OAUTH_SECRET");
      return oauth1WithConsumer(env, ccToken, ccSecret, null, "CC_OAUTH_TOKEN/CC_OAUTH_SECRET");
    }

    Path file = loginFile != null ? loginFile : defaultLoginFile(env);
    if (file != null && Files.isRegularFile(file)) {
      return fromLoginFile(env, file);
    }
    throw new IllegalStateException("No Clever Cloud credentials found: set CLEVER_API_TOKEN, or CLEVER_TOKEN and "
        + "CLEVER_SECRET, or CC_CONSUMER_KEY, CC_CONSUMER_SECRET, CC_OAUTH_TOKEN and CC_OAUTH_SECRET, or log in with "
        + "clever-tools (looked for " + file + ")");
  }

  /** clever-tools keeps its login under the XDG config directory, which defaults to ~/.config. */
  static Path defaultLoginFile(Map<String, String> env) {
    String xdg = get(env, "XDG_CONFIG_HOME");
    Path base;
    if (xdg != null) {
      base = Paths.get(xdg);
    } else {
      String home = System.getProperty("user.home");
      if (home == null) {
        return null;
      }
      base = Paths.get(home, ".config");
    }
    return base.resolve("clever-cloud").resolve("clever-tools.json");
  }

  private static Credentials fromLoginFile(Map<String, String> env, Path file) {
    JsonObject root;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      root = JsonParser.parseString(text).getAsJsonObject();
    } catch (IOException | JsonParseException | IllegalStateException e) {
      // The parser's message may quote the file's content (a secret): keep only the file name.
      throw new IllegalStateException("Cannot read the clever-tools login file " + file + " as a JSON object");
    }
    JsonObject login = root;
    if (root.has("profiles")) {
      // Format version 1: {"version":1,"profiles":[{alias, token, secret, expirationDate, ...}]}; the first is current.
      JsonElement profiles = root.get("profiles");
      if (!profiles.isJsonArray() || profiles.getAsJsonArray().isEmpty()
          || !profiles.getAsJsonArray().get(0).isJsonObject()) {
        throw new IllegalStateException("The clever-tools login file " + file + " has no profile: run `clever login`");
      }
      JsonArray array = profiles.getAsJsonArray();
      login = array.get(0).getAsJsonObject();
    }
    String token = string(login, "token");
    String secret = string(login, "secret");
    if (token == null || secret == null) {
      throw new IllegalStateException("The clever-tools login file " + file + " has no token and secret: run `clever login`");
    }
    Instant expiration = null;
    String expirationText = string(login, "expirationDate");
    if (expirationText != null) {
      try {
        expiration = Instant.parse(expirationText);
      } catch (DateTimeParseException e) {
        expiration = null; // an unreadable date must not hide a usable login
      }
    }
    return oauth1WithConsumer(env, token, secret, expiration, "the clever-tools login file " + file);
  }

  private static OAuth1Credentials oauth1WithConsumer(Map<String, String> env, String token, String tokenSecret,
      Instant expiration, String source) {
    String key = get(env, "CLEVER_CONSUMER_KEY");
    String secret = get(env, "CLEVER_CONSUMER_SECRET");
    String keyName = "CLEVER_CONSUMER_KEY";
    String secretName = "CLEVER_CONSUMER_SECRET";
    if (key == null && secret == null) {
      key = get(env, "CC_CONSUMER_KEY");
      secret = get(env, "CC_CONSUMER_SECRET");
      keyName = "CC_CONSUMER_KEY";
      secretName = "CC_CONSUMER_SECRET";
    }
    if (key == null && secret == null) {
      throw new IllegalStateException("OAuth tokens found in " + source + " but no OAuth consumer: set "
          + "CLEVER_CONSUMER_KEY and CLEVER_CONSUMER_SECRET (or CC_CONSUMER_KEY and CC_CONSUMER_SECRET) to the consumer "
          + "that issued the tokens");
    }
    requireBoth(key, keyName, secret, secretName);
    return Credentials.oauth1(key, secret, token, tokenSecret).withExpiration(expiration);
  }

  private static void requireBoth(String a, String aName, String b, String bName) {
    if (a == null) {
      throw new IllegalStateException(bName + " is set but " + aName + " is not");
    }
    if (b == null) {
      throw new IllegalStateException(aName + " is set but " + bName + " is not");
    }
  }

  private static String get(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String string(JsonObject object, String name) {
    JsonElement element = object.get(name);
    if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
      return null;
    }
    String value = element.getAsString();
    return value.isBlank() ? null : value;
  }
}
