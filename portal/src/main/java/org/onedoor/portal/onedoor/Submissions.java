package org.onedoor.portal.onedoor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import java.util.function.Supplier;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.layout.ApiErrors;

/**
 * What the one door's forms do on submit: mark required fields left empty (nothing is sent then), send, mark each
 * refused field with its localised message (others as a notification), or show the receipt code with the next step and a link to follow it — and then allow no second
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
    submit(view, send, fields, receipt, receivedKey, codeId, submit, () -> { });
  }

  /**
   * Submits a form, then runs {@code onRefused} when fields were refused (a form in steps shows the first one).
   *
   * @param view the form's view
   * @param send the call to the backend
   * @param fields the form's fields by the API's field names
   * @param receipt where the receipt goes
   * @param receivedKey the translation key of the "received" sentence
   * @param codeId the receipt code's element id
   * @param submit the form's submit button
   * @param onRefused what to do once refused fields are marked
   */
  static void submit(Component view, Supplier<IntakeApi.Submitted> send, Map<String, HasValidation> fields,
      Div receipt, String receivedKey, String codeId, Button submit, Runnable onRefused) {
    fields.values().forEach(field -> field.setInvalid(false));
    boolean missing = false;
    for (HasValidation field : fields.values()) {
      if (field instanceof Component component && !org.onedoor.portal.layout.DateFields.check(component)) {
        missing = true;
      }
    }
    if (missing) {
      onRefused.run();
      return;
    }
    IntakeApi.Submitted submitted;
    try {
      submitted = send.get();
    } catch (ApiException failure) {
      ApiErrors.show(view, failure);
      return;
    }
    if (!submitted.errors().isEmpty()) {
      ApiErrors.mark(submitted.errors(), fields);
      onRefused.run();
      return;
    }
    Span code = new Span(submitted.receipt().code());
    code.setId(codeId);
    code.getStyle().set("font-size", "1.6em").set("font-weight", "700").set("letter-spacing", "0.1em");
    receipt.removeAll();
    receipt.add(new Paragraph(view.getTranslation(receivedKey)), code, new Paragraph(submitted.receipt().nextStep()),
        new RouterLink(view.getTranslation("report.track"), TrackView.class, submitted.receipt().code()));
    submit.setEnabled(false);
    // The receipt code is what the sender must keep: bring it into view (on a phone it falls below the form).
    receipt.scrollIntoView();
  }
}
