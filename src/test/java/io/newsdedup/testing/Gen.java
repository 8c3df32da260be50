package io.newsdedup.testing;

import java.util.SplittableRandom;

/**
 * Generators of hostile strings for property tests: any UTF-16 (unpaired surrogates included),
 * control characters, invisible and right-to-left characters, combining marks, emoji, words of many
 * scripts, HTML and JSON fragments, entities, and now and then a piece repeated thousands of times.
 */
public final class Gen {
  private Gen() {}

  /** Pieces that matter to a normaliser, a tokenizer, an HTML or a JSON parser. */
  private static final String[] PIECES = {
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u000b",
    "\f",
    "\u0000",
    "\u001b[31m",
    "\u0007",
    "\u007f",
    "\u0085",
    "\u009b",
    "\u00a0",
    "\u2007",
    "\u202f",
    "\u3000",
    "\u2028",
    "\u2029",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u180e",
    "\u0640",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u061c",
    "\ud800",
    "\udfff",
    "\udc00\ud800",
    "\ud83d\ude00",
    "\ud83d",
    "\ude00",
    "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
    "\ud83c\uddec\ud83c\udde7",
    "\ud83d\udc4d\ud83c\udffd",
    "3\ufe0f\u20e3",
    "\u2764\ufe0f",
    "\ufe0f",
    "\u034f",
    "e\u0301",
    "e\u200d\u0301",
    "\u0301",
    "\u0308",
    "\u00e9",
    "\u00df",
    "\u0130",
    "\u0131",
    "\ufb01",
    "\u2026",
    "\uff21\uff22",
    "\uff0d",
    "\u2014",
    "\u2013",
    "\u2018",
    "\u2019",
    "\u201c",
    "\u201d",
    "\u00ab",
    "\u00bb",
    "\u00a8",
    "\u1100\u200b\u1161",
    "\u3164",
    "\uffa0",
    "\ufffd",
    "\uffff",
    "\ufdd0",
    "\udb40\udc01",
    "\udb40\udc20",
    "&amp;",
    "&amp;amp;",
    "&lt;",
    "&nbsp;",
    "&#8203;",
    "&#x200B;",
    "&#xD800;",
    "&#55296;",
    "&#99999999;",
    "&#x10FFFF;",
    "&eacute;",
    "&#0;",
    "&#x1F600;",
    "&",
    "&#",
    "&#x;",
    ";",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<iframe srcdoc=\"<p>x</p>\">",
    "<base href=\"https://evil.example/\">",
    "<h1>",
    "<article>",
    "<nav>",
    "<a href=\"javascript:alert(1)\">",
    "</a>",
    "<![CDATA[",
    "]]>",
    "<meta property=\"og:title\" content=\"",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"",
    "\"",
    "'",
    "\\",
    "\\u0000",
    "\\ud800",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "null",
    "true",
    "1e999",
    "{\"text\":",
    "\"id\":",
    "]]]]]]]]",
    "[[[[[[[[",
    "The",
    "council",
    "voted",
    "on",
    "Tuesday",
    "to",
    "keep",
    "the",
    "night",
    "ferry",
    "CITY (AP) \u2014 ",
    "Read more",
    "Advertisement",
    "Photo: AP",
    "Sign up for our newsletter",
    "\u957f\u6c5f",
    "\u9632\u6c5b",
    "\u65b0\u534e\u793e",
    "\u3002",
    "\uff0c",
    "\u0627\u0644\u0645\u063a\u0631\u0628",
    "\u0645\u062d\u0637\u0629",
    "\u064e",
    "\u0651",
    "\u041a\u0430\u0437\u0430\u043d\u044c",
    "\u043c\u043e\u0441\u0442",
    "\u0451",
    "\u05d4\u05e2\u05d9\u05e8",
    "\u0e01\u0e23\u0e38\u0e07\u0e40\u0e17\u0e1e",
    "\u0939\u093f\u0928\u094d\u0926\u0940",
    "\ud55c\uad6d\uc5b4",
    "\u3072\u3089\u304c\u306a",
    "0",
    "42",
    "2024-05-01",
    "1714557600",
  };

  /** A repeated run is at most this long. */
  public static final int MAX_RUN_CHARS = 200_000;

  /** A string of up to about {@code maxPieces} pieces, characters and runs (see the class doc). */
  public static String string(SplittableRandom r, int maxPieces) {
    int pieces = r.nextInt(8) == 0 ? 0 : 1 + (int) Math.pow(maxPieces, r.nextDouble());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      switch (r.nextInt(10)) {
        case 0, 1, 2 -> sb.append(PIECES[r.nextInt(PIECES.length)]);
        case 3 -> sb.append((char) r.nextInt(0x10000)); // any UTF-16 unit, lone surrogates too
        case 4 -> sb.appendCodePoint(r.nextInt(Character.MAX_CODE_POINT + 1)); // any code point
        case 5 -> sb.append((char) r.nextInt(0x20, 0x7f)); // printable ASCII
        case 6 -> sb.append((char) r.nextInt(0x20)); // C0 control
        case 7 -> sb.append(word(r));
        case 8 -> sb.append(' ').append(word(r)).append(' ');
        default -> {
          // Now and then a piece repeated many times ("huge repetition").
          if (r.nextInt(40) == 0) {
            String piece = r.nextBoolean() ? PIECES[r.nextInt(PIECES.length)] : word(r) + " ";
            sb.append(piece.repeat(1 + r.nextInt(MAX_RUN_CHARS / piece.length())));
          } else {
            sb.append(PIECES[r.nextInt(PIECES.length)].repeat(1 + r.nextInt(5)));
          }
        }
      }
    }
    return sb.toString();
  }

  /** A lower-case ASCII word of 1..10 letters. */
  public static String word(SplittableRandom r) {
    char[] w = new char[1 + r.nextInt(10)];
    for (int i = 0; i < w.length; i++) {
      w[i] = (char) ('a' + r.nextInt(26));
    }
    return new String(w);
  }

  /** Java source for {@code s}: printable ASCII as is, everything else as \\uXXXX escapes. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.append('"').toString();
  }
}
