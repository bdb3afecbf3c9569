package org.onedoor.backend.matching;

import java.util.List;
import java.util.Locale;
import org.onedoor.backend.platform.graphql.BadArgumentException;
import org.onedoor.backend.platform.graphql.Messages;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class MatchingController {

  private static final int DEFAULT_SUGGESTIONS = 10;
  private static final int MAX_SUGGESTIONS = 100;

  private final Matcher matcher;
  private final Conflicts conflicts;
  private final Messages messages;

  MatchingController(Matcher matcher, Conflicts conflicts, Messages messages) {
    this.matcher = matcher;
    this.conflicts = conflicts;
    this.messages = messages;
  }

  @QueryMapping
  List<Matcher.Suggestion> offersForNeed(@Argument String needId, @Argument Integer first) {
    return matcher.forNeed(needId, howMany(first));
  }

  @QueryMapping
  List<Matcher.Suggestion> needsForOffer(@Argument String offerId, @Argument Integer first) {
    return matcher.forOffer(offerId, howMany(first));
  }

  @MutationMapping
  Conflicts.RecordConflictOfInterestPayload recordConflictOfInterest(
      @Argument Conflicts.RecordConflictOfInterestInput input, Locale locale) {
    return conflicts.record(input, locale);
  }

  @SchemaMapping(typeName = "MatchSuggestion")
  double score(Matcher.Suggestion suggestion) {
    return suggestion.score().total();
  }

  @SchemaMapping(typeName = "MatchSuggestion")
  List<Score.Part> factors(Matcher.Suggestion suggestion) {
    return suggestion.score().factors();
  }

  @SchemaMapping(typeName = "ScoreFactor")
  String reason(Score.Part part, Locale locale) {
    Object[] args = part.reason().args().stream()
        .map(arg -> arg instanceof Enum<?> value ? messages.label(value, locale) : arg).toArray();
    return messages.get("match.reason." + part.reason().code(), locale, args);
  }

  private static int howMany(Integer first) {
    if (first == null) {
      return DEFAULT_SUGGESTIONS;
    }
    if (first < 0) {
      throw new BadArgumentException("INVALID_PAGE_SIZE");
    }
    return Math.min(first, MAX_SUGGESTIONS);
  }
}
