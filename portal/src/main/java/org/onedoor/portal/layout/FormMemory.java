package org.onedoor.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a half-filled form holds, kept across the page reload a language switch makes: the values of the view's
 * fields that have an id (never a password), kept in the session only until the same page has shown again.
 */
final class FormMemory {

  private static final String KEY = FormMemory.class.getName();

  private FormMemory() {
  }

  /** Kept no longer than the reload takes: a switch that never reloads leaves nothing behind for long. */
  private static final java.time.Duration KEPT_FOR = java.time.Duration.ofMinutes(1);

  private record Kept(String path, Map<String, Object> values, java.time.Instant at) implements Serializable {
  }

  /** Keeps the values of the view's fields that hold something. */
  static void keep(VaadinSession session, String path, Component view) {
    Map<String, Object> values = new HashMap<>();
    fields(view).forEach(field -> {
      Object value = ((HasValue<?, ?>) field).getValue();
      // Only what the session can hold as it is (the portal's values are strings, dates, numbers, sets, records).
      if (!((HasValue<?, ?>) field).isEmpty() && value instanceof Serializable) {
        values.put(field.getId().orElseThrow(), value);
      }
    });
    session.setAttribute(KEY, values.isEmpty() ? null : new Kept(path, values, java.time.Instant.now()));
  }

  /** Puts kept values back into the same page's fields, once; values that no longer fit are left out. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void restore(VaadinSession session, String path, Component view) {
    if (!(session.getAttribute(KEY) instanceof Kept kept)) {
      return;
    }
    session.setAttribute(KEY, null);
    if (!kept.path().equals(path) || kept.at().plus(KEPT_FOR).isBefore(java.time.Instant.now())) {
      return;
    }
    fields(view).forEach(field -> {
      Object value = kept.values().get(field.getId().orElseThrow());
      if (value != null) {
        try {
          ((HasValue) field).setValue(value);
        } catch (RuntimeException noLongerFits) {
          // e.g. a choice no longer offered: the field stays empty
        }
      }
    });
  }

  private static Stream<Component> fields(Component root) {
    return Stream.concat(Stream.of(root), root.getChildren().flatMap(FormMemory::fields))
        .filter(c -> c instanceof HasValue<?, ?> && !(c instanceof PasswordField) && c.getId().isPresent()
            && !((HasValue<?, ?>) c).isReadOnly());
  }
}
