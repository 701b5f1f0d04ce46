package com.clevercloud.client.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Writes {@code OffsetDateTime} and {@code Instant} query and path parameters as RFC 3339 date-times, always with
 * seconds. Without it Retrofit calls {@code toString()}, which drops zero seconds ({@code 2025-01-01T00:00Z}): not a
 * valid {@code date-time}, and refused by a validating server.
 */
public final class DateTimeParameterConverterFactory extends Converter.Factory {

  @Override
  public Converter<?, String> stringConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type == OffsetDateTime.class) {
      return (OffsetDateTime value) -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
    if (type == Instant.class) {
      return (Instant value) -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atOffset(ZoneOffset.UTC));
    }
    return null;
  }
}
