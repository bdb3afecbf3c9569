package org.onedoor.portal.charts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * A chart as a figure: its caption, the SVG, and the same values as a table in a "data table" disclosure — the
 * alternative screen readers read (the SVG itself is one image named by its caption), and anyone can open.
 */
@Tag("figure")
public class ChartFigure extends Component {

  public ChartFigure(String svg, String caption, String tableSummary, List<String> header, List<List<String>> rows) {
    getElement().setAttribute("class", "chart");
    Element figcaption = new Element("figcaption");
    figcaption.setText(caption);
    // Set as inner HTML so the browser's HTML parser reads the SVG (Html would copy its attributes through the DOM
    // and lose the case of viewBox, so the chart would not scale to a phone).
    Element picture = new Element("div");
    picture.setAttribute("class", "chart-svg");
    picture.setProperty("innerHTML", svg);
    getElement().appendChild(figcaption, picture);
    Element details = new Element("details");
    details.setAttribute("class", "chart-table");
    Element summary = new Element("summary");
    summary.setText(tableSummary);
    Element table = new Element("table");
    Element caption2 = new Element("caption");
    caption2.setText(caption);
    Element head = new Element("thead");
    Element headRow = new Element("tr");
    header.forEach(h -> {
      Element th = new Element("th");
      th.setAttribute("scope", "col");
      th.setText(h);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    Element body = new Element("tbody");
    for (List<String> row : rows) {
      Element tr = new Element("tr");
      for (int i = 0; i < row.size(); i++) {
        Element cell = new Element(i == 0 ? "th" : "td");
        if (i == 0) {
          cell.setAttribute("scope", "row");
        }
        cell.setText(row.get(i));
        tr.appendChild(cell);
      }
      body.appendChild(tr);
    }
    table.appendChild(caption2, head, body);
    details.appendChild(summary, table);
    getElement().appendChild(details);
  }

  /** A figure for a chart: its table lists every category with each series' value. */
  public static ChartFigure of(Charts.Chart chart, String tableSummary) {
    List<String> header = new java.util.ArrayList<>();
    header.add(chart.categoryHeader());
    chart.series().forEach(s -> header.add(s.name()));
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < chart.categories().size(); i++) {
      List<String> row = new java.util.ArrayList<>();
      row.add(chart.categories().get(i));
      for (Charts.Series series : chart.series()) {
        row.add(Charts.format(series.values().get(i)));
      }
      rows.add(row);
    }
    ChartFigure figure = new ChartFigure(Charts.svg(chart), chart.title(), tableSummary, header, rows);
    figure.setId(chart.id());
    return figure;
  }

  /** A figure for a map: its table lists every place with its value. */
  public static ChartFigure map(String id, String title, String placeHeader, String valueHeader, List<Charts.Place> places,
      String tableSummary) {
    List<List<String>> rows = places.stream().map(p -> List.of(p.name(), Charts.format(p.value()))).toList();
    ChartFigure figure = new ChartFigure(Charts.map(id, title, places), title, tableSummary,
        List.of(placeHeader, valueHeader), rows);
    figure.setId(id);
    return figure;
  }
}
