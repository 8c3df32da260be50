package io.newsdedup.e2e;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * The big cases of the bad-input suite, generated rather than committed (see
 * testdata/bad/README.md): a 20 MB article and a 5 MB line of one word, as JSON text and as .txt,
 * and two gzip bombs (a line, a .txt, of 128 Mi characters: twice the limit per record, in a few
 * hundred KB). Deterministic: a fixed seed.
 */
final class GeneratedBadInputs {
  static final long BIG_ARTICLE_CHARS = 20_000_000;
  static final int ONE_WORD_CHARS = 5 * 1024 * 1024;

  /** The length of the bombs' big line: twice InputRecords.MAX_RECORD_CHARS (64 Mi). */
  static final long BOMB_CHARS = 128L << 20;

  private GeneratedBadInputs() {}

  /** Writes the generated cases into {@code dir} (created); returns it. */
  static Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      writeBigArticle(dir.resolve("big-article.jsonl"));
      String oneWord = "news ".repeat(ONE_WORD_CHARS / 5).strip();
      Files.writeString(
          dir.resolve("one-word.jsonl"),
          "{\"id\": \"one-word-5mb\", \"text\": \"" + oneWord + "\"}\n");
      Files.writeString(dir.resolve("one-word.txt"), oneWord);
      Files.writeString(
          dir.resolve("one-word-titled.txt"), "One word, five megabytes\n\n" + oneWord + "\n");
      writeGzipBomb(
          dir.resolve("bomb.jsonl.gz"),
          "{\"id\": \"bomb-before\", \"title\": \"Tram line reopens after track renewal\", "
              + "\"text\": \"Trams are running again on the harbour line after six weeks of track "
              + "renewal, the transport authority said, with journeys a few minutes faster.\"}\n"
              + "{\"id\": \"bomb\", \"text\": \"",
          BOMB_CHARS,
          "\"}\n{\"id\": \"bomb-after\", \"title\": \"Rowing club celebrates centenary\", "
              + "\"text\": \"The town rowing club marked its hundredth year with a regatta on the "
              + "river and an exhibition of old boats and photographs in the boathouse.\"}\n");
      writeGzipBomb(dir.resolve("bomb.txt.gz"), "A title over a bomb\n\n", BOMB_CHARS, "\n");
      writeOddPaths(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A gzip file of {@code before}, {@code chars} times 'x' and {@code after}, compressed as it is
   * written (the file is a few hundred KB; nothing big is ever in memory).
   */
  static void writeGzipBomb(Path file, String before, long chars, String after) throws IOException {
    byte[] xs = new byte[1 << 16];
    Arrays.fill(xs, (byte) 'x');
    try (OutputStream out =
        new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 1 << 16)) {
      out.write(before.getBytes(StandardCharsets.UTF_8));
      for (long left = chars; left > 0; left -= xs.length) {
        out.write(xs, 0, (int) Math.min(xs.length, left));
      }
      out.write(after.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Paths a glob matches that are not plain files with plain names: a FIFO (reading it would wait
   * forever), a symbolic link to nothing, a link back to the directory (a loop, for {@code **}),
   * and a .txt file whose name is Latin-1, not UTF-8 (Java shows the byte as U+FFFD).
   */
  private static void writeOddPaths(Path dir) throws IOException {
    Files.createSymbolicLink(dir.resolve("dangling.jsonl"), Path.of("gone.jsonl"));
    Files.createSymbolicLink(dir.resolve("loop"), Path.of("."));
    shell(
        dir,
        "mkfifo fifo.jsonl && printf 'A Latin-1 name\\n\\nThis page was saved under a name "
            + "in Latin-1, as old Windows shares and zip files still write them.\\n' > "
            + "\"$(printf 'caf\\351.txt')\"");
  }

  private static void shell(Path dir, String script) throws IOException {
    try {
      Process p =
          new ProcessBuilder("sh", "-c", script)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("sh -c " + script + ": " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
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
