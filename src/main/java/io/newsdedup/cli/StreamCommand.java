package io.newsdedup.cli;

import io.newsdedup.pipeline.options.ProductionDefaults;
import io.newsdedup.pipeline.stream.StreamOptions;
import io.newsdedup.pipeline.stream.StreamPipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;
import org.apache.beam.sdk.PipelineResult;

/**
 * {@code news-dedup stream}: the stream job, from Pub/Sub to Pub/Sub, until it is stopped (a
 * shutdown hook cancels it on SIGTERM or Ctrl-C).
 */
final class StreamCommand {
  private StreamCommand() {}

  /** The stream job's options that Beam's Pub/Sub and Google Cloud interfaces declare. */
  private static final Set<String> PUBSUB_OPTIONS =
      Set.of("pubsubRootUrl", "project", "credentialFactoryClass");

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.stream(args).anyMatch(Main::isHelp)) {
      out.println("news-dedup stream (--inputSubscription=SUBSCRIPTION | --inputTopic=TOPIC)");
      out.println("    --outputTopic=TOPIC --deadLetterTopic=TOPIC [options]");
      out.println();
      out.println("Reads articles from Pub/Sub (one per message, the batch JSON contract;");
      out.println("attributes id and published_at override the JSON) and publishes one decision");
      out.println("per article on --outputTopic: new, duplicate (of canonical_id), and");
      out.println("canonical_changed for earlier articles when a better original arrives.");
      out.println("Unusable messages go to --deadLetterTopic. Runs until stopped (Ctrl-C).");
      out.println("Topics and subscriptions are projects/PROJECT/topics/NAME and");
      out.println("projects/PROJECT/subscriptions/NAME.");
      out.println();
      out.println("Options:");
      out.print(OptionsHelp.describe(StreamOptions.class));
      out.println();
      out.println("Pub/Sub and Google Cloud options (Beam's):");
      out.print(OptionsHelp.describe(StreamOptions.class, PUBSUB_OPTIONS));
      out.println();
      out.println("Google Cloud Pub/Sub takes Application Default Credentials (gcloud auth");
      out.println("application-default login, or GOOGLE_APPLICATION_CREDENTIALS).");
      out.println("The local emulator:");
      out.println("  --pubsubRootUrl=http://127.0.0.1:8085 --project=PROJECT");
      out.println("  --credentialFactoryClass=" + NOOP_CREDENTIALS);
      out.println("  with NO_GCE_CHECK=true in the environment.");
      out.println("Beam options are accepted too, e.g. --runner=DirectRunner (default).");
      return Main.OK;
    }
    StreamOptions options = StreamPipeline.options(ProductionDefaults.apply(args));
    PipelineResult result = StreamPipeline.start(options);
    String input =
        options.getInputSubscription() != null
            ? options.getInputSubscription()
            : options.getInputTopic();
    out.printf(
        "news-dedup stream: reading %s; decisions -> %s; dead letters -> %s;"
            + " index retention %s. Stop with Ctrl-C.%n",
        input, options.getOutputTopic(), options.getDeadLetterTopic(), options.getIndexRetention());
    Thread cancel =
        new Thread(
            () -> {
              try {
                result.cancel();
              } catch (IOException | RuntimeException e) {
                // stopping anyway
              }
            },
            "news-dedup-stream-cancel");
    Runtime.getRuntime().addShutdownHook(cancel);
    PipelineResult.State state;
    try {
      state = result.waitUntilFinish();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cancel);
      } catch (IllegalStateException e) {
        // the JVM is shutting down
      }
    }
    if (state == PipelineResult.State.DONE || state == PipelineResult.State.CANCELLED) {
      return Main.OK;
    }
    err.println("news-dedup stream: the pipeline ended in state " + state);
    return Main.FAILED;
  }

  private static final String NOOP_CREDENTIALS =
      "org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory";
}
