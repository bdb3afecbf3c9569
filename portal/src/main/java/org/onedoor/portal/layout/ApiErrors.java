package org.onedoor.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.onedoor.portal.api.ApiException;

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

  /** The localised message for a failed call. */
  public static String message(Component context, ApiException failure) {
    return context.getTranslation(failure.problem().messageKey());
  }
}
