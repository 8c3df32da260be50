package io.newsdedup.bench.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A synthetic news-like corpus for benchmarks: originals of 400–800 words drawn from a Zipfian
 * vocabulary of pseudo-words (so unrelated articles share common words but almost no 5-word
 * sequences, as real news does), and a share of copies of earlier originals — truncated reprints,
 * aggregator reposts wrapped in boilerplate, lightly edited copies. Deterministic for a seed.
 * Writes JSONL in the batch input contract and a labels file ({@code id}, {@code cluster}, {@code
 * original}).
 */
public final class SyntheticCorpus {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "ru", "ta", "po", "se", "vi", "da", "gor", "lin", "mar", "tes", "ban",
    "cor", "fel", "hun", "jor", "pel", "ris", "tam", "wen", "zol", "ar", "el", "in", "on", "us",
        "ey"
  };
  private static final String[] PUBLISHERS = {
    "AP",
    "Reuters",
    "AFP",
    "Harbor City Gazette",
    "The Midland Courier",
    "Northern Ledger",
    "Pacific Standard Times",
    "Valley Herald",
    "Coastal Post",
    "Capital Tribune",
    "Evening Star",
    "Daily Sentinel"
  };
  private static final String[] AGGREGATORS = {
    "DailyNewsPulse", "WorldHeadlineHub", "NewsStream24"
  };
  private static final String[] BOILERPLATE = {
    "For the latest news and updates, follow us on Google News",
    "Read original article here",
    "Denial of responsibility! %s is an automatic aggregator of the global media. All the content"
        + " are available free on Internet. We have just arranged it in one platform for"
        + " educational purpose only.",
    "Sign up for our newsletter to get the top stories delivered to your inbox every morning."
  };

  private final String[] vocabulary;
  private final double[] cumulative;

  public SyntheticCorpus(int vocabularySize) {
    SplittableRandom r = new SplittableRandom(17);
    vocabulary = new String[vocabularySize];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < vocabularySize; ) {
      StringBuilder w = new StringBuilder();
      int syllables = 1 + r.nextInt(i < 200 ? 2 : 4);
      for (int s = 0; s < syllables; s++) {
        w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      if (seen.add(w.toString())) {
        vocabulary[i++] = w.toString();
      }
    }
    cumulative = new double[vocabularySize];
    double sum = 0;
    for (int i = 0; i < vocabularySize; i++) {
      sum += 1.0 / Math.pow(i + 1, 1.05);
      cumulative[i] = sum;
    }
    for (int i = 0; i < vocabularySize; i++) {
      cumulative[i] /= sum;
    }
  }

  /** What {@link #write} produced. */
  public record Stats(int articles, int originals, int copies) {}

  /**
   * Writes {@code n} articles to {@code corpus} (JSONL) and their labels to {@code labels}.
   *
   * @param copyShare share of the articles that are copies of an earlier original
   */
  public Stats write(int n, double copyShare, long seed, Path corpus, Path labels)
      throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    List<String[]> originals = new ArrayList<>(); // id, title, text, epoch seconds
    int copies = 0;
    JsonFactory json = new JsonFactory();
    try (Writer out = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8);
        BufferedWriter lab = Files.newBufferedWriter(labels, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        String id = String.format("doc%07d", i);
        boolean copy = !originals.isEmpty() && r.nextDouble() < copyShare;
        String title;
        String text;
        String source;
        long at;
        String cluster;
        if (copy) {
          String[] o = originals.get(r.nextInt(originals.size()));
          cluster = o[0];
          at = Long.parseLong(o[3]) + 600 + r.nextInt(36_000);
          int kind = r.nextInt(3);
          if (kind == 0) {
            source = PUBLISHERS[3 + r.nextInt(PUBLISHERS.length - 3)];
            title = sentence(r, 6 + r.nextInt(5));
            text = truncate(o[2], 0.6 + 0.35 * r.nextDouble());
          } else if (kind == 1) {
            source = AGGREGATORS[r.nextInt(AGGREGATORS.length)];
            title = o[1];
            text = o[2] + "\n\n" + String.join("\n\n", BOILERPLATE).replace("%s", source);
          } else {
            source = PUBLISHERS[3 + r.nextInt(PUBLISHERS.length - 3)];
            title = o[1];
            text = edit(r, o[2], 0.02);
          }
          copies++;
        } else {
          cluster = id;
          source = PUBLISHERS[r.nextInt(PUBLISHERS.length)];
          title = sentence(r, 6 + r.nextInt(5));
          text = article(r, 400 + r.nextInt(401));
          at = 1_700_000_000L + r.nextInt(30 * 86_400);
          originals.add(new String[] {id, title, text, Long.toString(at)});
        }
        try (JsonGenerator g = json.createGenerator(out)) {
          g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          g.writeStartObject();
          g.writeStringField("id", id);
          g.writeStringField("url", "https://news.example/" + id);
          g.writeStringField("source", source);
          g.writeStringField("title", title);
          g.writeStringField("text", text);
          g.writeStringField("published_at", Instant.ofEpochSecond(at).toString());
          g.writeEndObject();
        }
        out.write('\n');
        lab.write(
            "{\"id\":\""
                + id
                + "\",\"cluster\":\""
                + cluster
                + "\""
                + (cluster.equals(id) ? ",\"original\":true" : "")
                + "}\n");
      }
    }
    return new Stats(n, n - copies, copies);
  }

  private String word(SplittableRandom r) {
    int i = Arrays.binarySearch(cumulative, r.nextDouble());
    return vocabulary[Math.min(vocabulary.length - 1, i < 0 ? -i - 1 : i)];
  }

  private String sentence(SplittableRandom r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = word(r);
      sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      sb.append(w + 1 < words ? (r.nextInt(12) == 0 ? ", " : " ") : ".");
    }
    return sb.toString();
  }

  /** One synthetic article of {@code words} words. */
  public static String article(SyntheticCorpus corpus, SplittableRandom r, int words) {
    return corpus.article(r, words);
  }

  private String article(SplittableRandom r, int words) {
    StringBuilder sb = new StringBuilder();
    int written = 0;
    while (written < words) {
      int paragraph = 40 + r.nextInt(50);
      for (int p = 0; p < paragraph && written < words; ) {
        int len = Math.min(8 + r.nextInt(18), words - written);
        sb.append(sentence(r, len)).append(' ');
        p += len;
        written += len;
      }
      sb.setLength(sb.length() - 1);
      sb.append("\n\n");
    }
    return sb.toString().strip();
  }

  private static String truncate(String text, double keep) {
    String[] paragraphs = text.split("\n\n");
    int n = Math.max(1, (int) Math.round(paragraphs.length * keep));
    return String.join("\n\n", Arrays.copyOf(paragraphs, n));
  }

  private String edit(SplittableRandom r, String text, double share) {
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (r.nextDouble() < share) {
        words[i] = word(r);
      }
    }
    return String.join(" ", words);
  }
}
