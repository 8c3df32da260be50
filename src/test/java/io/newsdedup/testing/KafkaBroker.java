package io.newsdedup.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.commons.io.file.PathUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in this JVM: one KRaft node that is broker and controller, on free ports of
 * 127.0.0.1, its storage formatted in a temporary directory as {@code kafka-storage.sh format}
 * does. {@link #close()} stops it and deletes the directory. Topics are not created on first use:
 * {@link #createTopic} them.
 */
public final class KafkaBroker implements AutoCloseable {
  private final KafkaRaftServer server;
  private final Path dir;
  private final String bootstrapServers;
  private final Admin admin;

  private KafkaBroker(KafkaRaftServer server, Path dir, String bootstrapServers) {
    this.server = server;
    this.dir = dir;
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /**
   * Formats storage, starts the broker and waits until it answers (at most 60 s).
   *
   * <p>The Direct runner does not close a cancelled job's unbounded readers: KafkaIO's consumers
   * outlive the job and, once the broker has stopped, warn every second that they cannot reach it.
   * Those warnings (NetworkClient's) are turned off.
   */
  public static KafkaBroker start() throws IOException, InterruptedException {
    System.setProperty(
        "org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
    Path dir = Files.createTempDirectory("news-dedup-kafka-");
    int port = freePort();
    int controller = freePort();
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dir.resolve("data").toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    Path config = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      p.store(out, "news-dedup test broker");
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int formatted =
        StorageTool.execute(
            new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
            new PrintStream(log, true, StandardCharsets.UTF_8));
    if (formatted != 0) {
      throw new IllegalStateException(
          "kafka-storage format failed: " + log.toString(StandardCharsets.UTF_8));
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p), Time.SYSTEM);
    server.startup();
    KafkaBroker broker = new KafkaBroker(server, dir, "127.0.0.1:" + port);
    try {
      broker.admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      broker.close();
      throw new IllegalStateException("the broker did not answer within 60 s", e);
    }
    return broker;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Admin admin() {
    return admin;
  }

  /** Creates a topic with this many partitions (replication factor 1) and waits for it. */
  public void createTopic(String name, int partitions) {
    try {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("creating topic " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A producer of raw bytes that waits for every replica (acks=all). */
  public KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20);
    return new KafkaProducer<>(c, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** A consumer of every partition of the topic from its start (no group). */
  public KafkaConsumer<byte[], byte[]> consumerFromStart(String topic) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /** What the consumer has now (one short poll). */
  public static List<ConsumerRecord<byte[], byte[]>> poll(KafkaConsumer<byte[], byte[]> c) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    c.poll(Duration.ofMillis(200)).forEach(out::add);
    return out;
  }

  @Override
  public void close() {
    try {
      admin.close(Duration.ofSeconds(10));
    } finally {
      try {
        server.shutdown();
        server.awaitShutdown();
      } finally {
        try {
          PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
