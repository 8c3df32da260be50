package io.newsdedup.bench.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Google Cloud Pub/Sub emulator as a child process on a free port, driven over its REST API:
 * topics, subscriptions, publish, pull. For {@code bench stream}, which times the stream job
 * against it.
 */
final class Emulator implements AutoCloseable {
  static final String DEFAULT_PATH =
      "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator";
  static final String PROJECT = "news-dedup-bench";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final String root;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Emulator(Process process, String root) {
    this.process = process;
    this.root = root;
  }

  /** Starts the emulator and waits (at most a minute) until it listens. */
  static Emulator start(String path, Path log) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(
          "no Pub/Sub emulator at "
              + path
              + " (install the Google Cloud SDK's, or give --emulator)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(path, "--host=127.0.0.1", "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the emulator exited; see " + log);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        break;
      } catch (IOException e) {
        if (System.nanoTime() > end) {
          p.destroyForcibly();
          throw new IllegalStateException("the emulator did not listen within a minute; " + log);
        }
        Thread.sleep(200);
      }
    }
    return new Emulator(p, "http://127.0.0.1:" + port);
  }

  String root() {
    return root;
  }

  static String topic(String name) {
    return "projects/" + PROJECT + "/topics/" + name;
  }

  static String subscription(String name) {
    return "projects/" + PROJECT + "/subscriptions/" + name;
  }

  /** A topic and a subscription to it named {@code name + "-sub"}. */
  void topicWithSubscription(String name) {
    call("PUT", "/v1/" + topic(name), "");
    call(
        "PUT",
        "/v1/" + subscription(name + "-sub"),
        "{\"topic\": \"" + topic(name) + "\", \"ackDeadlineSeconds\": 60}");
  }

  /** Publishes the payloads as one request. */
  void publish(String topic, List<String> payloads) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("messages");
    for (String p : payloads) {
      list.addObject()
          .put("data", Base64.getEncoder().encodeToString(p.getBytes(StandardCharsets.UTF_8)));
    }
    call("POST", "/v1/" + topic(topic) + ":publish", body.toString());
  }

  /** Pulls (without waiting) and acknowledges up to 1,000 messages; returns their payloads. */
  List<JsonNode> pull(String subscriptionName) {
    String path = "/v1/" + subscription(subscriptionName);
    JsonNode r =
        call("POST", path + ":pull", "{\"maxMessages\": 1000, \"returnImmediately\": true}");
    List<JsonNode> out = new ArrayList<>();
    ArrayNode acks = JSON.createArrayNode();
    for (JsonNode m : r.path("receivedMessages")) {
      acks.add(m.get("ackId").asText());
      try {
        out.add(JSON.readTree(Base64.getDecoder().decode(m.path("message").path("data").asText())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!acks.isEmpty()) {
      call("POST", path + ":acknowledge", "{\"ackIds\": " + acks + "}");
    }
    return out;
  }

  private JsonNode call(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root + path))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode());
      }
      return JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
