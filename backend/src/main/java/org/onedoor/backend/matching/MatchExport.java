package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Messages;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * A child's matches for a guardian's request to see what OneDoor holds: what kind of help, where it stands, when,
 * how it went — never who offered it (the offerer's identity stays with civil affairs). The caller has read the
 * child's file (and so was allowed to).
 */
@Component
public class MatchExport {

  private final MongoTemplate mongo;
  private final Messages messages;

  MatchExport(MongoTemplate mongo, Messages messages) {
    this.mongo = mongo;
    this.messages = messages;
  }

  /**
   * For a reduced or erased child's file (the privacy feature; the caller authorizes and audits): the matches' notes
   * about the child and the family — the family assessment, a refusal's reason, the outcome note, the thanks and any
   * contact details passed on — are erased; kinds, statuses and dates stay. How many matches were reached.
   */
  public long eraseForFile(String caseFileId) {
    return mongo.updateMulti(query(where("caseFileId").is(caseFileId)), new org.springframework.data.mongodb.core
        .query.Update().unset("assessment").unset("reason").unset("outcomeNote").unset("thankYou")
        .unset("contact.offererName").unset("contact.offererPhone"), Match.class).getModifiedCount();
  }

  /**
   * For the privacy feature: whether the child is being placed with a family or was placed with one — a placement
   * match proposed, approved, delivered or confirmed (neither rejected nor withdrawn). A placement has no end in
   * OneDoor: the file is kept for it, and a guardian's erasure is refused while one stands.
   */
  public boolean placementStands(String caseFileId) {
    return mongo.exists(query(where("caseFileId").is(caseFileId).and("kind").is(OfferKind.PLACEMENT).and("status")
        .in(MatchStatus.PROPOSED, MatchStatus.APPROVED, MatchStatus.DELIVERED, MatchStatus.CONFIRMED)), Match.class);
  }

  /** The matches of a child's file, oldest first, as lines of text in the caller's language. */
  @PreAuthorize(Roles.CASEWORKERS)
  public List<String> linesOf(String caseFileId, Locale locale) {
    List<String> lines = new ArrayList<>();
    for (Match match : mongo.find(query(where("caseFileId").is(caseFileId)).with(Sort.by("createdAt")),
        Match.class)) {
      List<String> parts = new ArrayList<>(List.of(String.valueOf(match.createdAt()),
          messages.label(match.kind(), locale), messages.label(match.status(), locale)));
      if (match.deliveredAt() != null) {
        parts.add(messages.get("export.delivered", locale, match.deliveredAt()));
      }
      if (match.outcome() != null) {
        parts.add(messages.label(match.outcome(), locale));
      }
      lines.add(String.join(" ", parts));
    }
    return lines;
  }
}
