package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.StaffApi.OverdueFile;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.Cards;
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
  private final Cards cards = new Cards("overdue-visits");
  private final Checkbox mine = new Checkbox();
  private final com.vaadin.flow.component.select.Select<Integer> ahead = new com.vaadin.flow.component.select.Select<>();
  private final String subject;
  private final KeysetPager<OverdueFile> pager;

  OverdueVisitsView(CaseFilesClient api) {
    this.api = api;
    var user = SecurityContextHolder.getContext().getAuthentication();
    boolean supervisor = PortalRoles.has(RoleNames.SUPERVISOR);
    this.subject = user == null ? null : user.getName();
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
    pager = new KeysetPager<>(this, this::show, "visits-more", PAGE_SIZE,
        (first, after) -> api.visitsDue(ahead.getValue(), mine.getValue() ? subject : null, first, after));
    mine.addValueChangeListener(change -> pager.reload());
    ahead.addValueChangeListener(change -> pager.reload());
    add(new com.vaadin.flow.component.orderedlayout.HorizontalLayout(ahead, mine), cards, pager.moreButton());
    pager.reload();
  }

  /**
   * One card per child, as a supervisor reads it on a phone at the door: the name (opening the file), where the
   * visit stands, the address to go to, the village, the risk tier, the last visit and who is in charge.
   */
  private void show(List<OverdueFile> files) {
    cards.removeAll();
    boolean english = Language.of(getLocale()) == Language.EN;
    LocalDate today = CityTime.today();
    for (OverdueFile f : files) {
      long inDays = ChronoUnit.DAYS.between(today, LocalDate.parse(f.nextVisitDue()));
      Cards.Card card = new Cards.Card(f.name(), "files/" + f.id())
          .badge(f.visitOverdueDays() > 0 ? getTranslation("visits.overdueBy", f.visitOverdueDays())
              : inDays <= 0 ? getTranslation("visits.dueToday") : getTranslation("visits.dueIn", inDays),
              f.visitOverdueDays() > 0 ? "badge error" : "badge")
          .line(getTranslation("file.address"), f.address())
          .line(getTranslation("ledger.village"), english ? f.village().nameEn() : f.village().name())
          .line(getTranslation("ledger.riskTier"), String.valueOf(f.riskTier()))
          .line(getTranslation("visits.due"), f.nextVisitDue())
          .line(getTranslation("file.lastVisit"), f.lastVisitOn())
          .line(getTranslation("file.supervisor"), f.supervisor() == null ? null : f.supervisor().name());
      card.addClassName("visit-card");
      cards.add(card);
    }
    cards.emptyText(getTranslation("list.empty"));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("visits.pageTitle");
  }
}
