package org.onedoor.portal.screening;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.Screening.Campaign;
import org.onedoor.portal.api.Screening.VillageProgress;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;

/**
 * Screening campaigns (全面排查) with their progress: per village the children on file, how many were visited since
 * the campaign began, the files opened for children found, and what the village reported (households checked,
 * done). Supervisors report their village's round; township staff and civil affairs start campaigns.
 */
@Route("screening")
@RolesAllowed({RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.55, title = "nav.screening", icon = "vaadin:search")
class ScreeningView extends VerticalLayout implements HasDynamicTitle {


  private final ScreeningClient api;
  private final GeographyClient places;
  private final boolean english;
  private final VerticalLayout campaigns = new VerticalLayout();

  ScreeningView(ScreeningClient api, GeographyClient places) {
    this.places = places;
    this.api = api;
    this.english = Language.of(getLocale()) == Language.EN;
    boolean cityWide = PortalRoles.has(RoleNames.CIVIL_AFFAIRS);
    boolean starts = cityWide || PortalRoles.has(RoleNames.TOWNSHIP_STAFF);
    add(new H2(getTranslation("screening.title")), new Paragraph(getTranslation("screening.intro")));
    if (starts) {
      Button start = new Button(getTranslation("screening.start"), click -> start(cityWide));
      start.setId("screening-start");
      start.addThemeVariants(ButtonVariant.PRIMARY);
      add(start);
    }
    campaigns.setId("screening-campaigns");
    campaigns.setPadding(false);
    add(campaigns);
    reload();
  }

  private void reload() {
    campaigns.removeAll();
    Page<Campaign> page;
    try {
      page = api.screeningCampaigns(10, null);
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    if (page.items().isEmpty()) {
      campaigns.add(new Paragraph(getTranslation("screening.none")));
    }
    page.items().forEach(campaign -> campaigns.add(campaign(campaign)));
  }

  private Component campaign(Campaign campaign) {
    VerticalLayout section = new VerticalLayout();
    section.setPadding(false);
    section.addClassName("screening-campaign");
    String scope = campaign.townships().isEmpty() ? getTranslation("screening.cityWide")
        : String.join("、", campaign.townships().stream().map(t -> english ? t.nameEn() : t.name()).toList());
    section.add(new H3(campaign.name()), new Span(getTranslation("screening.period", campaign.startsOn(),
        campaign.endsOn(), scope)));
    var p = campaign.progress();
    ProgressBar bar = new ProgressBar(0, 100, p.visitedPercent());
    bar.setWidth("24em");
    Span totals = new Span(getTranslation("screening.totals", p.childrenVisited(), p.children(), p.visitedPercent(),
        p.newFiles(), p.householdsChecked(), p.villagesCompleted(), p.villages()));
    totals.addClassName("screening-totals");
    section.add(bar, totals);
    LocalDate today = CityTime.today();
    boolean running = !today.isBefore(LocalDate.parse(campaign.startsOn()))
        && !today.isAfter(LocalDate.parse(campaign.endsOn()));
    Grid<VillageProgress> grid = new Grid<>();
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.addClassName("screening-villages");
    grid.addColumn(v -> english ? v.village().nameEn() : v.village().name())
        .setHeader(getTranslation("ledger.village")).setAutoWidth(true);
    grid.addColumn(v -> english ? v.township().nameEn() : v.township().name())
        .setHeader(getTranslation("needs.township")).setAutoWidth(true);
    grid.addColumn(VillageProgress::children).setHeader(getTranslation("screening.children")).setAutoWidth(true);
    grid.addColumn(v -> v.childrenVisited() + "（" + v.visitedPercent() + "%）")
        .setHeader(getTranslation("screening.visited")).setAutoWidth(true);
    grid.addColumn(VillageProgress::newFiles).setHeader(getTranslation("screening.newFiles")).setAutoWidth(true);
    grid.addColumn(VillageProgress::householdsChecked).setHeader(getTranslation("screening.households"))
        .setAutoWidth(true);
    grid.addComponentColumn(v -> {
      Span done = new Span(getTranslation(v.completed() ? "screening.done" : "screening.ongoing"));
      done.getElement().getThemeList().add(v.completed() ? "badge success" : "badge contrast");
      return done;
    }).setHeader(getTranslation("track.status")).setAutoWidth(true);
    grid.addComponentColumn(v -> {
      Button report = new Button(getTranslation("screening.report"), click -> report(campaign, v));
      report.addClassName("screening-report");
      report.addThemeVariants(ButtonVariant.SMALL);
      report.setEnabled(running);
      return report;
    }).setAutoWidth(true);
    grid.setItems(campaign.villages());
    grid.setAllRowsVisible(true);
    section.add(grid);
    return section;
  }

  private void report(Campaign campaign, VillageProgress village) {
    Dialog dialog = new Dialog();
    dialog.setId("screening-report-dialog");
    dialog.setHeaderTitle(getTranslation("screening.report") + "：" + (english ? village.village().nameEn()
        : village.village().name()));
    IntegerField households = new IntegerField(getTranslation("screening.households"));
    households.setId("screening-households");
    households.setMin(0);
    households.setValue(village.householdsChecked());
    Checkbox completed = new Checkbox(getTranslation("screening.completed"), village.completed());
    completed.setId("screening-completed");
    TextArea note = new TextArea(getTranslation("screening.note"));
    note.setId("screening-note");
    note.setHelperText(getTranslation("screening.noteHelp"));
    note.setValue(village.note() == null ? "" : village.note());
    note.setWidth("28em");
    Button save = new Button(getTranslation("screening.save"), click -> {
      try {
        List<UserError> errors = api.reportVillageScreening(campaign.id(), village.village().id(),
            households.getValue(), completed.getValue(), note.getValue(), village.version());
        if (errors.isEmpty()) {
          dialog.close();
          reload();
        } else {
          households.setErrorMessage(errors.getFirst().message());
          households.setInvalid(true);
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    save.setId("screening-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(new VerticalLayout(households, completed, note));
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), save);
    dialog.open();
  }

  private void start(boolean cityWide) {
    Dialog dialog = new Dialog();
    dialog.setId("screening-start-dialog");
    dialog.setHeaderTitle(getTranslation("screening.start"));
    TextField name = new TextField(getTranslation("screening.name"));
    name.setId("screening-name");
    name.setWidth("24em");
    LocalDate today = CityTime.today();
    DatePicker startsOn = org.onedoor.portal.layout.DateFields.localised(new DatePicker(getTranslation("screening.startsOn"), today));
    startsOn.setId("screening-starts-on");
    DatePicker endsOn = org.onedoor.portal.layout.DateFields.localised(new DatePicker(getTranslation("screening.endsOn"), today.plusDays(30)));
    endsOn.setId("screening-ends-on");
    MultiSelectComboBox<Township> townships = new MultiSelectComboBox<>(getTranslation("screening.townships"));
    townships.setId("screening-townships");
    townships.setItemLabelGenerator(t -> english ? t.nameEn() : t.name());
    townships.setHelperText(getTranslation("screening.townshipsHelp"));
    townships.setVisible(cityWide);
    if (cityWide) {
      try {
        townships.setItems(places.townships());
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    }
    Button save = new Button(getTranslation("screening.start"), click -> {
      try {
        List<UserError> errors = api.startScreeningCampaign(name.getValue(),
            townships.getValue().stream().map(Township::id).toList(),
            startsOn.getValue() == null ? "" : startsOn.getValue().toString(),
            endsOn.getValue() == null ? "" : endsOn.getValue().toString());
        if (errors.isEmpty()) {
          dialog.close();
          reload();
          return;
        }
        for (UserError error : errors) {
          var field = switch (error.field() == null ? "" : error.field()) {
            case "name" -> name;
            case "startsOn" -> startsOn;
            case "endsOn" -> endsOn;
            case "townshipIds" -> townships;
            default -> null;
          };
          if (field == null) {
            ApiErrors.show(error.message());
          } else {
            field.setErrorMessage(error.message());
            field.setInvalid(true);
          }
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    save.setId("screening-start-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(new VerticalLayout(name, townships, startsOn, endsOn));
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), save);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("screening.pageTitle");
  }
}
