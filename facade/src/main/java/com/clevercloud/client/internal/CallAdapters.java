package com.clevercloud.client.internal;

import com.clevercloud.client.auth.Secret;
import com.clevercloud.client.internal.check.Checks;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Converter;
import retrofit2.Invocation;
import retrofit2.Retrofit;

/**
 * Makes the generated interfaces' methods work: {@code T op(...)} runs the call and returns its decoded body;
 * {@code CompletableFuture<T> opAsync(...)} sends it on OkHttp's asynchronous path. Both go through the one pipeline
 * ({@link CallExecutor}), after the checks the operations table asks for: every path argument is one valid segment,
 * and the values the spec marks secret (sensitive parameters, sensitive properties of the body) are tagged so that an
 * answer echoing them is masked. One adapter per generated method; nothing here is specific to an operation.
 */
public final class CallAdapters extends CallAdapter.Factory {

  private final CallExecutor executor;
  private final Routing routing;
  private final Gson gson;

  /**
   * Makes the factory of one family's Retrofit.
   *
   * @param executor the call pipeline
   * @param routing the client's routing, to refuse a call its credentials cannot make before anything is sent
   * @param gson the family's Gson, to read the secret values of a request body
   */
  public CallAdapters(CallExecutor executor, Routing routing, Gson gson) {
    this.executor = executor;
    this.routing = routing;
    this.gson = gson;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw == Call.class) {
      return null; // Retrofit's own adapter
    }
    boolean async = raw == CompletableFuture.class;
    if (async && !(returnType instanceof ParameterizedType)) {
      throw new IllegalArgumentException("CompletableFuture return type must be parameterized");
    }
    Type bodyType = async ? getParameterUpperBound(0, (ParameterizedType) returnType) : returnType;
    Converter<ResponseBody, ?> converter = bodyType == ResponseBody.class || bodyType == Void.class
        ? null : retrofit.responseBodyConverter(bodyType, annotations);
    return new Adapter(bodyType, converter, async);
  }

  private final class Adapter implements CallAdapter<Object, Object> {
    private final Type bodyType;
    private final Converter<ResponseBody, ?> converter;
    private final boolean async;
    // The same for every call: an adapter serves one method.
    private volatile OperationTable.Op op;

    Adapter(Type bodyType, Converter<ResponseBody, ?> converter, boolean async) {
      this.bodyType = bodyType;
      this.converter = converter;
      this.async = async;
    }

    @Override
    public Type responseType() {
      return bodyType;
    }

    @Override
    public Object adapt(Call<Object> call) {
      Request request = call.request();
      Invocation invocation = request.tag(Invocation.class);
      OperationTable.Op known = op;
      if (known == null) {
        known = OperationTable.INSTANCE.of(invocation.method());
        if (known == null) {
          throw new IllegalArgumentException(invocation.method() + " is not an operation of the specifications");
        }
        op = known;
      }
      request = checked(request, known, invocation.arguments());
      if (routing.route(request).auth() == Routing.Auth.MISSING) {
        throw new IllegalStateException(known.id() + " needs credentials this client does not have (it accepts "
            + String.join(" or ", known.security()) + "): set them with CleverCloudClient.builder().credentials(...)");
      }
      CallExecutor.Decoding decoding = new CallExecutor.Decoding(bodyType, converter,
          OperationTable.INSTANCE.answerHoldsSecrets(known), known.id());
      return async ? executor.executeAsync(request, decoding) : executor.execute(request, decoding);
    }
  }

  /** Checks the path arguments and tags the secret values, before anything is sent. */
  private Request checked(Request request, OperationTable.Op op, List<?> args) {
    List<Secret> secrets = null;
    for (int i = 0; i < op.params().size(); i++) {
      OperationTable.Param param = op.params().get(i);
      Object arg = args.get(i);
      if (param.in().equals("path")) {
        Checks.pathSegment(arg == null ? null : String.valueOf(arg), param.name());
      }
      if (arg == null) {
        continue;
      }
      if (param.sensitive()) {
        // A sensitive body that is a map or a list (an environment sent whole): every value it holds is a secret.
        secrets = param.in().equals("body") && !(arg instanceof String) ? leaves(gson.toJsonTree(arg), secrets)
            : add(secrets, String.valueOf(arg));
      }
      if (param.in().equals("body") && OperationTable.INSTANCE.holdsSecrets(op.family(), param.name())) {
        secrets = collect(gson.toJsonTree(arg), op.family(), param.name(), secrets);
      }
    }
    return secrets == null ? request
        : request.newBuilder().tag(Sensitive.class, Sensitive.of(secrets.toArray(new Secret[0]))).build();
  }

  /** The string values under the sensitive properties of a model, and of the models it holds. */
  private static List<Secret> collect(JsonElement json, String family, String model, List<Secret> into) {
    if (json == null || model == null || json.isJsonNull()) {
      return into;
    }
    if (json.isJsonArray()) {
      for (JsonElement e : json.getAsJsonArray()) {
        into = collect(e, family, model, into);
      }
      return into;
    }
    if (!json.isJsonObject()) {
      return into;
    }
    OperationTable table = OperationTable.INSTANCE;
    for (Map.Entry<String, JsonElement> e : ((JsonObject) json).entrySet()) {
      if (table.sensitiveProperties(family, model).contains(e.getKey())) {
        into = leaves(e.getValue(), into);
      } else {
        into = collect(e.getValue(), family, table.nestedModel(family, model, e.getKey()), into);
      }
    }
    return into;
  }

  private static List<Secret> leaves(JsonElement json, List<Secret> into) {
    if (json.isJsonPrimitive()) {
      return add(into, json.getAsString());
    }
    if (json.isJsonArray()) {
      for (JsonElement e : json.getAsJsonArray()) {
        into = leaves(e, into);
      }
    } else if (json.isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : ((JsonObject) json).entrySet()) {
        into = leaves(e.getValue(), into);
      }
    }
    return into;
  }

  private static List<Secret> add(List<Secret> list, String value) {
    List<Secret> l = list == null ? new ArrayList<>() : list;
    l.add(Secret.of(value));
    return l;
  }
}
