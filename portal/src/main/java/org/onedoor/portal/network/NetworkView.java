package org.onedoor.portal.network;

import com.vaadin.flow.component.grid.Grid;
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

  private Grid<Network.ChildrenHome> homes(List<Network.ChildrenHome> homes) {
    Grid<Network.ChildrenHome> grid = new Grid<>();
    grid.setId("children-homes");
    grid.addColumn(Network.ChildrenHome::name).setHeader(getTranslation("network.name")).setAutoWidth(true);
    grid.addColumn(h -> getTranslation("homeType." + h.type())).setHeader(getTranslation("network.type"))
        .setAutoWidth(true);
    grid.addColumn(h -> name(h.township())).setHeader(getTranslation("needs.township")).setAutoWidth(true);
    grid.addColumn(h -> String.join(english ? ", " : "、", h.services())).setHeader(getTranslation("network.services"));
    grid.addColumn(Network.ChildrenHome::openingHours).setHeader(getTranslation("network.hours")).setAutoWidth(true);
    grid.addColumn(Network.ChildrenHome::publicContact).setHeader(getTranslation("network.contact")).setAutoWidth(true);
    grid.setItems(homes);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Grid<Network.Organisation> organisations(List<Network.Organisation> organisations) {
    Grid<Network.Organisation> grid = new Grid<>();
    grid.setId("organisations");
    grid.addColumn(Network.Organisation::name).setHeader(getTranslation("network.name")).setAutoWidth(true);
    grid.addColumn(o -> getTranslation("organisationType." + o.type())).setHeader(getTranslation("network.type"))
        .setAutoWidth(true);
    grid.addColumn(o -> getTranslation(o.verified() ? "network.verified" : "network.unverified"))
        .setHeader(getTranslation("network.verification")).setAutoWidth(true);
    grid.addColumn(o -> String.join(english ? ", " : "、", o.fieldsOfService().stream()
        .map(c -> getTranslation("needCategory." + c)).toList())).setHeader(getTranslation("network.fields"));
    grid.addColumn(o -> o.area().size() == 11 ? getTranslation("needs.cityWide")
        : String.join(english ? ", " : "、", o.area().stream().map(this::name).toList()))
        .setHeader(getTranslation("network.area"));
    grid.setItems(organisations);
    grid.setAllRowsVisible(true);
    return grid;
  }

  /** The city row of the children table: each cause's total. */
  private List<String> cityTotals(List<Network.ChildrenTotal> totals) {
    List<String> row = new ArrayList<>();
    row.add(getTranslation("network.cityTotal"));
    Network.CAUSES.forEach(cause -> row.add(totals.stream().filter(t -> t.cause().equals(cause))
        .map(Network.ChildrenTotal::count).findFirst().orElse("")));
    return row;
  }

  /** A township × column table of public counts, with a last row when one is given. */
  private <T> Grid<List<String>> counts(String id, List<T> cells, Function<T, Township> township,
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
    Grid<List<String>> grid = new Grid<>();
    grid.setId(id);
    grid.addColumn(r -> r.get(0)).setHeader(getTranslation("needs.township"));
    for (int i = 0; i < columns.size(); i++) {
      int index = i + 1;
      grid.addColumn(r -> r.get(index)).setHeader(getTranslation(labelPrefix + columns.get(i)));
    }
    List<List<String>> items = new ArrayList<>(rows.values());
    if (lastRow != null) {
      items.add(lastRow);
    }
    grid.setItems(items);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private String name(Township township) {
    return english ? township.nameEn() : township.name();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("network.pageTitle");
  }
}
