package org.onedoor.portal.matching;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.onedoor.portal.api.BackendApi;
import org.onedoor.portal.api.MatchingApi.MyMatch;
import org.onedoor.portal.api.MatchingApi.MyOffer;
import org.onedoor.portal.onedoor.TrackView;
import org.onedoor.portal.layout.KeysetPager;

/**
 * My help (我的帮扶): where the matches of the user's pledges and offers stand — the anonymised need, the status, the
 * outcome and the caseworker's thank-you, never anything of the child — and the user's offers with their capacity
 * used, validity and receipt code.
 */
@Route("my-help")
@PermitAll
@Menu(order = 4.5, title = "nav.myHelp", icon = "vaadin:gift")
public class MyHelpView extends VerticalLayout implements HasDynamicTitle {

  MyHelpView(BackendApi api) {
    add(new H2(getTranslation("myHelp.title")), new Paragraph(getTranslation("myHelp.intro")));
    Grid<MyMatch> grid = new Grid<>();
    grid.setId("my-help");
    grid.addColumn(m -> m.need().title()).setHeader(getTranslation("needs.need")).setFlexGrow(2);
    grid.addColumn(m -> getTranslation("needCategory." + m.need().category()))
        .setHeader(getTranslation("needs.category")).setAutoWidth(true);
    grid.addComponentColumn(m -> {
      Span status = new Span(getTranslation("matchStatus." + m.status()));
      status.getElement().getThemeList().add("CONFIRMED".equals(m.status()) ? "badge success" : "badge");
      return status;
    }).setHeader(getTranslation("track.status")).setAutoWidth(true);
    grid.addColumn(m -> m.outcome() == null ? "—" : getTranslation("outcome." + m.outcome()))
        .setHeader(getTranslation("myHelp.outcome")).setAutoWidth(true);
    grid.addColumn(m -> m.thankYou() == null ? "" : m.thankYou()).setHeader(getTranslation("myHelp.thankYou"))
        .setFlexGrow(3);
    grid.setAllRowsVisible(true);
    KeysetPager<MyMatch> pager = new KeysetPager<>(this, grid, "my-help-more", 20, api::myMatches);
    add(grid, pager.moreButton());
    pager.reload();

    add(new H3(getTranslation("myHelp.offers")));
    Grid<MyOffer> offers = new Grid<>();
    offers.setId("my-offers");
    offers.addColumn(o -> getTranslation("offerKind." + o.kind())).setHeader(getTranslation("matching.offer"))
        .setAutoWidth(true);
    offers.addColumn(o -> String.join("、", o.categories().stream().map(c -> getTranslation("needCategory." + c))
        .toList())).setHeader(getTranslation("needs.category")).setFlexGrow(2);
    offers.addColumn(o -> getTranslation("myHelp.used", o.allocated(), o.capacity()))
        .setHeader(getTranslation("myHelp.capacity")).setAutoWidth(true);
    offers.addColumn(MyOffer::validUntil).setHeader(getTranslation("myHelp.validUntil")).setAutoWidth(true);
    offers.addColumn(o -> getTranslation("offerStatus." + o.status())).setHeader(getTranslation("track.status"))
        .setAutoWidth(true);
    offers.addComponentColumn(o -> new RouterLink(o.receiptCode(), TrackView.class, o.receiptCode()))
        .setHeader(getTranslation("track.code")).setAutoWidth(true);
    offers.setAllRowsVisible(true);
    KeysetPager<MyOffer> offerPager = new KeysetPager<>(this, offers, "my-offers-more", 20, api::myOffers);
    add(offers, offerPager.moreButton());
    offerPager.reload();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("myHelp.pageTitle");
  }
}
