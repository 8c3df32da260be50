package io.newsdedup.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesWhenNeeded() {
    assertEquals("plain", Csv.text("plain"));
    assertEquals("\"a,b\"", Csv.text("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.text("say \"hi\""));
    assertEquals("\"two\nlines\"", Csv.text("two\nlines"));
    assertEquals("", Csv.text(null));
  }

  @Test
  void guardsFormulasInTextButNotNumbers() {
    assertEquals("'=HYPERLINK(\"\"x\"\")".replace("\"\"", "\""), "'=HYPERLINK(\"x\")");
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Csv.text("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1", Csv.text("+1"));
    assertEquals("'-2", Csv.text("-2"));
    assertEquals("'@SUM(A1)", Csv.text("@SUM(A1)"));
    assertEquals("-3600", Csv.number(-3600L));
    assertEquals("", Csv.number(null));
  }

  @Test
  void rowsEndWithCrLf() throws Exception {
    StringWriter w = new StringWriter();
    Csv.row(w, "a", Csv.text("b,c"), "");
    assertEquals("a,\"b,c\",\r\n", w.toString());
  }
}
