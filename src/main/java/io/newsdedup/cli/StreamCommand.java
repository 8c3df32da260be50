package io.newsdedup.cli;

import io.newsdedup.pipeline.options.ProductionDefaults;
import io.newsdedup.pipeline.stream.StreamOptions;
import io.newsdedup.pipeline.stream.StreamPipeline;
import io.newsdedup.pipeline.stream.StreamSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;
import org.apache.beam.sdk.PipelineResult;

/**
 * {@code news-dedup stream}: the stream job, from Pub/Sub to Pub/Sub or from Kafka to Kafka, until
 * it is stopped (a shutdown hook cancels it on SIGTERM or Ctrl-C; an interrupt of the thread
 * running it, in a program that embeds it, cancels it too).
 */
final class StreamCommand {
  private StreamCommand() {}

  /** The stream job's options that Beam's Pub/Sub and Google Cloud interfaces declare. */
  private static final Set<String> PUBSUB_OPTIONS =
      Set.of("pubsubRootUrl", "project", "credentialFactoryClass");

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (CommandLine.wantsHelp(args)) {
      CommandLine.help(
          out,
          """
          news-dedup stream (--inputSubscription=SUBSCRIPTION | --inputTopic=TOPIC)
              --outputTopic=TOPIC --deadLetterTopic=TOPIC [options]
          news-dedup stream --kafkaBootstrapServers=HOST:PORT[,...] --kafkaInputTopic=TOPIC
              --kafkaOutputTopic=TOPIC --kafkaDeadLetterTopic=TOPIC [options]\
          """,
          """
          Reads articles from Pub/Sub or Kafka (one per message or record, the batch
          JSON contract; attributes or headers id and published_at override the JSON)
          and publishes one decision per article on the output topic: new, duplicate
          (of canonical_id), and canonical_changed for earlier articles when a better
          original arrives. Unusable messages go to the dead-letter topic. Runs until
          stopped (Ctrl-C). Pub/Sub topics and subscriptions are
          projects/PROJECT/topics/NAME and projects/PROJECT/subscriptions/NAME.
          """,
          StreamOptions.class,
          "Pub/Sub and Google Cloud options (Beam's):\n"
              + OptionsHelp.describe(StreamOptions.class, PUBSUB_OPTIONS)
              + """

              Google Cloud Pub/Sub takes Application Default Credentials (gcloud auth
              application-default login, or GOOGLE_APPLICATION_CREDENTIALS).
              The local emulator:
                --pubsubRootUrl=http://127.0.0.1:8085 --project=PROJECT
                --credentialFactoryClass=%s
                with NO_GCE_CHECK=true in the environment.
              Beam options are accepted too, e.g. --runner=DirectRunner (default).
              """
                  .formatted(NOOP_CREDENTIALS));
      return Main.OK;
    }
    StreamOptions options = StreamPipeline.options(ProductionDefaults.apply(args));
    StreamSettings settings = StreamSettings.from(options);
    PipelineResult result = StreamPipeline.start(options);
    out.printf(
        "news-dedup stream: %s; index retention %s. Stop with Ctrl-C.%n",
        settings.ends().describe(), settings.retention());
    Thread cancel = new Thread(() -> cancel(result), "news-dedup-stream-cancel");
    Runtime.getRuntime().addShutdownHook(cancel);
    PipelineResult.State state;
    try {
      state = result.waitUntilFinish();
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        throw e;
      }
      // the thread running the command was interrupted (an embedding program stopping it)
      Thread.interrupted(); // cleared while cancelling, which may wait
      cancel(result);
      Thread.currentThread().interrupt();
      out.println("news-dedup stream: interrupted; the job was cancelled.");
      return Main.OK;
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

  private static void cancel(PipelineResult result) {
    try {
      result.cancel();
    } catch (IOException | RuntimeException e) {
      // stopping anyway
    }
  }

  private static final String NOOP_CREDENTIALS =
      "org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory";
}
