package org.onedoor.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onedoor.portal.api.AdminApi.GazetteerTownship;
import org.onedoor.portal.api.AdminApi.Place;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Coordinates;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.schema.RoleNames;

/**
 * 地名管理: administrators add and rename townships, and add, rename and delete the villages of one — a village that
 * files, accounts, intakes or screening reports refer to stays (the backend says how many). Ids are chosen once.
 */
@Route("admin/places")
@RolesAllowed(RoleNames.ADMIN)
@Menu(order = 21, title = "nav.places", icon = "vaadin:map-marker")
class PlacesView extends VerticalLayout implements HasDynamicTitle {

  private final AdminClient api;
  private final ComboBox<GazetteerTownship> township = new ComboBox<>();
  private final Grid<Place> villages = new Grid<>();
  private final boolean english = Language.of(getLocale()) == Language.EN;

  PlacesView(AdminClient api) {
    this.api = api;
    add(new H2(getTranslation("places.title")), new Paragraph(getTranslation("places.intro")));
    township.setLabel(getTranslation("needs.township"));
    township.setId("places-township");
    township.setItemLabelGenerator(t -> english ? t.nameEn() : t.name());
    township.addValueChangeListener(change -> villages.setItems(change.getValue() == null ? List.of()
        : change.getValue().villages()));
    Button addTownship = new Button(getTranslation("places.addTownship"), click -> edit(null, null));
    addTownship.setId("places-add-township");
    Button renameTownship = new Button(getTranslation("places.renameTownship"), click -> {
      if (township.getValue() != null) {
        edit(null, township.getValue().asPlace());
      }
    });
    renameTownship.setId("places-rename-township");
    Button addVillage = new Button(getTranslation("places.addVillage"), click -> {
      if (township.getValue() != null) {
        edit(township.getValue().id(), null);
      }
    });
    addVillage.setId("places-add-village");
    addVillage.addThemeVariants(ButtonVariant.PRIMARY);
    villages.setId("places-villages");
    villages.setEmptyStateText(getTranslation("list.empty"));
    villages.addColumn(Place::id).setHeader(getTranslation("places.id")).setAutoWidth(true);
    villages.addColumn(Place::name).setHeader(getTranslation("places.name")).setAutoWidth(true);
    villages.addColumn(Place::nameEn).setHeader(getTranslation("places.nameEn")).setAutoWidth(true);
    villages.addComponentColumn(village -> {
      Button rename = new Button(getTranslation("places.rename"), click -> edit(township.getValue().id(), village));
      rename.setId("places-rename-" + village.id());
      Button delete = new Button(getTranslation("places.delete"), click -> delete(village));
      delete.setId("places-delete-" + village.id());
      delete.addThemeVariants(ButtonVariant.ERROR);
      return new HorizontalLayout(rename, delete);
    }).setHeader(getTranslation("accounts.actions")).setAutoWidth(true);
    villages.setAllRowsVisible(true);
    add(new HorizontalLayout(township, addTownship, renameTownship, addVillage), villages);
    reload(null);
  }

  private void reload(String keepTownshipId) {
    try {
      List<GazetteerTownship> all = api.gazetteer();
      township.setItems(all);
      String wanted = keepTownshipId != null ? keepTownshipId : all.isEmpty() ? null : all.getFirst().id();
      all.stream().filter(t -> t.id().equals(wanted)).findFirst().ifPresent(township::setValue);
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
  }

  /** Adds (no place given) or changes a township (no township id) or a village of the township. */
  private void edit(String townshipId, Place existing) {
    boolean village = townshipId != null;
    Dialog dialog = new Dialog(getTranslation(village ? "places.village" : "places.townshipTitle"));
    TextField id = new TextField(getTranslation("places.id"));
    id.setId("place-id");
    id.setHelperText(getTranslation("places.idHelp"));
    TextField name = new TextField(getTranslation("places.name"));
    name.setId("place-name");
    TextField nameEn = new TextField(getTranslation("places.nameEn"));
    nameEn.setId("place-name-en");
    NumberField latitude = new NumberField(getTranslation("places.latitude"));
    latitude.setId("place-latitude");
    NumberField longitude = new NumberField(getTranslation("places.longitude"));
    longitude.setId("place-longitude");
    if (existing != null) {
      id.setValue(existing.id());
      id.setReadOnly(true);
      name.setValue(existing.name());
      nameEn.setValue(existing.nameEn());
      if (existing.coordinates() != null) {
        latitude.setValue(existing.coordinates().latitude());
        longitude.setValue(existing.coordinates().longitude());
      }
    } else if (village && township.getValue() != null && township.getValue().coordinates() != null) {
      latitude.setValue(township.getValue().coordinates().latitude());
      longitude.setValue(township.getValue().coordinates().longitude());
    }
    dialog.add(new FormLayout(id, name, nameEn, latitude, longitude));
    Button save = new Button(getTranslation("accounts.save"), click -> {
      Coordinates where = latitude.getValue() == null || longitude.getValue() == null ? null
          : new Coordinates(latitude.getValue(), longitude.getValue());
      Place place = new Place(id.getValue().trim(), name.getValue().trim(), nameEn.getValue().trim(), where);
      Function<Place, List<UserError>> saving = village ? p -> api.saveVillage(townshipId, p) : api::saveTownship;
      try {
        List<UserError> errors = saving.apply(place);
        if (errors.isEmpty()) {
          dialog.close();
          Notification.show(getTranslation("places.saved", place.name()));
          reload(village ? townshipId : place.id());
        } else {
          ApiErrors.mark(errors, Map.of("id", id, "name", name, "nameEn", nameEn, "latitude", latitude,
              "longitude", longitude));
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    save.setId("place-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), save);
    dialog.open();
  }

  private void delete(Place village) {
    try {
      List<UserError> errors = api.deleteVillage(village.id());
      errors.forEach(error -> ApiErrors.show(error.message()));
      if (errors.isEmpty()) {
        Notification.show(getTranslation("places.deleted", village.name()));
        reload(township.getValue() == null ? null : township.getValue().id());
      }
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("places.pageTitle");
  }
}
