package io.newsdedup.pipeline.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdedup.core.article.Rejection;
import io.newsdedup.pipeline.coders.Codec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * A message that could not be used, for {@code --deadLetterTopic}: published as JSON {@code
 * {message_id, reason, message, raw, attributes}} with attributes {@code message_id} and {@code
 * reason}. Reasons: the batch's {@code malformed_json}, {@code not_an_object}, {@code
 * invalid_field}, {@code no_text}, {@code duplicate_id}, {@code processing_error}, and {@code
 * too_large} (more than {@code --maxMessageBytes}).
 *
 * @param raw the payload as UTF-8 text, first 4 KB ({@link Rejection#MAX_RAW_CHARS} characters)
 */
@DefaultCoder(DeadLetter.DeadLetterCoder.class)
public record DeadLetter(
    String messageId, String reason, String message, String raw, Map<String, String> attributes) {

  /** The batch's {@code too_large}: here a message over {@code --maxMessageBytes}. */
  public static final String TOO_LARGE = Rejection.Reasons.TOO_LARGE;

  private static final ObjectMapper JSON = new ObjectMapper();

  public static DeadLetter of(
      String messageId, String reason, String message, String raw, Map<String, String> attributes) {
    return new DeadLetter(
        messageId,
        reason,
        message,
        Rejection.of(null, reason, message, raw).raw(),
        attributes == null ? Map.of() : new TreeMap<>(attributes));
  }

  /** The dead-letter message body. */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("message_id", messageId);
    o.put("reason", reason);
    o.put("message", message);
    o.put("raw", raw);
    ObjectNode a = o.putObject("attributes");
    new TreeMap<>(attributes).forEach(a::put);
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static final class DeadLetterCoder extends Codec<DeadLetter> {
    public static DeadLetterCoder of() {
      return new DeadLetterCoder();
    }

    /** Lets {@code @DefaultCoder} find this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(DeadLetter.class), of());
    }

    @Override
    protected void write(DeadLetter d, DataOutputStream out) throws IOException {
      writeString(d.messageId(), out);
      writeString(d.reason(), out);
      writeString(d.message(), out);
      writeString(d.raw(), out);
      writeStringMap(d.attributes(), out);
    }

    @Override
    protected DeadLetter read(DataInputStream in) throws IOException {
      return new DeadLetter(
          readString(in), readString(in), readString(in), readString(in), readStringMap(in));
    }
  }
}
