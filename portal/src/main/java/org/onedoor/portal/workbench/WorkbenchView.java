package org.onedoor.portal.workbench;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.IntakeApi.Content;
import org.onedoor.portal.api.IntakeApi.Task;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A department's workbench (协同办理): its queue of handling tasks — emergencies first, then by due time, so the
 * overdue ones lead — or only the tasks the user claimed; claim, then handle: record actions, hand back with a
 * reason, or complete with the outcome. Staff see what the intake says, because their department was routed to
 * handle it.
 *
 * <p>Why over 300 lines: the task card, its four actions and the sign-up vetting form are one screen a department
 * works through on a phone; their dialogs share the card's state.
 */
@Route("workbench")
@RolesAllowed({RoleNames.DEPARTMENT_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.7, title = "nav.workbench", icon = "vaadin:tasks")
class WorkbenchView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CityTime.ZONE);

  private final WorkbenchClient api;
  private final Grid<Task> grid = new Grid<>();
  private final KeysetPager<Task> pager;
  private final String me;
  private final boolean keepsFiles;
  private com.vaadin.flow.component.textfield.TextField codeFilter;

  WorkbenchView(WorkbenchClient api) {
    this.api = api;
    var user = SecurityContextHolder.getContext().getAuthentication();
    this.me = user == null ? null : user.getName();
    this.keepsFiles = PortalRoles.has(RoleNames.CIVIL_AFFAIRS);
    boolean english = Language.of(getLocale()) == Language.EN;
    add(new H2(getTranslation("workbench.title")), new Paragraph(getTranslation("workbench.intro")));
    com.vaadin.flow.component.checkbox.Checkbox mine = new com.vaadin.flow.component.checkbox.Checkbox(
        getTranslation("workbench.mine"));
    mine.setId("workbench-mine");
    com.vaadin.flow.component.textfield.TextField code = new com.vaadin.flow.component.textfield.TextField();
    code.setId("workbench-code");
    codeFilter = code;
    code.setPlaceholder(getTranslation("track.code"));
    code.setClearButtonVisible(true);
    code.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    com.vaadin.flow.component.orderedlayout.HorizontalLayout filters =
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(code, mine);
    filters.setAlignItems(Alignment.BASELINE);
    add(filters);
    grid.setId("workbench");
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.addComponentColumn(t -> {
      Instant now = Instant.now();
      String key = t.emergency() ? "workbench.emergency" : t.overdue(now) ? "workbench.overdue" : "workbench.normal";
      Span badge = new Span(getTranslation(key));
      badge.getElement().getThemeList().add(t.emergency() ? "badge error primary"
          : t.overdue(now) ? "badge error" : "badge contrast");
      return badge;
    }).setHeader(getTranslation("workbench.priority")).setAutoWidth(true);
    grid.addColumn(t -> getTranslation("intakeKind." + t.intake().kind())).setHeader(getTranslation("track.kind"))
        .setAutoWidth(true);
    grid.addColumn(t -> t.township() == null ? getTranslation("needs.cityWide")
        : english ? t.township().nameEn() : t.township().name())
        .setHeader(getTranslation("needs.township")).setAutoWidth(true);
    grid.addColumn(t -> summary(t.intake().content())).setHeader(getTranslation("workbench.summary")).setFlexGrow(3);
    grid.addColumn(t -> MINUTES.format(Instant.parse(t.dueAt()))).setHeader(getTranslation("workbench.due"))
        .setAutoWidth(true);
    grid.addColumn(t -> getTranslation("taskStatus." + t.status())).setHeader(getTranslation("track.status"))
        .setAutoWidth(true);
    grid.addColumn(t -> t.intake().receiptCode()).setHeader(getTranslation("track.code")).setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader(getTranslation("ledger.actions")).setAutoWidth(true);
    grid.setAllRowsVisible(true);
    pager = new KeysetPager<>(this, grid, "workbench-more", 20,
        (first, after) -> api.handlingTasks(mine.getValue(), code.getValue(), first, after));
    mine.addValueChangeListener(change -> pager.reload());
    code.addValueChangeListener(change -> pager.reload());
    add(grid, pager.moreButton());
    pager.reload();
  }

  /** A receipt code in the address ({@code ?code=}, e.g. from a notification) shows that intake's tasks. */
  @Override
  public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
    event.getLocation().getQueryParameters().getParameters().getOrDefault("code", List.of()).stream().findFirst()
        .ifPresent(codeFilter::setValue);
  }

  private String summary(Content content) {
    if (content == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    if (content.place() != null) {
      text.append(content.place()).append(getTranslation("punctuation.colon"));
    }
    if (content.description() != null) {
      text.append(content.description());
    }
    if (content.displayName() != null) {
      text.append(content.displayName());
    }
    if (content.offerKind() != null) {
      text.append(getTranslation("offerKind." + content.offerKind())).append(" · ").append(content.offererName());
    }
    if (Boolean.TRUE.equals(content.immediateDanger())) {
      text.append("（").append(getTranslation("workbench.danger")).append("）");
    }
    return text.toString();
  }

  private Component actions(Task task) {
    if ("SIGN_UP".equals(task.intake().kind()) && !"DONE".equals(task.status())) {
      Button vet = new Button(getTranslation("workbench.vet"), click -> vet(task));
      vet.addClassName("task-vet");
      vet.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
      return vet;
    }
    if ("OPEN".equals(task.status())) {
      Button claim = new Button(getTranslation("workbench.claim"), click -> claim(task));
      claim.addClassName("task-claim");
      claim.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
      return claim;
    }
    if ("CLAIMED".equals(task.status()) && me != null && me.equals(task.claimedBy())) {
      Button handle = new Button(getTranslation("workbench.handle"), click -> handle(task));
      handle.addClassName("task-handle");
      handle.addThemeVariants(ButtonVariant.SMALL);
      return handle;
    }
    return new Span(task.claimedBy() == null ? "" : task.claimedByName());
  }

  /**
   * The claimer handles a task: what the intake says in full, what was recorded so far, then record an action, hand
   * the task back with a reason, or complete it with the outcome the submitter reads.
   */
  private void handle(Task task) {
    Dialog dialog = new Dialog();
    dialog.setId("task-dialog");
    dialog.setHeaderTitle(getTranslation("intakeKind." + task.intake().kind()) + " · " + task.intake().receiptCode());
    VerticalLayout details = new VerticalLayout(details(task).toArray(Component[]::new));
    details.setId("task-details");
    details.setPadding(false);
    VerticalLayout history = new VerticalLayout();
    history.setId("task-actions");
    history.setPadding(false);
    history.add(new com.vaadin.flow.component.html.H4(getTranslation("workbench.actions")));
    if (task.actions().isEmpty()) {
      history.add(new Span(getTranslation("workbench.noActions")));
    }
    for (var action : task.actions()) {
      history.add(new Paragraph(MINUTES.format(Instant.parse(action.at())) + " " + action.byName()
          + getTranslation("punctuation.colon")
          + (action.handedBack() ? getTranslation("workbench.handedBack") + " " : "")
          + (action.note() == null ? "" : action.note())));
    }
    TextArea note = new TextArea(getTranslation("workbench.note"));
    note.setId("task-note");
    note.setHelperText(getTranslation("workbench.noteHelp"));
    note.setWidth("32em");
    note.setMaxLength(500);
    TextArea outcome = new TextArea(getTranslation("workbench.outcome"));
    outcome.setId("complete-outcome");
    outcome.setHelperText(getTranslation("workbench.outcomeHelp"));
    outcome.setWidth("32em");
    outcome.setMaxLength(500);
    Button record = new Button(getTranslation("workbench.record"), click -> send(dialog, note, "workbench.recorded",
        () -> api.recordTaskAction(task.id(), note.getValue())));
    record.setId("task-record");
    Button handBack = new Button(getTranslation("workbench.handBack"), click -> send(dialog, note,
        "workbench.handedBackNotice", () -> api.handBackTask(task.id(), note.getValue())));
    handBack.setId("task-hand-back");
    handBack.addThemeVariants(ButtonVariant.ERROR);
    Button complete = new Button(getTranslation("workbench.complete"), click -> send(dialog, outcome,
        "workbench.completed", () -> api.completeTask(task.id(), outcome.getValue())));
    complete.setId("complete-save");
    complete.addThemeVariants(ButtonVariant.PRIMARY);
    com.vaadin.flow.component.orderedlayout.HorizontalLayout noteButtons =
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(record, handBack);
    dialog.add(new VerticalLayout(details, history, note, noteButtons, outcome));
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), complete);
    dialog.open();
  }

  /** Sends one of the dialog's actions: says so, closes it and reloads on success, marks the field otherwise. */
  private void send(Dialog dialog, TextArea field, String doneKey,
      java.util.function.Supplier<List<UserError>> call) {
    field.setInvalid(false);
    try {
      List<UserError> errors = call.get();
      if (errors.isEmpty()) {
        Notification.show(getTranslation(doneKey), 4000, Notification.Position.BOTTOM_CENTER)
            .setId("task-done");
        dialog.close();
        pager.reload();
      } else {
        field.setErrorMessage(errors.getFirst().message());
        field.setInvalid(true);
      }
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
  }

  /** What the intake says, field by field, in the user's language. */
  private List<Component> details(Task task) {
    Content c = task.intake().content();
    List<Component> lines = new java.util.ArrayList<>();
    java.util.function.BiConsumer<String, String> line = (key, value) -> {
      if (value != null && !value.isBlank()) {
        Paragraph p = new Paragraph(getTranslation(key) + getTranslation("punctuation.colon") + value);
        p.getStyle().set("margin", "0");
        lines.add(p);
      }
    };
    line.accept("workbench.submittedAt", MINUTES.format(Instant.parse(task.intake().submittedAt())));
    line.accept("workbench.due", MINUTES.format(Instant.parse(task.dueAt())));
    lines.addAll(IntakeTexts.lines(this, c));
    if (task.intake().safetyCase() != null) {
      var chain = org.onedoor.portal.layout.Links.route("safety-chain/" + task.intake().safetyCase().id(),
          getTranslation("workbench.openSafety"));
      chain.setId("task-safety");
      lines.add(chain);
    }
    if (task.intake().caseFileId() != null && keepsFiles) {
      lines.add(new com.vaadin.flow.router.RouterLink(getTranslation("workbench.openFile"),
          org.onedoor.portal.casefiles.CaseFileView.class, task.intake().caseFileId()));
    }
    return lines;
  }

  /** Civil affairs vet a sign-up and decide: the checks its kind needs, then approve or reject with a reason. */
  private void vet(Task task) {
    Dialog dialog = new Dialog();
    dialog.setId("vet-dialog");
    dialog.setHeaderTitle(getTranslation("workbench.vet") + getTranslation("punctuation.colon") + summary(task.intake().content()));
    String kind = task.intake().content() == null ? null : task.intake().content().signUpKind();
    com.vaadin.flow.component.checkbox.Checkbox certificate = check("vet-certificate", "vet.criminalRecordChecked");
    com.vaadin.flow.component.checkbox.Checkbox training = check("vet-training", "vet.safeguardingTrained");
    com.vaadin.flow.component.checkbox.Checkbox visit = check("vet-home-visit", "vet.homeVisitDone");
    com.vaadin.flow.component.checkbox.Checkbox checklist = check("vet-checklist", "vet.checklistPassed");
    com.vaadin.flow.component.checkbox.Checkbox registration = check("vet-registration", "vet.registrationVerified");
    certificate.setVisible("VOLUNTEER".equals(kind));
    training.setVisible("VOLUNTEER".equals(kind));
    visit.setVisible("FAMILY".equals(kind));
    checklist.setVisible("FAMILY".equals(kind));
    registration.setVisible("ORGANISATION".equals(kind));
    TextArea note = new TextArea(getTranslation("vet.note"));
    note.setId("vet-note");
    note.setWidth("32em");
    TextArea reason = new TextArea(getTranslation("vet.reason"));
    reason.setId("vet-reason");
    reason.setWidth("32em");
    java.util.function.Consumer<Boolean> decide = approve -> {
      try {
        List<UserError> errors = api.vetAndDecide(new org.onedoor.portal.api.IntakeApi.Vetting(task.intake().id(),
            certificate.getValue(), training.getValue(), visit.getValue(), checklist.getValue(),
            registration.getValue(), note.getValue()), approve, reason.getValue());
        if (errors.isEmpty()) {
          dialog.close();
          pager.reload();
        } else {
          errors.forEach(e -> ApiErrors.show(e.message()));
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    };
    Button approve = new Button(getTranslation("vet.approve"), click -> decide.accept(true));
    approve.setId("vet-approve");
    approve.addThemeVariants(ButtonVariant.PRIMARY);
    Button reject = new Button(getTranslation("vet.reject"), click -> decide.accept(false));
    reject.setId("vet-reject");
    reject.addThemeVariants(ButtonVariant.ERROR);
    VerticalLayout details = new VerticalLayout(signUpDetails(task.intake().content()).toArray(Component[]::new));
    details.setId("vet-details");
    details.setPadding(false);
    dialog.add(new VerticalLayout(details, certificate, training, visit, checklist, registration, note, reason));
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), reject, approve);
    dialog.open();
  }

  /** What a sign-up tells, for the vetting: identity for the record check, a family's household for the assessment. */
  private List<Component> signUpDetails(Content c) {
    List<Component> lines = new java.util.ArrayList<>();
    if (c == null) {
      return lines;
    }
    java.util.function.BiConsumer<String, Object> line = (key, value) -> {
      if (value != null && !value.toString().isBlank()) {
        Paragraph p = new Paragraph(getTranslation(key) + getTranslation("punctuation.colon") + value);
        p.getStyle().set("margin", "0");
        lines.add(p);
      }
    };
    line.accept("signUp.displayName", c.displayName());
    line.accept("signUp.organisationName", c.organisationName());
    line.accept("signUp.organisationType", c.organisationType() == null ? null
        : getTranslation("organisationType." + c.organisationType()));
    line.accept("signUp.registrationNumber", c.registrationNumber());
    line.accept("signUp.phone", c.signUpPhone());
    line.accept("signUp.skills", c.skills() == null || c.skills().isEmpty() ? null : String.join(
        getTranslation("punctuation.list"), c.skills().stream().map(s -> getTranslation("skill." + s)).toList()));
    line.accept("signUp.availability", c.availability());
    line.accept("signUp.offers", c.offers() == null || c.offers().isEmpty() ? null : String.join(
        getTranslation("punctuation.list"), c.offers().stream().map(o -> getTranslation("careKind." + o)).toList()));
    line.accept("signUp.nationalId", c.nationalId());
    line.accept("signUp.householdMembers", c.householdMembers());
    line.accept("signUp.capacity", c.capacity());
    line.accept("signUp.home", c.home());
    line.accept("signUp.monthlyIncome", c.monthlyIncomeYuan());
    line.accept("signUp.experience", c.experience());
    if (c.childAgeMin() != null || c.childAgeMax() != null) {
      line.accept("vet.childAges", getTranslation("vet.ageRange", c.childAgeMin() == null ? 0 : c.childAgeMin(),
          c.childAgeMax() == null ? 17 : c.childAgeMax()) + (c.preferredSex() == null ? ""
          : " · " + getTranslation("sex." + c.preferredSex())));
    }
    return lines;
  }

  private com.vaadin.flow.component.checkbox.Checkbox check(String id, String labelKey) {
    com.vaadin.flow.component.checkbox.Checkbox box = new com.vaadin.flow.component.checkbox.Checkbox(
        getTranslation(labelKey));
    box.setId(id);
    return box;
  }

  /** Claims a task: says so, or why not (taken meanwhile, a session that expired). */
  private void claim(Task task) {
    List<UserError> errors;
    try {
      errors = api.claimTask(task.id());
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    if (errors.isEmpty()) {
      Notification.show(getTranslation("workbench.claimed"), 4000, Notification.Position.BOTTOM_CENTER)
          .setId("task-claimed");
    }
    errors.forEach(e -> ApiErrors.show(e.message()));
    pager.reload();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("workbench.pageTitle");
  }
}
