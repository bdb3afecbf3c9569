package org.onedoor.portal.privacy;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.DateFields;

/**
 * Records a guardian's request about a child's file, as township staff or civil affairs take it at the desk or by
 * letter (guardians have no accounts): to see everything OneDoor holds, to correct something, or to erase the file.
 */
public final class GuardianRequestDialog extends Dialog {

  /** Opens the dialog for the file of this child. */
  public GuardianRequestDialog(GuardianRequestsClient api, String fileId, String childName) {
    setId("guardian-request-dialog");
    setHeaderTitle(getTranslation("guardianRequest.recordTitle", childName));
    setWidth("min(36rem, 96vw)");
    Select<String> kind = new Select<>();
    kind.setId("guardian-request-kind");
    kind.setLabel(getTranslation("guardianRequest.kind"));
    kind.setItems("SEE", "CORRECT", "ERASE");
    kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation("guardianRequest.kind." + k));
    TextField requester = new TextField(getTranslation("guardianRequest.requester"));
    requester.setId("guardian-request-requester");
    requester.setMaxLength(40);
    TextField relationship = new TextField(getTranslation("guardianRequest.relationship"));
    relationship.setId("guardian-request-relationship");
    relationship.setMaxLength(20);
    DatePicker received = DateFields.localised(new DatePicker(getTranslation("guardianRequest.receivedOn"),
        CityTime.today()));
    received.setId("guardian-request-received");
    received.setMax(CityTime.today());
    received.setMin(CityTime.today().minusYears(1));
    TextArea details = new TextArea(getTranslation("guardianRequest.details"));
    details.setId("guardian-request-details");
    details.setMaxLength(1000);
    details.setHelperText(getTranslation("guardianRequest.detailsHelp"));
    FormLayout form = new FormLayout(kind, received, requester, relationship, details);
    form.setColspan(details, 2);
    add(new Paragraph(getTranslation("guardianRequest.recordIntro")), form);
    Map<String, HasValidation> fields = ApiErrors.fields("kind", kind, "requesterName", requester, "relationship",
        relationship, "receivedOn", received, "details", details);
    Button save = new Button(getTranslation("guardianRequest.save"), click -> {
      fields.values().forEach(f -> f.setInvalid(false));
      if (!DateFields.check(received)) {
        return;
      }
      Map<String, Object> input = new HashMap<>();
      input.put("caseFileId", fileId);
      input.put("kind", kind.getValue());
      input.put("requesterName", requester.getValue());
      input.put("relationship", relationship.getValue());
      input.put("receivedOn", received.getValue() == null ? "" : received.getValue().toString());
      input.put("details", details.getValue());
      List<UserError> refusals;
      try {
        refusals = api.record(input);
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
        return;
      }
      if (refusals.isEmpty()) {
        Notification.show(getTranslation("guardianRequest.recorded", childName), 6000,
            Notification.Position.BOTTOM_CENTER).setId("guardian-request-recorded");
        close();
      } else {
        ApiErrors.mark(refusals, fields);
      }
    });
    save.setId("guardian-request-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    getFooter().add(new Button(getTranslation("needs.close"), click -> close()), save);
  }
}
