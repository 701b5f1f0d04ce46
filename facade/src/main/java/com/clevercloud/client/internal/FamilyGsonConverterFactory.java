package com.clevercloud.client.internal;

import com.google.gson.Gson;
import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Converts JSON with the Gson of the generated family a type belongs to ({@code bridge}, {@code v2}, {@code v4}): each
 * family's {@code JSON} class holds its own date adapters, and a Retrofit instance serves more than one family (the
 * Bridge proxies v2 and v4).
 */
public final class FamilyGsonConverterFactory extends Converter.Factory {

  private final GsonConverterFactory bridge;
  private final GsonConverterFactory v2;
  private final GsonConverterFactory v4;

  /** Makes the factory with each family's generated Gson. */
  public FamilyGsonConverterFactory() {
    this(new com.clevercloud.api.bridge.invoker.JSON().getGson(), new com.clevercloud.api.v2.invoker.JSON().getGson(),
        new com.clevercloud.api.v4.invoker.JSON().getGson());
  }

  FamilyGsonConverterFactory(Gson bridge, Gson v2, Gson v4) {
    this.bridge = GsonConverterFactory.create(bridge);
    this.v2 = GsonConverterFactory.create(v2);
    this.v4 = GsonConverterFactory.create(v4);
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    return pick(type).responseBodyConverter(type, annotations, retrofit);
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    return pick(type).requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  private GsonConverterFactory pick(Type type) {
    String family = family(type);
    if ("bridge".equals(family)) {
      return bridge;
    }
    if ("v4".equals(family)) {
      return v4;
    }
    return v2; // v2 and anything else (maps, lists of strings): the adapters are the same for plain types
  }

  /** The family of the first generated model class found in a (possibly generic) type, or null. */
  static String family(Type type) {
    if (type instanceof Class<?> c) {
      if (c.isArray()) {
        return family(c.getComponentType());
      }
      String name = c.getName();
      for (String f : new String[] {"bridge", "v2", "v4"}) {
        if (name.startsWith("com.clevercloud.api." + f + ".")) {
          return f;
        }
      }
      return null;
    }
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        String f = family(arg);
        if (f != null) {
          return f;
        }
      }
      return family(p.getRawType());
    }
    if (type instanceof GenericArrayType g) {
      return family(g.getGenericComponentType());
    }
    if (type instanceof WildcardType w) {
      return w.getUpperBounds().length > 0 ? family(w.getUpperBounds()[0]) : null;
    }
    return null;
  }
}
