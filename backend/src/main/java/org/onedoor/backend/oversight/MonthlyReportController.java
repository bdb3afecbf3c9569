package org.onedoor.backend.oversight;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.publication.AnonymitySettings;
import org.onedoor.backend.needs.publication.SmallCounts;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.export.TableWriter;
import org.onedoor.backend.platform.graphql.BadArgumentException;
import org.onedoor.backend.platform.graphql.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly report (定期通报) as an XLSX workbook: the indicators by department and township for a month, the
 * coverage by township and the help social forces gave over the 12 months. A report to circulate (the default) leaves
 * the staff scope, so its counts below k are shown as "&lt;k", a column with one shows no total, and a rate or a
 * median over fewer than k cases is withheld ("—"), the way public statistics are; a staff copy is exact. Counts and
 * durations only, never a child. Authorisation is the service's ({@link Indicators#report}).
 */
@RestController
class MonthlyReportController {

  /** Who the report is for. */
  enum Audience {
    /** To circulate beyond the staff: small counts suppressed. */
    CIRCULATION,
    /** For staff only: exact counts. */
    STAFF
  }

  private final Indicators indicators;
  private final Messages messages;
  private final Clock clock;
  private final int k;

  MonthlyReportController(Indicators indicators, Messages messages, Clock clock, AnonymitySettings anonymity) {
    this.indicators = indicators;
    this.messages = messages;
    this.clock = clock;
    this.k = anonymity.k();
  }

  @GetMapping("/api/oversight/report")
  void report(@RequestParam(required = false) String month, @RequestParam(required = false) String townshipId,
      @RequestParam(defaultValue = "CIRCULATION") Audience audience, Locale locale, HttpServletResponse response)
      throws IOException {
    Indicators.Report report;
    try {
      // A copy to circulate is the city's (its township sheet holds every township, suppressed together): one
      // township's circulated copy beside the city's would let a reader subtract their way to a small count.
      // Township staff always get their own township (the service decides).
      String scope = audience == Audience.CIRCULATION ? null : townshipId;
      report = indicators.report(new Indicators.OversightInput(month, scope), locale);
    } catch (BadArgumentException bad) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, messages.get("error." + bad.code(), locale));
      return;
    }
    Indicators.Dashboard figures = report.dashboard();
    boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    Cells cells = new Cells(audience == Audience.CIRCULATION ? new SmallCounts(k) : null, k);
    String fileName = text("report.file", locale) + "-" + figures.month() + ".xlsx";
    response.setContentType(TableWriter.Format.XLSX.mediaType());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"oversight-" + figures.month()
        + ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    try (TableWriter table = TableWriter.of(TableWriter.Format.XLSX, response.getOutputStream(),
        text("report.sheet.about", locale))) {
      about(table, figures, audience, english, locale);
      departments(table, figures, cells, locale);
      townships(table, figures, cells, english, locale);
      coverage(table, figures, report.coverageByTownship(), cells, english, locale);
      help(table, figures, cells, locale);
    }
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.get(key, locale, args);
  }

  private void about(TableWriter table, Indicators.Dashboard figures, Audience audience, boolean english,
      Locale locale) throws IOException {
    table.header(List.of(text("report.title", locale), ""));
    table.row(List.of(text("report.month", locale), figures.month()));
    table.row(List.of(text("report.scope", locale), figures.township() == null ? text("report.city", locale)
        : english ? figures.township().nameEn() : figures.township().name()));
    table.row(Arrays.asList(text("report.made", locale), CityTime.today(clock)));
    table.row(List.of(text("report.audience", locale), audience == Audience.CIRCULATION
        ? text("report.audience.circulation", locale, k) : text("report.audience.staff", locale)));
    for (String key : List.of("departments", "townships", "coverage", "help")) {
      table.row(List.of(text("report.definition." + key + ".name", locale),
          text("report.definition." + key, locale)));
    }
  }

  private void departments(TableWriter table, Indicators.Dashboard figures, Cells cells, Locale locale)
      throws IOException {
    table.nextSheet(text("report.sheet.departments", locale));
    table.header(headers(locale, "department", "opened", "due", "onTime", "onTimePercent", "closed",
        "medianHoursToClose", "escalations"));
    List<Indicators.DepartmentIndicators> rows = figures.departments();
    List<List<Object>> out = labelled(rows.stream().map(d -> (Object) messages.label(d.department(), locale))
        .toList());
    cells.counts(out, rows, Indicators.DepartmentIndicators::opened);
    cells.counts(out, rows, Indicators.DepartmentIndicators::due);
    cells.counts(out, rows, Indicators.DepartmentIndicators::onTime);
    cells.derived(out, rows, Indicators.DepartmentIndicators::onTimePercent, Indicators.DepartmentIndicators::due,
        Indicators.DepartmentIndicators::onTime);
    cells.counts(out, rows, Indicators.DepartmentIndicators::closed);
    cells.derived(out, rows, Indicators.DepartmentIndicators::medianHoursToClose,
        Indicators.DepartmentIndicators::closed);
    cells.counts(out, rows, Indicators.DepartmentIndicators::escalations);
    write(table, out, cells.totals(text("report.total", locale)));
  }

  private void townships(TableWriter table, Indicators.Dashboard figures, Cells cells, boolean english,
      Locale locale) throws IOException {
    table.nextSheet(text("report.sheet.townships", locale));
    // Files on schedule are files minus overdue: not a column of their own, or a small one would be worked out.
    table.header(headers(locale, "township", "files", "overdueVisits", "onSchedulePercent",
        "homeVisits", "filesOpened", "screeningCampaign", "screeningPercent"));
    List<Indicators.TownshipIndicators> rows = figures.townships();
    List<List<Object>> out = labelled(rows.stream().map(t -> (Object) name(t.township(), english)).toList());
    cells.counts(out, rows, Indicators.TownshipIndicators::files);
    cells.counts(out, rows, Indicators.TownshipIndicators::overdueVisits);
    cells.derived(out, rows, Indicators.TownshipIndicators::onSchedulePercent, Indicators.TownshipIndicators::files,
        Indicators.TownshipIndicators::overdueVisits);
    cells.counts(out, rows, Indicators.TownshipIndicators::homeVisits);
    cells.counts(out, rows, Indicators.TownshipIndicators::filesOpened);
    for (int i = 0; i < rows.size(); i++) {
      out.get(i).add(rows.get(i).screeningCampaign());
      out.get(i).add(rows.get(i).screeningPercent());
    }
    write(table, out, cells.totals(text("report.total", locale)));
  }

  private void coverage(TableWriter table, Indicators.Dashboard figures,
      Map<String, Map<String, Integer>> byTownship, Cells cells, boolean english, Locale locale) throws IOException {
    table.nextSheet(text("report.sheet.coverage", locale));
    List<String> header = new ArrayList<>(List.of(text("report.column.township", locale)));
    for (Indicators.CoverageIndicator kind : figures.coverage()) {
      header.add(kind.label() + " · " + text("report.column.concerned", locale));
      if (kind.kind().rate()) {
        header.add(kind.label() + " · " + text("report.column.covered", locale));
        header.add(kind.label() + " · " + text("report.column.percent", locale));
      }
    }
    table.header(header);
    List<Township> townships = figures.townships().stream().map(Indicators.TownshipIndicators::township).toList();
    List<List<Object>> out = labelled(townships.stream().map(t -> (Object) name(t, english)).toList());
    for (Indicators.CoverageIndicator kind : figures.coverage()) {
      String key = kind.kind().name();
      ToIntFunction<Township> concerned = t -> byTownship.getOrDefault(t.id(), Map.of())
          .getOrDefault(key + "-concerned", 0);
      cells.counts(out, townships, concerned);
      if (kind.kind().rate()) {
        ToIntFunction<Township> covered = t -> byTownship.getOrDefault(t.id(), Map.of())
            .getOrDefault(key + "-covered", 0);
        cells.partOf(out, townships, concerned, covered);
        cells.derived(out, townships, t -> Indicators.percent(covered.applyAsInt(t), concerned.applyAsInt(t)),
            concerned, covered);
      }
    }
    write(table, out, cells.totals(text("report.total", locale)));
  }

  private void help(TableWriter table, Indicators.Dashboard figures, Cells cells, Locale locale)
      throws IOException {
    // Every category is listed, none left out for being zero (a missing one would tell "1 to 4" from "<5").
    List<Indicators.CategoryCount> categories = java.util.Arrays.stream(NeedCategory.values())
        .map(c -> figures.help().byCategory().stream().filter(x -> x.category() == c).findFirst()
            .orElse(new Indicators.CategoryCount(c, 0))).toList();
    boolean smallCategory = cells.suppresses() && categories.stream().anyMatch(c -> c.count() < k);
    table.nextSheet(text("report.sheet.help", locale));
    table.header(headers(locale, "month", "offers", "approvedMatches", "needsMet", "medianDaysToMatch"));
    List<Indicators.HelpMonth> rows = figures.help().trend();
    List<List<Object>> out = labelled(rows.stream().map(m -> (Object) m.month()).toList());
    cells.counts(out, rows, Indicators.HelpMonth::offers);
    cells.counts(out, rows, Indicators.HelpMonth::approvedMatches);
    cells.counts(out, rows, Indicators.HelpMonth::needsMet);
    cells.derived(out, rows, Indicators.HelpMonth::medianDaysToMatch, Indicators.HelpMonth::approvedMatches);
    List<Object> totals = cells.totals(text("report.total", locale));
    if (smallCategory) {
      // The month's approved matches are the categories' margin: with a small category they are withheld, and
      // so is the column's total (which, less the other months, would give them).
      out.getLast().set(2, "—");
      totals.set(2, "—");
    }
    write(table, out, totals);
    table.row(List.of());
    table.row(List.of(text("report.column.category", locale), text("report.column.approvedMatches", locale)
        + " (" + figures.month() + ")"));
    List<List<Object>> byCategory = labelled(categories.stream()
        .map(c -> (Object) capitalised(messages.label(c.category(), locale))).toList());
    cells.counts(byCategory, categories, Indicators.CategoryCount::count);
    cells.totals(null);
    for (List<Object> row : byCategory) {
      table.row(row);
    }
  }


  private List<String> headers(Locale locale, String... columns) {
    return Arrays.stream(columns).map(c -> text("report.column." + c, locale)).toList();
  }

  private static List<List<Object>> labelled(List<Object> labels) {
    List<List<Object>> rows = new ArrayList<>();
    labels.forEach(label -> rows.add(new ArrayList<>(List.of(label))));
    return rows;
  }

  private static void write(TableWriter table, List<List<Object>> rows, List<Object> totals) throws IOException {
    for (List<Object> row : rows) {
      table.row(row);
    }
    table.row(totals);
  }

  /** A label as a table cell: English labels, written to sit inside sentences, start with a capital. */
  private static String capitalised(String label) {
    return label == null || label.isEmpty() ? label
        : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
  }

  private static String name(Township township, boolean english) {
    return english ? township.nameEn() : township.name();
  }

  /**
   * Fills count columns, suppressed or exact, and remembers each column's total as shown; a rate or a median is
   * withheld when the count it rests on is small (circulation only).
   */
  private static final class Cells {

    private final SmallCounts smallCounts;
    private final int k;
    private final List<Object> totals = new ArrayList<>();

    Cells(SmallCounts smallCounts, int k) {
      this.smallCounts = smallCounts;
      this.k = k;
    }

    <T> void counts(List<List<Object>> out, List<T> rows, ToIntFunction<T> count) {
      List<Long> column = rows.stream().map(r -> (long) count.applyAsInt(r)).toList();
      long total = column.stream().mapToLong(Long::longValue).sum();
      if (smallCounts == null) {
        for (int i = 0; i < rows.size(); i++) {
          out.get(i).add(column.get(i));
        }
        totals.add(total);
        return;
      }
      SmallCounts.Column shown = smallCounts.protect(column);
      for (int i = 0; i < rows.size(); i++) {
        out.get(i).add(shown.cells().get(i) == SmallCounts.Shown.EXACT ? column.get(i)
            : smallCounts.text(column.get(i), shown.cells().get(i)));
      }
      totals.add(shown.total() == SmallCounts.Shown.EXACT ? total : smallCounts.text(total, shown.total()));
    }

    /**
     * A rate or a median: withheld (circulation) when any count it rests on is below k, or when the difference of
     * the two counts a rate divides is — it would give them away.
     */
    @SafeVarargs
    final <T> void derived(List<List<Object>> out, List<T> rows, java.util.function.Function<T, Double> value,
        ToIntFunction<T>... restsOn) {
      for (int i = 0; i < rows.size(); i++) {
        T row = rows.get(i);
        Double figure = value.apply(row);
        boolean withheld = false;
        if (smallCounts != null && figure != null) {
          for (ToIntFunction<T> count : restsOn) {
            withheld |= count.applyAsInt(row) < k;
          }
          if (restsOn.length == 2) {
            withheld |= Math.abs(restsOn[0].applyAsInt(row) - restsOn[1].applyAsInt(row)) < k;
          }
        }
        out.get(i).add(withheld ? "—" : figure);
      }
      totals.add(null);
    }

    /**
     * A count shown beside the whole it is part of (children reached of those concerned): below k it reads "<k";
     * when the rest (whole − part) is below k the part is withheld ("—"), since whole minus part would tell it; a
     * column with either shows no total.
     */
    <T> void partOf(List<List<Object>> out, List<T> rows, ToIntFunction<T> whole, ToIntFunction<T> part) {
      if (smallCounts == null) {
        counts(out, rows, part);
        return;
      }
      boolean exactColumn = true;
      long total = 0;
      for (int i = 0; i < rows.size(); i++) {
        int covered = part.applyAsInt(rows.get(i));
        int rest = whole.applyAsInt(rows.get(i)) - covered;
        total += covered;
        if (covered < k) {
          out.get(i).add("<" + k);
          exactColumn = false;
        } else if (rest < k) {
          out.get(i).add("—");
          exactColumn = false;
        } else {
          out.get(i).add((long) covered);
        }
      }
      totals.add(exactColumn ? total : "—");
    }

    /** Whether small counts are suppressed (a copy to circulate). */
    boolean suppresses() {
      return smallCounts != null;
    }

    /** The totals row so far, headed by its label, and a fresh start for the next table. */
    List<Object> totals(String label) {
      List<Object> row = new ArrayList<>();
      row.add(label);
      row.addAll(totals);
      totals.clear();
      return row;
    }
  }
}
