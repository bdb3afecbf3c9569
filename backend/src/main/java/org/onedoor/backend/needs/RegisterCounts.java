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

/** The register's class sizes, counted in MongoDB on the day of publication, over confirmed files only. */
final class RegisterCounts implements RegisterClass {

  private final MongoTemplate mongo;
  private final LocalDate on;

  RegisterCounts(MongoTemplate mongo, LocalDate on) {
    this.mongo = mongo;
    this.on = on;
  }

  @Override
  public long size(PublicProfile profile, Cause revealedCause) {
    return size(profile, revealedCause, null, null);
  }

  /** The class size among the children whose file has {@code value} at {@code field} (e.g. condition.type). */
  long size(PublicProfile profile, Cause revealedCause, String field, Object value) {
    // Age in whole years within [from, to] on the day  <=>  born after on-(to+1)y and on or before on-from y.
    // Drafts opened by the one door are unverified: an anonymous caller could make them up to fill a class.
    Criteria criteria = where("draft").ne(true).and("birthDate").gt(on.minusYears(profile.ageBand().to() + 1L))
        .lte(on.minusYears(profile.ageBand().from()));
    if (profile.sex() != null) {
      criteria = criteria.and("sex").is(profile.sex());
    }
    if (profile.townshipId() != null) {
      criteria = criteria.and("townshipId").is(profile.townshipId());
    }
    if (revealedCause != null) {
      criteria = criteria.and("causes").is(revealedCause);
    }
    if (field != null) {
      criteria = criteria.and(field).is(value);
    }
    return mongo.count(new Query(criteria), CaseFile.class);
  }
}
