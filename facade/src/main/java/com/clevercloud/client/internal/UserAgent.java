package com.clevercloud.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code User-Agent} the client sends: {@code clevercloud-java/<version> (Java <version>) [application id]}. The
 * {@link AuthInterceptor} sets it, in the one copy of the request it makes anyway.
 */
public final class UserAgent {

  private UserAgent() {}

  /**
   * The header value.
   *
   * @param applicationId the application's id, or null
   * @return for example {@code clevercloud-java/0.1.0 (Java 17.0.15) my-deployer/2.0}
   */
  public static String userAgent(String applicationId) {
    String ua = "clevercloud-java/" + libraryVersion() + " (Java " + System.getProperty("java.version") + ")";
    return applicationId == null ? ua : ua + " " + applicationId;
  }

  /**
   * The library's version, from the properties file Maven fills in at build time.
   *
   * @return for example {@code 0.1.0}, or {@code unknown} when run from unfiltered sources
   */
  public static String libraryVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("/com/clevercloud/client/version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v.trim();
        }
      }
    } catch (IOException e) {
      // fall through: a missing version must not break requests
    }
    return "unknown";
  }
}
