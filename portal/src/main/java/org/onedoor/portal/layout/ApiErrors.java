package org.onedoor.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.UserError;

/** Shows a failed API call as a friendly, localised message; never the backend's detail. */
public final class ApiErrors {

  private ApiErrors() {
  }

  /** Pops a localised error notification for a failed call, in the context of a component. */
  public static void show(Component context, ApiException failure) {
    show(message(context, failure));
  }

  /** Pops an error notification with a message that is already localised. */
  public static void show(String localisedMessage) {
    Notification notification = Notification.show(localisedMessage, 8000, Notification.Position.TOP_CENTER);
    notification.addThemeVariants(NotificationVariant.ERROR);
    notification.setId("api-error");
  }

  /**
   * Marks each refused field with its localised message, and shows the refusals that name no field of the form as
   * notifications.
   *
   * @param errors the refusals
   * @param fields the form's fields by the API's field names
   */
  public static void mark(List<UserError> errors, Map<String, ? extends HasValidation> fields) {
    for (UserError error : errors) {
      HasValidation field = error.field() == null ? null : fields.get(error.field());
      if (field == null) {
        show(error.message());
      } else {
        field.setErrorMessage(error.message());
        field.setInvalid(true);
      }
    }
  }

  /** The localised message for a failed call. */
  public static String message(Component context, ApiException failure) {
    return context.getTranslation(failure.problem().messageKey());
  }

  /** The form's fields by the input field names the backend's refusals give, in the order of the form. */
  public static Map<String, HasValidation> fields(Object... namesAndFields) {
    Map<String, HasValidation> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndFields.length; i += 2) {
      fields.put((String) namesAndFields[i], (HasValidation) namesAndFields[i + 1]);
    }
    return fields;
  }
}
