package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.NeedCategories;
import org.onedoor.portal.api.StaffApi;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.Village;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.PlaceFields;

/**
 * Opens a child's file (建档): the identity, place, causes and risk tier a file starts with — for a child a report or
 * a screening round found. What is known (a reported name, the township, the village) comes prefilled; the other
 * sections are added on the file afterwards. The backend refuses a file outside the user's scope.
 */
public final class NewFileDialog extends Dialog {

  private static final List<String> CAUSES = List.of("POVERTY", "DISABILITY_ILLNESS", "GUARDIANSHIP");

  /**
   * A dialog, opened with what is known.
   *
   * @param api the backend
   * @param name the child's name, if known
   * @param townshipId the township, if known
   * @param villageId the village, if known
   * @param opened what to do with the new file's id
   */
  public NewFileDialog(CaseFilesClient api, GeographyClient places, String name, String townshipId,
      String villageId, Consumer<String> opened) {
    setId("new-file-dialog");
    setHeaderTitle(getTranslation("newFile.title"));
    TextField childName = new TextField(getTranslation("apply.childName"));
    childName.setId("new-file-name");
    childName.setValue(name == null ? "" : name);
    childName.setRequired(true);
    RadioButtonGroup<String> sex = new RadioButtonGroup<>(getTranslation("apply.childSex"), NeedCategories.SEXES);
    sex.setId("new-file-sex");
    sex.setItemLabelGenerator(x -> getTranslation("sex." + x));
    sex.setRequired(true);
    DatePicker birthDate = org.onedoor.portal.layout.DateFields.birthDate(new DatePicker(getTranslation("apply.childBirthDate")));
    birthDate.setId("new-file-birth-date");
    birthDate.setMax(CityTime.today());
    birthDate.setRequired(true);
    TextField nationalId = new TextField(getTranslation("newFile.nationalId"));
    nationalId.setId("new-file-national-id");
    PlaceFields place = new PlaceFields(this, places, "new-file", true);
    place.select(townshipId, villageId);
    ComboBox<Township> township = place.township();
    ComboBox<Village> village = place.village();
    TextField address = new TextField(getTranslation("newFile.address"));
    address.setId("new-file-address");
    CheckboxGroup<String> causes = new CheckboxGroup<>(getTranslation("apply.causes"), CAUSES);
    causes.setId("new-file-causes");
    causes.setItemLabelGenerator(c -> getTranslation("cause." + c));
    causes.setRequired(true);
    Select<Integer> riskTier = new Select<>();
    riskTier.setLabel(getTranslation("ledger.riskTier"));
    riskTier.setId("new-file-risk-tier");
    riskTier.setItems(1, 2, 3, 4);
    riskTier.setItemLabelGenerator(t -> getTranslation("newFile.tier." + t));
    riskTier.setValue(1);
    Map<String, HasValidation> fields = ApiErrors.fields(
        "name", childName, "sex", sex, "birthDate", birthDate, "nationalId", nationalId, "townshipId", township,
        "villageId", village, "address", address, "causes", causes, "riskTier", riskTier);
    Button save = new Button(getTranslation("newFile.save"), click -> {
      if (!requiredFilled(fields)) {
        return;
      }
      try {
        StaffApi.OpenedFile result = api.createCaseFile(new StaffApi.NewFile(childName.getValue(), sex.getValue(),
            birthDate.getValue().toString(), nationalId.getValue(), place.townshipId(), place.villageId(),
            address.getValue(), List.copyOf(causes.getValue()), riskTier.getValue()));
        if (result.errors().isEmpty()) {
          close();
          opened.accept(result.id());
          return;
        }
        ApiErrors.mark(result.errors(), fields);
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    save.setId("new-file-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    FormLayout form = new FormLayout(childName, sex, birthDate, nationalId, township, village, address, causes,
        riskTier);
    form.setMaxWidth("40em");
    add(form);
    getFooter().add(new Button(getTranslation("needs.close"), click -> close()), save);
  }

  private boolean requiredFilled(Map<String, HasValidation> fields) {
    boolean filled = true;
    for (HasValidation field : fields.values()) {
      field.setInvalid(false);
      if (field instanceof HasValue<?, ?> value && value.isRequiredIndicatorVisible() && value.isEmpty()) {
        field.setErrorMessage(getTranslation("form.required"));
        field.setInvalid(true);
        filled = false;
      }
    }
    return filled;
  }
}
