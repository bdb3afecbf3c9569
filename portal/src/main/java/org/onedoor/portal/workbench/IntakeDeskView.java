package org.onedoor.portal.workbench;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.onedoor.portal.casefiles.CaseFilesClient;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.IntakeApi.Content;
import org.onedoor.portal.api.IntakeApi.DeskIntake;
import org.onedoor.portal.api.IntakeApi.DeskTask;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.casefiles.CaseFileView;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.schema.RoleNames;

/**
 * A township's intake desk (乡镇受理台账): the applications and reports concerning the township that are not closed,
 * newest first, with where each department's task stands and whether one missed its deadline. A new child's draft
 * file opens from here, for the township to confirm; for a report whose child has no file yet, the township opens
 * one here and the report is linked to it.
 */
@Route("intakes")
@RolesAllowed({RoleNames.TOWNSHIP_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.6, title = "nav.intakes", icon = "vaadin:inbox")
class IntakeDeskView extends VerticalLayout implements HasDynamicTitle {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CityTime.ZONE);

  private final WorkbenchClient api;
  private final CaseFilesClient files;
  private final GeographyClient places;
  private final KeysetPager<DeskIntake> pager;

  IntakeDeskView(WorkbenchClient api, CaseFilesClient files, GeographyClient places) {
    this.files = files;
    this.places = places;
    this.api = api;
    boolean english = Language.of(getLocale()) == Language.EN;
    add(new H2(getTranslation("desk.title")), new Paragraph(getTranslation("desk.intro")));
    Grid<DeskIntake> grid = new Grid<>();
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.setId("intake-desk");
    grid.addComponentColumn(i -> {
      boolean late = i.tasks().stream().anyMatch(t -> t.escalatedAt() != null);
      Span badge = new Span(getTranslation(i.emergency() ? "workbench.emergency"
          : late ? "workbench.overdue" : "workbench.normal"));
      badge.getElement().getThemeList().add(i.emergency() ? "badge error primary"
          : late ? "badge error" : "badge contrast");
      return badge;
    }).setHeader(getTranslation("workbench.priority")).setAutoWidth(true);
    grid.addColumn(i -> MINUTES.format(Instant.parse(i.submittedAt()))).setHeader(getTranslation("desk.received"))
        .setAutoWidth(true);
    grid.addColumn(i -> getTranslation("intakeKind." + i.kind())).setHeader(getTranslation("track.kind"))
        .setAutoWidth(true);
    grid.addColumn(i -> english ? i.township().nameEn() : i.township().name())
        .setHeader(getTranslation("needs.township")).setAutoWidth(true);
    grid.addColumn(i -> summary(i.content())).setHeader(getTranslation("workbench.summary")).setFlexGrow(3);
    grid.addComponentColumn(this::departments).setHeader(getTranslation("track.department")).setFlexGrow(2);
    grid.addColumn(DeskIntake::receiptCode).setHeader(getTranslation("track.code")).setAutoWidth(true);
    grid.addComponentColumn(i -> {
      if (i.caseFileId() == null) {
        com.vaadin.flow.component.button.Button open = new com.vaadin.flow.component.button.Button(
            getTranslation("desk.newFile"), click -> openFile(i));
        open.addClassName("desk-new-file");
        open.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.SMALL);
        return open;
      }
      RouterLink file = new RouterLink(getTranslation("workbench.openFile"), CaseFileView.class, i.caseFileId());
      file.addClassName("desk-file");
      return file;
    }).setHeader(getTranslation("desk.file")).setAutoWidth(true);
    grid.addComponentColumn(i -> {
      com.vaadin.flow.component.button.Button whole = new com.vaadin.flow.component.button.Button(
          getTranslation("desk.readWhole"), click -> grid.setDetailsVisible(i, !grid.isDetailsVisible(i)));
      whole.addClassName("desk-read-whole");
      whole.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.SMALL,
          com.vaadin.flow.component.button.ButtonVariant.TERTIARY);
      return whole;
    }).setAutoWidth(true);
    // The whole of what came in, under its row: the grid's cell shows only its beginning.
    grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::whole));
    grid.setDetailsVisibleOnClick(false);
    grid.setAllRowsVisible(true);
    pager = new KeysetPager<>(this, grid, "desk-more", 20, api::townshipIntakes);
    add(grid, pager.moreButton());
    pager.reload();
  }

  /** Opens the file of the child a report or an application names, and links the intake to it. */
  private void openFile(DeskIntake intake) {
    Content content = intake.content();
    String name = content == null ? null : content.childName() != null ? content.childName()
        : content.reportedChildName();
    new org.onedoor.portal.casefiles.NewFileDialog(files, places, name, intake.township().id(), null, fileId -> {
      try {
        api.attachIntakeFile(intake.id(), fileId).forEach(e -> org.onedoor.portal.layout.ApiErrors.show(
            e.message()));
        pager.reload();
        getUI().ifPresent(ui -> ui.navigate(CaseFileView.class, fileId));
      } catch (org.onedoor.portal.api.ApiException failure) {
        org.onedoor.portal.layout.ApiErrors.show(this, failure);
      }
    }).open();
  }

  /** Everything the application or report says, field by field. */
  private Component whole(DeskIntake intake) {
    Div whole = new Div(IntakeTexts.lines(this, intake.content()).toArray(Component[]::new));
    whole.addClassName("desk-whole");
    return whole;
  }

  private String summary(Content content) {
    if (content == null) {
      return "";
    }
    String child = content.childName() != null ? content.childName() : content.reportedChildName();
    StringBuilder text = new StringBuilder();
    if (child != null) {
      text.append(child).append(getTranslation("punctuation.colon"));
    }
    if (content.place() != null) {
      text.append(content.place()).append(getTranslation("punctuation.comma"));
    }
    return text.append(content.description() == null ? "" : content.description()).toString();
  }

  private Component departments(DeskIntake intake) {
    Div list = new Div();
    for (DeskTask task : intake.tasks()) {
      Span part = new Span(getTranslation("department." + task.department()) + getTranslation("punctuation.colon")
          + getTranslation("taskStatus." + task.status()) + (task.escalatedAt() != null
          ? "（" + getTranslation("workbench.overdue") + "）" : "") + " ");
      if (task.lead()) {
        part.getStyle().set("font-weight", "600");
      }
      list.add(part);
    }
    return list;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("desk.pageTitle");
  }
}
