package org.onedoor.portal.network;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.Network;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Cards;

/**
 * The protection network, public: children's homes and institutions, organisations, how many children in
 * difficulty each township has, and its volunteers and caring families by kind (small counts shown as "<5").
 */
@Route("network")
@AnonymousAllowed
@Menu(order = 2, title = "nav.network", icon = "vaadin:sitemap")
class NetworkView extends VerticalLayout implements HasDynamicTitle {

  private final boolean english;

  NetworkView(NetworkClient api) {
    english = Language.of(getLocale()) == Language.EN;
    addClassName("od-page");
    add(new H2(getTranslation("network.title")), new Paragraph(getTranslation("network.intro")));
    try {
      var network = api.network();
      add(new H3(getTranslation("network.homes")), homes(network.getKey()));
      add(new H3(getTranslation("network.organisations")), organisations(network.getValue()));
      Network.Statistics statistics = api.statistics();
      add(new H3(getTranslation("network.statistics")), new Paragraph(getTranslation("network.statisticsNote")),
          counts("statistics", statistics.children(), Network.ChildrenCount::township, Network.ChildrenCount::cause,
              Network.ChildrenCount::count, Network.CAUSES, "cause.", cityTotals(statistics.childrenTotals())));
      add(new H3(getTranslation("network.careNetwork")), new Paragraph(getTranslation("network.careNetworkNote")),
          counts("care-network", statistics.careNetwork(), Network.CareCount::township, Network.CareCount::kind,
              Network.CareCount::count, Network.CARE_KINDS, "careKind.", null));
    } catch (ApiException failure) {
      add(new Paragraph(ApiErrors.message(this, failure)));
      ApiErrors.show(this, failure);
    }
  }

  private Cards homes(List<Network.ChildrenHome> homes) {
    Cards cards = new Cards("children-homes");
    for (Network.ChildrenHome home : homes) {
      cards.add(new Cards.Card(home.name(), null)
          .line(getTranslation("network.type"), getTranslation("homeType." + home.type()))
          .line(getTranslation("needs.township"), name(home.township()))
          .line(getTranslation("network.services"), String.join(english ? ", " : "、", home.services()))
          .line(getTranslation("network.hours"), home.openingHours())
          .footer(call(home.publicContact())));
    }
    cards.emptyText(getTranslation("network.none"));
    return cards;
  }

  /** The office telephone as a link a phone dials when tapped. */
  private com.vaadin.flow.component.Component call(String phone) {
    if (phone == null || phone.isBlank()) {
      return new com.vaadin.flow.component.html.Span();
    }
    com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(
        "tel:" + phone.replaceAll("[^0-9+]", ""), getTranslation("network.contact") + getTranslation(
            "punctuation.colon") + phone);
    link.addClassName("od-call");
    return link;
  }

  private Cards organisations(List<Network.Organisation> organisations) {
    Cards cards = new Cards("organisations");
    for (Network.Organisation organisation : organisations) {
      cards.add(new Cards.Card(organisation.name(), null)
          .badge(getTranslation(organisation.verified() ? "network.verified" : "network.unverified"),
              organisation.verified() ? "badge success" : "badge contrast")
          .line(getTranslation("network.type"), getTranslation("organisationType." + organisation.type()))
          .line(getTranslation("network.fields"), String.join(english ? ", " : "、", organisation.fieldsOfService()
              .stream().map(c -> getTranslation("needCategory." + c)).toList()))
          .line(getTranslation("network.area"), organisation.area().size() == 11 ? getTranslation("needs.cityWide")
              : String.join(english ? ", " : "、", organisation.area().stream().map(this::name).toList())));
    }
    cards.emptyText(getTranslation("network.none"));
    return cards;
  }

  /** The city row of the children table: each cause's total. */
  private List<String> cityTotals(List<Network.ChildrenTotal> totals) {
    List<String> row = new ArrayList<>();
    row.add(getTranslation("network.cityTotal"));
    Network.CAUSES.forEach(cause -> row.add(totals.stream().filter(t -> t.cause().equals(cause))
        .map(Network.ChildrenTotal::count).findFirst().orElse("")));
    return row;
  }

  /** A township × column table of public counts, with a last row when one is given: a table that fits a phone. */
  private <T> Table counts(String id, List<T> cells, Function<T, Township> township,
      Function<T, String> column, Function<T, String> count, List<String> columns, String labelPrefix,
      List<String> lastRow) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (T cell : cells) {
      List<String> empty = new ArrayList<>();
      empty.add(name(township.apply(cell)));
      columns.forEach(c -> empty.add(""));
      rows.computeIfAbsent(name(township.apply(cell)), t -> empty)
          .set(1 + columns.indexOf(column.apply(cell)), count.apply(cell));
    }
    List<String> header = new ArrayList<>();
    header.add(getTranslation("needs.township"));
    columns.forEach(c -> header.add(getTranslation(labelPrefix + c)));
    List<List<String>> items = new ArrayList<>(rows.values());
    if (lastRow != null) {
      items.add(lastRow);
    }
    Table table = new Table(header, items);
    table.setId(id);
    return table;
  }

  /** A plain HTML table: column headers, each row's first cell its header. */
  @com.vaadin.flow.component.Tag("table")
  private static final class Table extends com.vaadin.flow.component.Component {

    Table(List<String> header, List<List<String>> rows) {
      getElement().setAttribute("class", "od-table");
      com.vaadin.flow.dom.Element head = new com.vaadin.flow.dom.Element("tr");
      header.forEach(h -> head.appendChild(cell("th", h).setAttribute("scope", "col")));
      com.vaadin.flow.dom.Element thead = new com.vaadin.flow.dom.Element("thead");
      thead.appendChild(head);
      com.vaadin.flow.dom.Element tbody = new com.vaadin.flow.dom.Element("tbody");
      for (List<String> row : rows) {
        com.vaadin.flow.dom.Element tr = new com.vaadin.flow.dom.Element("tr");
        for (int i = 0; i < row.size(); i++) {
          tr.appendChild(i == 0 ? cell("th", row.get(i)).setAttribute("scope", "row") : cell("td", row.get(i)));
        }
        tbody.appendChild(tr);
      }
      getElement().appendChild(thead, tbody);
    }

    private static com.vaadin.flow.dom.Element cell(String tag, String text) {
      com.vaadin.flow.dom.Element cell = new com.vaadin.flow.dom.Element(tag);
      cell.setText(text);
      return cell;
    }
  }

  private String name(Township township) {
    return english ? township.nameEn() : township.name();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("network.pageTitle");
  }
}
