package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.DateFields;

/** Records a guardian's consent to publishing the child's anonymised needs; refusals are shown on their field. */
public final class ConsentDialog extends Dialog {

  /**
   * A consent form for a child's file.
   *
   * @param api the backend
   * @param fileId the file
   * @param childName the child's name, for the title
   * @param afterSave what to do once recorded
   */
  public ConsentDialog(CaseFilesClient api, String fileId, String childName, Runnable afterSave) {
    setId("consent-dialog");
    setHeaderTitle(getTranslation("consent.title", childName));
    TextField givenBy = new TextField(getTranslation("consent.givenBy"));
    givenBy.setId("consent-given-by");
    givenBy.setRequiredIndicatorVisible(true);
    TextField relationship = new TextField(getTranslation("consent.relationship"));
    relationship.setId("consent-relationship");
    relationship.setRequiredIndicatorVisible(true);
    DatePicker validUntil = DateFields.localised(new DatePicker(getTranslation("consent.validUntil"),
        CityTime.today().plusYears(1)));
    validUntil.setId("consent-valid-until");
    validUntil.setMin(CityTime.today());
    add(new FormLayout(givenBy, relationship, validUntil));
    Map<String, HasValidation> fields = ApiErrors.fields("givenBy", givenBy, "relationship", relationship,
        "validUntil", validUntil);
    Button save = new Button(getTranslation("consent.save"), click -> {
      fields.values().forEach(field -> field.setInvalid(false));
      if (!DateFields.check(validUntil)) {
        return;
      }
      try {
        List<UserError> refusals = api.recordConsent(fileId, givenBy.getValue(), relationship.getValue(),
            validUntil.getValue() == null ? "" : validUntil.getValue().toString());
        if (refusals.isEmpty()) {
          Notification.show(getTranslation("consent.saved")).setId("consent-saved");
          close();
          afterSave.run();
        } else {
          ApiErrors.mark(refusals, fields);
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    save.setId("consent-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    getFooter().add(new Button(getTranslation("needs.close"), click -> close()), save);
  }
}
