package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.StaffApi.OverdueFile;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A supervisor's round (走访提醒): the home visits due in the user's scope — overdue and due today by default, or
 * within the coming week, two weeks or month — soonest due first, on the schedule each child's risk tier sets. A
 * supervisor sees their own children unless they untick "mine only". Each name opens the file, where the visit is
 * recorded.
 */
@Route("visits")
@RolesAllowed({RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.5, title = "nav.visits", icon = "vaadin:calendar-clock")
class OverdueVisitsView extends VerticalLayout implements HasDynamicTitle {

  private static final int PAGE_SIZE = 20;

  private final CaseFilesClient api;
  private final Grid<OverdueFile> grid = new Grid<>();
  private final Checkbox mine = new Checkbox();
  private final com.vaadin.flow.component.select.Select<Integer> ahead = new com.vaadin.flow.component.select.Select<>();
  private final String subject;
  private final KeysetPager<OverdueFile> pager;

  OverdueVisitsView(CaseFilesClient api) {
    this.api = api;
    var user = SecurityContextHolder.getContext().getAuthentication();
    boolean supervisor = PortalRoles.has(RoleNames.SUPERVISOR);
    this.subject = user == null ? null : user.getName();
    boolean english = Language.of(getLocale()) == Language.EN;
    add(new H2(getTranslation("visits.title")), new Paragraph(getTranslation("visits.intro")));
    mine.setLabel(getTranslation("visits.mine"));
    mine.setId("visits-mine");
    mine.setValue(supervisor);
    mine.setVisible(supervisor);
    ahead.setLabel(getTranslation("visits.ahead"));
    ahead.setId("visits-ahead");
    ahead.setItems(0, 7, 14, 30);
    ahead.setItemLabelGenerator(days -> getTranslation("visits.ahead." + days));
    ahead.setValue(0);
    pager = new KeysetPager<>(this, grid, "visits-more", PAGE_SIZE,
        (first, after) -> api.visitsDue(ahead.getValue(), mine.getValue() ? subject : null, first, after));
    mine.addValueChangeListener(change -> pager.reload());
    ahead.addValueChangeListener(change -> pager.reload());
    grid.setId("overdue-visits");
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.addComponentColumn(f -> {
      RouterLink link = new RouterLink(f.name(), CaseFileView.class, f.id());
      link.addClassName("overdue-name");
      return link;
    }).setHeader(getTranslation("ledger.name")).setAutoWidth(true);
    grid.addColumn(f -> english ? f.village().nameEn() : f.village().name())
        .setHeader(getTranslation("ledger.village")).setAutoWidth(true);
    grid.addColumn(OverdueFile::riskTier).setHeader(getTranslation("ledger.riskTier")).setAutoWidth(true);
    grid.addColumn(OverdueFile::nextVisitDue).setHeader(getTranslation("visits.due")).setAutoWidth(true);
    java.time.LocalDate today = CityTime.today();
    grid.addComponentColumn(f -> {
      long inDays = java.time.temporal.ChronoUnit.DAYS.between(today, java.time.LocalDate.parse(f.nextVisitDue()));
      com.vaadin.flow.component.html.Span state = new com.vaadin.flow.component.html.Span(
          f.visitOverdueDays() > 0 ? getTranslation("visits.overdueBy", f.visitOverdueDays())
              : inDays <= 0 ? getTranslation("visits.dueToday") : getTranslation("visits.dueIn", inDays));
      state.getElement().getThemeList().add(f.visitOverdueDays() > 0 ? "badge error" : "badge");
      return state;
    }).setHeader(getTranslation("visits.state")).setAutoWidth(true);
    grid.addColumn(f -> f.supervisor() == null ? "—" : f.supervisor().name())
        .setHeader(getTranslation("file.supervisor")).setAutoWidth(true);
    grid.setAllRowsVisible(true);
    add(new com.vaadin.flow.component.orderedlayout.HorizontalLayout(ahead, mine), grid, pager.moreButton());
    pager.reload();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("visits.pageTitle");
  }
}
