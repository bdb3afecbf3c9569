package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.onedoor.backend.intake.Intakes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The retention rule of offers, for the privacy feature's daily job (which authorizes and audits): an offer that
 * ended — withdrawn, or past its last day — long enough ago loses who made it and what they wrote (name, phone,
 * description, availability), here and in the intake it came in with. What it gave, its kind, township, dates and
 * the matches it served stay: statistics and the matches' history do not move.
 */
@Component
public class OfferRetention {

  private final MongoTemplate mongo;
  private final Intakes intakes;

  OfferRetention(MongoTemplate mongo, Intakes intakes) {
    this.mongo = mongo;
    this.intakes = intakes;
  }

  /**
   * Erases the offers withdrawn before {@code endedBefore} or whose last day was before its day, each once; how many.
   * The intakes first, then the offers, marked: a crash part-way is redone at the next run.
   */
  public long eraseEnded(Instant endedBefore, LocalDate lastDayBefore, Instant now) {
    Criteria due = new Criteria().andOperator(where("erasedAt").is(null), new Criteria().orOperator(
        where("status").is(OfferStatus.WITHDRAWN).and("endedAt").lt(endedBefore),
        where("validUntil").lt(lastDayBefore)));
    Query ended = new Query(due);
    ended.fields().include("_id").include("intakeId");
    List<org.bson.Document> found = mongo.find(ended, org.bson.Document.class, "offers");
    if (found.isEmpty()) {
      return 0;
    }
    intakes.eraseOfferContacts(found.stream().map(d -> d.getString("intakeId")).filter(Objects::nonNull).toList());
    return mongo.updateMulti(query(where("_id").in(found.stream().map(d -> d.get("_id")).toList())), new Update()
        .unset("offererName").unset("phone").unset("description").unset("availability")
        .set("erasedAt", Date.from(now)), Offer.class).getModifiedCount();
  }
}
