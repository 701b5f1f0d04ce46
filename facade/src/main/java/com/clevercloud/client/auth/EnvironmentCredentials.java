package com.clevercloud.client.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The lookup behind {@link Credentials#fromEnvironment()}, following clever-tools 4.x ({@code src/config/config.js},
 * {@code src/config/paths.js}): its variables, its login file in both formats, its first-profile-is-active rule and
 * its profile overrides, with environment variables winning over the file as in clever-tools. One difference, on
 * purpose: clever-tools falls back on its own public consumer pair, which this project does not copy (the pair
 * belongs to clever-tools); a clever-tools token without a consumer is an error that says which variables to set.
 * Error messages name variables and files, never values.
 */
final class EnvironmentCredentials {

  /** The most of a login file read: a real one is a few hundred bytes per profile. */
  private static final long MAX_LOGIN_FILE_BYTES = 1024 * 1024;

  private static final String NO_CONSUMER_WHY = "; a token from `clever login` was issued to clever-tools' own OAuth "
      + "consumer, whose key and secret this client does not ship (they belong to clever-tools): set them yourself "
      + "if you reuse that login, or log in with a consumer of your own";

  private EnvironmentCredentials() {}

  static Credentials resolve(Map<String, String> env, Path loginFile) {
    return resolve(env, loginFile, Instant.now(), System.getProperty("os.name", ""),
        System.getProperty("user.home"));
  }

  /**
   * The lookup, with the clock and the platform given (for tests).
   *
   * @param env the variables
   * @param loginFile the login file, or null for clever-tools' location
   * @param now the time against which the profile's expiration is checked
   * @param osName the {@code os.name} property (Windows reads {@code APPDATA})
   * @param userHome the {@code user.home} property, or null
   */
  static Credentials resolve(Map<String, String> env, Path loginFile, Instant now, String osName, String userHome) {
    Objects.requireNonNull(env, "environment == null");
    String apiHost = host(get(env, "API_HOST"), "API_HOST");
    String bridgeHost = host(get(env, "AUTH_BRIDGE_HOST"), "AUTH_BRIDGE_HOST");

    String apiToken = get(env, "CLEVER_API_TOKEN");
    if (apiToken != null) {
      return Credentials.apiToken(apiToken).withBaseUrls(apiHost, bridgeHost);
    }

    // clever-tools makes these a virtual "$env" profile, the active one: the file's profiles and overrides are unread.
    String cleverToken = get(env, "CLEVER_TOKEN");
    String cleverSecret = get(env, "CLEVER_SECRET");
    if (cleverToken != null || cleverSecret != null) {
      requireBoth(cleverToken, "CLEVER_TOKEN", cleverSecret, "CLEVER_SECRET");
      return oauth1(cleverToken, cleverSecret,
          consumer(env, null, "CLEVER_TOKEN and CLEVER_SECRET", false), null, apiHost, bridgeHost);
    }

    String ccToken = get(env, "CC_OAUTH_TOKEN");
    String ccSecret = get(env, "CC_OAUTH_SECRET");
    if (ccToken != null || ccSecret != null) {
      requireBoth(ccToken, "CC_OAUTH_TOKEN", ccSecret, "CC_OAUTH_SECRET");
      return oauth1(ccToken, ccSecret, consumer(env, null, "CC_OAUTH_TOKEN and CC_OAUTH_SECRET", true), null,
          apiHost, bridgeHost);
    }

    Path file = loginFile != null ? loginFile : defaultLoginFile(env, osName, userHome);
    if (file != null && Files.isRegularFile(file)) {
      Credentials fromFile = fromLoginFile(env, file, now, apiHost, bridgeHost);
      if (fromFile != null) {
        return fromFile;
      }
    }
    throw new CredentialsLookupException("No Clever Cloud credentials found: set CLEVER_API_TOKEN, or CLEVER_TOKEN "
        + "and CLEVER_SECRET, or CC_CONSUMER_KEY, CC_CONSUMER_SECRET, CC_OAUTH_TOKEN and CC_OAUTH_SECRET, or log in "
        + "with clever-tools (looked for a profile in " + file + ")");
  }

  /** clever-tools' own location for its login, on this platform and the user's home. */
  static Path defaultLoginFile(Map<String, String> env) {
    return defaultLoginFile(env, System.getProperty("os.name", ""), System.getProperty("user.home"));
  }

  /**
   * {@code CONFIGURATION_FILE}, else on Windows {@code %APPDATA%\clever-cloud\clever-tools.json} when APPDATA is set,
   * else {@code $XDG_CONFIG_HOME/clever-cloud/clever-tools.json} with {@code ~/.config} as the default (the npm
   * package {@code xdg} that clever-tools uses). Relative paths resolve against the working directory, as Node's
   * {@code path.resolve} does.
   */
  static Path defaultLoginFile(Map<String, String> env, String osName, String userHome) {
    try {
      String configured = get(env, "CONFIGURATION_FILE");
      if (configured != null) {
        return Paths.get(configured).toAbsolutePath();
      }
      String appData = get(env, "APPDATA");
      if (osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows") && appData != null) {
        return Paths.get(appData, "clever-cloud", "clever-tools.json").toAbsolutePath();
      }
      String xdg = get(env, "XDG_CONFIG_HOME");
      Path base;
      if (xdg != null) {
        base = Paths.get(xdg);
      } else if (userHome != null) {
        base = Paths.get(userHome, ".config");
      } else {
        return null;
      }
      return base.resolve("clever-cloud").resolve("clever-tools.json").toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new CredentialsLookupException("CONFIGURATION_FILE, APPDATA or XDG_CONFIG_HOME is not a valid path");
    }
  }

  /**
   * The active profile of a login file, or null if the file holds none (clever-tools then counts as logged out). The
   * current format is told by {@code "version": 1}, as clever-tools' schema does; anything else is read as the
   * legacy {@code {token, secret, expirationDate}}.
   */
  private static Credentials fromLoginFile(Map<String, String> env, Path file, Instant now, String apiHost,
      String bridgeHost) {
    JsonObject root;
    try {
      if (Files.size(file) > MAX_LOGIN_FILE_BYTES) {
        throw new CredentialsLookupException("The clever-tools login file " + file + " is larger than "
            + MAX_LOGIN_FILE_BYTES + " bytes: not a login file");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      root = JsonParser.parseString(text).getAsJsonObject();
    } catch (IOException | JsonParseException | IllegalStateException e) {
      if (e instanceof CredentialsLookupException lookup) {
        throw lookup;
      }
      // The parser's message may quote the file's content (a secret): keep only the file name.
      throw new CredentialsLookupException("Cannot read the clever-tools login file " + file + " as a JSON object");
    }
    JsonObject profile;
    String alias;
    JsonElement version = root.get("version");
    if (version != null && version.isJsonPrimitive() && version.getAsJsonPrimitive().isNumber()
        && version.getAsDouble() == 1) {
      JsonElement profiles = root.get("profiles");
      if (profiles == null || profiles.isJsonNull()
          || (profiles.isJsonArray() && profiles.getAsJsonArray().isEmpty())) {
        return null; // logged out: `clever logout` leaves an empty list
      }
      JsonArray array = profiles.isJsonArray() ? profiles.getAsJsonArray() : null;
      if (array == null || !array.get(0).isJsonObject()) {
        throw new CredentialsLookupException("The clever-tools login file " + file
            + " has a \"profiles\" member that is not a list of profiles: run `clever login`");
      }
      profile = array.get(0).getAsJsonObject(); // clever-tools keeps the active profile first
      alias = string(profile, "alias");
    } else {
      profile = root;
      alias = "default"; // the name clever-tools gives a legacy login
      if (string(root, "token") == null && string(root, "secret") == null) {
        return null; // neither format: clever-tools ignores the file
      }
    }
    String where = "the clever-tools profile " + (alias == null ? "" : quoted(alias) + " ") + "in " + file;
    String token = string(profile, "token");
    String secret = string(profile, "secret");
    if (token == null || secret == null) {
      throw new CredentialsLookupException(capitalized(where) + " has no token and secret: run `clever login`");
    }
    Instant expiration = instant(string(profile, "expirationDate"));
    if (expiration != null && !expiration.isAfter(now)) {
      throw new CredentialsLookupException(capitalized(where) + " expired on " + expiration
          + ": run `clever login` again (or set other credentials, see Credentials.fromEnvironment())");
    }
    JsonObject overrides = profile.get("overrides") != null && profile.get("overrides").isJsonObject()
        ? profile.getAsJsonObject("overrides") : new JsonObject();
    // Environment first, then the profile's overrides: clever-tools spreads process.env over them.
    String api = apiHost != null ? apiHost
        : host(string(overrides, "API_HOST"), "API_HOST in the overrides of " + where);
    String bridge = bridgeHost != null ? bridgeHost
        : host(string(overrides, "AUTH_BRIDGE_HOST"), "AUTH_BRIDGE_HOST in the overrides of " + where);
    return oauth1(token, secret, consumer(env, overrides, where, false), expiration, api, bridge);
  }

  /** Key then secret of the consumer; each found on its own, as clever-tools resolves each variable on its own. */
  private static String[] consumer(Map<String, String> env, JsonObject overrides, String source, boolean goFirst) {
    String key = null;
    String secret = null;
    String keyName = null;
    String secretName = null;
    String[][] sources = goFirst
        ? new String[][] {{"CC_CONSUMER_KEY", "CC_CONSUMER_SECRET"}, {"OAUTH_CONSUMER_KEY", "OAUTH_CONSUMER_SECRET"}}
        : new String[][] {{"OAUTH_CONSUMER_KEY", "OAUTH_CONSUMER_SECRET"}, null,
            {"CC_CONSUMER_KEY", "CC_CONSUMER_SECRET"}};
    for (String[] names : sources) {
      if (names == null) {
        // The profile's overrides, between clever-tools' variables and the Go client's.
        if (overrides != null) {
          if (key == null && string(overrides, "OAUTH_CONSUMER_KEY") != null) {
            key = string(overrides, "OAUTH_CONSUMER_KEY");
            keyName = "OAUTH_CONSUMER_KEY in the profile's overrides";
          }
          if (secret == null && string(overrides, "OAUTH_CONSUMER_SECRET") != null) {
            secret = string(overrides, "OAUTH_CONSUMER_SECRET");
            secretName = "OAUTH_CONSUMER_SECRET in the profile's overrides";
          }
        }
        continue;
      }
      if (key == null && get(env, names[0]) != null) {
        key = get(env, names[0]);
        keyName = names[0];
      }
      if (secret == null && get(env, names[1]) != null) {
        secret = get(env, names[1]);
        secretName = names[1];
      }
    }
    if (key == null && secret == null) {
      throw new CredentialsLookupException("OAuth tokens found in " + source + " but no OAuth consumer: set "
          + (goFirst ? "CC_CONSUMER_KEY and CC_CONSUMER_SECRET" : "OAUTH_CONSUMER_KEY and OAUTH_CONSUMER_SECRET (as "
          + "for clever-tools), or CC_CONSUMER_KEY and CC_CONSUMER_SECRET,") + " to the consumer that issued the tokens"
          + NO_CONSUMER_WHY);
    }
    if (key == null) {
      throw new CredentialsLookupException("The OAuth consumer's secret is set (" + secretName + ") but not its key: "
          + "set OAUTH_CONSUMER_KEY (or CC_CONSUMER_KEY)" + NO_CONSUMER_WHY);
    }
    if (secret == null) {
      throw new CredentialsLookupException("The OAuth consumer's key is set (" + keyName + ") but not its secret: "
          + "set OAUTH_CONSUMER_SECRET (or CC_CONSUMER_SECRET)" + NO_CONSUMER_WHY);
    }
    return new String[] {key, secret};
  }

  private static OAuth1Credentials oauth1(String token, String tokenSecret, String[] consumer, Instant expiration,
      String apiHost, String bridgeHost) {
    return Credentials.oauth1(consumer[0], consumer[1], token, tokenSecret).withExpiration(expiration)
        .withBaseUrls(apiHost, bridgeHost);
  }

  /**
   * A host URL as clever-tools takes it (an absolute http(s) URL), or null. Checked here so that a typo fails before
   * any call; the client's builder then refuses plain http to anything but loopback. The value is not quoted: it could
   * carry user info.
   */
  private static String host(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new CredentialsLookupException(name + " is not an http(s) URL such as https://api.clever-cloud.com");
  }

  /** clever-tools writes ISO-8601 dates; one it cannot read it ignores, and so does this (no expiration known). */
  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  private static void requireBoth(String a, String aName, String b, String bName) {
    if (a == null) {
      throw new CredentialsLookupException(bName + " is set but " + aName + " is not");
    }
    if (b == null) {
      throw new CredentialsLookupException(aName + " is set but " + bName + " is not");
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
    return value.isBlank() ? null : value.trim();
  }

  /** An alias for a message: quoted, control characters out, cut short (it comes from a file, not from us). */
  private static String quoted(String alias) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < alias.length() && i < 64; i++) {
      char c = alias.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.append(alias.length() > 64 ? "…\"" : "\"").toString();
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
