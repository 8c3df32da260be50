package io.newsdedup.pipeline.stream;

import io.newsdedup.core.index.Decision;
import io.newsdedup.pipeline.options.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesAndMessageIdCoder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.ProducerRecordCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka ends, through Beam's KafkaIO: articles from {@code --kafkaInputTopic}, decisions to {@code
 * --kafkaOutputTopic}, dead letters to {@code --kafkaDeadLetterTopic}, on the brokers {@code
 * --kafkaBootstrapServers}. The same job as on Pub/Sub; a record is mapped onto a message:
 *
 * <ul>
 *   <li>message id: {@code topic/partition/offset} (the record's origin in dead letters);
 *   <li>payload: the record's value (the article's JSON, as a Pub/Sub payload); a record without a
 *       value (a tombstone) has an empty payload, so it is dead-lettered ({@code not_an_object});
 *   <li>attributes: the record's headers, values as UTF-8 (the last of several with one key), so
 *       headers {@code id} and {@code published_at} override the JSON as attributes do;
 *   <li>publish time: the record's timestamp (CreateTime or LogAppendTime, as the topic keeps it),
 *       with {@link RecordTimePolicy}'s watermark. The record's key is not read.
 * </ul>
 *
 * Decisions go out with key = article id (so an article's decisions stay in order in one
 * partition), value = the decision's JSON, headers {@code id} and {@code status}; dead letters with
 * key = the message id, value = the dead letter's JSON, header {@code reason}.
 *
 * <p>Offsets are committed to the consumer group {@code --kafkaConsumerGroup} once the runner has
 * made the records' results durable (KafkaIO's {@code commitOffsetsInFinalize}), so a restarted job
 * goes on from there; a group without committed offsets starts at the earliest retained record.
 * {@code --kafkaPropertiesFile} adds client settings (security, timeouts, {@code
 * auto.offset.reset}) to the consumer and the producers.
 *
 * @param properties client settings from {@code --kafkaPropertiesFile} (empty without it)
 */
public record KafkaEnds(
    String bootstrapServers,
    String inputTopic,
    String outputTopic,
    String deadLetterTopic,
    String consumerGroup,
    Map<String, String> properties)
    implements StreamEnds {

  /** The consumer group when {@code --kafkaConsumerGroup} is not given. */
  public static final String DEFAULT_CONSUMER_GROUP = "news-dedup-stream";

  /** Client settings the job sets itself, which a properties file may not. */
  static final Set<String> OWN_SETTINGS =
      Set.of(
          CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
          ConsumerConfig.GROUP_ID_CONFIG,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

  /** Kafka's legal topic names. */
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** host:port, the host a name, an IPv4 address or a bracketed IPv6 address. */
  private static final Pattern SERVER =
      Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[a-zA-Z0-9._-]+):[0-9]{1,5}");

  public KafkaEnds {
    properties = Map.copyOf(properties);
  }

  /** Whether any Kafka option is given. */
  static boolean configured(StreamOptions o) {
    for (String value :
        new String[] {
          o.getKafkaBootstrapServers(),
          o.getKafkaInputTopic(),
          o.getKafkaOutputTopic(),
          o.getKafkaDeadLetterTopic(),
          o.getKafkaConsumerGroup(),
          o.getKafkaPropertiesFile()
        }) {
      if (PubsubEnds.blankToNull(value) != null) {
        return true;
      }
    }
    return false;
  }

  static KafkaEnds from(StreamOptions o) {
    String servers = PubsubEnds.blankToNull(o.getKafkaBootstrapServers());
    if (servers == null) {
      throw new UsageException("missing --kafkaBootstrapServers (HOST:PORT[,HOST:PORT...])");
    }
    List<String> list = new ArrayList<>();
    for (String server : servers.split(",", -1)) {
      if (!SERVER.matcher(server.trim()).matches()) {
        throw new UsageException(
            "--kafkaBootstrapServers must be HOST:PORT[,HOST:PORT...]: " + servers);
      }
      list.add(server.trim());
    }
    String input = topic(o.getKafkaInputTopic(), "--kafkaInputTopic");
    String output = topic(o.getKafkaOutputTopic(), "--kafkaOutputTopic");
    String deadLetters = topic(o.getKafkaDeadLetterTopic(), "--kafkaDeadLetterTopic");
    if (input.equals(output) || input.equals(deadLetters)) {
      throw new UsageException(
          "--kafkaInputTopic must differ from --kafkaOutputTopic and --kafkaDeadLetterTopic (the"
              + " job would read its own output): "
              + input);
    }
    String group = PubsubEnds.blankToNull(o.getKafkaConsumerGroup());
    String file = PubsubEnds.blankToNull(o.getKafkaPropertiesFile());
    return new KafkaEnds(
        String.join(",", list),
        input,
        output,
        deadLetters,
        group == null ? DEFAULT_CONSUMER_GROUP : group,
        file == null ? Map.of() : properties(Path.of(file)));
  }

  private static String topic(String value, String option) {
    String topic = PubsubEnds.blankToNull(value);
    if (topic == null) {
      throw new UsageException("missing " + option + " (a Kafka topic name)");
    }
    if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new UsageException(
          option + " must be a Kafka topic name (letters, digits, '.', '_', '-'): " + topic);
    }
    return topic;
  }

  /**
   * Reads a Java properties file of client settings (Kafka's own format, as for its command-line
   * tools' {@code --command-config}).
   */
  static Map<String, String> properties(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("--kafkaPropertiesFile: cannot read " + file + ": " + e, e);
    }
    Map<String, String> out = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (OWN_SETTINGS.contains(key)) {
        throw new UsageException(
            "--kafkaPropertiesFile: "
                + key
                + " is set by the job (--kafkaBootstrapServers, --kafkaConsumerGroup, offsets"
                + " committed by the job, bytes in and out); remove it from "
                + file);
      }
      out.put(key, p.getProperty(key));
    }
    return out;
  }

  /** The consumer's settings besides KafkaIO's own: the file's, the group, earliest by default. */
  Map<String, Object> consumerSettings() {
    Map<String, Object> c = new HashMap<>(properties);
    c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup);
    return c;
  }

  @Override
  public PCollection<PubsubMessage> read(Pipeline p) {
    return p.apply(
            "ReadArticles",
            KafkaIO.<byte[], byte[]>read()
                .withBootstrapServers(bootstrapServers)
                .withTopic(inputTopic)
                .withKeyDeserializer(ByteArrayDeserializer.class)
                .withValueDeserializer(ByteArrayDeserializer.class)
                .withConsumerConfigUpdates(consumerSettings())
                .withTimestampPolicyFactory(RecordTimePolicy.factory())
                .commitOffsetsInFinalize())
        .apply("RecordMessages", ParDo.of(new RecordMessageFn()))
        .setCoder(PubsubMessageWithAttributesAndMessageIdCoder.of());
  }

  @Override
  public void writeDecisions(PCollection<Decision> decisions) {
    decisions
        .apply("DecisionRecords", ParDo.of(new DecisionRecordFn(outputTopic)))
        .setCoder(RECORD_CODER)
        .apply("PublishDecisions", write(outputTopic));
  }

  @Override
  public void writeDeadLetters(PCollection<DeadLetter> deadLetters) {
    deadLetters
        .apply("DeadLetterRecords", ParDo.of(new DeadLetterRecordFn(deadLetterTopic)))
        .setCoder(RECORD_CODER)
        .apply("PublishDeadLetters", write(deadLetterTopic));
  }

  private KafkaIO.WriteRecords<byte[], byte[]> write(String topic) {
    return KafkaIO.<byte[], byte[]>writeRecords()
        .withBootstrapServers(bootstrapServers)
        .withTopic(topic)
        .withKeySerializer(ByteArraySerializer.class)
        .withValueSerializer(ByteArraySerializer.class)
        .withProducerConfigUpdates(new HashMap<>(properties));
  }

  @Override
  public String describe() {
    return "reading Kafka topic "
        + inputTopic
        + " on "
        + bootstrapServers
        + " as consumer group "
        + consumerGroup
        + "; decisions -> "
        + outputTopic
        + "; dead letters -> "
        + deadLetterTopic;
  }

  private static final ProducerRecordCoder<byte[], byte[]> RECORD_CODER =
      ProducerRecordCoder.of(NullableCoder.of(ByteArrayCoder.of()), ByteArrayCoder.of());

  /** A record's origin, its message id: {@code topic/partition/offset}. */
  public static String messageId(String topic, int partition, long offset) {
    return topic + "/" + partition + "/" + offset;
  }

  /** A record as a message (class comment), at the record's timestamp. */
  static final class RecordMessageFn extends DoFn<KafkaRecord<byte[], byte[]>, PubsubMessage> {
    private final Counter withoutValue =
        Metrics.counter(FingerprintMessages.NAMESPACE, "kafka_records_without_value");
    private final Counter repeatedHeaders =
        Metrics.counter(FingerprintMessages.NAMESPACE, "kafka_repeated_header_keys");

    @ProcessElement
    public void process(@Element KafkaRecord<byte[], byte[]> r, OutputReceiver<PubsubMessage> out) {
      byte[] value = r.getKV().getValue();
      if (value == null) {
        withoutValue.inc();
      }
      Map<String, String> attributes = new TreeMap<>();
      Headers headers = r.getHeaders();
      if (headers != null) {
        for (Header h : headers) {
          byte[] v = h.value() == null ? new byte[0] : h.value();
          if (attributes.put(h.key(), MessageParser.utf8(v, v.length)) != null) {
            repeatedHeaders.inc();
          }
        }
      }
      out.output(
          new PubsubMessage(
              value == null ? new byte[0] : value,
              attributes,
              messageId(r.getTopic(), r.getPartition(), r.getOffset())));
    }
  }

  /** A decision as a record: key the article id, headers {@code id} and {@code status}. */
  static final class DecisionRecordFn extends DoFn<Decision, ProducerRecord<byte[], byte[]>> {
    private final String topic;

    DecisionRecordFn(String topic) {
      this.topic = topic;
    }

    @ProcessElement
    public void process(@Element Decision d, OutputReceiver<ProducerRecord<byte[], byte[]>> out) {
      out.output(
          record(topic, d.id(), d.toJson(), header("id", d.id()), header("status", d.status())));
    }
  }

  /** A dead letter as a record: key the message id, header {@code reason}. */
  static final class DeadLetterRecordFn extends DoFn<DeadLetter, ProducerRecord<byte[], byte[]>> {
    private final String topic;

    DeadLetterRecordFn(String topic) {
      this.topic = topic;
    }

    @ProcessElement
    public void process(@Element DeadLetter d, OutputReceiver<ProducerRecord<byte[], byte[]>> out) {
      out.output(
          record(
              topic,
              d.messageId() == null ? "" : d.messageId(),
              d.toJson(),
              header("reason", d.reason())));
    }
  }

  private static ProducerRecord<byte[], byte[]> record(
      String topic, String key, String json, Header... headers) {
    return new ProducerRecord<>(
        topic,
        null,
        null,
        key.getBytes(StandardCharsets.UTF_8),
        json.getBytes(StandardCharsets.UTF_8),
        new RecordHeaders(headers));
  }

  private static Header header(String key, String value) {
    return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
