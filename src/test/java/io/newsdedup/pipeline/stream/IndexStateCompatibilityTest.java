package io.newsdedup.pipeline.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.index.Retention;
import io.newsdedup.core.index.StreamIndex;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.testing.TestSettings;
import org.apache.beam.sdk.state.ValueState;
import org.junit.jupiter.api.Test;

/**
 * The index's state remembers the layout and matching parameters it was built with, and a job
 * restored with others stops instead of misreading it.
 */
class IndexStateCompatibilityTest {

  static final class Cell implements ValueState<String> {
    String value;

    Cell(String value) {
      this.value = value;
    }

    @Override
    public void write(String input) {
      value = input;
    }

    @Override
    public String read() {
      return value;
    }

    @Override
    public Cell readLater() {
      return this;
    }

    @Override
    public void clear() {
      value = null;
    }
  }

  static IndexArticles.IndexFn fn(MatchingSettings s) {
    return new IndexArticles.IndexFn(new StreamIndex(s, Retention.FOREVER), s, null);
  }

  @Test
  void aNewStateTakesTheLayoutAndParametersAndKeepsThem() {
    MatchingSettings s = TestSettings.matching();
    Cell state = new Cell(null);
    fn(s).checkParameters(state);
    assertTrue(state.value.startsWith("index layout " + StreamIndex.LAYOUT + ", "), state.value);
    String first = state.value;
    fn(s).checkParameters(state);
    assertEquals(first, state.value);
  }

  @Test
  void aStateOfTheFormerLayoutIsRefused() {
    MatchingSettings s = TestSettings.matching();
    // what a job before the layout version (expiry lists not sharded) kept
    Cell former = new Cell(s.indexParameters(false).toString());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> fn(s).checkParameters(former));
    assertTrue(e.getMessage().contains("another layout"), e.getMessage());
    assertTrue(e.getMessage().contains("index layout " + StreamIndex.LAYOUT), e.getMessage());
  }
}
