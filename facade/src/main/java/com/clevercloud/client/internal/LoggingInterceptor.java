package com.clevercloud.client.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs one line per call attempt: method, path (query values and OAuth tokens masked), status, duration, operation and
 * {@code Sozu-Id}. It runs outside the auth interceptor, so it never sees the {@code Authorization} header, and it logs
 * no header and no body by design: there is no level at which it prints a secret.
 */
public final class LoggingInterceptor implements Interceptor {

  private final Logger logger;
  private final Level level;

  /**
   * Makes the interceptor.
   *
   * @param logger where to log
   * @param level the level of every line
   */
  public LoggingInterceptor(Logger logger, Level level) {
    this.logger = logger;
    this.level = level;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!logger.isLoggable(level)) {
      return chain.proceed(request);
    }
    String what = request.method() + " " + Redaction.logPath(request.url().encodedPath(), request.url().encodedQuery())
        + " (" + Operation.of(request) + ")";
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      String sozuId = response.header("Sozu-Id");
      logger.log(level, what + " -> " + response.code() + " in " + ms + " ms"
          + (sozuId == null ? "" : " Sozu-Id " + sozuId));
      return response;
    } catch (IOException | RuntimeException e) {
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      logger.log(level, what + " -> failed after " + ms + " ms: " + e.getClass().getSimpleName());
      throw e;
    }
  }
}
