package org.onedoor.backend.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onedoor.backend.platform.Phones;

/**
 * The one home of field validation for an input: each check gives back the value as stored (stripped, normalised)
 * and, when it fails, adds a localised {@link UserError} naming the field — never the value. A mutation collects
 * every refusal of its input, then stores nothing if there is any.
 */
public final class FieldChecks {

  private final Messages messages;
  private final Locale locale;
  private final List<UserError> errors;

  /** Checks that add their refusals to {@code errors} (shared with checks of the caller's own). */
  public FieldChecks(Messages messages, Locale locale, List<UserError> errors) {
    this.messages = messages;
    this.locale = locale;
    this.errors = errors;
  }

  /** Checks with their own list of refusals. */
  public FieldChecks(Messages messages, Locale locale) {
    this(messages, locale, new ArrayList<>());
  }

  /** A required text of at most {@code max} characters (stripped); FIELD_REQUIRED otherwise. */
  public String required(String text, int max, String field) {
    return required(text, max, field, "FIELD_REQUIRED");
  }

  /** A required text of at most {@code max} characters (stripped); refused with {@code code} (max as argument). */
  public String required(String text, int max, String field, String code) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty() || value.length() > max) {
      refuse(code, field, max);
    }
    return value;
  }

  /** An optional text: null when blank, else stripped and at most {@code max} characters (TEXT_TOO_LONG). */
  public String optional(String text, int max, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    if (value.length() > max) {
      refuse("TEXT_TOO_LONG", field, max);
    }
    return value;
  }

  /** An optional phone number, normalised ({@link Phones}); PHONE_INVALID when it is not one. */
  public String phone(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String phone = Phones.normalised(text);
    if (phone == null) {
      refuse("PHONE_INVALID", field);
    }
    return phone;
  }

  /** Adds a refusal of the caller's own. */
  public void refuse(String code, String field, Object... args) {
    errors.add(messages.userError(code, field, locale, args));
  }

  /** The refusals so far. */
  public List<UserError> errors() {
    return errors;
  }

  /** Whether nothing was refused. */
  public boolean passed() {
    return errors.isEmpty();
  }
}
