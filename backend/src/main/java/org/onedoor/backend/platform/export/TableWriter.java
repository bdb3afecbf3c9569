package org.onedoor.backend.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Writes a table — a header row, then rows of text, numbers and days — as a spreadsheet file, streaming row by row.
 * Cells are {@link Number}s, {@link java.time.LocalDate}s (real dates in a workbook, ISO days in CSV), null, or
 * anything else written as its text.
 */
public sealed interface TableWriter extends AutoCloseable permits CsvTableWriter, XlsxTableWriter {

  /** The formats a table can be exported in. */
  enum Format {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }
  }

  /** A writer of this format onto the stream (which it does not close). */
  static TableWriter of(Format format, OutputStream out, String sheetName) throws IOException {
    Objects.requireNonNull(out);
    return switch (format) {
      case CSV -> new CsvTableWriter(out);
      case XLSX -> new XlsxTableWriter(out, sheetName);
    };
  }

  void header(List<String> names) throws IOException;

  /**
   * Starts another sheet (a workbook's next tab); CSV holds one table only and refuses.
   *
   * @param name the sheet's name
   */
  default void nextSheet(String name) {
    throw new UnsupportedOperationException("a CSV file holds one table");
  }

  void row(List<?> cells) throws IOException;

  /** Finishes the file; the stream stays open. */
  @Override
  void close() throws IOException;
}
