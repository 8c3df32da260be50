package io.newsdedup.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The big cases of the bad-input suite, generated rather than committed (see
 * testdata/bad/README.md): a 20 MB article and a 5 MB line of one word, as JSON text and as .txt.
 * Deterministic: a fixed seed.
 */
final class GeneratedBadInputs {
  static final long BIG_ARTICLE_CHARS = 20_000_000;
  static final int ONE_WORD_CHARS = 5 * 1024 * 1024;

  private GeneratedBadInputs() {}

  /** Writes the generated cases into {@code dir} (created); returns it. */
  static Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      writeBigArticle(dir.resolve("big-article.jsonl"));
      String oneWord = "news ".repeat(ONE_WORD_CHARS / 5).strip();
      Files.writeString(dir.resolve("one-word.jsonl"),
          "{\"id\": \"one-word-5mb\", \"text\": \"" + oneWord + "\"}\n");
      Files.writeString(dir.resolve("one-word.txt"), oneWord);
      Files.writeString(dir.resolve("one-word-titled.txt"),
          "One word, five megabytes\n\n" + oneWord + "\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One JSON line whose text is 20 million characters of words from a 5,000-word vocabulary. */
  private static void writeBigArticle(Path file) throws IOException {
    SplittableRandom r = new SplittableRandom(20_000_000);
    String[] vocabulary = new String[5000];
    for (int i = 0; i < vocabulary.length; i++) {
      char[] w = new char[2 + r.nextInt(8)];
      for (int j = 0; j < w.length; j++) {
        w[j] = (char) ('a' + r.nextInt(26));
      }
      vocabulary[i] = new String(w);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"id\": \"big-20mb\", \"title\": \"A 20 MB article\", \"text\": \"");
      long written = 0;
      while (written < BIG_ARTICLE_CHARS) {
        String word = vocabulary[r.nextInt(vocabulary.length)];
        if (written > 0) {
          out.write(written % 800 < 10 ? "\\n" : " ");
          written++;
        }
        out.write(word);
        written += word.length();
      }
      out.write("\"}\n");
    }
  }
}
