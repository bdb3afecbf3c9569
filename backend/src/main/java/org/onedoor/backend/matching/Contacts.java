package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.needs.NeedId;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.platform.Phones;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Double-blind delivery's one opening: the child's family may learn who helped — only when both the offerer and the
 * family agree. The offerer agrees (or withdraws) from "my help", giving the name and phone the family may learn; the
 * caseworker records the family's answer, asked in person; only when both agree does the caseworker see the name and
 * phone, to pass on. The offerer never learns anything of the child. Each side's answer is one conditional update of
 * its own fields of the match (no answer overwrites the other side's), and each is in the match audit — without the
 * name or phone.
 */
@Service
class Contacts {

  private static final int NAME_MAX = 40;

  private final MongoTemplate mongo;
  private final Needs needs;
  private final Fulfilment fulfilment;
  private final Matches matches;
  private final Messages messages;
  private final Clock clock;

  Contacts(MongoTemplate mongo, Needs needs, Fulfilment fulfilment, Matches matches, Messages messages, Clock clock) {
    this.mongo = mongo;
    this.needs = needs;
    this.fulfilment = fulfilment;
    this.matches = matches;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The offerer's answer.
   *
   * @param matchId the match of one of the caller's offers or pledges
   * @param agree whether the family may learn the name and phone
   * @param name the name the family may learn (required to agree)
   * @param phone the phone the family may learn (required to agree)
   */
  record AgreeToContactInput(String matchId, Boolean agree, String name, String phone) {
  }

  /**
   * The result of the offerer's answer.
   *
   * @param match the match as the offerer sees it; null when refused
   * @param errors why it was refused
   */
  record AgreeToContactPayload(Pledges.OffererMatch match, List<UserError> errors) {
  }

  /**
   * The result of the family's answer.
   *
   * @param match the match; null when refused
   * @param errors why it was refused
   */
  record FamilyContactPayload(Match match, List<UserError> errors) {
  }

  /**
   * Signed in, the offerer of an approved match: agrees that the child's family may learn this name and phone, or
   * withdraws (the name and phone are then deleted).
   */
  @PreAuthorize(Roles.SIGNED_IN)
  public AgreeToContactPayload agree(AgreeToContactInput input, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    String offerer = "account:" + caller.subject();
    Match match = input.matchId() == null ? null : mongo.findById(input.matchId(), Match.class);
    if (match == null || !offerer.equals(match.offerer())) {
      // Someone else's match is as unknown as a match that does not exist.
      return offererRefused("MATCH_NOT_FOUND", null, locale);
    }
    if (match.kind() == OfferKind.PLACEMENT) {
      return offererRefused("CONTACT_NOT_FOR_PLACEMENT", null, locale);
    }
    boolean agree = Boolean.TRUE.equals(input.agree());
    List<UserError> errors = new ArrayList<>();
    String name = input.name() == null ? "" : input.name().strip();
    String phone = Phones.normalised(input.phone());
    if (agree && (name.isEmpty() || name.length() > NAME_MAX)) {
      errors.add(messages.userError("CONTACT_NAME_REQUIRED", "name", locale, NAME_MAX));
    }
    if (agree && phone == null) {
      errors.add(messages.userError("PHONE_INVALID", "phone", locale));
    }
    if (!errors.isEmpty()) {
      return new AgreeToContactPayload(null, errors);
    }
    Update update = agree
        ? new Update().set("contact.offererAgreed", true).set("contact.offererName", name)
            .set("contact.offererPhone", phone)
        : new Update().set("contact.offererAgreed", false).unset("contact.offererName").unset("contact.offererPhone");
    Match answered = mongo.findAndModify(query(where("_id").is(match.id()).and("offerer").is(offerer)
            .and("status").in(Fulfilment.AFTER_APPROVAL)),
        update.set("contact.offererAt", clock.instant()).inc("version", 1),
        FindAndModifyOptions.options().returnNew(true), Match.class);
    if (answered == null) {
      return offererRefused("CONTACT_AFTER_APPROVAL", null, locale);
    }
    matches.audit(match.id(), agree ? "OFFERER_AGREED_TO_CONTACT" : "OFFERER_WITHDREW_CONTACT", caller.subject(),
        Map.of());
    return new AgreeToContactPayload(Pledges.view(answered, needs.byId(NeedId.of(answered.needId())).orElse(null)),
        List.of());
  }

  /**
   * The caseworker: records whether the child's family agrees to learn who helped. When the offerer agreed too, the
   * match shows the caseworker the offerer's name and phone.
   */
  @PreAuthorize(Roles.CASEWORKERS)
  public FamilyContactPayload recordFamily(String matchId, Boolean agree, Locale locale) {
    Caller caller = fulfilment.caseworkerOf(matchId);
    Match match = mongo.findById(matchId, Match.class);
    if (match.kind() == OfferKind.PLACEMENT) {
      return new FamilyContactPayload(null, List.of(messages.userError("CONTACT_NOT_FOR_PLACEMENT", null, locale)));
    }
    if (agree == null) {
      return new FamilyContactPayload(null, List.of(messages.userError("CONTACT_ANSWER_REQUIRED", "agree", locale)));
    }
    Match answered = mongo.findAndModify(query(where("_id").is(matchId).and("status").in(Fulfilment.AFTER_APPROVAL)),
        new Update().set("contact.familyAgreed", agree).set("contact.familyRecordedBy", caller.subject())
            .set("contact.familyAt", clock.instant()).inc("version", 1),
        FindAndModifyOptions.options().returnNew(true), Match.class);
    if (answered == null) {
      return new FamilyContactPayload(null, List.of(messages.userError("CONTACT_AFTER_APPROVAL", null, locale)));
    }
    matches.audit(matchId, agree ? "FAMILY_AGREED_TO_CONTACT" : "FAMILY_DECLINED_CONTACT", caller.subject(),
        Map.of());
    return new FamilyContactPayload(answered, List.of());
  }

  private AgreeToContactPayload offererRefused(String code, String field, Locale locale) {
    return new AgreeToContactPayload(null, List.of(messages.userError(code, field, locale)));
  }
}
