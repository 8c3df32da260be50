package io.newsdedup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small JSONL inputs for runs about files rather than matching: one short story per id. */
public final class ShortArticles {
  private ShortArticles() {}

  /** Writes {@code file}: a line per id, each its own story (title "Story ID"); returns it. */
  public static Path write(Path file, String... ids) throws IOException {
    StringBuilder s = new StringBuilder();
    for (String id : ids) {
      s.append("{\"id\":\"")
          .append(id)
          .append("\",\"title\":\"Story ")
          .append(id)
          .append("\",\"text\":\"The council of ")
          .append(id)
          .append(" voted on the new bridge across the river on Tuesday evening.\"}\n");
    }
    return Files.writeString(file, s.toString());
  }
}
