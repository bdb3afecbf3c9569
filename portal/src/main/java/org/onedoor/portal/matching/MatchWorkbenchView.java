package org.onedoor.portal.matching;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Function;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.BackendApi;
import org.onedoor.portal.api.MatchingApi.StaffMatch;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.KeysetPager;

/**
 * The match workbench (匹配审批): civil affairs decide the proposed matches — by the engine, staff or a pledge —
 * oldest first: approve (a placement: two different approvers, on the family assessment) or reject with a reason.
 */
@Route("matching")
@RolesAllowed({"CIVIL_AFFAIRS", "ADMIN"})
@Menu(order = 3.8, title = "nav.matching", icon = "vaadin:connect")
class MatchWorkbenchView extends VerticalLayout implements HasDynamicTitle {

  private final BackendApi api;
  private final KeysetPager<StaffMatch> pager;

  MatchWorkbenchView(BackendApi api) {
    this.api = api;
    add(new H2(getTranslation("matching.title")), new Paragraph(getTranslation("matching.intro")));
    Grid<StaffMatch> grid = MatchColumns.grid(this, "pending-matches");
    grid.addComponentColumn(this::actions).setHeader(getTranslation("ledger.actions")).setAutoWidth(true);
    pager = new KeysetPager<>(this, grid, "pending-more", 20, api::pendingMatches);
    add(grid, pager.moreButton());
    pager.reload();
  }

  private Component actions(StaffMatch match) {
    Button approve = new Button(getTranslation("matching.approve"), click -> {
      if ("PLACEMENT".equals(match.offer().kind())) {
        ask(match, "matching.assessment", text -> api.approveMatch(match.id(), text));
      } else {
        act(api.approveMatch(match.id(), null));
      }
    });
    approve.addClassName("match-approve");
    approve.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
    Button reject = new Button(getTranslation("matching.reject"),
        click -> ask(match, "matching.reason", text -> api.rejectMatch(match.id(), text)));
    reject.addClassName("match-reject");
    reject.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
    return new HorizontalLayout(approve, reject);
  }

  private void ask(StaffMatch match, String labelKey, Function<String, List<UserError>> send) {
    Dialog dialog = new Dialog();
    dialog.setId("match-dialog");
    dialog.setHeaderTitle(match.need().title());
    TextArea text = new TextArea(getTranslation(labelKey));
    text.setId("match-text");
    text.setWidth("28em");
    text.setValue(match.assessment() == null ? "" : match.assessment());
    Button ok = new Button(getTranslation("matching.send"), click -> {
      try {
        List<UserError> errors = send.apply(text.getValue());
        if (errors.isEmpty()) {
          dialog.close();
          pager.reload();
        } else {
          text.setErrorMessage(errors.getFirst().message());
          text.setInvalid(true);
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    ok.setId("match-send");
    ok.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(text);
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), ok);
    dialog.open();
  }

  private void act(List<UserError> errors) {
    errors.forEach(e -> ApiErrors.show(e.message()));
    pager.reload();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("matching.pageTitle");
  }
}
