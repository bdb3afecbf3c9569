package org.onedoor.backend.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.needs.NeedId;
import org.onedoor.backend.needs.StaffNeed;
import org.onedoor.backend.platform.graphql.BadArgumentException;
import org.onedoor.backend.platform.graphql.Batches;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.RequestContext;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
record MatchingController(Matcher matcher, Matches matches, Conflicts conflicts, Messages messages,
    GraphQlLimits limits, Pledges pledges, Fulfilment fulfilment, Allocations allocations, Contacts contacts,
    org.onedoor.backend.casefiles.CaseFiles files) {

  private static final int DEFAULT_SUGGESTIONS = 10;
  private static final int MAX_SUGGESTIONS = 100;

  /**
   * A match to propose.
   *
   * @param needId the need
   * @param offerId the offer
   */
  record ProposeMatchInput(String needId, String offerId) {
  }

  /**
   * A match to approve.
   *
   * @param matchId the match
   * @param assessment a placement's family assessment
   */
  record ApproveMatchInput(String matchId, String assessment) {
  }

  /**
   * A match to reject.
   *
   * @param matchId the match
   * @param reason why
   */
  record RejectMatchInput(String matchId, String reason) {
  }

  @QueryMapping
  Connection<Match> pendingMatches(@Argument Integer first,
      @Argument String after) {
    return matches.pending(limits.pageSize(first), after);
  }

  @MutationMapping
  Matches.MatchPayload proposeMatch(@Argument ProposeMatchInput input, Locale locale) {
    return matches.propose(NeedId.of(input.needId()), OfferId.of(input.offerId()), locale);
  }

  @MutationMapping
  Matches.MatchPayload approveMatch(@Argument ApproveMatchInput input, Locale locale) {
    return matches.approve(input.matchId(), input.assessment(), locale);
  }

  @MutationMapping
  Matches.MatchPayload rejectMatch(@Argument RejectMatchInput input, Locale locale) {
    return matches.reject(input.matchId(), input.reason(), locale);
  }

  /**
   * A match's contact agreement as staff see it: the offerer's name and phone only once both sides agree.
   *
   * @param offererAgreed whether the offerer agrees
   * @param familyAgreed whether the child's family agrees
   * @param offererName the offerer's name, when both agree
   * @param offererPhone the offerer's phone, when both agree
   */
  record MatchContact(boolean offererAgreed, boolean familyAgreed, String offererName, String offererPhone) {
  }

  @SchemaMapping(typeName = "Match")
  MatchContact contact(Match match) {
    Match.Contact contact = match.contact();
    return new MatchContact(contact.offererAgreed(), contact.familyAgreed(),
        contact.mutual() ? contact.offererName() : null, contact.mutual() ? contact.offererPhone() : null);
  }

  /**
   * The family's answer to record.
   *
   * @param matchId the match
   * @param agree whether the family agrees to learn who helped
   */
  record RecordFamilyContactConsentInput(String matchId, Boolean agree) {
  }

  @MutationMapping
  Contacts.AgreeToContactPayload agreeToContact(@Argument Contacts.AgreeToContactInput input, Locale locale) {
    return contacts.agree(input, locale);
  }

  @MutationMapping
  Contacts.FamilyContactPayload recordFamilyContactConsent(@Argument RecordFamilyContactConsentInput input,
      Locale locale) {
    return contacts.recordFamily(input.matchId(), input.agree(), locale);
  }

  @BatchMapping(typeName = "Match")
  Map<Match, Offer> offer(List<Match> list) {
    return Batches.resolve(list, Match::offerId, matches::offersOf);
  }

  /** Whether a conflict of interest is recorded between each match's offerer and child, in one query. */
  @BatchMapping(typeName = "Match")
  Map<Match, Boolean> conflictRecorded(List<Match> list) {
    return conflicts.recordedFor(list);
  }

  /** The child a match is for, by name: for the staff who keep the child's file (a logged read), else null. */
  @BatchMapping(typeName = "Match")
  Map<Match, MatchChild> child(List<Match> list) {
    boolean keepsFiles = org.onedoor.backend.identity.Caller.current().map(c -> c.roles().stream().anyMatch(
        r -> List.of(org.onedoor.schema.RoleNames.SUPERVISOR, org.onedoor.schema.RoleNames.TOWNSHIP_STAFF,
            org.onedoor.schema.RoleNames.CIVIL_AFFAIRS).contains(r))).orElse(false);
    Map<String, String> names = keepsFiles
        ? files.namesInScope(list.stream().map(Match::caseFileId).filter(java.util.Objects::nonNull).distinct()
            .toList())
        : Map.of();
    Map<Match, MatchChild> children = new java.util.LinkedHashMap<>();
    list.forEach(m -> children.put(m, names.containsKey(m.caseFileId())
        ? new MatchChild(m.caseFileId(), names.get(m.caseFileId())) : null));
    return children;
  }

  /**
   * The child a match is for.
   *
   * @param caseFileId the child's file
   * @param name the child's name
   */
  record MatchChild(String caseFileId, String name) {
  }

  @BatchMapping(typeName = "Match")
  Map<Match, StaffNeed> need(List<Match> list) {
    return Batches.resolve(list, Match::needId, matches::needsOf);
  }

  /**
   * A delivery to record.
   *
   * @param matchId the match
   */
  record RecordDeliveryInput(String matchId) {
  }

  /**
   * A fulfilment to confirm.
   *
   * @param matchId the match
   * @param outcome how it met the need
   * @param note the caseworker's note
   * @param thankYou the thank-you to the offerer
   */
  record ConfirmFulfilmentInput(String matchId, Outcome outcome, String note, String thankYou) {
  }

  @MutationMapping
  Pledges.PledgePayload pledgeOnNeed(@Argument Pledges.PledgeInput input,
      @ContextValue(name = RequestContext.CLIENT_ADDRESS, required = false) String client, Locale locale) {
    return pledges.pledge(input, client, locale);
  }

  @QueryMapping
  Connection<Pledges.OffererMatch> myMatches(@Argument Integer first, @Argument String after) {
    return pledges.mine(limits.pageSize(first), after);
  }

  @QueryMapping
  Connection<Match> caseworkMatches(@Argument MatchStatus status, @Argument Integer first, @Argument String after) {
    return fulfilment.casework(status, limits.pageSize(first), after);
  }

  @MutationMapping
  Fulfilment.FulfilmentPayload recordDelivery(@Argument RecordDeliveryInput input, Locale locale) {
    return fulfilment.deliver(input.matchId(), locale);
  }

  @MutationMapping
  Fulfilment.FulfilmentPayload confirmFulfilment(@Argument ConfirmFulfilmentInput input, Locale locale) {
    return fulfilment.confirm(input.matchId(), input.outcome(), input.note(), input.thankYou(), locale);
  }

  /**
   * Starting a run.
   *
   * @param note why
   */
  record StartAllocationRunInput(String note) {
  }

  /**
   * The result of starting a run.
   *
   * @param run the run
   * @param errors always empty
   */
  record StartAllocationRunPayload(AllocationRun run, List<UserError> errors) {
  }

  @QueryMapping
  AllocationRun latestAllocationRun() {
    return allocations.latest();
  }

  @MutationMapping
  StartAllocationRunPayload startAllocationRun(@Argument StartAllocationRunInput input) {
    return new StartAllocationRunPayload(allocations.start(), List.of());
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
