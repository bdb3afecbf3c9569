package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.IntakeContent;
import org.onedoor.backend.intake.IntakeKind;
import org.onedoor.backend.intake.IntakeReceipt;
import org.onedoor.backend.intake.Intakes;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.intake.Routing;
import org.onedoor.backend.intake.StoredIntake;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Phones;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.registry.CareKind;
import org.onedoor.backend.registry.VolunteerSkill;
import org.onedoor.schema.RoleNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Offers of help through the one door. Money, goods and sponsorships come from anyone (anonymous donors leave a name
 * and phone); a service from a vetted volunteer or an organisation; a project from an organisation; a placement from
 * an approved caring family — the account's role says which, as vetting gave it. Each offer gets a receipt code and a
 * civil-affairs task (routing), and is open for matching until its validity ends or its capacity is used.
 *
 * <p>Why over 300 lines: {@link #submit} checks what each of the six kinds of offer gives, field by field, in one
 * place, and stores the flat document; matching reads what an offer gives as its kind's record ({@link OfferTerms}).
 */
@Service
class Offers {

  private static final int MAX_AMOUNT = 10_000_000;
  private static final int MAX_CAPACITY = 1000;
  private static final int MAX_PLACEMENTS = 10;

  private final MongoTemplate mongo;
  private final Intakes intakes;
  private final Routing routing;
  private final Messages messages;
  private final Clock clock;
  private final OpenOffers openOffers;

  Offers(MongoTemplate mongo, Intakes intakes, Routing routing, Messages messages, Clock clock,
      OpenOffers openOffers) {
    this.openOffers = openOffers;
    this.mongo = mongo;
    this.intakes = intakes;
    this.routing = routing;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * An offer, as submitted.
   *
   * @param idempotencyKey the client's key for this submission
   * @param kind what it gives
   * @param categories the kinds of need it can meet (a placement: guardianship care, implied)
   * @param townshipId where it is offered, or null for anywhere in the city
   * @param offererName an anonymous donor's name (signed-in offerers: their account's)
   * @param phone contact phone (required when anonymous)
   * @param amountYuan money: the sum; sponsorship: the monthly sum
   * @param goods goods: what
   * @param skill service: the skill
   * @param hoursPerWeek service: hours per week
   * @param availability service: when
   * @param careKind placement: foster or entrusted care
   * @param childAgeMin placement: youngest child
   * @param childAgeMax placement: oldest child
   * @param childSex placement: preferred sex, or null
   * @param capacity how many needs it can meet
   * @param validUntil last day it holds, yyyy-MM-dd
   * @param description what the offerer says
   */
  public record SubmitOfferInput(String idempotencyKey, OfferKind kind, List<NeedCategory> categories,
      String townshipId, String offererName, String phone, Integer amountYuan, List<String> goods,
      VolunteerSkill skill, Integer hoursPerWeek, String availability, CareKind careKind, Integer childAgeMin,
      Integer childAgeMax, Sex childSex, Integer capacity, String validUntil, String description) {
  }

  /**
   * The result of submitting an offer.
   *
   * @param receipt the receipt (the first one's for a repeated key); null when refused
   * @param errors why it was refused, field by field
   */
  public record SubmitOfferPayload(IntakeReceipt receipt, List<UserError> errors) {
  }

  /** Anyone (what they may offer depends on their role): an offer of help through the one door. */
  @PreAuthorize(Roles.PUBLIC)
  public SubmitOfferPayload submit(SubmitOfferInput input, String clientAddress, Locale locale) {
    return submit(input, null, clientAddress, locale);
  }

  /**
   * An offer of help, its idempotency key scoped also to {@code scope} (a pledge: the need pledged on, so that the
   * same key on another need is another pledge).
   */
  SubmitOfferPayload submit(SubmitOfferInput input, String scope, String clientAddress, Locale locale) {
    Caller caller = Caller.current().orElse(null);
    OffererKind offererKind = offererKind(caller);
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String key = intakes.idempotencyKey(input.idempotencyKey(), errors, locale);
    OfferKind kind = input.kind();
    if (kind == null) {
      errors.add(messages.userError("OFFER_KIND_REQUIRED", "kind", locale));
    } else if (!allowed(kind, offererKind)) {
      errors.add(messages.userError("OFFER_KIND_NOT_ALLOWED", "kind", locale));
    }
    String name;
    String phone = null;
    if (caller == null) {
      name = checks.required(input.offererName(), 50, "offererName");
    } else {
      name = caller.displayName();
    }
    if (caller == null || input.phone() != null && !input.phone().isBlank()) {
      phone = Phones.normalised(input.phone());
      if (phone == null) {
        errors.add(messages.userError("PHONE_INVALID", "phone", locale));
      }
    }
    String townshipId = input.townshipId() == null || input.townshipId().isBlank() ? null : input.townshipId();
    if (townshipId != null || kind == OfferKind.SERVICE || kind == OfferKind.PLACEMENT) {
      intakes.checkPlace(townshipId, null, false, errors, locale);
    }
    List<NeedCategory> categories = kind == OfferKind.PLACEMENT ? List.of(NeedCategory.GUARDIANSHIP_CARE)
        : input.categories() == null ? List.of() : input.categories().stream().distinct().toList();
    if (categories.isEmpty()) {
      errors.add(messages.userError("CATEGORIES_REQUIRED", "categories", locale));
    }
    Integer amount = null;
    List<String> goods = List.of();
    if (kind == OfferKind.MONEY || kind == OfferKind.SPONSORSHIP) {
      amount = input.amountYuan();
      if (amount == null || amount < 1 || amount > MAX_AMOUNT) {
        errors.add(messages.userError("AMOUNT_INVALID", "amountYuan", locale, MAX_AMOUNT));
      }
    }
    if (kind == OfferKind.GOODS) {
      goods = input.goods() == null ? List.of() : input.goods().stream().filter(g -> g != null && !g.isBlank())
          .map(String::strip).distinct().toList();
      if (goods.isEmpty() || goods.size() > 20 || goods.stream().anyMatch(g -> g.length() > 50)) {
        errors.add(messages.userError("GOODS_INVALID", "goods", locale));
      }
    }
    Integer hours = null;
    String availability = null;
    if (kind == OfferKind.SERVICE) {
      if (input.skill() == null) {
        errors.add(messages.userError("SKILL_REQUIRED", "skill", locale));
      }
      hours = input.hoursPerWeek();
      if (hours == null || hours < 1 || hours > 40) {
        errors.add(messages.userError("HOURS_INVALID", "hoursPerWeek", locale));
      }
      availability = checks.optional(input.availability(), 100, "availability");
    }
    Integer ageMin = null;
    Integer ageMax = null;
    if (kind == OfferKind.PLACEMENT) {
      if (input.careKind() != CareKind.FOSTER && input.careKind() != CareKind.ENTRUSTED_CARE) {
        errors.add(messages.userError("CARE_KIND_INVALID", "careKind", locale));
      }
      ageMin = input.childAgeMin() == null ? 0 : input.childAgeMin();
      ageMax = input.childAgeMax() == null ? 17 : input.childAgeMax();
      if (ageMin < 0 || ageMax > 17 || ageMin > ageMax) {
        errors.add(messages.userError("AGE_RANGE_INVALID", "childAgeMax", locale));
      }
    }
    int maxCapacity = kind == OfferKind.PLACEMENT ? MAX_PLACEMENTS : MAX_CAPACITY;
    int capacity = input.capacity() == null ? 1 : input.capacity();
    if (capacity < 1 || capacity > maxCapacity) {
      errors.add(messages.userError("CAPACITY_INVALID", "capacity", locale, maxCapacity));
    }
    LocalDate validUntil = validUntil(input.validUntil(), errors, locale);
    String description = kind == OfferKind.PROJECT
        ? checks.required(input.description(), 1000, "description")
        : checks.optional(input.description(), 1000, "description");
    if (!errors.isEmpty()) {
      return new SubmitOfferPayload(null, errors);
    }
    String scoped = intakes.scopedKey(key, IntakeKind.OFFER, scope == null ? input : List.of(input, scope));
    Optional<IntakeReceipt> replay = intakes.replay(scoped, locale);
    if (replay.isPresent()) {
      return new SubmitOfferPayload(replay.get(), List.of());
    }
    if (!intakes.withinLimit(clientAddress)) {
      return new SubmitOfferPayload(null, List.of(messages.userError("RATE_LIMITED", null, locale)));
    }
    String offerId = UUID.randomUUID().toString();
    StoredIntake intake = intakes.store(scoped, IntakeKind.OFFER, townshipId, null,
        new IntakeContent.OfferOfHelp(offerId, kind, name, phone), routing.route(IntakeKind.OFFER, categories,
            List.of()), locale);
    if (intake.content() instanceof IntakeContent.OfferOfHelp stored) {
      try {
        mongo.insert(new Offer(stored.offerId(), intake.id(), intake.receipt().code(),
            caller == null ? null : caller.subject(), offererKind, name, phone, kind, categories, townshipId, amount,
            goods, input.skill(), hours, availability, input.careKind(), ageMin, ageMax, input.childSex(), capacity,
            0, validUntil, description, OfferStatus.OPEN, clock.instant(), 0, null));
      } catch (DuplicateKeyException concurrentReplay) {
        // the same submission, stored by a concurrent request: nothing more to do
      }
      openOffers.changed();
    }
    return new SubmitOfferPayload(intake.receipt(), List.of());
  }

  /**
   * The result of withdrawing an offer.
   *
   * @param offer the offer, withdrawn; null when refused
   * @param errors why it was refused
   */
  public record WithdrawOfferPayload(Offer offer, List<UserError> errors) {
  }

  /**
   * Signed in, the offerer: withdraws one of their open offers. It is never matched again — proposals waiting on it
   * are refused at approval — while matches already approved stand. Audited.
   */
  @PreAuthorize(Roles.SIGNED_IN)
  public WithdrawOfferPayload withdraw(String offerId, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    String id = offerId == null ? "" : offerId;
    Offer withdrawn = mongo.findAndModify(query(where("_id").is(id).and("offerer").is(caller.subject())
            .and("status").is(OfferStatus.OPEN)),
        new Update().set("status", OfferStatus.WITHDRAWN).set("endedAt", clock.instant()).inc("version", 1),
        FindAndModifyOptions.options().returnNew(true), Offer.class);
    if (withdrawn == null) {
      // Someone else's offer is as unknown as one that does not exist.
      String code = mongo.exists(query(where("_id").is(id).and("offerer").is(caller.subject())), Offer.class)
          ? "OFFER_NOT_OPEN" : "OFFER_NOT_FOUND";
      return new WithdrawOfferPayload(null, List.of(messages.userError(code, null, locale)));
    }
    openOffers.changed();
    intakes.withdrawnBySubmitter(withdrawn.intakeId());
    // Proposals still waiting on it close at once: civil affairs no longer see them, the offerer sees them withdrawn.
    mongo.updateMulti(query(where("offerId").is(withdrawn.id()).and("status").is(MatchStatus.PROPOSED)),
        new Update().set("status", MatchStatus.WITHDRAWN).inc("version", 1), Match.class);
    mongo.insert(new Document("matchId", null).append("action", "OFFER_WITHDRAWN").append("by", caller.subject())
        .append("at", Date.from(clock.instant())).append("detail", new Document("offer", withdrawn.id())),
        Matches.AUDIT);
    return new WithdrawOfferPayload(withdrawn, List.of());
  }

  /**
   * Civil affairs: the open offers (valid today, capacity left or not), newest first, keyset paged — optionally of one
   * kind — to look for the needs each can meet. Never the offerer's name or phone (not in the API's Offer).
   */
  @PreAuthorize(Roles.MATCHERS)
  public Connection<Offer> open(OfferKind kind, PageSize size, String after) {
    LocalDate today = CityTime.today(clock);
    Query open = new Query(where("status").is(OfferStatus.OPEN).and("validUntil").gte(today));
    if (kind != null) {
      open.addCriteria(where("kind").is(kind));
    }
    Query query = Cursors.pageByInstant(open, "createdAt", true, after, size);
    return Connection.of(mongo.find(query, Offer.class), size,
        o -> Cursors.encode(o.createdAt().toEpochMilli(), o.id()), o -> o);
  }

  /** Any signed-in account: the offers it made, newest first, keyset paged. */
  @PreAuthorize(Roles.SIGNED_IN)
  public Connection<Offer> mine(PageSize size, String after) {
    Caller caller = Caller.current().orElseThrow();
    Query query = Cursors.pageByInstant(new Query(where("offerer").is(caller.subject())), "createdAt", true, after,
        size);
    return Connection.of(mongo.find(query, Offer.class), size,
        o -> Cursors.encode(o.createdAt().toEpochMilli(), o.id()), o -> o);
  }

  static OffererKind offererKind(Caller caller) {
    if (caller == null) {
      return OffererKind.DONOR;
    }
    if (caller.roles().contains(RoleNames.FAMILY)) {
      return OffererKind.FAMILY;
    }
    if (caller.roles().contains(RoleNames.VOLUNTEER)) {
      return OffererKind.VOLUNTEER;
    }
    if (caller.roles().contains(RoleNames.CHARITY)) {
      return OffererKind.ORGANISATION;
    }
    return OffererKind.DONOR;
  }

  /** Which offerer may offer what: vetting gave volunteers, families and organisations their roles. */
  static boolean allowed(OfferKind kind, OffererKind offerer) {
    return switch (kind) {
      case MONEY, GOODS, SPONSORSHIP -> true;
      case SERVICE -> offerer == OffererKind.VOLUNTEER || offerer == OffererKind.ORGANISATION;
      case PROJECT -> offerer == OffererKind.ORGANISATION;
      case PLACEMENT -> offerer == OffererKind.FAMILY;
    };
  }

  private LocalDate validUntil(String text, List<UserError> errors, Locale locale) {
    LocalDate today = CityTime.today(clock);
    if (text == null || text.isBlank()) {
      return today.plusYears(1);
    }
    try {
      LocalDate date = LocalDate.parse(text.strip());
      if (date.isBefore(today) || date.isAfter(today.plusYears(3))) {
        errors.add(messages.userError("VALID_UNTIL_INVALID", "validUntil", locale));
      }
      return date;
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("VALID_UNTIL_INVALID", "validUntil", locale));
      return null;
    }
  }
}
