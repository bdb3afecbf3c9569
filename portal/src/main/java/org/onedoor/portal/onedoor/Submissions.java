package org.onedoor.portal.onedoor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import java.util.function.Supplier;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.layout.ApiErrors;

/**
 * What the one door's forms do on submit: send, mark each refused field with its localised message (others as a
 * notification), or show the receipt code with the next step and a link to follow it — and then allow no second
 * submission from the same form.
 */
final class Submissions {

  private Submissions() {
  }

  /**
   * Submits a form.
   *
   * @param view the form's view (translations, error notifications)
   * @param send the call to the backend
   * @param fields the form's fields by the API's field names
   * @param receipt where the receipt goes
   * @param receivedKey the translation key of the "received" sentence
   * @param codeId the receipt code's element id
   * @param submit the form's submit button
   */
  static void submit(Component view, Supplier<IntakeApi.Submitted> send, Map<String, HasValidation> fields,
      Div receipt, String receivedKey, String codeId, Button submit) {
    fields.values().forEach(field -> field.setInvalid(false));
    IntakeApi.Submitted submitted;
    try {
      submitted = send.get();
    } catch (ApiException failure) {
      ApiErrors.show(view, failure);
      return;
    }
    if (!submitted.errors().isEmpty()) {
      for (UserError error : submitted.errors()) {
        HasValidation field = error.field() == null ? null : fields.get(error.field());
        if (field != null) {
          field.setErrorMessage(error.message());
          field.setInvalid(true);
        } else {
          ApiErrors.show(error.message());
        }
      }
      return;
    }
    Span code = new Span(submitted.receipt().code());
    code.setId(codeId);
    code.getStyle().set("font-size", "1.6em").set("font-weight", "700").set("letter-spacing", "0.1em");
    receipt.removeAll();
    receipt.add(new Paragraph(view.getTranslation(receivedKey)), code, new Paragraph(submitted.receipt().nextStep()),
        new RouterLink(view.getTranslation("report.track"), TrackView.class, submitted.receipt().code()));
    submit.setEnabled(false);
  }
}
