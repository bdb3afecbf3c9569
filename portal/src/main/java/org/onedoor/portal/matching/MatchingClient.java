package org.onedoor.portal.matching;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.MatchingApi;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/**
 * Matching: offerers' own matches and offers, civil affairs' approvals and allocation, casework. Calls and error
 * translation go through {@link GraphQlGateway}.
 */
@Component
public record MatchingClient(GraphQlGateway gateway) {

  /** Signed in: a page of the matches of the user's offers and pledges, newest first. */
  public Page<MatchingApi.MyMatch> myMatches(int first, String after) {
    return gateway.pageWith("myMatches", "myMatches", MatchingApi.MyMatch.class, Map.of(), first, after);
  }

  /** The offerer: withdraws one of their open offers; the refusals, empty on success. */
  public List<UserError> withdrawOffer(String offerId) {
    return gateway.refusalsWith("withdrawOffer", GraphQlGateway.variables("id", offerId));
  }

  /** Signed in: a page of the user's offers, newest first. */
  public Page<MatchingApi.MyOffer> myOffers(int first, String after) {
    return gateway.pageWith("myOffers", "myOffers", MatchingApi.MyOffer.class, Map.of(), first, after);
  }

  /** Civil affairs: a page of the open offers, newest first. */
  public Page<MatchingApi.MyOffer> openOffers(int first, String after) {
    return gateway.pageWith("openOffers", "openOffers", MatchingApi.MyOffer.class, Map.of(), first, after);
  }

  /** Civil affairs: the open needs an offer can meet, best first, with the reasons. */
  public List<MatchingApi.Suggestion> needsForOffer(String offerId) {
    return gateway.call(graphQl -> graphQl.documentName("needsForOffer").variable("offerId", offerId)
        .retrieveSync("needsForOffer")
        .toEntityList(MatchingApi.Suggestion.class));
  }

  /** Civil affairs: a page of the matches waiting for a decision, oldest first. */
  public Page<MatchingApi.StaffMatch> pendingMatches(int first, String after) {
    return gateway.pageWith("pendingMatches", "pendingMatches", MatchingApi.StaffMatch.class, Map.of(), first, after);
  }

  /** Caseworkers: a page of approved matches to deliver and delivered ones to confirm. */
  public Page<MatchingApi.StaffMatch> caseworkMatches(int first, String after) {
    return caseworkMatches(null, first, after);
  }

  /** Caseworkers: a page of the matches in one status (null: approved and delivered). */
  public Page<MatchingApi.StaffMatch> caseworkMatches(String status, int first, String after) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("status", status);
    return gateway.pageWith("caseworkMatches", "caseworkMatches", MatchingApi.StaffMatch.class, variables, first,
        after);
  }

  /**
   * The offerer: agrees that the child's family may learn this name and phone, or withdraws; the refusals, empty on
   * success.
   */
  public List<UserError> agreeToContact(String matchId, boolean agree, String name, String phone) {
    return gateway.refusals("agreeToContact", new AgreeToContactInput(matchId, agree, name, phone));
  }

  /** The caseworker: records whether the child's family agrees to learn who helped; the refusals. */
  public List<UserError> recordFamilyContactConsent(String matchId, boolean agree) {
    return gateway.refusalsWith("recordFamilyContactConsent", GraphQlGateway.variables("id", matchId, "agree", agree));
  }

  /** Civil affairs: approves a match (a placement: with the assessment); the refusals, empty on success. */
  public List<UserError> approveMatch(String matchId, String assessment) {
    return gateway.refusalsWith("approveMatch", GraphQlGateway.variables("id", matchId, "assessment", assessment));
  }

  /** Civil affairs: rejects a match with the reason; the refusals, empty on success. */
  public List<UserError> rejectMatch(String matchId, String reason) {
    return gateway.refusalsWith("rejectMatch", GraphQlGateway.variables("id", matchId, "reason", reason));
  }

  /** The caseworker: records the delivery; the refusals, empty on success. */
  public List<UserError> recordDelivery(String matchId) {
    return gateway.refusalsWith("recordDelivery", GraphQlGateway.variables("id", matchId));
  }

  /** The caseworker: confirms the outcome with a note and a thank-you; the refusals and the text guard's findings. */
  public MatchingApi.Confirmed confirmFulfilment(String matchId, String outcome, String note, String thankYou) {
    var input = new ConfirmFulfilmentInput(matchId, outcome, note, thankYou);
    return gateway.call(graphQl -> graphQl.documentName("confirmFulfilment").variable("input", input)
        .retrieveSync("confirmFulfilment").toEntity(MatchingApi.Confirmed.class));
  }

  /** Civil affairs: starts a global allocation run (or gets the one running). */
  public MatchingApi.AllocationRun startAllocation() {
    return gateway.call(graphQl -> graphQl.documentName("startAllocationRun").retrieveSync("startAllocationRun.run")
        .toEntity(MatchingApi.AllocationRun.class));
  }

  /** Civil affairs: the latest allocation run, or null. */
  public MatchingApi.AllocationRun latestAllocation() {
    return gateway.call(graphQl -> {
      var response = gateway.valid(graphQl.documentName("latestAllocationRun").executeSync());
      return response.field("latestAllocationRun").getValue() == null ? null
          : response.field("latestAllocationRun").toEntity(MatchingApi.AllocationRun.class);
    });
  }

  /** Civil affairs: the best offers for a need, with the reasons. */
  public List<MatchingApi.Suggestion> offersForNeed(String needId) {
    return gateway.call(graphQl -> graphQl.documentName("offersForNeed").variable("needId", needId)
        .retrieveSync("offersForNeed")
        .toEntityList(MatchingApi.Suggestion.class));
  }

  /** Civil affairs: proposes an offer for a need; the refusals (e.g. not compatible, with the reason). */
  public List<UserError> proposeMatch(String needId, String offerId) {
    return gateway.refusalsWith("proposeMatch", GraphQlGateway.variables("needId", needId, "offerId", offerId));
  }

  /**
   * Civil affairs and township staff: records a conflict of interest between the offerer of an offer and the child of
   * a need; the refusals, empty on success.
   */
  public List<UserError> recordConflictOfInterest(String needId, String offerId, String reason) {
    return gateway.refusalsWith("recordConflictOfInterest", GraphQlGateway.variables("needId", needId, "offerId",
        offerId, "reason", reason));
  }

  /** The schema's AgreeToContactInput. */
  record AgreeToContactInput(String matchId, boolean agree, String name, String phone) {
  }

  /** The schema's ConfirmFulfilmentInput. */
  record ConfirmFulfilmentInput(String matchId, String outcome, String note, String thankYou) {
  }
}
