package org.onedoor.backend.platform.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheet programs read Chinese correctly) and CRLF line ends.
 * A text cell that a spreadsheet would take for a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
final class CsvTableWriter implements TableWriter {

  private final Writer out;

  CsvTableWriter(OutputStream stream) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    out.write('\uFEFF');
  }

  @Override
  public void header(List<String> names) throws IOException {
    row(names);
  }

  @Override
  public void row(List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      Object cell = cells.get(i);
      if (cell instanceof Number number) {
        out.write(number.toString());
      } else if (cell != null) {
        out.write(quoted(String.valueOf(cell)));
      }
    }
    out.write("\r\n");
  }

  static String quoted(String text) {
    String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
