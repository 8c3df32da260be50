package io.newsdedup.pipeline.stream;

import io.newsdedup.pipeline.options.MatchingOptions;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the {@code stream} job: Pub/Sub or Kafka in and out ({@link StreamEnds}: exactly one
 * of them), the index's retention, plus the matching parameters it shares with {@code batch}
 * ({@link MatchingOptions}, same defaults). The Pub/Sub endpoint, project and credentials are
 * Beam's {@code --pubsubRootUrl}, {@code --project} and {@code --credentialFactoryClass} ({@link
 * PubsubOptions}). Every option has a description and a default.
 */
public interface StreamOptions extends MatchingOptions, PubsubOptions {

  @Description(
      "Pub/Sub subscription to read articles from, projects/PROJECT/subscriptions/NAME (one"
          + " article per message, in the batch JSON contract). Give this or --inputTopic, or the"
          + " --kafka options.")
  String getInputSubscription();

  void setInputSubscription(String value);

  @Description(
      "Pub/Sub topic to read articles from, projects/PROJECT/topics/NAME: the job creates its own"
          + " subscription when it starts and sees only messages published after that. Give this"
          + " or --inputSubscription.")
  String getInputTopic();

  void setInputTopic(String value);

  @Description(
      "Pub/Sub topic for the decisions, projects/PROJECT/topics/NAME: one JSON message per"
          + " decision, attributes id and status. Required with Pub/Sub input.")
  String getOutputTopic();

  void setOutputTopic(String value);

  @Description(
      "Pub/Sub topic for messages that cannot be used (not JSON, no text, too large, invalid"
          + " fields, an id already indexed with other content): JSON {message_id, reason,"
          + " message, raw, attributes}, attributes message_id and reason. Required with Pub/Sub"
          + " input.")
  String getDeadLetterTopic();

  void setDeadLetterTopic(String value);

  @Description(
      "Also write the decisions as JSONL files into this directory (decisions-WINDOW-...jsonl),"
          + " one file per --windowMinutes of decision time.")
  String getOutput();

  void setOutput(String value);

  @Description("Minutes of decision time per file under --output.")
  @Default.Integer(1)
  int getWindowMinutes();

  void setWindowMinutes(int value);

  @Description(
      "How long an article stays in the index, in event time (published_at, else publish time):"
          + " 7d, 36h, 90m, 45s; 0 keeps every article (state grows without bound); default 7d."
          + " An article is forgotten once the watermark passes its event time plus this; one that"
          + " arrives already that old is decided against the index but not added to it.")
  String getIndexRetention();

  void setIndexRetention(String value);

  @Description("Messages larger than this many bytes are dead-lettered as too_large, unparsed.")
  @Default.Integer(2 * 1024 * 1024)
  int getMaxMessageBytes();

  void setMaxMessageBytes(int value);

  @Description(
      "Start from what a batch run knows: the --index directory of batch runs (built with the"
          + " same matching parameters). Its articles are indexed before the first message, without"
          + " decisions, and their stories keep the batch's cluster ids. Read once, when the index"
          + " is empty: a job restored from a savepoint or checkpoint does not read it again.")
  String getIndex();

  void setIndex(String value);

  @Description(
      "Kafka brokers, HOST:PORT[,HOST:PORT...]: read articles from --kafkaInputTopic and write to"
          + " --kafkaOutputTopic and --kafkaDeadLetterTopic instead of Pub/Sub.")
  String getKafkaBootstrapServers();

  void setKafkaBootstrapServers(String value);

  @Description(
      "Kafka topic to read articles from: one article per record value, in the batch JSON"
          + " contract; headers id and published_at override the JSON.")
  String getKafkaInputTopic();

  void setKafkaInputTopic(String value);

  @Description(
      "Kafka topic for the decisions: one JSON record per decision, key the article id, headers"
          + " id and status.")
  String getKafkaOutputTopic();

  void setKafkaOutputTopic(String value);

  @Description(
      "Kafka topic for records that cannot be used: the dead-letter JSON, key the record's"
          + " topic/partition/offset, header reason.")
  String getKafkaDeadLetterTopic();

  void setKafkaDeadLetterTopic(String value);

  @Description(
      "Kafka consumer group: the job commits the offsets of what it has processed there, and a"
          + " restarted job goes on from them (a new group starts at the earliest record).")
  String getKafkaConsumerGroup();

  void setKafkaConsumerGroup(String value);

  @Description(
      "A Java properties file of Kafka client settings for the consumer and the producers:"
          + " security.protocol, sasl.*, ssl.*, timeouts, auto.offset.reset=latest. Not"
          + " bootstrap.servers, group.id, enable.auto.commit or (de)serializers: the job sets"
          + " those.")
  String getKafkaPropertiesFile();

  void setKafkaPropertiesFile(String value);
}
