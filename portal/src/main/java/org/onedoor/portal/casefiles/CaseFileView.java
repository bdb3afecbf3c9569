package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.StaffApi.CaseFileDetail;
import org.onedoor.portal.api.StaffApi.Change;
import org.onedoor.portal.api.StaffApi.Consent;
import org.onedoor.portal.api.StaffApi.FileNeed;
import org.onedoor.portal.api.StaffApi.Visit;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.api.Village;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Cards;
import org.onedoor.schema.RoleNames;

/**
 * One child's file (一人一档) for staff: who the child is, guardianship, condition, schooling, assistance, the
 * supervisor and the visit schedule, the home visits with a form to record one, and the history of changes. Every
 * opening is a read the backend logs.
 */
@Route("files")
@RolesAllowed({RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.CIVIL_AFFAIRS})
public class CaseFileView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseFilesClient api;
  private final org.onedoor.portal.privacy.GuardianRequestsClient requests;
  private String fileId;

  CaseFileView(CaseFilesClient api, org.onedoor.portal.privacy.GuardianRequestsClient requests) {
    this.api = api;
    this.requests = requests;
    setId("case-file");
  }

  @Override
  public void setParameter(BeforeEvent event, String id) {
    this.fileId = id;
    show();
  }

  private void show() {
    removeAll();
    CaseFileDetail file;
    try {
      file = api.caseFile(fileId);
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    boolean english = Language.of(getLocale()) == Language.EN;
    String separator = english ? ", " : getTranslation("punctuation.list");
    H2 title = new H2(file.name());
    title.setId("file-name");
    add(title);
    if (org.onedoor.portal.security.PortalRoles.has(RoleNames.TOWNSHIP_STAFF, RoleNames.CIVIL_AFFAIRS)) {
      Button request = new Button(getTranslation("guardianRequest.open"),
          click -> new org.onedoor.portal.privacy.GuardianRequestDialog(requests, fileId, file.name()).open());
      request.setId("file-guardian-request");
      request.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
      add(request);
    }
    if (file.draft()) {
      add(draftNotice(file));
    }
    FileSections sections = new FileSections(this, api, file, this::show);
    add(heading("file.basics", "basics", sections::basics));
    add(facts("file-identity",
        fact("file.sex", getTranslation("sex." + file.sex())),
        fact("file.birthDate", file.birthDate()),
        fact("file.place", place(file.township(), english) + " · " + place(file.village(), english)),
        fact("file.address", file.address()),
        fact("file.householdRegistration", file.householdRegistration()),
        fact("file.causes", file.causes().stream().map(c -> getTranslation("cause." + c))
            .collect(Collectors.joining(separator))),
        fact("file.riskTier", String.valueOf(file.riskTier())),
        fact("file.consent", getTranslation(file.consentInForce() ? "ledger.consent.yes" : "ledger.consent.no"))));

    add(heading("file.guardianship", "guardianship", sections::guardianship));
    if (file.guardianship() == null) {
      add(new Paragraph(getTranslation("file.notRecorded")));
    } else {
      add(facts("file-guardianship",
          fact("file.parents", getTranslation("parents." + file.guardianship().parents())),
          fact("file.capability", file.guardianship().capability() == null ? null
              : getTranslation("capability." + file.guardianship().capability())),
          fact("file.guardians", file.guardianship().guardians().stream()
              .map(g -> g.name() + "（" + g.relationship() + (g.phone() == null ? "" : " " + g.phone()) + "）")
              .collect(Collectors.joining(separator)))));
    }
    add(heading("file.conditionAndSchooling", null, null));
    add(new Div(editButton("condition", sections::condition), editButton("schooling", sections::schooling),
        editButton("benefits", sections::benefits)));
    add(facts("file-circumstances",
        fact("file.condition", file.condition() == null ? getTranslation("file.none")
            : getTranslation("condition." + file.condition().category())
                + (file.condition().type() == null ? "" : " · " + file.condition().type())
                + (file.condition().grade() == null ? "" : " · " + getTranslation("file.grade",
                    file.condition().grade()))),
        fact("file.schooling", file.schooling() == null ? null
            : getTranslation("schooling." + file.schooling().status())
                + (file.schooling().school() == null ? "" : " · " + file.schooling().school())
                + (file.schooling().grade() == null ? "" : " " + file.schooling().grade())),
        fact("file.benefits", file.benefits().isEmpty() ? getTranslation("file.none")
            : file.benefits().stream().map(b -> getTranslation("benefit." + b)).collect(Collectors.joining(separator)))));

    add(heading("file.visits", "supervisor", sections::supervisor));
    Span due = new Span(file.nextVisitDue() == null ? "—" : file.nextVisitDue());
    due.setId("file-next-visit");
    if (file.visitOverdueDays() > 0) {
      due.setText(file.nextVisitDue() + " · " + getTranslation("visits.overdueBy", file.visitOverdueDays()));
      due.getElement().getThemeList().add("badge error");
    }
    add(facts("file-schedule",
        fact("file.supervisor", file.supervisor() == null ? null : file.supervisor().name()),
        fact("file.lastVisit", file.lastVisitOn()),
        labelled("file.nextVisit", due)));
    add(visitForm());
    // Cards, not a grid: a supervisor reads the earlier visits on a phone at the door.
    Cards visits = new Cards("file-visits");
    for (Visit visit : file.visits()) {
      visits.add(new Cards.Card(visit.visitedOn(), null)
          .line(getTranslation("visit.visitor"), visit.visitor())
          .line(getTranslation("visit.findings"), visit.findings())
          .line(getTranslation("visit.followUp"), visit.followUp()));
    }
    visits.emptyText(getTranslation("list.empty"));
    add(visits);

    add(safety(file));
    add(consents(file));
    add(needs(file));

    add(new H3(getTranslation("file.history")));
    Cards history = new Cards("file-history");
    for (Change change : file.history()) {
      history.add(new Cards.Card(MINUTES.format(Instant.parse(change.at()).atZone(CityTime.ZONE)) + " · "
          + (change.actorName() == null ? change.actor() : change.actorName()), null)
          .badge(getTranslation("history.versionBadge", change.version()), "badge contrast")
          .text(change.changes().stream().map(f -> getTranslation("history.field." + f.field())
              + ("changed".equals(f.change()) || "true".equals(f.change()) || f.field().startsWith("visit")
                  || f.field().startsWith("consent") ? "" : getTranslation("punctuation.colon") + f.change()))
              .collect(Collectors.joining(separator))));
    }
    history.emptyText(getTranslation("list.empty"));
    add(history);
  }

  /** A section's heading, with the button that opens its editor (none when {@code section} is null). */
  private Component heading(String titleKey, String section, Supplier<? extends Dialog> editor) {
    H3 title = new H3(getTranslation(titleKey));
    if (section == null) {
      return title;
    }
    Div heading = new Div(title, editButton(section, editor));
    heading.addClassName("file-section-heading");
    return heading;
  }

  private Button editButton(String section, Supplier<? extends Dialog> editor) {
    Button edit = new Button(getTranslation("fileEdit.open." + section), click -> editor.get().open());
    edit.setId("file-edit-" + section);
    edit.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
    return edit;
  }

  /** The file's timeline of reports: each safety chain, with what was done, step by step. */
  private Component safety(CaseFileDetail file) {
    Div section = new Div(new H3(getTranslation("file.safety")));
    section.setId("file-safety");
    Cards chains = new Cards("file-safety-chains");
    for (var chain : file.safetyCases()) {
      Cards.Card card = new Cards.Card(getTranslation("safety.chainTitle", chain.receiptCode()),
          "safety-chain/" + chain.id())
          .badge(getTranslation(chain.closed() ? "safety.closed" : chain.overdue() ? "safety.overdue"
              : "safety.open"), chain.closed() ? "badge contrast" : chain.overdue() ? "badge error" : "badge");
      chain.steps().forEach(step -> card.text(getTranslation("safetyStep." + step.step()) + " · "
          + MINUTES.format(Instant.parse(step.occurredAt()).atZone(CityTime.ZONE)) + " · " + step.recordedByName()));
      chains.add(card);
    }
    chains.emptyText(getTranslation("file.noSafety"));
    section.add(chains);
    return section;
  }

  /** The guardians' consents to publishing: record one, withdraw one in force (its published needs go with it). */
  private Component consents(CaseFileDetail file) {
    Div section = new Div();
    section.setId("file-consents-section");
    Button record = new Button(getTranslation("ledger.recordConsent"),
        click -> new ConsentDialog(api, file.id(), file.name(), this::show).open());
    record.setId("file-record-consent");
    record.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
    Div heading = new Div(new H3(getTranslation("file.consents")), record);
    heading.addClassName("file-section-heading");
    section.add(heading);
    Cards consents = new Cards("file-consents");
    for (Consent consent : file.consents()) {
      Cards.Card card = new Cards.Card(consent.givenBy() + getTranslation("file.relationship", consent.relationship()),
          null)
          .badge(getTranslation(consent.inForce() ? "consent.inForce"
              : consent.withdrawnAt() != null ? "consent.withdrawn" : "consent.lapsed"),
              consent.inForce() ? "badge success" : "badge contrast")
          .line(getTranslation("consent.validUntil"), consent.validUntil());
      if (consent.inForce()) {
        Button withdraw = new Button(getTranslation("consent.withdraw"), click -> confirmWithdrawal(file, consent));
        withdraw.addClassName("withdraw-consent");
        withdraw.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
        card.footer(withdraw);
      }
      consents.add(card);
    }
    consents.emptyText(getTranslation("file.noConsent"));
    section.add(consents);
    return section;
  }

  private void confirmWithdrawal(CaseFileDetail file, Consent consent) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("confirm-withdraw-consent");
    confirm.setHeader(getTranslation("consent.withdrawTitle"));
    confirm.setText(getTranslation("consent.withdrawText", consent.givenBy()));
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("needs.close"));
    confirm.setConfirmText(getTranslation("consent.withdraw"));
    confirm.setConfirmButtonTheme("error primary");
    confirm.addConfirmListener(event -> {
      try {
        CaseFilesClient.ConsentWithdrawal outcome = api.withdrawConsent(file.id(), consent.id());
        if (outcome.errors().isEmpty()) {
          Notification.show(getTranslation("consent.withdrawnNotice", outcome.needsWithdrawn()), 6000,
              Notification.Position.BOTTOM_CENTER).setId("consent-withdrawn");
        } else {
          outcome.errors().forEach(e -> ApiErrors.show(e.message()));
        }
        show();
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    confirm.open();
  }

  /** The child's needs, newest first: draft a new one, change a draft, withdraw one, draft again from an old one. */
  private Component needs(CaseFileDetail file) {
    Div section = new Div();
    section.setId("file-needs-section");
    Button draft = new Button(getTranslation("ledger.newNeed"),
        click -> NeedEditorDialog.newNeed(api, file.id(), file.name(), this::show).open());
    draft.setId("file-new-need");
    draft.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
    Div heading = new Div(new H3(getTranslation("file.needs")), draft);
    heading.addClassName("file-section-heading");
    section.add(heading);
    Cards needs = new Cards("file-needs");
    for (FileNeed need : file.needs()) {
      needs.add(new Cards.Card(need.title(), null)
          .badge(getTranslation("needStatus." + need.status()), "PUBLISHED".equals(need.status()) ? "badge success"
              : "badge contrast")
          .line(getTranslation("file.needCategory"), getTranslation("needCategory." + need.category()))
          .line(getTranslation("editor.deadline"), need.deadlineMonth())
          .footer(needActions(file, need)));
    }
    needs.emptyText(getTranslation("list.empty"));
    section.add(needs);
    return section;
  }

  private Component needActions(CaseFileDetail file, FileNeed need) {
    Div actions = new Div();
    if ("DRAFT".equals(need.status())) {
      actions.add(needAction("need-edit", "editor.edit", ButtonVariant.PRIMARY,
          () -> NeedEditorDialog.editDraft(api, file.id(), file.name(), need, this::show).open()));
    }
    if (List.of("DRAFT", "PUBLISHED", "EXPIRED").contains(need.status())) {
      actions.add(needAction("need-withdraw", "editor.withdraw", ButtonVariant.ERROR, () -> {
        try {
          List<UserError> refusals = api.withdrawNeed(need.id());
          if (refusals.isEmpty()) {
            Notification.show(getTranslation("editor.withdrawn"), 4000, Notification.Position.BOTTOM_CENTER)
                .setId("need-withdrawn");
          }
          refusals.forEach(r -> ApiErrors.show(r.message()));
          show();
        } catch (ApiException failure) {
          ApiErrors.show(this, failure);
        }
      }));
    }
    if (List.of("WITHDRAWN", "EXPIRED").contains(need.status())) {
      actions.add(needAction("need-draft-again", "editor.draftAgain", ButtonVariant.TERTIARY,
          () -> NeedEditorDialog.draftFrom(api, file.id(), file.name(), need, this::show).open()));
    }
    return actions;
  }

  private Button needAction(String className, String labelKey, ButtonVariant variant, Runnable action) {
    Button button = new Button(getTranslation(labelKey), click -> action.run());
    button.addClassName(className);
    button.addThemeVariants(ButtonVariant.SMALL, variant);
    return button;
  }

  /** A file opened from an application: staff check it with the family, then confirm it. */
  private Component draftNotice(CaseFileDetail file) {
    Paragraph notice = new Paragraph(getTranslation("file.draftNotice"));
    Button confirm = new Button(getTranslation("file.confirmDraft"), click -> {
      try {
        List<UserError> errors = api.confirmDraftFile(file.id(), file.version());
        errors.forEach(e -> ApiErrors.show(e.message()));
        show();
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    confirm.setId("file-confirm-draft");
    confirm.addThemeVariants(ButtonVariant.PRIMARY);
    com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div(notice, confirm);
    box.setId("file-draft");
    box.getStyle().set("border-left", "4px solid var(--lumo-warning-color, #e8a33d)").set("padding-left", "1em");
    return box;
  }

  private Component visitForm() {
    DatePicker date = org.onedoor.portal.layout.DateFields.localised(new DatePicker(getTranslation("visit.date"), CityTime.today()));
    date.setId("visit-date");
    date.setMax(CityTime.today());
    date.setLocale(getLocale());
    TextArea findings = new TextArea(getTranslation("visit.findings"));
    findings.setId("visit-findings");
    findings.setWidthFull();
    TextField followUp = new TextField(getTranslation("visit.followUp"));
    followUp.setId("visit-follow-up");
    followUp.setWidthFull();
    Button save = new Button(getTranslation("visit.record"));
    save.setId("visit-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    save.addClickListener(click -> {
      List<UserError> errors;
      try {
        errors = api.recordHomeVisit(fileId, date.getValue() == null ? "" : date.getValue().toString(),
            findings.getValue(), followUp.getValue());
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
        return;
      }
      date.setInvalid(false);
      findings.setInvalid(false);
      followUp.setInvalid(false);
      if (errors.isEmpty()) {
        Notification.show(getTranslation("visit.saved"), 4000, Notification.Position.BOTTOM_CENTER)
            .setId("visit-saved");
        show();
        return;
      }
      for (UserError error : errors) {
        switch (error.field() == null ? "" : error.field()) {
          case "visitedOn" -> {
            date.setErrorMessage(error.message());
            date.setInvalid(true);
          }
          case "followUp" -> {
            followUp.setErrorMessage(error.message());
            followUp.setInvalid(true);
          }
          default -> {
            findings.setErrorMessage(error.message());
            findings.setInvalid(true);
          }
        }
      }
    });
    VerticalLayout form = new VerticalLayout(new H3(getTranslation("visit.new")), date, findings, followUp, save);
    form.setId("visit-form");
    form.setPadding(false);
    return form;
  }

  private static String place(Village place, boolean english) {
    return place == null ? "" : english ? place.nameEn() : place.name();
  }

  private Div facts(String id, Component... facts) {
    Div list = new Div(facts);
    list.setId(id);
    list.addClassName("file-facts");
    return list;
  }

  private Component fact(String labelKey, String value) {
    return labelled(labelKey, new Span(value == null || value.isBlank() ? "—" : value));
  }

  private Component labelled(String labelKey, Span value) {
    Span label = new Span(getTranslation(labelKey) + getTranslation("punctuation.colon"));
    label.getStyle().set("font-weight", "600");
    Div row = new Div(label, value);
    row.getStyle().set("margin", "0.2em 0");
    return row;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("file.pageTitle");
  }
}
