package org.onedoor.portal.safety;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.Cards;

/** How a safety chain's steps read: times in the city's minutes, each step a card of what was recorded. */
public final class SafetyTexts {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CityTime.ZONE);

  private SafetyTexts() {
  }

  /** An ISO instant as the city's day and minute; null stays null. */
  static String minutes(String instant) {
    return instant == null ? null : MINUTES.format(Instant.parse(instant));
  }

  /** A recorded step as a card: what, when, by whom, and the step's own facts. */
  public static Cards.Card card(com.vaadin.flow.component.Component context, SafetyApi.Step step) {
    String separator = context.getTranslation("punctuation.list");
    Cards.Card card = new Cards.Card(context.getTranslation("safetyStep." + step.step()) + " · "
        + minutes(step.occurredAt()), null);
    card.addClassName("safety-step");
    card.line(context.getTranslation("safety.recordedBy"), step.recordedByName() + (step.department() == null
            ? context.getTranslation("safety.byTownship")
            : context.getTranslation("file.relationship", context.getTranslation("department." + step.department()))))
        .line(context.getTranslation("safety.seenBy"), step.seenBy())
        .line(context.getTranslation("safety.note"), step.note())
        .line(context.getTranslation("safety.placement"), step.placement() == null ? null
            : context.getTranslation("placement." + step.placement())
                + (step.placeName() == null ? "" : " · " + step.placeName()))
        .line(context.getTranslation("safety.note"), step.immediateNote())
        .line(context.getTranslation("file.capability"), step.capability() == null ? null
            : context.getTranslation("capability." + step.capability()))
        .line(context.getTranslation("safety.risks"), step.risks())
        .line(context.getTranslation("file.riskTier"), step.riskTier() == null ? null : step.riskTier().toString())
        .line(context.getTranslation("safety.needsOpened"), labels(context, "needCategory.", step.needsOpened(),
            separator))
        .line(context.getTranslation("safety.measures"), labels(context, "measure.", step.measures(), separator))
        .line(context.getTranslation("safety.documentRef"), step.documentRef())
        .line(context.getTranslation("safety.note"), step.interventionNote())
        .line(context.getTranslation("safety.review"), step.review());
    return card;
  }

  private static String labels(com.vaadin.flow.component.Component context, String prefix, List<String> values,
      String separator) {
    return values == null || values.isEmpty() ? null
        : values.stream().map(v -> context.getTranslation(prefix + v)).collect(Collectors.joining(separator));
  }
}
