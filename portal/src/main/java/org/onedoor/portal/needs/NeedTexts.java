package org.onedoor.portal.needs;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.layout.Cards;

/** How a public need reads, the same on the board's cards, on its own page and in what it shares. */
final class NeedTexts {

  private final java.util.function.BiFunction<String, Object[], String> translate;
  private final boolean english;

  /** Texts in a view's language. */
  NeedTexts(Component view) {
    this((key, params) -> view.getTranslation(key, params), com.vaadin.flow.component.UI.getCurrent() != null
        && Language.of(com.vaadin.flow.component.UI.getCurrent().getLocale()) == Language.EN);
  }

  /** Texts in a language, outside any view (the shared page's head). */
  NeedTexts(com.vaadin.flow.i18n.I18NProvider i18n, java.util.Locale locale) {
    this((key, params) -> i18n.getTranslation(key, locale, params), Language.of(locale) == Language.EN);
  }

  private NeedTexts(java.util.function.BiFunction<String, Object[], String> translate, boolean english) {
    this.translate = translate;
    this.english = english;
  }

  private String t(String key, Object... params) {
    return translate.apply(key, params);
  }

  String category(PublicNeed need) {
    return t("needCategory." + need.category());
  }

  String state(PublicNeed need) {
    return t(need.fulfilled() ? "needs.fulfilled" : "needs.open");
  }

  String child(PublicNeed need) {
    String age = t("ageBand." + need.ageBand());
    return need.sex() == null ? age : age + " · " + t("sex." + need.sex());
  }

  String township(PublicNeed need) {
    return need.township() == null ? t("needs.cityWide") : english ? need.township().nameEn() : need.township().name();
  }

  String asked(PublicNeed need) {
    List<String> parts = new ArrayList<>();
    if (need.amountYuan() != null) {
      parts.add(t("needs.amount", need.amountYuan()));
    }
    if (need.goods() != null && !need.goods().isEmpty()) {
      parts.add(String.join(english ? ", " : "、", need.goods()));
    }
    if (need.serviceHours() != null) {
      parts.add(t("needs.hours", need.serviceHours()));
    }
    return String.join(english ? "; " : "；", parts);
  }

  String condition(PublicNeed need) {
    return need.condition() == null ? null : t("condition." + need.condition().category())
        + (need.condition().type() == null ? "" : " · " + need.condition().type());
  }

  String deliveredBy(PublicNeed need) {
    return need.childrenHome() == null ? null : need.childrenHome().name()
        + (need.childrenHome().publicContact() == null ? "" : " · " + need.childrenHome().publicContact());
  }

  /** The card of a need on the board: title linking to its page, state, and what a reader scans for. */
  Cards.Card card(PublicNeed need) {
    Cards.Card card = new Cards.Card(need.title(), "needs/" + need.id())
        .badge(state(need), need.fulfilled() ? "badge success" : "badge")
        .line(t("needs.category"), category(need))
        .line(t("needs.urgency"), t("urgency." + need.urgency()))
        .line(t("needs.child"), child(need))
        .line(t("needs.township"), township(need))
        .line(t("needs.asked"), asked(need));
    card.addClassName("need-card");
    return card;
  }

  /** A share-friendly description: what is asked, for whom, where, and through whom — no child. */
  String shareDescription(PublicNeed need) {
    List<String> parts = new ArrayList<>();
    parts.add(category(need));
    parts.add(child(need));
    parts.add(township(need));
    String asked = asked(need);
    if (!asked.isBlank()) {
      parts.add(asked);
    }
    String home = need.childrenHome() == null ? null : need.childrenHome().name();
    if (home != null) {
      parts.add(t("needs.shareVia", home));
    }
    return String.join(" · ", parts);
  }
}
