package io.newsdedup.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-05-01T10:00:00Z | 2024-05-01T10:00:00Z",
        "2024-05-01T12:00:00+02:00 | 2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00.250-05:00 | 2024-05-01T15:00:00.250Z",
        "2024-05-01T10:00:00 | 2024-05-01T10:00:00Z",
        "2024-05-01 | 2024-05-01T00:00:00Z",
        "2024-05-01 10:00:00 | 2024-05-01T10:00:00Z",
        "2024-05-01 10:00:00+0200 | 2024-05-01T08:00:00Z",
        "'Wed, 1 May 2024 10:00:00 GMT' | 2024-05-01T10:00:00Z",
        "1714557600 | 2024-05-01T10:00:00Z",
        "1714557600000 | 2024-05-01T10:00:00Z",
        "'  2024-05-01T10:00:00Z  ' | 2024-05-01T10:00:00Z",
        "1900-01-01T00:00:00Z | 1900-01-01T00:00:00Z",
        "2199-12-31T23:59:59Z | 2199-12-31T23:59:59Z"
      })
  void acceptedFormats(String in, String expected) {
    assertEquals(Instant.parse(expected), Timestamps.parse(in));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "yesterday",
        "2024-13-45",
        "01/05/2024",
        "12345",
        "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "1899-12-31T23:59:59Z",
        "2200-01-01T00:00:00Z",
        "9999-12-31",
        "0001-01-01T00:00:00"
      })
  void unparseableIsNull(String in) {
    assertNull(Timestamps.parse(in));
  }
}
