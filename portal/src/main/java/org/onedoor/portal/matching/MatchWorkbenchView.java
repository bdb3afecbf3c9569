package org.onedoor.portal.matching;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import org.onedoor.portal.api.MatchingApi;
import org.onedoor.portal.api.MatchingApi.StaffMatch;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.schema.RoleNames;

/**
 * The match workbench (匹配审批): civil affairs run the global allocation (its progress shown while it runs), and
 * decide the proposed matches — by the engine, staff or a pledge — oldest first: approve (a placement: two different
 * approvers, on the family assessment) or reject with a reason; a need's ranked offers show the reason for every
 * factor of their score, and staff may propose one.
 *
 * <p>Why about 300 lines: the allocation run, the pending matches and the suggestions are one screen civil affairs
 * work through together.
 */
@Route("matching")
@RolesAllowed({RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.8, title = "nav.matching", icon = "vaadin:connect")
class MatchWorkbenchView extends VerticalLayout implements HasDynamicTitle {

  private final MatchingClient api;
  private KeysetPager<StaffMatch> pager;
  private KeysetPager<MatchingApi.MyOffer> offerPager;

  MatchWorkbenchView(MatchingClient api) {
    this.api = api;
    add(new H2(getTranslation("matching.title")), new Paragraph(getTranslation("matching.intro")));
    add(allocation());
    Grid<StaffMatch> grid = MatchColumns.grid(this, "pending-matches");
    grid.addComponentColumn(m -> {
      if (!Boolean.TRUE.equals(m.conflictRecorded())) {
        return new Span();
      }
      Span conflict = new Span(getTranslation("matching.conflictRecorded"));
      conflict.getElement().getThemeList().add("badge error");
      conflict.addClassName("match-conflict-recorded");
      return conflict;
    }).setHeader(getTranslation("matching.conflictHeader")).setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader(getTranslation("ledger.actions")).setAutoWidth(true);
    pager = new KeysetPager<>(this, grid, "pending-more", 20, api::pendingMatches);
    add(grid, pager.moreButton());
    pager.reload();
    add(openOffers());
  }

  /** The open offers, newest first, each with the needs it can meet best. */
  private Component openOffers() {
    Grid<MatchingApi.MyOffer> offers = new Grid<>();
    offers.setEmptyStateText(getTranslation("list.empty"));
    offers.setId("open-offers");
    offers.addColumn(o -> MatchColumns.gives(this, new MatchingApi.OfferSummary(o.id(), o.kind(), o.amountYuan(),
        o.goods(), o.skill(), o.hoursPerWeek(), o.careKind()))).setHeader(getTranslation("matching.offer"))
        .setFlexGrow(2);
    offers.addColumn(o -> String.join(getTranslation("punctuation.list"), o.categories().stream().map(c -> getTranslation("needCategory." + c))
        .toList())).setHeader(getTranslation("needs.category")).setFlexGrow(2);
    offers.addComponentColumn(o -> {
      Span used = new Span(getTranslation("myHelp.used", o.allocated(), o.capacity()));
      used.addClassName("offer-used");
      used.getElement().setAttribute("data-code", o.receiptCode());
      return used;
    }).setHeader(getTranslation("myHelp.capacity")).setAutoWidth(true);
    offers.addColumn(MatchingApi.MyOffer::validUntil).setHeader(getTranslation("myHelp.validUntil"))
        .setAutoWidth(true);
    offers.addColumn(MatchingApi.MyOffer::receiptCode).setHeader(getTranslation("track.code")).setAutoWidth(true);
    offers.addComponentColumn(o -> {
      Button needs = new Button(getTranslation("matching.needsForOffer"), click -> needsFor(o));
      needs.addClassName("offer-needs");
      needs.getElement().setAttribute("data-code", o.receiptCode());
      needs.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
      return needs;
    }).setAutoWidth(true);
    offers.setAllRowsVisible(true);
    offerPager = new KeysetPager<>(this, offers, "open-offers-more", 20, api::openOffers);
    offerPager.reload();
    VerticalLayout box = new VerticalLayout(new H3(getTranslation("matching.openOffers")),
        new Paragraph(getTranslation("matching.openOffersIntro")), offers, offerPager.moreButton());
    box.setPadding(false);
    return box;
  }

  /** An offer's best needs with the reason for every factor; staff may propose one. */
  private void needsFor(MatchingApi.MyOffer offer) {
    Dialog dialog = new Dialog();
    dialog.setId("offer-needs-dialog");
    dialog.setHeaderTitle(getTranslation("matching.needsForOffer") + getTranslation("punctuation.colon") + offer.receiptCode());
    VerticalLayout list = new VerticalLayout();
    list.setId("offer-needs");
    try {
      List<MatchingApi.Suggestion> found = api.needsForOffer(offer.id());
      if (found.isEmpty()) {
        list.add(new Paragraph(getTranslation("matching.noNeeds")));
      }
      for (MatchingApi.Suggestion suggestion : found) {
        Button propose = propose(suggestion.need().id(), offer.id(), dialog);
        propose.addClassName("offer-need-propose");
        String reasons = String.join(getTranslation("punctuation.semicolon"), suggestion.factors().stream().map(MatchingApi.Factor::reason).toList());
        Span need = new Span(String.format("%.1f", suggestion.score()) + " · " + describe(suggestion.need()));
        need.addClassName("offer-need");
        need.getElement().setAttribute("data-need", suggestion.need().title());
        list.add(new HorizontalLayout(need, propose), new Paragraph(reasons));
      }
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    openWithClose(dialog, list);
  }

  /** A need as staff tell needs apart: its code, title, category, and the age band and township it shows. */
  private String describe(MatchingApi.StaffNeed need) {
    boolean english = org.onedoor.portal.api.Language.of(getLocale()) == org.onedoor.portal.api.Language.EN;
    List<String> parts = new java.util.ArrayList<>();
    if (need.publicId() != null) {
      parts.add(need.publicId());
    }
    parts.add(need.title());
    parts.add(getTranslation("needCategory." + need.category()));
    if (need.ageBand() != null) {
      parts.add(getTranslation("ageBand." + need.ageBand()));
    }
    parts.add(need.township() == null ? getTranslation("needs.cityWide")
        : english ? need.township().nameEn() : need.township().name());
    return String.join(" · ", parts);
  }

  /** Proposes a need and an offer as a match, then closes the dialog it sits in and shows the pending list again. */
  private Button propose(String needId, String offerId, Dialog dialog) {
    Button propose = new Button(getTranslation("matching.propose"), click -> {
      try {
        List<UserError> errors = api.proposeMatch(needId, offerId);
        errors.forEach(e -> ApiErrors.show(e.message()));
        if (errors.isEmpty()) {
          done("matching.proposed");
          dialog.close();
        }
        refresh();
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    propose.addThemeVariants(ButtonVariant.SMALL);
    return propose;
  }

  private Component actions(StaffMatch match) {
    Button approve = new Button(getTranslation("matching.approve"), click -> {
      if ("PLACEMENT".equals(match.offer().kind())) {
        // A placement needs two different approvers: the first approval leaves it waiting for the second.
        boolean first = match.approvals().size() + 1 < match.approvalsNeeded();
        ask(match, "matching.assessment", first ? "matching.firstApproval" : "matching.approved",
            text -> api.approveMatch(match.id(), text));
      } else {
        act("matching.approved", () -> api.approveMatch(match.id(), null));
      }
    });
    approve.addClassName("match-approve");
    approve.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
    Button reject = new Button(getTranslation("matching.reject"),
        click -> ask(match, "matching.reason", "matching.rejected", text -> api.rejectMatch(match.id(), text)));
    reject.addClassName("match-reject");
    reject.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
    Button suggestions = new Button(getTranslation("matching.suggestions"), click -> suggestions(match));
    suggestions.addClassName("match-suggestions");
    suggestions.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
    Button conflict = new Button(getTranslation("matching.conflict"),
        click -> conflict(match.need().title(), match.need().id(), match.offer().id(), this::refresh));
    conflict.addClassName("match-conflict");
    conflict.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
    HorizontalLayout buttons = new HorizontalLayout(approve, reject, suggestions, conflict);
    // Which need the row's buttons act on, for a reader or a test that finds a row by its need.
    buttons.getChildren().forEach(button -> button.getElement().setAttribute("data-need", match.need().title()));
    return buttons;
  }

  /** The global allocation: start a run, follow its progress (the page polls while it runs), see what it found. */
  private Component allocation() {
    com.vaadin.flow.component.progressbar.ProgressBar bar = new com.vaadin.flow.component.progressbar.ProgressBar(0,
        100, 0);
    bar.setId("allocation-progress");
    bar.setWidth("24em");
    com.vaadin.flow.component.html.Span state = new com.vaadin.flow.component.html.Span();
    state.setId("allocation-state");
    Button start = new Button(getTranslation("matching.allocate"));
    start.setId("allocation-start");
    Runnable show = () -> {
      MatchingApi.AllocationRun run;
      try {
        run = api.latestAllocation();
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
        return;
      }
      boolean running = run != null && "RUNNING".equals(run.status());
      bar.setVisible(run != null);
      start.setEnabled(!running);
      if (run == null) {
        state.setText(getTranslation("matching.allocationNone"));
        return;
      }
      bar.setValue(run.progress());
      state.setText(running ? getTranslation("matching.allocationRunning", run.progress())
          : "DONE".equals(run.status()) ? getTranslation("matching.allocationDone", run.needs(), run.offers(),
              run.proposed(), run.totalUrgency() == 0 ? 100 : Math.round(100 * run.coveredUrgency()
                  / run.totalUrgency())) : getTranslation("matching.allocationFailed"));
      getUI().ifPresent(ui -> ui.setPollInterval(running ? 1000 : -1));
      if (!running && pager != null) {
        pager.reload();
      }
    };
    start.addClickListener(click -> {
      try {
        api.startAllocation();
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
      show.run();
    });
    addAttachListener(attach -> {
      show.run();
      attach.getUI().addPollListener(poll -> show.run());
    });
    VerticalLayout box = new VerticalLayout(new com.vaadin.flow.component.html.H3(getTranslation(
        "matching.allocation")), new Paragraph(getTranslation("matching.allocationIntro")), start, bar, state);
    box.setPadding(false);
    return box;
  }

  /** A need's ranked offers with the reason for every factor; staff may propose one. */
  private void suggestions(StaffMatch match) {
    Dialog dialog = new Dialog();
    dialog.setId("suggestions-dialog");
    dialog.setHeaderTitle(getTranslation("matching.suggestions") + getTranslation("punctuation.colon") + match.need().title());
    VerticalLayout list = new VerticalLayout();
    list.setId("suggestions");
    try {
      List<MatchingApi.Suggestion> found = api.offersForNeed(match.need().id());
      if (found.isEmpty()) {
        list.add(new Paragraph(getTranslation("matching.noSuggestions")));
      }
      for (MatchingApi.Suggestion suggestion : found) {
        Button propose = propose(match.need().id(), suggestion.offer().id(), dialog);
        propose.setEnabled(!suggestion.offer().id().equals(match.offer().id()));
        Button conflict = new Button(getTranslation("matching.conflict"), click -> conflict(match.need().title(),
            match.need().id(), suggestion.offer().id(), () -> {
              dialog.close();
              suggestions(match);
            }));
        conflict.addClassName("suggestion-conflict");
        conflict.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        String reasons = String.join(getTranslation("punctuation.semicolon"), suggestion.factors().stream().map(MatchingApi.Factor::reason).toList());
        list.add(new HorizontalLayout(new com.vaadin.flow.component.html.Span(String.format("%.1f", suggestion.score())
            + " · " + MatchColumns.gives(this, suggestion.offer())), propose, conflict), new Paragraph(reasons));
      }
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    openWithClose(dialog, list);
  }

  /**
   * Records a conflict of interest between an offer's offerer and a need's child, with the reason: the engine never
   * pairs them again, and a proposal waiting across it is refused at approval.
   */
  private void conflict(String title, String needId, String offerId, Runnable after) {
    TextArea reason = new TextArea(getTranslation("matching.conflictReason"));
    reason.setId("conflict-reason");
    reason.setHelperText(getTranslation("matching.conflictHelp"));
    reason.setMaxLength(500);
    textDialog("conflict", getTranslation("matching.conflict") + getTranslation("punctuation.colon") + title, reason,
        text -> api.recordConflictOfInterest(needId, offerId, text), () -> {
          done("matching.conflictSaved");
          after.run();
        });
  }

  private void ask(StaffMatch match, String labelKey, String doneKey, Function<String, List<UserError>> send) {
    TextArea text = new TextArea(getTranslation(labelKey));
    text.setId("match-text");
    text.setValue(match.assessment() == null ? "" : match.assessment());
    textDialog("match", match.need().title(), text, send, () -> {
      done(doneKey);
      refresh();
    });
  }

  /**
   * A dialog asking for one text (a reason, an assessment) and sending it; a refusal shows on the text, success
   * closes the dialog and runs {@code after}. Its ids: {@code <prefix>-dialog}, {@code <prefix>-send}.
   */
  private void textDialog(String idPrefix, String title, TextArea text, Function<String, List<UserError>> send,
      Runnable after) {
    Dialog dialog = new Dialog();
    dialog.setId(idPrefix + "-dialog");
    dialog.setHeaderTitle(title);
    text.setWidth("28em");
    Button ok = new Button(getTranslation("matching.send"), click -> {
      text.setInvalid(false);
      try {
        List<UserError> errors = send.apply(text.getValue());
        if (errors.isEmpty()) {
          dialog.close();
          after.run();
        } else {
          text.setErrorMessage(errors.getFirst().message());
          text.setInvalid(true);
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    ok.setId(idPrefix + "-send");
    ok.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(text);
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), ok);
    dialog.open();
  }

  /** An action on a row: says it was done, or why not (a refusal, a session that expired), and stays in place. */
  private void act(String doneKey, java.util.function.Supplier<List<UserError>> call) {
    List<UserError> errors;
    try {
      errors = call.get();
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    if (errors.isEmpty()) {
      done(doneKey);
    }
    errors.forEach(e -> ApiErrors.show(e.message()));
    refresh();
  }

  private void done(String key) {
    com.vaadin.flow.component.notification.Notification.show(getTranslation(key), 4000,
        com.vaadin.flow.component.notification.Notification.Position.BOTTOM_CENTER).setId("matching-done");
  }

  /** The pending matches where the user was, and the open offers' places, fresh. */
  private void refresh() {
    pager.refresh();
    if (offerPager != null) {
      offerPager.refresh();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("matching.pageTitle");
  }

  /** Opens a dialog of suggestions with a close button. */
  private void openWithClose(Dialog dialog, VerticalLayout list) {
    dialog.add(list);
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()));
    dialog.open();
  }
}
