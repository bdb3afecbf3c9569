package org.onedoor.portal.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBubbleRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * The dashboard's charts, drawn on the server with JFreeChart into SVG (JFreeSVG): no frontend build and nothing run
 * in the browser. Every value a chart shows is also written on it as a label, and the same {@link Chart} gives the
 * table that screen readers (and anyone) can read instead. The SVG scales to its container (a view box, no fixed
 * size), so a chart fits a phone; its text uses the browser's Chinese fonts.
 */
public final class Charts {

  /** A chart's kind: bars per category (horizontal, for long names), or lines over months. */
  public enum Kind {
    BARS, LINES
  }

  /**
   * One series of values, one per category; a null value is "no data" (a gap, an empty cell).
   *
   * @param name the series' name (the legend's and the table's column header)
   * @param values the values, in the categories' order
   */
  public record Series(String name, List<Double> values) {

    public Series {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }

  /**
   * What a chart shows.
   *
   * @param id a stable id, unique on the page (the SVG's definitions are prefixed with it)
   * @param title what it shows (the figure's caption and the SVG's accessible name)
   * @param kind bars or lines
   * @param categoryHeader the table's first column header (e.g. 部门, 月份)
   * @param categories the categories (departments, townships, months)
   * @param series one or more series
   */
  public record Chart(String id, String title, Kind kind, String categoryHeader, List<String> categories,
      List<Series> series) {

    public Chart {
      categories = List.copyOf(categories);
      series = List.copyOf(series);
    }
  }

  /**
   * Places on the map.
   *
   * @param name the place's name
   * @param latitude its latitude
   * @param longitude its longitude
   * @param value the value its circle's area and label show
   */
  public record Place(String name, double latitude, double longitude, double value) {
  }

  /** Chinese-capable fonts first (double quotes: JFreeSVG writes the style attribute in single quotes). */
  static final String FONTS = "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", \"PingFang SC\", "
      + "\"Microsoft YaHei\", sans-serif";
  private static final Color[] PALETTE = {new Color(0x1f6feb), new Color(0xd9480f), new Color(0x2b8a3e),
      new Color(0x862e9c), new Color(0x5c6b7a)};
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private Charts() {
  }

  /** The way a value is written on a chart and in its table: up to one decimal, no grouping. */
  public static String format(Double value) {
    return value == null ? "—" : number().format(value);
  }

  private static DecimalFormat number() {
    return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /** A month on an axis as {@code yy-MM} (twelve of them fit a phone's width unrotated); anything else as it is. */
  static String axisLabel(String category) {
    return category.matches("\\d{4}-\\d{2}") ? category.substring(2) : category;
  }

  /** The chart as an SVG element (view box, no fixed size), with its title as its accessible name. */
  public static String svg(Chart chart) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Series series : chart.series()) {
      for (int i = 0; i < chart.categories().size(); i++) {
        data.addValue(series.values().get(i), series.name(), axisLabel(chart.categories().get(i)));
      }
    }
    boolean bars = chart.kind() == Kind.BARS;
    CategoryAxis categories = new CategoryAxis();
    NumberAxis values = new NumberAxis();
    values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    // Every value is written on its bar or point, so the axis' ticks would only repeat numbers: gridlines stay.
    values.setTickLabelsVisible(false);
    values.setTickMarksVisible(false);
    values.setAxisLineVisible(false);
    values.setUpperMargin(0.18);
    categories.setTickLabelFont(bars ? LABEL : SMALL);
    categories.setMaximumCategoryLabelWidthRatio(bars ? 0.5f : 1f);
    CategoryItemRenderer renderer;
    if (bars) {
      BarRenderer barRenderer = new BarRenderer();
      barRenderer.setBarPainter(new StandardBarPainter());
      barRenderer.setShadowVisible(false);
      barRenderer.setItemMargin(0.05);
      barRenderer.setMaximumBarWidth(0.12);
      barRenderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
          TextAnchor.CENTER_LEFT));
      renderer = barRenderer;
    } else {
      LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
      for (int s = 0; s < chart.series().size(); s++) {
        lines.setSeriesStroke(s, new BasicStroke(2f));
        lines.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
      }
      lines.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
          TextAnchor.BOTTOM_CENTER));
      renderer = lines;
    }
    for (int s = 0; s < chart.series().size(); s++) {
      renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
    }
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", number()));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(SMALL);
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(bars ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdde3ea));
    plot.setOutlineVisible(false);
    JFreeChart drawn = new JFreeChart(null, LABEL, plot, chart.series().size() > 1);
    legend(drawn);
    int height = bars ? Math.max(160, 40 + chart.categories().size() * chart.series().size() * 22) : 300;
    return render(drawn, chart.id(), chart.title(), 600, height);
  }

  /** A map of places drawn from their coordinates: a circle per place, its area the value, labelled. */
  public static String map(String id, String title, List<Place> places) {
    DefaultXYZDataset data = new DefaultXYZDataset();
    double max = places.stream().mapToDouble(Place::value).max().orElse(0);
    double minLat = places.stream().mapToDouble(Place::latitude).min().orElse(0);
    double maxLat = places.stream().mapToDouble(Place::latitude).max().orElse(1);
    double minLon = places.stream().mapToDouble(Place::longitude).min().orElse(0);
    double maxLon = places.stream().mapToDouble(Place::longitude).max().orElse(1);
    double span = Math.max(0.2, Math.max(maxLat - minLat, maxLon - minLon));
    double[][] series = new double[3][places.size()];
    for (int i = 0; i < places.size(); i++) {
      series[0][i] = places.get(i).longitude();
      series[1][i] = places.get(i).latitude();
      series[2][i] = span * (0.04 + (max == 0 ? 0 : 0.12 * Math.sqrt(places.get(i).value() / max)));
    }
    data.addSeries(title, series);
    NumberAxis longitude = new NumberAxis();
    NumberAxis latitude = new NumberAxis();
    longitude.setRange(minLon - span * 0.15, maxLon + span * 0.15);
    latitude.setRange(minLat - span * 0.12, maxLat + span * 0.12);
    longitude.setVisible(false);
    latitude.setVisible(false);
    XYBubbleRenderer renderer = new XYBubbleRenderer(XYBubbleRenderer.SCALE_ON_RANGE_AXIS);
    renderer.setSeriesPaint(0, new Color(31, 111, 235, 150));
    renderer.setSeriesOutlinePaint(0, new Color(0x1f6feb));
    renderer.setDefaultItemLabelGenerator((dataset, s, item) -> places.get(item).name() + " "
        + format(places.get(item).value()));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(SMALL);
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER,
        TextAnchor.CENTER));
    XYPlot plot = new XYPlot(data, longitude, latitude, renderer);
    plot.setBackgroundPaint(new Color(0xf4f7fa));
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setOutlineVisible(false);
    JFreeChart drawn = new JFreeChart(null, LABEL, plot, false);
    drawn.setBackgroundPaint(Color.WHITE);
    return render(drawn, id, title, 600, 420);
  }

  private static void legend(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LABEL);
      legend.setPosition(RectangleEdge.TOP);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
  }

  private static String render(JFreeChart chart, String id, String title, int width, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(id + "-");
    g2.setFontFunction(family -> FONTS);
    chart.setAntiAlias(true);
    chart.draw(g2, new Rectangle(width, height));
    String svg = g2.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
    return svg.replaceFirst("<svg ", "<svg role=\"img\" aria-label=\"" + SVGUtils.escapeForXML(title)
        + "\" style=\"width:100%;height:auto;max-width:" + width + "px\" ");
  }
}
