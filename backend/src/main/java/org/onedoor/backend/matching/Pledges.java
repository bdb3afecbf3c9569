package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.needs.NeedId;
import org.onedoor.backend.needs.PublicNeedId;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.NeedStatus;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.registry.VolunteerSkill;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Pledges: a signed-in charity or donor pledges directly on a published need. The pledge enters through the one door
 * as an offer of capacity one and becomes a match proposed to civil affairs. What the pledger sees of it — here and
 * in "my offers and pledges" — is the anonymised need, the status, the outcome and the caseworker's thank-you: never
 * the child.
 */
@Service
class Pledges {

  private final MongoTemplate mongo;
  private final Needs needs;
  private final Offers offers;
  private final Matches matches;
  private final Messages messages;
  private final Clock clock;
  private final OpenOffers openOffers;
  private final org.onedoor.backend.intake.Intakes intakes;

  Pledges(MongoTemplate mongo, Needs needs, Offers offers, Matches matches, Messages messages, Clock clock,
      OpenOffers openOffers, org.onedoor.backend.intake.Intakes intakes) {
    this.intakes = intakes;
    this.openOffers = openOffers;
    this.mongo = mongo;
    this.needs = needs;
    this.offers = offers;
    this.matches = matches;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * A pledge on a published need.
   *
   * @param idempotencyKey the client's key for this pledge
   * @param needId the need's public id
   * @param kind what is pledged
   * @param amountYuan money: the sum; sponsorship: the monthly sum
   * @param goods goods
   * @param skill a service's skill
   * @param hoursPerWeek a service's hours per week
   * @param townshipId a service's township; the township the need shows when null
   * @param description a word from the pledger
   */
  record PledgeInput(String idempotencyKey, String needId, OfferKind kind, Integer amountYuan, List<String> goods,
      VolunteerSkill skill, Integer hoursPerWeek, String townshipId, String description) {
  }

  /**
   * A pledge or an offer's match as its offerer sees it: nothing of the child.
   *
   * @param id the match
   * @param status where it stands
   * @param origin how it came about
   * @param offerId the offer
   * @param need the anonymised need
   * @param outcome how it met the need, once confirmed
   * @param thankYou the caseworker's thank-you, once confirmed
   * @param createdAt when proposed
   * @param contact the offerer's side of the contact agreement
   * @param kind what the offer gives (a placement exchanges no contact details)
   */
  record OffererMatch(String id, MatchStatus status, MatchOrigin origin, String offerId, PledgedNeed need,
      Outcome outcome, String thankYou, Instant createdAt, OffererContact contact, OfferKind kind) {
  }

  /**
   * The offerer's side of the contact agreement, and whether the family agreed too — nothing of the family itself.
   *
   * @param agreed whether the offerer agrees that the child's family may learn the name and phone below
   * @param name the name the offerer gave
   * @param phone the phone the offerer gave
   * @param familyAgreed whether the family agreed too (then the caseworker passes the name and phone on)
   */
  record OffererContact(boolean agreed, String name, String phone, boolean familyAgreed) {
  }

  /**
   * A need as its pledger sees it: its public face only.
   *
   * @param publicId its public id
   * @param category what kind of help
   * @param title its public title
   * @param urgency how soon
   * @param status where it stands (published, matched, fulfilled…)
   */
  record PledgedNeed(String publicId, NeedCategory category, String title, Urgency urgency, NeedStatus status) {
  }

  /**
   * The result of a pledge.
   *
   * @param pledge the pledge; null when refused
   * @param errors why it was refused
   */
  record PledgePayload(OffererMatch pledge, List<UserError> errors) {
  }

  /** Signed in: pledges on a need on the board; the pledge waits for civil affairs. */
  @PreAuthorize(Roles.SIGNED_IN)
  public PledgePayload pledge(PledgeInput input, String clientAddress, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    LocalDate today = CityTime.today(clock);
    Need need = needs.onBoardByPublicId(PublicNeedId.of(input.needId()), today).orElse(null);
    if (need == null) {
      return new PledgePayload(null, List.of(messages.userError("NEED_NOT_FOUND", "needId", locale)));
    }
    // A service is given somewhere: where the pledger says, else where the need is shown (never the child's own
    // township when the need is shown city-wide: the pledger's offer would tell it).
    String township = input.kind() != OfferKind.SERVICE ? null : input.townshipId() != null
        && !input.townshipId().isBlank() ? input.townshipId() : need.shownTownshipId();
    var submitted = offers.submit(new Offers.SubmitOfferInput(input.idempotencyKey(), input.kind(),
        List.of(need.category()), township, null, null, input.amountYuan(), input.goods(), input.skill(),
        input.hoursPerWeek(), null, null, null, null, null, 1, null, input.description()), need.id(), clientAddress,
        locale);
    if (!submitted.errors().isEmpty()) {
      return new PledgePayload(null, submitted.errors());
    }
    Offer offer = mongo.findOne(query(where("receiptCode").is(submitted.receipt().code())), Offer.class);
    Match existing = mongo.findOne(query(where("needId").is(need.id()).and("offerId").is(offer.id())), Match.class);
    if (existing != null) {
      return new PledgePayload(view(existing, need), List.of());
    }
    var proposed = matches.propose(new NeedId(need.id()), new OfferId(offer.id()), MatchOrigin.PLEDGE,
        caller.subject(), locale);
    if (!proposed.errors().isEmpty()) {
      mongo.updateFirst(query(where("_id").is(offer.id())), new Update().set("status", OfferStatus.WITHDRAWN)
          .set("endedAt", clock.instant()), Offer.class);
      openOffers.changed();
      intakes.withdrawnBySubmitter(offer.intakeId());
      return new PledgePayload(null, proposed.errors());
    }
    return new PledgePayload(view(proposed.match(), need), List.of());
  }

  /** Signed in: the matches of the caller's offers and pledges, newest first, as the offerer sees them. */
  @PreAuthorize(Roles.SIGNED_IN)
  public Connection<OffererMatch> mine(PageSize size, String after) {
    Caller caller = Caller.current().orElseThrow();
    Query query = Cursors.pageByInstant(new Query(where("offerer").is("account:" + caller.subject())), "createdAt",
        true, after, size);
    List<Match> found = mongo.find(query, Match.class);
    Map<NeedId, Need> byId = needs.byIds(found.stream().map(m -> new NeedId(m.needId())).distinct().toList());
    List<OffererMatch> views = new ArrayList<>();
    found.forEach(m -> views.add(view(m, byId.get(new NeedId(m.needId())))));
    return Connection.of(views, size, v -> Cursors.encode(v.createdAt().toEpochMilli(), v.id()), v -> v);
  }

  /** A match as its offerer sees it: the need's public face, never the child. */
  static OffererMatch view(Match match, Need need) {
    Match.Contact contact = match.contact();
    return new OffererMatch(match.id(), match.status(), match.origin(), match.offerId(),
        new PledgedNeed(need.publicId(), need.category(), need.title(), need.urgency(), need.status()),
        match.outcome(), match.thankYou(), match.createdAt(), new OffererContact(contact.offererAgreed(),
            contact.offererName(), contact.offererPhone(), contact.familyAgreed()), match.kind());
  }
}
