package com.clevercloud.client.internal;

import okhttp3.Request;
import retrofit2.Invocation;

/**
 * Names the operation a request belongs to, for error messages and logs: the spec's operationId (from Retrofit's {@link Invocation} tag
 * and the operations table), the name set by the facade for requests it builds by hand, or
 * the method and path.
 *
 * @param name the operation's name
 */
public record Operation(String name) {

  /**
   * The operation of a request.
   *
   * @param request the request
   * @return for example {@code getSelf}, or {@code GET /v2/foo}
   */
  public static String of(Request request) {
    Operation own = request.tag(Operation.class);
    if (own != null) {
      return own.name();
    }
    Invocation invocation = request.tag(Invocation.class);
    OperationTable.Op op = invocation == null ? null : OperationTable.INSTANCE.of(invocation.method());
    if (op != null) {
      return op.id();
    }
    return request.method() + " " + request.url().encodedPath();
  }
}
