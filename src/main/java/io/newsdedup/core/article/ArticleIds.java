package io.newsdedup.core.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids. A record without an {@code id} takes its {@code url} (trimmed) as its id; a
 * record with neither takes {@code "sha256:" + the first 16 hex digits of SHA-256(title + "\n" +
 * body)}. A cluster's id is {@code "cl-" + the first 16 hex digits of SHA-256(canonical id)}.
 */
public final class ArticleIds {
  private ArticleIds() {}

  public static String derive(String url, String title, String body) {
    if (url != null && !url.isBlank()) {
      return url.trim();
    }
    return "sha256:" + sha256Hex16((title == null ? "" : title) + "\n" + body);
  }

  public static String clusterId(String canonicalId) {
    return "cl-" + sha256Hex16(canonicalId);
  }

  static String sha256Hex16(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
