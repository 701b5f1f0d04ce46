package com.clevercloud.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sets {@code User-Agent: clevercloud-java/<version> (Java <version>) [application id]} on every request. */
public final class UserAgentInterceptor implements Interceptor {

  private final String userAgent;

  /**
   * Makes the interceptor.
   *
   * @param applicationId appended to the library's name so Clever Cloud can tell applications apart, or null
   */
  public UserAgentInterceptor(String applicationId) {
    this.userAgent = userAgent(applicationId);
  }

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
    try (InputStream in = UserAgentInterceptor.class.getResourceAsStream("/com/clevercloud/client/version.properties")) {
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

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
  }
}
