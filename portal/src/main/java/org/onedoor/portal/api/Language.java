package org.onedoor.portal.api;

import java.util.Locale;

/** The portal's languages, as the API names them. */
public enum Language {
  ZH_CN(Locale.SIMPLIFIED_CHINESE),
  EN(Locale.ENGLISH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  /** The language of a locale: English for any English locale, else Chinese. */
  public static Language of(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH_CN;
  }
}
