package org.onedoor.portal.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.Network;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.charts.ChartFigure;
import org.onedoor.portal.charts.Charts;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Cards;
import org.onedoor.portal.layout.Links;
import org.onedoor.portal.needs.NeedCards;
import org.onedoor.portal.needs.NeedsClient;
import org.onedoor.portal.network.NetworkClient;

/**
 * The public home page: what OneDoor is in two sentences, the three ways in (help, report a child at risk, apply for
 * assistance), the key public figures with a chart (small counts suppressed as in the public statistics), the most
 * urgent needs as cards, and a map of the open needs by township drawn from the townships' coordinates.
 */
@Route("")
@AnonymousAllowed
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
class HomeView extends VerticalLayout implements HasDynamicTitle {

  private static final int URGENT_SHOWN = 6;

  private final boolean english;

  HomeView(GeographyClient places, NetworkClient network, NeedsClient needs) {
    english = Language.of(getLocale()) == Language.EN;
    addClassName("od-page");
    setId("home");
    add(new H2(getTranslation("home.title")), new Paragraph(getTranslation("home.intro")));
    Div actions = new Div(cta("offer", "home.cta.help", true), cta("report", "home.cta.report", false),
        cta("apply", "home.cta.apply", false));
    actions.addClassName("od-actions");
    actions.setId("home-actions");
    add(actions);
    try {
      var statistics = network.homeStatistics();
      List<Township> townships = places.townships();
      add(new H3(getTranslation("home.figures")), figures(statistics.getKey(), statistics.getValue()),
          causesChart(statistics.getKey()));
      add(new H3(getTranslation("home.urgent")), urgent(needs.needs(null, null, null, false, URGENT_SHOWN, null).items()));
      Anchor all = Links.route("needs", getTranslation("home.allNeeds"));
      all.setId("home-all-needs");
      add(all, new H3(getTranslation("home.map")), map(townships, statistics.getValue()));
    } catch (ApiException failure) {
      Paragraph unavailable = new Paragraph(ApiErrors.message(this, failure));
      unavailable.setId("townships-unavailable");
      add(unavailable);
      ApiErrors.show(this, failure);
    }
  }

  private Anchor cta(String path, String key, boolean primary) {
    Anchor link = Links.route(path, getTranslation(key));
    link.addClassName("od-cta");
    if (!primary) {
      link.addClassName("od-cta-secondary");
    }
    link.setId("home-" + path);
    return link;
  }

  private Div figures(List<Network.ChildrenTotal> totals, List<Network.NeedCount> needs) {
    Div figures = new Div();
    figures.addClassName("od-figures");
    figures.setId("home-figures");
    for (String cause : Network.CAUSES) {
      String shown = totals.stream().filter(t -> t.cause().equals(cause)).map(Network.ChildrenTotal::count)
          .findFirst().orElse("—");
      figures.add(figure(getTranslation("home.figure.children", getTranslation("cause." + cause)), shown));
    }
    figures.add(figure(getTranslation("home.figure.openNeeds"), Integer.toString(openNeeds(needs, null))));
    return figures;
  }

  private static Div figure(String label, String value) {
    Span number = new Span(value);
    number.addClassName("od-figure-value");
    Div figure = new Div(number, new Span(label));
    figure.addClassName("od-figure");
    return figure;
  }

  /** Children by cause: a bar per exact count; a suppressed count has no bar and reads as shown ("<5"). */
  private ChartFigure causesChart(List<Network.ChildrenTotal> totals) {
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (String cause : Network.CAUSES) {
      String shown = totals.stream().filter(t -> t.cause().equals(cause)).map(Network.ChildrenTotal::count)
          .findFirst().orElse("—");
      labels.add(getTranslation("cause." + cause));
      values.add(shown.matches("\\d+") ? Double.valueOf(shown) : null);
      rows.add(List.of(getTranslation("cause." + cause), shown));
    }
    String title = getTranslation("home.chart.children");
    Charts.Chart chart = new Charts.Chart("home-children-chart", title, Charts.Kind.BARS,
        getTranslation("home.column.cause"), labels,
        List.of(new Charts.Series(getTranslation("home.column.children"), values)));
    ChartFigure figure = new ChartFigure(Charts.svg(chart), title, getTranslation("oversight.dataTable"),
        List.of(getTranslation("home.column.cause"), getTranslation("home.column.children")), rows);
    figure.setId("home-children-chart");
    return figure;
  }

  private Div urgent(List<PublicNeed> needs) {
    Cards cards = new Cards("home-urgent");
    needs.forEach(need -> cards.add(NeedCards.card(this, need)));
    cards.emptyText(getTranslation("needs.none"));
    return cards;
  }

  private ChartFigure map(List<Township> townships, List<Network.NeedCount> needs) {
    List<Charts.Place> places = townships.stream().filter(t -> t.coordinates() != null)
        .map(t -> new Charts.Place(english ? t.nameEn() : t.name(), t.coordinates().latitude(),
            t.coordinates().longitude(), openNeeds(needs, t.id()))).toList();
    return ChartFigure.map("townships", getTranslation("home.chart.map"), getTranslation("home.township"),
        getTranslation("home.column.openNeeds"), places, getTranslation("oversight.dataTable"));
  }

  /** Open needs of a township (null: all of them, city-wide ones included). */
  private static int openNeeds(List<Network.NeedCount> needs, String townshipId) {
    Map<String, Integer> byTownship = new HashMap<>();
    int all = 0;
    for (Network.NeedCount cell : needs) {
      int count = cell.count().matches("\\d+") ? Integer.parseInt(cell.count()) : 0;
      all += count;
      if (cell.township() != null) {
        byTownship.merge(cell.township().id(), count, Integer::sum);
      }
    }
    return townshipId == null ? all : byTownship.getOrDefault(townshipId, 0);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("home.pageTitle");
  }
}
