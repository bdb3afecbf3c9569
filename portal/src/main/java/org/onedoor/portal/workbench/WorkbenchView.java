package org.onedoor.portal.workbench;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.BackendApi;
import org.onedoor.portal.api.IntakeApi.Content;
import org.onedoor.portal.api.IntakeApi.Task;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.KeysetPager;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A department's workbench (协同办理): its queue of handling tasks — emergencies first, then by due time — with claim
 * and complete. Staff see what the intake says, because their department was routed to handle it.
 */
@Route("workbench")
@RolesAllowed({"DEPARTMENT_STAFF", "CIVIL_AFFAIRS", "ADMIN"})
@Menu(order = 3.7, title = "nav.workbench", icon = "vaadin:tasks")
class WorkbenchView extends VerticalLayout implements HasDynamicTitle {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private final BackendApi api;
  private final Grid<Task> grid = new Grid<>();
  private final KeysetPager<Task> pager;
  private final String me;

  WorkbenchView(BackendApi api) {
    this.api = api;
    var user = SecurityContextHolder.getContext().getAuthentication();
    this.me = user == null ? null : user.getName();
    boolean english = Language.of(getLocale()) == Language.EN;
    add(new H2(getTranslation("workbench.title")), new Paragraph(getTranslation("workbench.intro")));
    grid.setId("workbench");
    grid.addComponentColumn(t -> {
      Span badge = new Span(getTranslation(t.emergency() ? "workbench.emergency" : "workbench.normal"));
      badge.getElement().getThemeList().add(t.emergency() ? "badge error primary" : "badge contrast");
      return badge;
    }).setHeader(getTranslation("workbench.priority")).setAutoWidth(true);
    grid.addColumn(t -> getTranslation("intakeKind." + t.intake().kind())).setHeader(getTranslation("track.kind"))
        .setAutoWidth(true);
    grid.addColumn(t -> english ? t.township().nameEn() : t.township().name())
        .setHeader(getTranslation("needs.township")).setAutoWidth(true);
    grid.addColumn(t -> summary(t.intake().content())).setHeader(getTranslation("workbench.summary")).setFlexGrow(3);
    grid.addColumn(t -> MINUTES.format(Instant.parse(t.dueAt()))).setHeader(getTranslation("workbench.due"))
        .setAutoWidth(true);
    grid.addColumn(t -> getTranslation("taskStatus." + t.status())).setHeader(getTranslation("track.status"))
        .setAutoWidth(true);
    grid.addColumn(t -> t.intake().receiptCode()).setHeader(getTranslation("track.code")).setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader(getTranslation("ledger.actions")).setAutoWidth(true);
    grid.setAllRowsVisible(true);
    pager = new KeysetPager<>(this, grid, "workbench-more", 20, api::handlingTasks);
    add(grid, pager.moreButton());
    pager.reload();
  }

  private String summary(Content content) {
    if (content == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    if (content.place() != null) {
      text.append(content.place()).append("：");
    }
    if (content.description() != null) {
      text.append(content.description());
    }
    if (content.displayName() != null) {
      text.append(content.displayName());
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
      Button claim = new Button(getTranslation("workbench.claim"), click -> act(api.claimTask(task.id())));
      claim.addClassName("task-claim");
      claim.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
      return claim;
    }
    if ("CLAIMED".equals(task.status()) && me != null && me.equals(task.claimedBy())) {
      Button complete = new Button(getTranslation("workbench.complete"), click -> complete(task));
      complete.addClassName("task-complete");
      complete.addThemeVariants(ButtonVariant.SMALL);
      return complete;
    }
    return new Span(task.claimedBy() == null ? "" : task.claimedBy());
  }

  private void complete(Task task) {
    Dialog dialog = new Dialog();
    dialog.setId("complete-dialog");
    dialog.setHeaderTitle(getTranslation("workbench.complete"));
    TextArea outcome = new TextArea(getTranslation("workbench.outcome"));
    outcome.setId("complete-outcome");
    outcome.setHelperText(getTranslation("workbench.outcomeHelp"));
    outcome.setWidth("32em");
    Button save = new Button(getTranslation("workbench.complete"), click -> {
      try {
        List<UserError> errors = api.completeTask(task.id(), outcome.getValue());
        if (errors.isEmpty()) {
          dialog.close();
          pager.reload();
        } else {
          outcome.setErrorMessage(errors.getFirst().message());
          outcome.setInvalid(true);
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    save.setId("complete-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(new VerticalLayout(outcome));
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), save);
    dialog.open();
  }

  /** Civil affairs vet a sign-up and decide: the checks its kind needs, then approve or reject with a reason. */
  private void vet(Task task) {
    Dialog dialog = new Dialog();
    dialog.setId("vet-dialog");
    dialog.setHeaderTitle(getTranslation("workbench.vet") + "：" + summary(task.intake().content()));
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
    dialog.add(new VerticalLayout(certificate, training, visit, checklist, registration, note, reason));
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), reject, approve);
    dialog.open();
  }

  private com.vaadin.flow.component.checkbox.Checkbox check(String id, String labelKey) {
    com.vaadin.flow.component.checkbox.Checkbox box = new com.vaadin.flow.component.checkbox.Checkbox(
        getTranslation(labelKey));
    box.setId(id);
    return box;
  }

  private void act(List<UserError> errors) {
    errors.forEach(e -> ApiErrors.show(e.message()));
    pager.reload();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("workbench.pageTitle");
  }
}
