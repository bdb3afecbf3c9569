package org.onedoor.portal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG charts show the values they are given, as text a reader (and a test) can find, and scale to any width. */
class ChartsTest {

  private static Element parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }

  private static List<String> texts(Element svg) {
    NodeList nodes = svg.getElementsByTagNameNS("*", "text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  @Test
  void a_bar_chart_writes_each_value_beside_its_category_and_names_itself_for_screen_readers() throws Exception {
    Charts.Chart chart = new Charts.Chart("chart-test", "首次响应及时率（%）", Charts.Kind.BARS, "部门",
        List.of("民政局", "教育局", "卫健委"),
        List.of(new Charts.Series("及时率（%）", Arrays.asList(87.5, 33.3, null))));

    Element svg = parse(Charts.svg(chart));

    assertThat(svg.getAttribute("role")).isEqualTo("img");
    assertThat(svg.getAttribute("aria-label")).isEqualTo("首次响应及时率（%）");
    assertThat(svg.getAttribute("viewBox")).isNotBlank();
    assertThat(svg.getAttribute("width")).as("no fixed size: it scales to a phone").isEmpty();
    List<String> texts = texts(svg);
    assertThat(texts).as("the categories and the values, nothing made up for a department with nothing due")
        .containsExactlyInAnyOrder("民政局", "教育局", "卫健委", "87.5", "33.3");
  }

  @Test
  void a_line_chart_labels_every_point_and_leaves_a_gap_where_nothing_was_recorded() throws Exception {
    Charts.Chart chart = new Charts.Chart("chart-lines", "社会力量：近12个月", Charts.Kind.LINES, "月份",
        List.of("2026-09", "2026-10", "2026-11"),
        List.of(new Charts.Series("批准匹配", Arrays.asList(4.0, null, 12.0)),
            new Charts.Series("需求满足", Arrays.asList(2.0, 7.0, 9.0))));

    List<String> texts = texts(parse(Charts.svg(chart)));

    assertThat(texts).containsExactlyInAnyOrder("批准匹配", "需求满足", "26-09", "26-10", "26-11", "4", "12", "2", "7",
        "9");
  }

  @Test
  void the_map_places_each_township_with_its_count_and_the_figure_carries_the_same_values_as_a_table()
      throws Exception {
    List<Charts.Place> places = List.of(new Charts.Place("虎林镇", 45.76, 132.98, 312),
        new Charts.Place("虎头镇", 45.98, 133.66, 48), new Charts.Place("迎春镇", 46.07, 133.22, 0));

    List<String> texts = texts(parse(Charts.map("chart-map", "各乡镇在册儿童", places)));
    assertThat(texts).contains("虎林镇 312", "虎头镇 48", "迎春镇 0");

    ChartFigure figure = ChartFigure.map("chart-map", "各乡镇在册儿童", "乡镇", "在册儿童", places, "查看数据表");
    var table = figure.getElement().getChild(2).getChild(1);
    assertThat(table.getTag()).isEqualTo("table");
    var body = table.getChild(2);
    assertThat(body.getChildCount()).isEqualTo(3);
    assertThat(body.getChild(0).getChild(0).getText()).isEqualTo("虎林镇");
    assertThat(body.getChild(0).getChild(1).getText()).isEqualTo("312");
    assertThat(body.getChild(2).getChild(1).getText()).isEqualTo("0");
  }

  @Test
  void a_figure_table_lists_every_category_with_each_series_and_a_dash_for_no_data() {
    Charts.Chart chart = new Charts.Chart("chart-cov", "保障覆盖率（%）", Charts.Kind.BARS, "指标",
        List.of("残疾儿童得到康复帮扶", "孤儿基本生活保障"),
        List.of(new Charts.Series("覆盖率（%）", Arrays.asList(33.3, null))));

    ChartFigure figure = ChartFigure.of(chart, "查看数据表");

    assertThat(figure.getId()).contains("chart-cov");
    assertThat(figure.getElement().getChild(0).getText()).isEqualTo("保障覆盖率（%）");
    var body = figure.getElement().getChild(2).getChild(1).getChild(2);
    assertThat(body.getChild(0).getChild(1).getText()).isEqualTo("33.3");
    assertThat(body.getChild(1).getChild(1).getText()).isEqualTo("—");
  }
}
