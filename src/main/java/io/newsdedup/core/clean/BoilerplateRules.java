package io.newsdedup.core.clean;

import java.io.Serializable;
import java.util.List;

/**
 * Boilerplate patterns, read from a rules file: the bundled defaults
 * ({@code io/newsdedup/core/clean/boilerplate.rules}) plus any files the user adds.
 */
public final class BoilerplateRules implements Serializable {

  /** The bundled rules. */
  public static BoilerplateRules defaults() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Parses rules from the lines of a rules file.
   *
   * @throws IllegalArgumentException naming the line number on a malformed line or a bad regex
   */
  public static BoilerplateRules parse(List<String> lines, String sourceName) {
    throw new UnsupportedOperationException("TODO");
  }

  /** These rules followed by {@code other}'s. */
  public BoilerplateRules plus(BoilerplateRules other) {
    throw new UnsupportedOperationException("TODO");
  }
}
