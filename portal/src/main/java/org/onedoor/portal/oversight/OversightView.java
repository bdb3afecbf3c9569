package org.onedoor.portal.oversight;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.Oversight;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.charts.ChartFigure;
import org.onedoor.portal.charts.Charts;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Links;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;

/**
 * The oversight dashboard (督导考核): the departments' handling, the townships' files and rounds (with a map), the
 * protection coverage and the help of social forces, for a month and the 12 months before it. Charts are SVG drawn on
 * the server, each with its table. Drill-down: a department shows its own trend; a township opens the township's
 * dashboard, and staff who keep files get the lists behind its figures (the ledger, the visits due). The monthly
 * report downloads from here. Counts only: nothing here names a child.
 */
@Route("oversight")
@RolesAllowed({RoleNames.OVERSIGHT, RoleNames.CIVIL_AFFAIRS, RoleNames.TOWNSHIP_STAFF})
@Menu(order = 3.05, title = "nav.oversight", icon = "vaadin:chart")
class OversightView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

  private final OversightClient api;
  private final boolean cityWide;
  private final boolean keepsFiles;
  private final boolean english;
  private final Select<String> month = new Select<>();
  private final ComboBox<Township> township = new ComboBox<>();
  private final Div content = new Div();
  private final Anchor circulation;
  private final Anchor staffCopy;
  private String monthShown;
  private String townshipShown;
  private boolean loading;

  OversightView(OversightClient api) {
    this.api = api;
    this.cityWide = PortalRoles.has(RoleNames.OVERSIGHT) || PortalRoles.has(RoleNames.CIVIL_AFFAIRS);
    this.keepsFiles = PortalRoles.has(RoleNames.CIVIL_AFFAIRS) || PortalRoles.has(RoleNames.TOWNSHIP_STAFF);
    this.english = Language.of(getLocale()) == Language.EN;
    setId("oversight");
    add(new H2(getTranslation("oversight.title")), new Paragraph(getTranslation("oversight.intro")));
    YearMonth current = YearMonth.now(CityTime.ZONE);
    List<String> months = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      months.add(current.minusMonths(i).toString());
    }
    month.setLabel(getTranslation("oversight.month"));
    month.setId("oversight-month");
    month.setItems(months);
    month.setValue(current.toString());
    township.setLabel(getTranslation("oversight.township"));
    township.setId("oversight-township");
    township.setPlaceholder(getTranslation("oversight.city"));
    township.setClearButtonVisible(true);
    township.setItemLabelGenerator(this::name);
    township.setVisible(cityWide);
    circulation = report(false);
    staffCopy = report(true);
    HorizontalLayout controls = new HorizontalLayout(month, township, circulation, staffCopy);
    controls.setAlignItems(FlexComponent.Alignment.BASELINE);
    controls.setWrap(true);
    add(controls, content);
    content.setWidthFull();
    month.addValueChangeListener(change -> navigate());
    township.addValueChangeListener(change -> navigate());
  }

  /** Month and township live in the address, so a drill-down can be shared and the back button goes back up. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
    String askedMonth = parameters.getOrDefault("month", List.of()).stream().findFirst().orElse(null);
    String askedTownship = parameters.getOrDefault("township", List.of()).stream().findFirst().orElse(null);
    load(askedMonth != null && month.getListDataView().getItems().anyMatch(askedMonth::equals) ? askedMonth
        : month.getValue(), cityWide ? askedTownship : null);
  }

  private void navigate() {
    if (loading) {
      return;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("month", month.getValue());
    if (township.getValue() != null) {
      parameters.put("township", township.getValue().id());
    }
    getUI().ifPresent(ui -> ui.navigate(OversightView.class, QueryParameters.simple(parameters)));
  }

  private void load(String monthText, String townshipId) {
    Oversight.Dashboard dashboard;
    try {
      dashboard = api.dashboard(monthText, townshipId);
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    monthShown = dashboard.month();
    townshipShown = dashboard.township() == null ? null : dashboard.township().id();
    loading = true;
    month.setValue(dashboard.month());
    if (cityWide && township.getListDataView().getItemCount() == 0 && dashboard.township() == null) {
      township.setItems(dashboard.townships().stream().map(Oversight.TownshipFigures::township).toList());
    }
    if (dashboard.township() == null) {
      township.clear();
    } else {
      township.getListDataView().getItems().filter(t -> t.id().equals(dashboard.township().id())).findFirst()
          .ifPresent(township::setValue);
    }
    loading = false;
    content.removeAll();
    if (dashboard.township() != null) {
      Span scope = new Span(getTranslation("oversight.scope", name(dashboard.township())));
      scope.setId("oversight-scope");
      content.add(scope);
    }
    content.add(departments(dashboard), townships(dashboard), coverage(dashboard), help(dashboard));
  }

  private Anchor report(boolean staff) {
    Locale locale = getLocale();
    Anchor link = new Anchor(event -> {
      event.setFileName(getTranslation("oversight.reportFile") + "-" + monthShown + (staff ? "-"
          + getTranslation("oversight.staffSuffix") : "") + ".xlsx");
      event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      try (java.io.OutputStream out = event.getOutputStream()) {
        api.report(monthShown, townshipShown, staff, locale, out);
      }
    }, getTranslation(staff ? "oversight.reportStaff" : "oversight.report"));
    link.setId(staff ? "oversight-report-staff" : "oversight-report");
    return link;
  }

  private Div section(String id, String title, String definition) {
    Div section = new Div();
    section.setId(id);
    section.addClassName("oversight-section");
    section.add(new H3(getTranslation(title)), new Paragraph(getTranslation(definition)));
    return section;
  }

  private FlexLayout charts(ChartFigure... figures) {
    FlexLayout row = new FlexLayout(figures);
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.getStyle().set("gap", "var(--lumo-space-l)");
    for (ChartFigure figure : figures) {
      figure.getStyle().set("flex", "1 1 320px").set("min-width", "0").set("margin", "0");
    }
    return row;
  }

  private String tableSummary() {
    return getTranslation("oversight.dataTable");
  }

  private Div departments(Oversight.Dashboard dashboard) {
    Div section = section("oversight-departments", "oversight.departments", "oversight.departments.definition");
    List<Oversight.DepartmentFigures> rows = dashboard.departments();
    List<String> names = rows.stream().map(d -> getTranslation("department." + d.department())).toList();
    Charts.Chart onTime = new Charts.Chart("chart-on-time", getTranslation("oversight.chart.onTime"),
        Charts.Kind.BARS, getTranslation("oversight.column.department"), names,
        List.of(new Charts.Series(getTranslation("oversight.column.onTimePercent"),
            rows.stream().map(Oversight.DepartmentFigures::onTimePercent).toList())));
    List<Double> escalations = new ArrayList<>();
    for (int m = 0; m < dashboard.months().size(); m++) {
      int index = m;
      escalations.add((double) rows.stream().mapToInt(d -> d.trend().get(index).escalations()).sum());
    }
    Charts.Chart trend = new Charts.Chart("chart-escalations", getTranslation("oversight.chart.escalations"),
        Charts.Kind.LINES, getTranslation("oversight.column.month"), dashboard.months(),
        List.of(new Charts.Series(getTranslation("oversight.column.escalations"), escalations)));
    section.add(charts(ChartFigure.of(onTime, tableSummary()), ChartFigure.of(trend, tableSummary())));

    Grid<Oversight.DepartmentFigures> grid = new Grid<>();

    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.setId("oversight-department-grid");
    grid.addColumn(d -> getTranslation("department." + d.department()))
        .setHeader(getTranslation("oversight.column.department")).setAutoWidth(true).setFrozen(true);
    grid.addColumn(Oversight.DepartmentFigures::opened).setHeader(getTranslation("oversight.column.opened"));
    grid.addColumn(d -> d.onTime() + " / " + d.due()).setHeader(getTranslation("oversight.column.onTime"));
    grid.addColumn(d -> Charts.format(d.onTimePercent())).setHeader(getTranslation("oversight.column.onTimePercent"));
    grid.addColumn(Oversight.DepartmentFigures::closed).setHeader(getTranslation("oversight.column.closed"));
    grid.addColumn(d -> Charts.format(d.medianHoursToClose()))
        .setHeader(getTranslation("oversight.column.medianHoursToClose"));
    grid.addColumn(Oversight.DepartmentFigures::escalations)
        .setHeader(getTranslation("oversight.column.escalations"));
    grid.setItems(rows);
    grid.setAllRowsVisible(true);
    Div drill = new Div();
    drill.setId("oversight-department-trend");
    grid.addItemClickListener(click -> {
      Oversight.DepartmentFigures department = click.getItem();
      String name = getTranslation("department." + department.department());
      Charts.Chart chart = new Charts.Chart("chart-department-trend",
          getTranslation("oversight.chart.departmentTrend", name), Charts.Kind.LINES,
          getTranslation("oversight.column.month"), dashboard.months(),
          List.of(new Charts.Series(getTranslation("oversight.column.opened"),
                  department.trend().stream().map(m -> (double) m.opened()).toList()),
              new Charts.Series(getTranslation("oversight.column.onTimePercent"),
                  department.trend().stream().map(Oversight.DepartmentMonth::onTimePercent).toList()),
              new Charts.Series(getTranslation("oversight.column.escalations"),
                  department.trend().stream().map(m -> (double) m.escalations()).toList())));
      drill.removeAll();
      drill.add(ChartFigure.of(chart, tableSummary()));
      if (PortalRoles.has(RoleNames.CIVIL_AFFAIRS)) {
        drill.add(Links.route("workbench", getTranslation("oversight.toWorkbench")));
      }
    });
    section.add(new Paragraph(getTranslation("oversight.departments.hint")), grid, drill);
    return section;
  }

  private Div townships(Oversight.Dashboard dashboard) {
    Div section = section("oversight-townships", "oversight.townships", "oversight.townships.definition");
    List<Oversight.TownshipFigures> rows = dashboard.townships();
    List<String> names = rows.stream().map(t -> name(t.township())).toList();
    List<Charts.Place> places = rows.stream().filter(t -> t.township().coordinates() != null)
        .map(t -> new Charts.Place(name(t.township()), t.township().coordinates().latitude(),
            t.township().coordinates().longitude(), t.files())).toList();
    ChartFigure map = ChartFigure.map("chart-map", getTranslation("oversight.chart.map"),
        getTranslation("oversight.column.township"), getTranslation("oversight.column.files"), places,
        tableSummary());
    Charts.Chart overdue = new Charts.Chart("chart-overdue", getTranslation("oversight.chart.overdue"),
        Charts.Kind.BARS, getTranslation("oversight.column.township"), names,
        List.of(new Charts.Series(getTranslation("oversight.column.overdueVisits"),
            rows.stream().map(t -> (double) t.overdueVisits()).toList())));
    section.add(charts(map, ChartFigure.of(overdue, tableSummary())));

    Grid<Oversight.TownshipFigures> grid = new Grid<>();

    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.setId("oversight-township-grid");
    grid.addComponentColumn(t -> {
      if (!cityWide || dashboard.township() != null) {
        return new Span(name(t.township()));
      }
      Button open = new Button(name(t.township()), click -> {
        township.setValue(t.township());
      });
      open.addThemeVariants(ButtonVariant.TERTIARY);
      open.addClassName("oversight-drill");
      return open;
    }).setHeader(getTranslation("oversight.column.township")).setAutoWidth(true).setFrozen(true);
    grid.addColumn(Oversight.TownshipFigures::files).setHeader(getTranslation("oversight.column.files"));
    grid.addColumn(Oversight.TownshipFigures::overdueVisits)
        .setHeader(getTranslation("oversight.column.overdueVisits"));
    grid.addColumn(t -> Charts.format(t.onSchedulePercent()))
        .setHeader(getTranslation("oversight.column.onSchedulePercent"));
    grid.addColumn(Oversight.TownshipFigures::homeVisits).setHeader(getTranslation("oversight.column.homeVisits"));
    grid.addColumn(Oversight.TownshipFigures::filesOpened).setHeader(getTranslation("oversight.column.filesOpened"));
    grid.addColumn(t -> t.screeningCampaign() == null ? "—"
        : t.screeningCampaign() + " · " + Charts.format(t.screeningPercent()) + "%")
        .setHeader(getTranslation("oversight.column.screening")).setAutoWidth(true);
    if (keepsFiles) {
      grid.addComponentColumn(t -> {
        Anchor ledger = Links.route("ledger?township=" + java.net.URLEncoder.encode(t.township().id(),
            java.nio.charset.StandardCharsets.UTF_8), getTranslation("oversight.toLedger"));
        ledger.addClassName("oversight-to-ledger");
        Anchor visits = Links.route("visits", getTranslation("oversight.toVisits"));
        HorizontalLayout links = new HorizontalLayout(ledger, visits);
        links.setSpacing(true);
        return links;
      }).setHeader(getTranslation("oversight.column.lists")).setAutoWidth(true);
    }
    grid.setItems(rows);
    grid.setAllRowsVisible(true);
    section.add(new Paragraph(getTranslation(cityWide && dashboard.township() == null
        ? "oversight.townships.hint" : "oversight.townships.hintOwn")), grid);
    return section;
  }

  private Div coverage(Oversight.Dashboard dashboard) {
    Div section = section("oversight-coverage", "oversight.coverage", "oversight.coverage.definition");
    List<Oversight.Coverage> rates = dashboard.coverage().stream().filter(c -> c.covered() != null).toList();
    List<Oversight.Coverage> counts = dashboard.coverage().stream().filter(c -> c.covered() == null).toList();
    Charts.Chart now = new Charts.Chart("chart-coverage", getTranslation("oversight.chart.coverage"),
        Charts.Kind.BARS, getTranslation("oversight.column.measure"),
        rates.stream().map(Oversight.Coverage::label).toList(),
        List.of(new Charts.Series(getTranslation("oversight.column.percent"),
            rates.stream().map(Oversight.Coverage::percent).toList())));
    List<Charts.Series> trends = new ArrayList<>();
    rates.forEach(c -> trends.add(new Charts.Series(c.label(), c.trend())));
    Charts.Chart trend = new Charts.Chart("chart-coverage-trend", getTranslation("oversight.chart.coverageTrend"),
        Charts.Kind.LINES, getTranslation("oversight.column.month"), dashboard.months(), trends);
    section.add(charts(ChartFigure.of(now, tableSummary()), ChartFigure.of(trend, tableSummary())));
    Grid<Oversight.Coverage> grid = new Grid<>();
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.setId("oversight-coverage-grid");
    grid.addColumn(Oversight.Coverage::label).setHeader(getTranslation("oversight.column.measure"))
        .setAutoWidth(true);
    grid.addColumn(Oversight.Coverage::concerned).setHeader(getTranslation("oversight.column.concerned"));
    grid.addColumn(c -> c.covered() == null ? "—" : String.valueOf(c.covered()))
        .setHeader(getTranslation("oversight.column.covered"));
    grid.addColumn(c -> Charts.format(c.percent())).setHeader(getTranslation("oversight.column.percent"));
    List<Oversight.Coverage> all = new ArrayList<>(rates);
    all.addAll(counts);
    grid.setItems(all);
    grid.setAllRowsVisible(true);
    section.add(grid, new Paragraph(getTranslation("oversight.coverage.note")));
    return section;
  }

  private Div help(Oversight.Dashboard dashboard) {
    Div section = section("oversight-help", "oversight.help", "oversight.help.definition");
    Oversight.Help help = dashboard.help();
    Charts.Chart months = new Charts.Chart("chart-help", getTranslation("oversight.chart.help"), Charts.Kind.LINES,
        getTranslation("oversight.column.month"), dashboard.months(), List.of(
            new Charts.Series(getTranslation("oversight.column.offers"),
                help.trend().stream().map(m -> (double) m.offers()).toList()),
            new Charts.Series(getTranslation("oversight.column.approvedMatches"),
                help.trend().stream().map(m -> (double) m.approvedMatches()).toList()),
            new Charts.Series(getTranslation("oversight.column.needsMet"),
                help.trend().stream().map(m -> (double) m.needsMet()).toList())));
    List<ChartFigure> figures = new ArrayList<>(List.of(ChartFigure.of(months, tableSummary())));
    if (!help.byCategory().isEmpty()) {
      Charts.Chart categories = new Charts.Chart("chart-help-categories",
          getTranslation("oversight.chart.helpByCategory"), Charts.Kind.BARS,
          getTranslation("oversight.column.category"),
          help.byCategory().stream().map(c -> getTranslation("needCategory." + c.category())).toList(),
          List.of(new Charts.Series(getTranslation("oversight.column.approvedMatches"),
              help.byCategory().stream().map(c -> (double) c.count()).toList())));
      figures.add(ChartFigure.of(categories, tableSummary()));
    }
    section.add(charts(figures.toArray(ChartFigure[]::new)));
    Paragraph figuresText = new Paragraph(getTranslation("oversight.help.figures", help.offers(),
        help.approvedMatches(), help.needsMet(), Charts.format(help.medianDaysToMatch())));
    figuresText.setId("oversight-help-figures");
    section.add(figuresText);
    if (help.byCategory().isEmpty()) {
      section.add(new Paragraph(getTranslation("oversight.help.none")));
    }
    return section;
  }

  private String name(Township township) {
    return english ? township.nameEn() : township.name();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("oversight.pageTitle");
  }
}
