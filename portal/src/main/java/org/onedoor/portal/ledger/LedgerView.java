package org.onedoor.portal.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.casefiles.CaseFilesClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.StaffApi.LedgerFile;
import org.onedoor.portal.api.StaffApi.LedgerFilter;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.Village;
import org.onedoor.portal.casefiles.CaseFileView;
import org.onedoor.portal.casefiles.ConsentDialog;
import org.onedoor.portal.casefiles.NeedEditorDialog;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.schema.RoleNames;

/**
 * The ledger (台账) of the files in the signed-in staff member's scope, highest risk first, with the two actions
 * of the publication flow: record a guardian's consent, and draft, check and publish a need.
 */
@Route("ledger")
@RolesAllowed({RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3, title = "nav.ledger", icon = "vaadin:records")
class LedgerView extends VerticalLayout implements HasDynamicTitle,
    com.vaadin.flow.router.BeforeEnterObserver {

  private ComboBox<Township> townshipFilter;

  private static final int PAGE_SIZE = 20;

  private final LedgerClient api;
  private final GeographyClient places;
  private final CaseFilesClient files;
  private final Grid<LedgerFile> grid = new Grid<>();
  private final KeysetPager<LedgerFile> pager;
  /** Read by export downloads, which run outside the UI's lock. */
  private volatile LedgerFilter filter = LedgerFilter.NONE;

  LedgerView(LedgerClient api, GeographyClient places, CaseFilesClient files) {
    this.places = places;
    this.files = files;
    this.api = api;
    this.pager = new KeysetPager<>(this, grid, "ledger-more", PAGE_SIZE, (first, after) -> api.ledger(filter, first,
        after));
    boolean english = Language.of(getLocale()) == Language.EN;
    Button newFile = new Button(getTranslation("ledger.newFile"), click -> new org.onedoor.portal.casefiles
        .NewFileDialog(files, places, null, null, null, id -> getUI().ifPresent(ui -> ui.navigate(CaseFileView.class, id)))
        .open());
    newFile.setId("ledger-new-file");
    newFile.addThemeVariants(ButtonVariant.PRIMARY);
    add(new H2(getTranslation("ledger.title")), new Paragraph(getTranslation("ledger.intro")), filters(english),
        new HorizontalLayout(newFile, export("CSV", "csv"), export("XLSX", "xlsx")));
    grid.setId("ledger");
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.addComponentColumn(f -> {
      RouterLink name = new RouterLink(f.name(), CaseFileView.class, f.id());
      name.addClassName("ledger-name");
      return name;
    }).setHeader(getTranslation("ledger.name")).setAutoWidth(true);
    grid.addColumn(f -> getTranslation("sex." + f.sex())).setHeader(getTranslation("ledger.sex")).setAutoWidth(true);
    grid.addColumn(LedgerFile::birthDate).setHeader(getTranslation("ledger.birthDate")).setAutoWidth(true);
    grid.addColumn(f -> english ? f.village().nameEn() : f.village().name()).setHeader(getTranslation("ledger.village"))
        .setAutoWidth(true);
    grid.addColumn(f -> String.join(english ? ", " : "、", f.causes().stream()
        .map(c -> getTranslation("cause." + c)).toList())).setHeader(getTranslation("ledger.causes"));
    grid.addColumn(LedgerFile::riskTier).setHeader(getTranslation("ledger.riskTier")).setAutoWidth(true);
    grid.addColumn(f -> getTranslation(f.consentInForce() ? "ledger.consent.yes" : "ledger.consent.no"))
        .setHeader(getTranslation("ledger.consent")).setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader(getTranslation("ledger.actions")).setAutoWidth(true);
    grid.setAllRowsVisible(true);
    add(grid, pager.moreButton());
    pager.reload();
  }

  /** Township, village, cause and risk tier; each change reloads the ledger, and the exports follow it. */
  private HorizontalLayout filters(boolean english) {
    ComboBox<Township> township = new ComboBox<>(getTranslation("needs.township"));
    townshipFilter = township;
    township.setId("ledger-township");
    township.setItemLabelGenerator(t -> english ? t.nameEn() : t.name());
    township.setClearButtonVisible(true);
    ComboBox<Village> village = new ComboBox<>(getTranslation("ledger.village"));
    village.setId("ledger-village");
    village.setItemLabelGenerator(v -> english ? v.nameEn() : v.name());
    village.setClearButtonVisible(true);
    ComboBox<String> cause = new ComboBox<>(getTranslation("ledger.causes"));
    cause.setId("ledger-cause");
    cause.setItems(List.of("POVERTY", "DISABILITY_ILLNESS", "GUARDIANSHIP"));
    cause.setItemLabelGenerator(c -> getTranslation("cause." + c));
    cause.setClearButtonVisible(true);
    ComboBox<Integer> tier = new ComboBox<>(getTranslation("ledger.riskTier"));
    tier.setId("ledger-risk-tier");
    tier.setItems(1, 2, 3, 4);
    tier.setClearButtonVisible(true);
    try {
      township.setItems(places.townships());
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
    township.addValueChangeListener(change -> {
      village.clear();
      village.setItems(change.getValue() == null ? List.of() : change.getValue().villages());
    });
    com.vaadin.flow.component.textfield.TextField search = new com.vaadin.flow.component.textfield.TextField(
        getTranslation("ledger.search"));
    search.setId("ledger-search");
    search.setHelperText(getTranslation("ledger.searchHelp"));
    search.setClearButtonVisible(true);
    search.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
    Runnable apply = () -> {
      filter = new LedgerFilter(township.getValue() == null ? null : township.getValue().id(),
          village.getValue() == null ? null : village.getValue().id(), cause.getValue(), tier.getValue(),
          search.getValue());
      pager.reload();
    };
    search.addValueChangeListener(change -> apply.run());
    township.addValueChangeListener(change -> apply.run());
    village.addValueChangeListener(change -> apply.run());
    cause.addValueChangeListener(change -> apply.run());
    tier.addValueChangeListener(change -> apply.run());
    HorizontalLayout filters = new HorizontalLayout(search, township, village, cause, tier);
    filters.setWrap(true);
    filters.setId("ledger-filters");
    return filters;
  }

  /** A township in the address ({@code ?township=<id>}, e.g. from the oversight dashboard) filters the ledger. */
  @Override
  public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
    event.getLocation().getQueryParameters().getParameters().getOrDefault("township", List.of()).stream()
        .findFirst().flatMap(id -> townshipFilter.getListDataView().getItems().filter(t -> t.id().equals(id))
            .findFirst()).ifPresent(townshipFilter::setValue);
  }

  /** A link that downloads the ledger in the user's scope, with the current filter, streamed from the backend. */
  private Anchor export(String format, String extension) {
    java.util.Locale locale = getLocale();
    String fileName = getTranslation("ledger.exportFile");
    Anchor link = new Anchor(event -> {
      event.setFileName(fileName + "-" + java.time.LocalDate.now(
          CityTime.ZONE) + "." + extension);
      event.setContentType("CSV".equals(format) ? "text/csv;charset=UTF-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      try (java.io.OutputStream out = event.getOutputStream()) {
        api.exportLedger(format, filter, locale, out);
      }
    }, getTranslation("ledger.export." + extension));
    link.setId("ledger-export-" + extension);
    return link;
  }

  private HorizontalLayout actions(LedgerFile file) {
    Button consent = new Button(getTranslation("ledger.recordConsent"),
        click -> new ConsentDialog(files, file.id(), file.name(), pager::reload).open());
    consent.addClassName("record-consent");
    consent.addThemeVariants(ButtonVariant.SMALL);
    Button need = new Button(getTranslation("ledger.newNeed"),
        click -> NeedEditorDialog.newNeed(files, file.id(), file.name(), pager::reload).open());
    need.addClassName("new-need");
    need.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
    return new HorizontalLayout(consent, need);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("ledger.pageTitle");
  }
}
