package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.button.Button;
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
import java.util.ArrayList;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.BackendApi;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.StaffApi.OverdueFile;
import org.onedoor.portal.api.StaffApi.OverduePage;
import org.onedoor.portal.layout.ApiErrors;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The overdue home visits (走访逾期) in the user's scope, longest overdue first; a supervisor sees their own children
 * unless they untick "mine only". Each name opens the file, where the visit is recorded.
 */
@Route("visits")
@RolesAllowed({"SUPERVISOR", "TOWNSHIP_STAFF", "CIVIL_AFFAIRS", "ADMIN"})
@Menu(order = 3.5, title = "nav.visits", icon = "vaadin:calendar-clock")
class OverdueVisitsView extends VerticalLayout implements HasDynamicTitle {

  private static final int PAGE_SIZE = 20;

  private final BackendApi api;
  private final Grid<OverdueFile> grid = new Grid<>();
  private final Button more = new Button();
  private final Checkbox mine = new Checkbox();
  private final List<OverdueFile> shown = new ArrayList<>();
  private final String subject;
  private String endCursor;

  OverdueVisitsView(BackendApi api) {
    this.api = api;
    var user = SecurityContextHolder.getContext().getAuthentication();
    boolean supervisor = user != null && user.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR"));
    this.subject = user == null ? null : user.getName();
    boolean english = Language.of(getLocale()) == Language.EN;
    add(new H2(getTranslation("visits.title")), new Paragraph(getTranslation("visits.intro")));
    mine.setLabel(getTranslation("visits.mine"));
    mine.setId("visits-mine");
    mine.setValue(supervisor);
    mine.setVisible(supervisor);
    mine.addValueChangeListener(change -> load(true));
    grid.setId("overdue-visits");
    grid.addComponentColumn(f -> {
      RouterLink link = new RouterLink(f.name(), CaseFileView.class, f.id());
      link.addClassName("overdue-name");
      return link;
    }).setHeader(getTranslation("ledger.name")).setAutoWidth(true);
    grid.addColumn(f -> english ? f.village().nameEn() : f.village().name())
        .setHeader(getTranslation("ledger.village")).setAutoWidth(true);
    grid.addColumn(OverdueFile::riskTier).setHeader(getTranslation("ledger.riskTier")).setAutoWidth(true);
    grid.addColumn(OverdueFile::nextVisitDue).setHeader(getTranslation("visits.due")).setAutoWidth(true);
    grid.addColumn(f -> getTranslation("visits.overdueBy", f.visitOverdueDays()))
        .setHeader(getTranslation("visits.overdue")).setAutoWidth(true);
    grid.addColumn(f -> f.supervisor() == null ? "—" : f.supervisor().name())
        .setHeader(getTranslation("file.supervisor")).setAutoWidth(true);
    grid.setAllRowsVisible(true);
    more.setText(getTranslation("needs.more"));
    more.setId("visits-more");
    more.addClickListener(click -> load(false));
    add(mine, grid, more);
    load(true);
  }

  private void load(boolean fromStart) {
    if (fromStart) {
      shown.clear();
      endCursor = null;
    }
    try {
      OverduePage page = api.overdueVisits(mine.getValue() ? subject : null, PAGE_SIZE, endCursor);
      shown.addAll(page.files());
      endCursor = page.endCursor();
      more.setVisible(page.hasNextPage());
      grid.setItems(shown);
    } catch (ApiException failure) {
      more.setVisible(false);
      ApiErrors.show(this, failure);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("visits.pageTitle");
  }
}
