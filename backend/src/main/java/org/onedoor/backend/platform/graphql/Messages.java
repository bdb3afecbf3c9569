package org.onedoor.backend.platform.graphql;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Localised user-facing messages (messages*.properties; Chinese is the base bundle). */
@Component
public class Messages {

  private final MessageSource source;

  Messages(MessageSource source) {
    this.source = source;
  }

  /** The message for a code in a locale. */
  public String get(String code, Locale locale, Object... args) {
    return source.getMessage(code, args, locale);
  }

  /** The label of an enum value ({@code label.<Enum>.<VALUE>}), e.g. for exports. */
  public String label(Enum<?> value, Locale locale) {
    return value == null ? null
        : get("label." + value.getDeclaringClass().getSimpleName() + "." + value.name(), locale);
  }

  /** A user error whose code names its message ({@code error.<CODE>}). */
  public UserError userError(String code, String field, Locale locale, Object... args) {
    return new UserError(code, field, get("error." + code, locale, args));
  }
}
