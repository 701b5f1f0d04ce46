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
 * no other header and no body by design: there is no level at which it prints a secret. The {@code Sozu-Id} comes from
 * the server: it is logged only if it looks like a request id, and the whole line is masked against the client's
 * credentials and the request's secrets anyway.
 */
public final class LoggingInterceptor implements Interceptor {

  private final Logger logger;
  private final Level level;
  private final ErrorMapper masking;

  /**
   * Makes the interceptor.
   *
   * @param logger where to log
   * @param level the level of every line
   * @param masking masks the client's credentials and the request's {@link Sensitive} values, should the server
   *     echo one in a header that is logged
   */
  public LoggingInterceptor(Logger logger, Level level, ErrorMapper masking) {
    this.logger = logger;
    this.level = level;
    this.masking = masking;
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
      String sozuId = Redaction.requestId(response.header("Sozu-Id"));
      logger.log(level, line(what + " -> " + response.code() + " in " + ms + " ms"
          + (sozuId == null ? "" : " Sozu-Id " + sozuId), request));
      return response;
    } catch (IOException | RuntimeException e) {
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      logger.log(level, line(what + " -> failed after " + ms + " ms: " + e.getClass().getSimpleName(), request));
      throw e;
    }
  }

  /**
   * The line masked (the path is decoded to be masked, so that a secret in it is found however it was encoded) and
   * kept on one line: a decoded {@code %0A} must not start a forged log line.
   */
  private String line(String text, Request request) {
    String masked = masking.mask(text, request);
    StringBuilder sb = new StringBuilder(masked.length());
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '_' : c);
    }
    return sb.toString();
  }
}
