package org.onedoor.portal.matching;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.portal.api.MatchingApi.OfferSummary;
import org.onedoor.portal.api.MatchingApi.StaffMatch;

/** The columns staff see of a match: the need, what the offer gives, who proposed it, the score and the status. */
final class MatchColumns {

  private MatchColumns() {
  }

  static Grid<StaffMatch> grid(Component view, String id) {
    Grid<StaffMatch> grid = new Grid<>();
    grid.setEmptyStateText(view.getTranslation("list.empty"));
    grid.setId(id);
    grid.addColumn(m -> m.need().title()).setHeader(view.getTranslation("needs.need")).setFlexGrow(2);
    grid.addColumn(m -> view.getTranslation("needCategory." + m.need().category()) + " · "
        + view.getTranslation("urgency." + m.need().urgency())).setHeader(view.getTranslation("needs.category"))
        .setAutoWidth(true);
    grid.addColumn(m -> gives(view, m.offer())).setHeader(view.getTranslation("matching.offer")).setFlexGrow(2);
    grid.addColumn(m -> view.getTranslation("matchOrigin." + m.origin())).setHeader(view.getTranslation(
        "matching.origin")).setAutoWidth(true);
    grid.addColumn(m -> m.score() == null ? "—" : String.format("%.1f", m.score()))
        .setHeader(view.getTranslation("matching.score")).setAutoWidth(true);
    grid.addComponentColumn(m -> {
      Span status = new Span(view.getTranslation("matchStatus." + m.status())
          + (m.approvalsNeeded() > 1 && "PROPOSED".equals(m.status())
          ? " " + m.approvals().size() + "/" + m.approvalsNeeded() : ""));
      status.getElement().getThemeList().add("badge");
      return status;
    }).setHeader(view.getTranslation("track.status")).setAutoWidth(true);
    grid.setAllRowsVisible(true);
    return grid;
  }

  static String gives(Component view, OfferSummary offer) {
    List<String> parts = new ArrayList<>();
    parts.add(view.getTranslation("offerKind." + offer.kind()));
    if (offer.amountYuan() != null) {
      parts.add(view.getTranslation("needs.amount", offer.amountYuan()));
    }
    if (offer.goods() != null && !offer.goods().isEmpty()) {
      parts.add(String.join(view.getTranslation("punctuation.list"), offer.goods()));
    }
    if (offer.hoursPerWeek() != null) {
      parts.add(view.getTranslation("matching.hoursPerWeek", offer.hoursPerWeek()));
    }
    return String.join(" · ", parts);
  }

  /** Marks a cell and its parts with the need of their row, for a reader or a test that finds a row by its need. */
  static com.vaadin.flow.component.Component ofNeed(com.vaadin.flow.component.Component cell, String needTitle) {
    cell.getElement().setAttribute("data-need", needTitle);
    cell.getChildren().forEach(part -> part.getElement().setAttribute("data-need", needTitle));
    return cell;
  }
}
