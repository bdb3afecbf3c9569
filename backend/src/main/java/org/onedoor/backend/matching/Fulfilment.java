package org.onedoor.backend.matching;

import org.onedoor.backend.casefiles.CaseFileId;
import org.onedoor.backend.needs.NeedId;
import org.onedoor.backend.platform.Roles;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.casefiles.FileScope;
import org.onedoor.backend.casefiles.IntakeFiles;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.needs.Publication;
import org.onedoor.backend.needs.NeedPayloads.TextFinding;
import org.onedoor.backend.needs.Needs;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Fulfilment, double-blind: help goes through the caseworker (township staff of the child's township, or civil
 * affairs) or the children's home, who records the delivery and then confirms how it met the need. The offerer never
 * learns who the child is: what they see is the anonymised need, the status and the caseworker's thank-you, which the
 * same text guard as public descriptions checks against the child's file. A met need becomes FULFILLED (still
 * anonymous on the board); every confirmation counts in the offerer's fulfilment record, which the score weighs.
 */
@Service
class Fulfilment {

  /** The statuses of a match once approved: where a contact agreement can be given. */
  static final List<MatchStatus> AFTER_APPROVAL = List.of(MatchStatus.APPROVED, MatchStatus.DELIVERED,
      MatchStatus.CONFIRMED);

  private final MongoTemplate mongo;
  private final Needs needs;
  private final IntakeFiles files;
  private final Publication publication;
  private final Matches matches;
  private final Messages messages;
  private final OpenOffers openOffers;
  private final Clock clock;

  Fulfilment(MongoTemplate mongo, Needs needs, IntakeFiles files, Publication publication, Matches matches,
      Messages messages, OpenOffers openOffers, Clock clock) {
    this.openOffers = openOffers;
    this.mongo = mongo;
    this.needs = needs;
    this.files = files;
    this.publication = publication;
    this.matches = matches;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The result of a fulfilment step.
   *
   * @param match the match after it; null when refused
   * @param findings what the text guard found in the thank-you, if that is why it was refused
   * @param errors why it was refused
   */
  record FulfilmentPayload(Match match, List<TextFinding> findings, List<UserError> errors) {
  }

  /** The caseworker: the approved help was delivered through them or the children's home. */
  @PreAuthorize(Roles.CASEWORKERS)
  public FulfilmentPayload deliver(String matchId, Locale locale) {
    Caller caller = caseworkerOf(matchId);
    Match delivered = mongo.findAndModify(query(where("_id").is(matchId).and("status").is(MatchStatus.APPROVED)),
        new Update().set("status", MatchStatus.DELIVERED).set("deliveredAt", clock.instant()).inc("version", 1),
        FindAndModifyOptions.options().returnNew(true), Match.class);
    if (delivered == null) {
      return refused("MATCH_NOT_APPROVED", locale);
    }
    matches.audit(matchId, "DELIVERED", caller.subject(), Map.of());
    matches.announce(delivered, MatchingEvent.Stage.DELIVERED);
    return new FulfilmentPayload(delivered, List.of(), List.of());
  }

  /**
   * The caseworker: confirms how the delivered help met the need, with a note, and the thank-you the offerer reads —
   * refused, with what it found, when the text guard finds the child in it.
   */
  @PreAuthorize(Roles.CASEWORKERS)
  public FulfilmentPayload confirm(String matchId, Outcome outcome, String note, String thankYou, Locale locale) {
    Caller caller = caseworkerOf(matchId);
    Match match = mongo.findById(matchId, Match.class);
    if (outcome == null) {
      return refused("OUTCOME_REQUIRED", locale);
    }
    String noteText = note == null || note.isBlank() ? null : note.strip();
    String thanks = thankYou == null || thankYou.isBlank() ? null : thankYou.strip();
    if (noteText != null && noteText.length() > 1000 || thanks != null && thanks.length() > 500) {
      return refused("TEXT_TOO_LONG", locale, 500);
    }
    if (thanks != null) {
      List<TextFinding> findings = publication.guardText(match.caseFileId(), Map.of("thankYou", thanks));
      if (!findings.isEmpty()) {
        return new FulfilmentPayload(null, findings, List.of(messages.userError("THANK_YOU_IDENTIFIES_CHILD",
            "thankYou", locale)));
      }
    }
    Match confirmed = mongo.findAndModify(query(where("_id").is(matchId).and("status").is(MatchStatus.DELIVERED)),
        new Update().set("status", MatchStatus.CONFIRMED).set("outcome", outcome).set("outcomeNote", noteText)
            .set("thankYou", thanks).set("confirmedAt", clock.instant()).inc("version", 1),
        FindAndModifyOptions.options().returnNew(true), Match.class);
    if (confirmed == null) {
      return refused("MATCH_NOT_DELIVERED", locale);
    }
    if (outcome == Outcome.MET) {
      needs.markFulfilled(new NeedId(confirmed.needId()));
    }
    mongo.upsert(query(where("_id").is(confirmed.offerer())), new Update().inc(switch (outcome) {
      case MET -> "met";
      case PARTLY_MET -> "partlyMet";
      case NOT_MET -> "notMet";
    }, 1), Matcher.RECORDS);
    openOffers.changed();
    matches.audit(matchId, "CONFIRMED", caller.subject(), Map.of("outcome", outcome.name()));
    return new FulfilmentPayload(confirmed, List.of(), List.of());
  }

  /**
   * The caseworker's list: approved matches to deliver and delivered ones to confirm (or another status), oldest
   * first, keyset paged — township staff their township's children, civil affairs and administrators all.
   */
  @PreAuthorize(Roles.CASEWORKERS)
  public Connection<Match> casework(MatchStatus status, PageSize size, String after) {
    Caller caller = Caller.current().orElseThrow();
    Query query = new Query(
        status == null ? where("status").in(MatchStatus.APPROVED, MatchStatus.DELIVERED) : where("status").is(status));
    if (!FileScope.cityWide(caller)) {
      query.addCriteria(where("townshipId").is(caller.townshipId() == null ? "-" : caller.townshipId()));
    }
    Cursors.pageByInstant(query, "createdAt", false, after, size);
    return Connection.of(mongo.find(query, Match.class), size,
        m -> Cursors.encode(m.createdAt().toEpochMilli(), m.id()), m -> m);
  }

  /**
   * The caller, when they keep the file of the match's child (township staff of its township, civil affairs, admin);
   * a refusal that reveals nothing otherwise.
   */
  Caller caseworkerOf(String matchId) {
    Caller caller = Caller.current().orElseThrow();
    Match match = matchId == null ? null : mongo.findById(matchId, Match.class);
    if (match == null || !files.keeps(caller, CaseFileId.of(match.caseFileId()))) {
      throw new AccessDeniedException("not the caseworker of this match");
    }
    return caller;
  }

  private FulfilmentPayload refused(String code, Locale locale, Object... args) {
    return new FulfilmentPayload(null, List.of(), List.of(messages.userError(code, null, locale, args)));
  }
}
