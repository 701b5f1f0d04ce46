package com.clevercloud.client.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * Reads text answers (the OAuth dance's form-encoded text, an invoice's HTML) as {@code String}, ahead of Gson, which
 * would claim {@code String} and fail on them. Request bodies are left to Gson: a {@code String} sent as JSON (an SSH
 * key, say) must travel as a JSON string, quoted and escaped, which the scalars converter would not do.
 */
public final class TextAnswers extends Converter.Factory {

  private final ScalarsConverterFactory scalars = ScalarsConverterFactory.create();

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    return scalars.responseBodyConverter(type, annotations, retrofit);
  }
}
