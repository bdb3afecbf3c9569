package org.onedoor.portal.api;

import java.util.List;

/** Records for pledges, matches and their fulfilment. */
public final class MatchingApi {

  private MatchingApi() {
  }

  /**
   * A pledge as the dialog collects it.
   *
   * @param idempotencyKey made once per dialog
   * @param needId the need's public id
   * @param kind MONEY, GOODS, SPONSORSHIP or SERVICE
   * @param amountYuan money asked
   * @param goods goods
   * @param skill a service's skill
   * @param hoursPerWeek a service's hours per week
   * @param townshipId where a service is given (null: where the need is shown)
   * @param description a word from the pledger
   */
  public record Pledge(String idempotencyKey, String needId, String kind, Integer amountYuan, List<String> goods,
      String skill, Integer hoursPerWeek, String townshipId, String description) {
  }

  /**
   * An offer of help as the one door's form collects it.
   *
   * @param idempotencyKey made once per form
   * @param kind MONEY, GOODS, SERVICE, PROJECT, SPONSORSHIP or PLACEMENT
   * @param categories the kinds of need it can meet
   * @param townshipId where it is offered, or null for the whole city
   * @param offererName an anonymous donor's name
   * @param phone contact phone (required when anonymous)
   * @param amountYuan money, or a sponsorship's monthly sum
   * @param goods goods
   * @param skill a service's skill
   * @param hoursPerWeek a service's hours per week
   * @param availability a service's times
   * @param careKind a placement's kind of care
   * @param childAgeMin a placement's youngest child
   * @param childAgeMax a placement's oldest child
   * @param childSex a placement's preferred sex, or null
   * @param capacity how many needs it can meet
   * @param validUntil the last day, yyyy-MM-dd
   * @param description what the offerer says
   */
  public record OfferForm(String idempotencyKey, String kind, List<String> categories, String townshipId,
      String offererName, String phone, Integer amountYuan, List<String> goods, String skill, Integer hoursPerWeek,
      String availability, String careKind, Integer childAgeMin, Integer childAgeMax, String childSex,
      Integer capacity, String validUntil, String description) {
  }

  /**
   * The result of a pledge.
   *
   * @param pledge the pledge, or null when refused
   * @param errors the refusals
   */
  public record Pledged(MyMatch pledge, List<UserError> errors) {
  }

  /**
   * A match of the user's offer or pledge: nothing of the child.
   *
   * @param id the match
   * @param status where it stands
   * @param origin how it came about
   * @param outcome how it met the need, once confirmed
   * @param thankYou the caseworker's thank-you
   * @param need the need's public face
   * @param contact the user's side of the contact agreement (null where not asked for)
   */
  public record MyMatch(String id, String status, String origin, String offerId, String createdAt, String outcome,
      String thankYou, NeedFace need, OffererContact contact, String kind) {
  }

  /**
   * Whether the child's family may learn who helped, as the offerer sees it.
   *
   * @param agreed whether the user agrees
   * @param name the name the user gave
   * @param phone the phone the user gave
   * @param familyAgreed whether the family agreed too
   */
  public record OffererContact(Boolean agreed, String name, String phone, Boolean familyAgreed) {
  }

  /**
   * A match's contact agreement as staff see it.
   *
   * @param offererAgreed whether the offerer agrees
   * @param familyAgreed whether the child's family agrees
   * @param offererName the offerer's name, once both agree
   * @param offererPhone the offerer's phone, once both agree
   */
  public record MatchContact(Boolean offererAgreed, Boolean familyAgreed, String offererName, String offererPhone) {
  }

  /**
   * A need's public face.
   *
   * @param publicId public id
   * @param title title
   * @param category category
   * @param urgency urgency
   * @param status status
   */
  public record NeedFace(String publicId, String title, String category, String urgency, String status) {
  }

  /**
   * A match as civil affairs and caseworkers see it.
   *
   * @param id the match
   * @param status where it stands
   * @param origin who proposed it
   * @param score its score when proposed
   * @param approvalsNeeded how many approvers it takes
   * @param approvals the approvals so far
   * @param assessment a placement's assessment
   * @param need the need
   * @param offer the offer
   * @param outcome how it met the need, once confirmed
   * @param contact the contact agreement (null where not asked for)
   */
  public record StaffMatch(String id, String status, String origin, Double score, int approvalsNeeded,
      List<Approval> approvals, String assessment, StaffNeed need, OfferSummary offer, String outcome,
      MatchContact contact, MatchChild child, Boolean conflictRecorded) {

    public StaffMatch {
      approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }
  }

  /**
   * An approval.
   *
   * @param by the approver
   */
  public record Approval(String by) {
  }

  /**
   * A need as staff see it in a match.
   *
   * @param id internal id
   * @param title title
   * @param category category
   * @param urgency urgency
   * @param publicId the code the public sees
   * @param ageBand the age band shown, once published
   * @param township the township shown, once published (null city-wide)
   */
  public record StaffNeed(String id, String title, String category, String urgency, String publicId,
      String ageBand, Village township) {
  }

  /**
   * What an offer gives.
   *
   * @param id the offer
   * @param kind its kind
   * @param amountYuan money
   * @param goods goods
   * @param skill a service's skill
   * @param hoursPerWeek a service's hours
   * @param careKind a placement's kind of care
   */
  public record OfferSummary(String id, String kind, Integer amountYuan, List<String> goods, String skill,
      Integer hoursPerWeek, String careKind) {
  }

  /**
   * The result of a confirmation.
   *
   * @param findings what the text guard found in the thank-you
   * @param errors the refusals
   */
  public record Confirmed(List<StaffApi.TextFinding> findings, List<UserError> errors) {
  }

  /**
   * A global allocation run.
   *
   * @param id the run
   * @param status RUNNING, DONE or FAILED
   * @param phase what it is doing
   * @param progress 0–100
   * @param needs open needs considered
   * @param offers open offers considered
   * @param candidates candidate pairs scored
   * @param proposed matches proposed
   * @param coveredUrgency urgency covered
   * @param totalUrgency urgency of all open needs
   */
  public record AllocationRun(String id, String status, String phase, int progress, int needs, int offers,
      double candidates, int proposed, double coveredUrgency, double totalUrgency) {
  }

  /**
   * A suggested offer for a need, with its score and the reasons.
   *
   * @param score 0–100
   * @param offer what it gives
   * @param factors each factor's reason
   * @param need the need (asked for in the suggestions for an offer)
   */
  public record Suggestion(double score, OfferSummary offer, List<Factor> factors, StaffNeed need) {
  }

  /**
   * One factor of a score.
   *
   * @param factor which
   * @param value 0–1
   * @param weight its weight
   * @param reason why, in the user's language
   */
  public record Factor(String factor, double value, double weight, String reason) {
  }

  /**
   * An offer as its offerer, or civil affairs among the open ones, list it.
   *
   * @param id the offer
   * @param receiptCode its receipt code
   * @param kind what it gives
   * @param categories the needs it can meet
   * @param amountYuan money
   * @param goods goods
   * @param skill a service's skill
   * @param hoursPerWeek a service's hours
   * @param careKind a placement's kind of care
   * @param capacity how many needs it can meet
   * @param allocated how many approved matches use it
   * @param validUntil yyyy-MM-dd
   * @param status OPEN or WITHDRAWN
   */
  public record MyOffer(String id, String receiptCode, String kind, List<String> categories, Integer amountYuan,
      List<String> goods, String skill, Integer hoursPerWeek, String careKind, int capacity, int allocated,
      String validUntil, String status) {
  }

  /**
   * The child a match is for (caseworkers only).
   *
   * @param caseFileId the child's file
   * @param name the child's name
   */
  public record MatchChild(String caseFileId, String name) {
  }
}
