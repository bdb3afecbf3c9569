package org.onedoor.backend.needs;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.needs.publication.PublicProfile;
import org.onedoor.backend.needs.publication.RegisterClass;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The register's class sizes, counted in MongoDB on the day of publication, over confirmed files only: how many
 * children fit what the public would know of the child (see {@link Revealed}).
 */
final class RegisterCounts implements RegisterClass {

  private final MongoTemplate mongo;
  private final LocalDate on;

  RegisterCounts(MongoTemplate mongo, LocalDate on) {
    this.mongo = mongo;
    this.on = on;
  }

  @Override
  public long size(PublicProfile profile, Cause revealedCause) {
    return size(Revealed.nothing().and(profile, on, revealedCause));
  }

  /** How many confirmed children fit everything known. */
  long size(Revealed known) {
    // Drafts opened by the one door are unverified: an anonymous caller could make them up to fill a class.
    Criteria criteria = where("draft").ne(true).and("birthDate").gt(known.bornAfter()).lte(known.bornOnOrBefore());
    if (known.sex() != null) {
      criteria = criteria.and("sex").is(known.sex());
    }
    if (known.townshipId() != null) {
      criteria = criteria.and("townshipId").is(known.townshipId());
    }
    if (!known.causes().isEmpty()) {
      criteria = criteria.and("causes").all(known.causes());
    }
    if (known.conditionCategory() != null) {
      criteria = criteria.and("condition.category").is(known.conditionCategory());
    }
    if (known.conditionType() != null) {
      criteria = criteria.and("condition.type").is(known.conditionType());
    }
    return mongo.count(new Query(criteria), CaseFile.class);
  }
}
