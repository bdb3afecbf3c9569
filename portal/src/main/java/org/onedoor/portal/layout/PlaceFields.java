package org.onedoor.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.Village;

/**
 * The township and village pickers every form with a place shares: the townships from the gazetteer, the villages of
 * the chosen township, names in the user's language.
 */
public final class PlaceFields {

  private final ComboBox<Township> township;
  private final ComboBox<Village> village;

  /**
   * The two pickers, loaded.
   *
   * @param owner the form (language, error notifications)
   * @param api the backend
   * @param idPrefix the prefix of the fields' ids ({@code <prefix>-township}, {@code <prefix>-village})
   * @param villageRequired whether a village must be chosen
   */
  public PlaceFields(Component owner, GeographyClient api, String idPrefix, boolean villageRequired) {
    boolean english = org.onedoor.portal.i18n.PortalLocales.currentLanguage() == Language.EN;
    township = new ComboBox<>(owner.getTranslation("needs.township"));
    township.setId(idPrefix + "-township");
    township.setItemLabelGenerator(t -> english ? t.nameEn() : t.name());
    township.setRequired(true);
    village = new ComboBox<>(owner.getTranslation("ledger.village"));
    village.setId(idPrefix + "-village");
    village.setItemLabelGenerator(v -> english ? v.nameEn() : v.name());
    village.setRequired(villageRequired);
    village.setClearButtonVisible(!villageRequired);
    township.addValueChangeListener(change -> {
      village.clear();
      village.setItems(change.getValue() == null ? List.of() : change.getValue().villages());
    });
    try {
      township.setItems(api.townships());
    } catch (ApiException failure) {
      ApiErrors.show(owner, failure);
    }
  }

  /** The township picker. */
  public ComboBox<Township> township() {
    return township;
  }

  /** The village picker. */
  public ComboBox<Village> village() {
    return village;
  }

  /** The chosen township's id, or null. */
  public String townshipId() {
    return township.getValue() == null ? null : township.getValue().id();
  }

  /** The chosen village's id, or null. */
  public String villageId() {
    return village.getValue() == null ? null : village.getValue().id();
  }

  /** Chooses a township (and a village of it), when known. */
  public void select(String townshipId, String villageId) {
    township.getListDataView().getItems().filter(t -> t.id().equals(townshipId)).findFirst().ifPresent(t -> {
      township.setValue(t);
      t.villages().stream().filter(v -> v.id().equals(villageId)).findFirst().ifPresent(village::setValue);
    });
  }
}
