package org.onedoor.portal.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.onedoor.portal.api.Language;
import org.springframework.stereotype.Component;

/**
 * All UI text, from {@code i18n/messages*.properties}: Chinese is the base bundle (and the default language),
 * English the other. A missing key shows as {@code !key!} and fails {@code TranslationsTest}.
 */
@Component
public class PortalTranslations implements I18NProvider {

  static final String BUNDLE = "i18n/messages";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  @Override
  public List<Locale> getProvidedLocales() {
    return List.of(Language.ZH_CN.locale(), Language.EN.locale());
  }

  @Override
  public String getTranslation(String key, Locale locale, Object... params) {
    Locale effective = Language.of(locale).locale();
    try {
      String pattern = ResourceBundle.getBundle(BUNDLE, effective, NO_FALLBACK).getString(key);
      return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
    } catch (MissingResourceException missing) {
      return "!" + key + "!";
    }
  }
}
