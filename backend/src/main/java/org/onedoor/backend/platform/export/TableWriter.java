package org.onedoor.backend.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table — a header row, then rows of text and numbers — as a spreadsheet file, streaming row by row.
 * Cells are {@link String}s, {@link Number}s or null.
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
    return switch (format) {
      case CSV -> new CsvTableWriter(out);
      case XLSX -> new XlsxTableWriter(out, sheetName);
    };
  }

  void header(List<String> names) throws IOException;

  void row(List<?> cells) throws IOException;

  /** Finishes the file; the stream stays open. */
  @Override
  void close() throws IOException;
}
