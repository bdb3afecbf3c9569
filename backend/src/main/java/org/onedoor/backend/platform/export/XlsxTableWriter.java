package org.onedoor.backend.platform.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Office Open XML workbook written with fastexcel, streamed row by row: numbers as numbers, days as real dates
 * (formatted yyyy-mm-dd), text as shared strings, each sheet with a bold frozen header row. Sheet names are cut to
 * Excel's 31 characters and stripped of the characters it refuses.
 */
final class XlsxTableWriter implements TableWriter {

  /** Rows kept in memory before they are written out. */
  private static final int FLUSH_EVERY = 256;
  private static final String DATE_FORMAT = "yyyy-mm-dd";

  private final Workbook workbook;
  private Worksheet sheet;
  private int row;

  XlsxTableWriter(OutputStream stream, String sheetName) {
    // fastexcel closes nothing it does not own, but a stream handed in stays open whatever it does.
    this.workbook = new Workbook(new FilterOutputStream(stream) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    }, "OneDoor", "1.0");
    nextSheet(sheetName);
  }

  @Override
  public void nextSheet(String name) {
    if (sheet != null) {
      finishSheet();
    }
    sheet = workbook.newWorksheet(sheetName(name));
    row = 0;
  }

  @Override
  public void header(List<String> names) throws IOException {
    for (int column = 0; column < names.size(); column++) {
      sheet.value(row, column, names.get(column));
      sheet.style(row, column).bold().set();
      // CJK headers are about two characters' width per character.
      sheet.width(column, Math.max(10, Math.min(40, names.get(column).length() * 2.2 + 2)));
    }
    sheet.freezePane(0, row + 1);
    row++;
  }

  @Override
  public void row(List<?> cells) throws IOException {
    for (int column = 0; column < cells.size(); column++) {
      switch (cells.get(column)) {
        case null -> {
        }
        case Number number -> sheet.value(row, column, number);
        case LocalDate day -> {
          sheet.value(row, column, day);
          sheet.style(row, column).format(DATE_FORMAT).set();
        }
        case Object other -> sheet.value(row, column, String.valueOf(other));
      }
    }
    row++;
    if (row % FLUSH_EVERY == 0) {
      sheet.flush();
    }
  }

  private void finishSheet() {
    try {
      sheet.finish();
    } catch (IOException failed) {
      throw new java.io.UncheckedIOException(failed);
    }
  }

  /** A name Excel accepts: at most 31 characters, none of {@code []:*?/\}, never empty. */
  static String sheetName(String name) {
    String cleaned = name == null ? "" : name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
    if (cleaned.isEmpty()) {
      cleaned = "Sheet";
    }
    return cleaned.codePointCount(0, cleaned.length()) <= 31 ? cleaned
        : cleaned.substring(0, cleaned.offsetByCodePoints(0, 31));
  }

  @Override
  public void close() throws IOException {
    workbook.finish();
  }
}
