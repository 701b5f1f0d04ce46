package com.clevercloud.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;

/**
 * Date parameters of generated calls (e.g. listInvoices since/until) are sent as ISO-8601 with seconds, offsets kept;
 * other types are left to Retrofit.
 */
class DateTimeParameterConverterFactoryTest {

  private final DateTimeParameterConverterFactory factory = new DateTimeParameterConverterFactory();

  @SuppressWarnings("unchecked")
  private <T> String convert(Class<T> type, T value) throws Exception {
    return ((Converter<T, String>) factory.stringConverter(type, new Annotation[0], null)).convert(value);
  }

  @Test
  void datesAlwaysCarrySeconds() throws Exception {
    assertThat(convert(OffsetDateTime.class, OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("2025-01-01T00:00:00Z");
    assertThat(convert(OffsetDateTime.class, OffsetDateTime.of(2025, 1, 1, 12, 30, 0, 0, ZoneOffset.ofHours(2))))
        .isEqualTo("2025-01-01T12:30:00+02:00");
    assertThat(convert(Instant.class, Instant.parse("2025-01-01T00:00:00.120Z"))).isEqualTo("2025-01-01T00:00:00.12Z");
    assertThat(factory.stringConverter(String.class, new Annotation[0], null)).isNull();
  }
}
