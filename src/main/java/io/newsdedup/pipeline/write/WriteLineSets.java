package io.newsdedup.pipeline.write;

import io.newsdedup.pipeline.shard.Shards;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes several sets of lines, set {@code i} into {@code NAME_i-SSSSS-of-NNNNN.jsonl} ({@code
 * numShards} files per set, every one written even when empty), all in one grouping. A line's file
 * is fixed by a stable hash of the line, so a run puts each line in the same file whatever the
 * runner or parallelism (the order of lines inside a file is the runner's). Each file is written
 * under a hidden temporary name ({@link #TEMPORARY_PREFIX}) and then renamed, so a retried attempt
 * replaces the whole file and a reader never sees half of one.
 *
 * <p>Why not one {@code TextIO.write()} per set: each is some 26 primitive transforms with three
 * groupings of its own, which is most of the batch job's operators and a visible part of its fixed
 * cost on Flink. Lines must not be null; they go out as UTF-8, one per line.
 */
public final class WriteLineSets extends PTransform<PCollectionList<String>, PDone> {
  /** Names of files being written start with this; they are never outputs. */
  public static final String TEMPORARY_PREFIX = ".writing-";

  private final String directory;
  private final List<String> names;
  private final int numShards;

  private WriteLineSets(String directory, List<String> names, int numShards) {
    this.directory = directory;
    this.names = List.copyOf(names);
    this.numShards = numShards;
  }

  /** Set {@code i} of the input list goes to the files named {@code names.get(i)}. */
  public static WriteLineSets to(String directory, List<String> names, int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("numShards must be >= 1: " + numShards);
    }
    return new WriteLineSets(directory, names, numShards);
  }

  /** The name of shard {@code shard} of set {@code name}, as TextIO's "-SSSSS-of-NNNNN" would. */
  public static String fileName(String name, int shard, int numShards) {
    return String.format("%s-%05d-of-%05d.jsonl", name, shard, numShards);
  }

  @Override
  public PDone expand(PCollectionList<String> sets) {
    if (sets.size() != names.size()) {
      throw new IllegalArgumentException(
          sets.size() + " sets of lines for " + names.size() + " names");
    }
    KvCoder<Integer, String> coder =
        KvCoder.of(VarIntCoder.of(), NullableCoder.of(StringUtf8Coder.of()));
    List<KV<Integer, String>> everyFile = new ArrayList<>();
    for (int file = 0; file < names.size() * numShards; file++) {
      everyFile.add(KV.of(file, null));
    }
    PCollectionList<KV<Integer, String>> keyed =
        PCollectionList.of(
            sets.getPipeline().apply("EveryFile", Create.of(everyFile).withCoder(coder)));
    for (int i = 0; i < names.size(); i++) {
      keyed =
          keyed.and(
              sets.get(i)
                  .apply("FileOf" + names.get(i), ParDo.of(new FileOfFn(i, numShards)))
                  .setCoder(coder));
    }
    keyed
        .apply("AllLines", Flatten.pCollections())
        .apply("ByFile", GroupByKey.create())
        .apply("WriteFiles", ParDo.of(new WriteFileFn(directory, names, numShards)));
    return PDone.in(sets.getPipeline());
  }

  /** (file number, line): the file of set {@code set} that the line's hash picks. */
  static final class FileOfFn extends DoFn<String, KV<Integer, String>> {
    private final int set;
    private final int numShards;

    FileOfFn(int set, int numShards) {
      this.set = set;
      this.numShards = numShards;
    }

    @ProcessElement
    public void process(@Element String line, OutputReceiver<KV<Integer, String>> out) {
      out.output(KV.of(set * numShards + Shards.of(line, numShards), line));
    }
  }

  /**
   * Writes one file: its lines (the nulls only say that the file exists) under a temporary name,
   * then renames it into place.
   */
  static final class WriteFileFn extends DoFn<KV<Integer, Iterable<String>>, Void> {
    private final String directory;
    private final List<String> names;
    private final int numShards;

    WriteFileFn(String directory, List<String> names, int numShards) {
      this.directory = directory;
      this.names = names;
      this.numShards = numShards;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<String>> file) throws IOException {
      String name =
          fileName(names.get(file.getKey() / numShards), file.getKey() % numShards, numShards);
      ResourceId dir = FileSystems.matchNewResource(directory, true);
      ResourceId target = dir.resolve(name, StandardResolveOptions.RESOLVE_FILE);
      ResourceId temporary =
          dir.resolve(
              TEMPORARY_PREFIX + UUID.randomUUID() + "-" + name,
              StandardResolveOptions.RESOLVE_FILE);
      try (Writer w =
          new BufferedWriter(
              Channels.newWriter(
                  FileSystems.create(temporary, MimeTypes.TEXT), StandardCharsets.UTF_8),
              1 << 16)) {
        for (String line : file.getValue()) {
          if (line != null) {
            w.write(line);
            w.write('\n');
          }
        }
      }
      FileSystems.rename(List.of(temporary), List.of(target));
    }
  }
}
