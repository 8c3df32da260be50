package io.newsdedup.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-based test runner: {@code tries} inputs drawn from a generator with a fixed seed
 * (so every run checks the same inputs), each handed to a check that throws on failure. The first
 * failing input is shrunk (chunks and then single characters removed while it still fails) and
 * reported with the seed and try number, escaped so that it can be pasted into a unit test.
 */
public final class PropertyCheck {
  private PropertyCheck() {}

  /** Checks {@code property} on {@code tries} strings from {@code generator}. */
  public static void forAllStrings(
      String name,
      long seed,
      int tries,
      Function<SplittableRandom, String> generator,
      Consumer<String> property) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < tries; i++) {
      String input = generator.apply(random);
      Throwable failure = failure(property, input);
      if (failure != null) {
        String small = shrink(input, property);
        Throwable smallFailure = failure(property, small);
        AssertionError e =
            new AssertionError(
                String.format(
                    "property \"%s\" fails (seed %d, try %d of %d) on %s%n  (shrunk from %d chars:"
                        + " %s)",
                    name,
                    seed,
                    i + 1,
                    tries,
                    Gen.escape(small),
                    input.length(),
                    Gen.escape(input.length() > 300 ? input.substring(0, 300) + "..." : input)),
                smallFailure != null ? smallFailure : failure);
        throw e;
      }
    }
  }

  /** Checks {@code property} on {@code tries} values from {@code generator}, without shrinking. */
  public static <T> void forAll(
      String name,
      long seed,
      int tries,
      Function<SplittableRandom, T> generator,
      Consumer<T> property) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < tries; i++) {
      T input = generator.apply(random);
      Throwable failure = failure(property, input);
      if (failure != null) {
        String shown = String.valueOf(input);
        throw new AssertionError(
            String.format(
                "property \"%s\" fails (seed %d, try %d of %d) on %s",
                name,
                seed,
                i + 1,
                tries,
                shown.length() > 500 ? shown.substring(0, 500) + "..." : shown),
            failure);
      }
    }
  }

  private static <T> Throwable failure(Consumer<T> property, T input) {
    try {
      property.accept(input);
      return null;
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      return e;
    }
  }

  /** Removes chunks, halving their size down to one character, while the property still fails. */
  static String shrink(String input, Consumer<String> property) {
    String s = input;
    int budget = 2000; // property evaluations
    for (int chunk = Math.max(1, s.length() / 2); chunk >= 1 && budget > 0; chunk /= 2) {
      boolean progress = true;
      while (progress && budget > 0) {
        progress = false;
        for (int start = 0; start < s.length() && budget > 0; ) {
          int end = Math.min(s.length(), start + chunk);
          // Never split a surrogate pair: the property may be about them.
          if (end < s.length()
              && Character.isHighSurrogate(s.charAt(end - 1))
              && Character.isLowSurrogate(s.charAt(end))) {
            end++;
          }
          String candidate = s.substring(0, start) + s.substring(end);
          budget--;
          if (failure(property, candidate) != null) {
            s = candidate;
            progress = true;
          } else {
            start = end;
          }
        }
      }
    }
    return s;
  }
}
