package org.onedoor.backend.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** Workbooks written with fastexcel, read back with Apache POI (an independent reader). */
class XlsxTableWriterTest {

  @Test
  void sheets_hold_numbers_dates_and_chinese_text_as_real_cells_and_the_stream_stays_open() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean[] closed = {false};
    OutputStream stream = new OutputStream() {
      @Override
      public void write(int b) {
        bytes.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    try (TableWriter table = TableWriter.of(TableWriter.Format.XLSX, stream, "按部门")) {
      table.header(List.of("部门", "首次响应及时率", "统计月"));
      table.row(Arrays.asList("民政局", 0.875, LocalDate.of(2026, 10, 1)));
      table.row(Arrays.asList("教育局", null, LocalDate.of(2026, 10, 1)));
      table.nextSheet("按乡镇/街道: [2026-10]");
      table.header(List.of("乡镇", "档案数"));
      for (int i = 0; i < 1000; i++) {
        table.row(List.of("乡镇\u0001" + i, i));
      }
    }
    assertThat(closed[0]).isFalse();

    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
      assertThat(workbook.getSheetName(0)).isEqualTo("按部门");
      assertThat(workbook.getSheetName(1)).as("characters Excel refuses are replaced").isEqualTo("按乡镇 街道   2026-10");
      var first = workbook.getSheetAt(0);
      assertThat(first.getRow(1).getCell(0).getStringCellValue()).isEqualTo("民政局");
      assertThat(first.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(0.875);
      assertThat(first.getRow(2).getCell(1)).as("an empty cell stays empty").isNull();
      var month = first.getRow(2).getCell(2);
      assertThat(DateUtil.isCellDateFormatted(month)).isTrue();
      assertThat(month.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 1));
      var second = workbook.getSheetAt(1);
      assertThat(second.getLastRowNum()).isEqualTo(1000);
      assertThat(second.getRow(1000).getCell(1).getNumericCellValue()).isEqualTo(999.0);
      assertThat(second.getRow(1000).getCell(0).getStringCellValue()).startsWith("乡镇").endsWith("999");
    }
  }

  @Test
  void sheet_names_are_cut_to_what_excel_takes_and_csv_refuses_a_second_sheet() throws Exception {
    assertThat(XlsxTableWriter.sheetName("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三"))
        .hasSize(31);
    assertThat(XlsxTableWriter.sheetName(" ")).isEqualTo("Sheet");
    try (TableWriter csv = TableWriter.of(TableWriter.Format.CSV, new ByteArrayOutputStream(), "x")) {
      assertThatThrownBy(() -> csv.nextSheet("y")).isInstanceOf(UnsupportedOperationException.class);
    }
  }
}
