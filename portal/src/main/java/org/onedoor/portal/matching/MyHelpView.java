package org.onedoor.portal.matching;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.onedoor.portal.api.BackendApi;
import org.onedoor.portal.api.MatchingApi.MyMatch;
import org.onedoor.portal.layout.KeysetPager;

/**
 * My help (我的帮扶): the user's pledges and offers with where their matches stand — the anonymised need, the status,
 * the outcome and the caseworker's thank-you. Never anything of the child.
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
  }

  @Override
  public String getPageTitle() {
    return getTranslation("myHelp.pageTitle");
  }
}
