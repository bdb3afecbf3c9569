package org.onedoor.portal.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.StaffApi.LedgerFile;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.layout.ApiErrors;

/** Records a guardian's consent to publishing the child's anonymised needs; refusals are shown field by field. */
class ConsentDialog extends Dialog {

  ConsentDialog(LedgerClient api, LedgerFile file, Runnable afterSave) {
    setId("consent-dialog");
    setHeaderTitle(getTranslation("consent.title", file.name()));
    TextField givenBy = new TextField(getTranslation("consent.givenBy"));
    givenBy.setId("consent-given-by");
    TextField relationship = new TextField(getTranslation("consent.relationship"));
    relationship.setId("consent-relationship");
    DatePicker validUntil = org.onedoor.portal.layout.DateFields.localised(new DatePicker(getTranslation("consent.validUntil"), LocalDate.now().plusYears(1)));
    validUntil.setId("consent-valid-until");
    add(new FormLayout(givenBy, relationship, validUntil));
    Button save = new Button(getTranslation("consent.save"), click -> {
      try {
        List<UserError> refusals = api.recordConsent(file.id(), givenBy.getValue(), relationship.getValue(),
            validUntil.getValue() == null ? "" : validUntil.getValue().toString());
        if (refusals.isEmpty()) {
          Notification.show(getTranslation("consent.saved"));
          close();
          afterSave.run();
        } else {
          refusals.forEach(refusal -> {
            if ("givenBy".equals(refusal.field())) {
              givenBy.setInvalid(true);
              givenBy.setErrorMessage(refusal.message());
            } else {
              validUntil.setInvalid(true);
              validUntil.setErrorMessage(refusal.message());
            }
          });
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
