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
 * ended — withdrawn, or past its last day — long enough ago loses the name and phone its offerer gave and what they
 * wrote (description, availability), here and in the intake it came in with. What it gave, its kind, township, dates,
 * the matches it served and a signed-in offerer's account id (the account keeps its own name) stay: statistics and
 * the matches' history do not move.
 */
@Component
public class OfferRetention {

  /** How many offers are read at a time. */
  private static final int BATCH = 500;

  private final MongoTemplate mongo;
  private final Intakes intakes;

  OfferRetention(MongoTemplate mongo, Intakes intakes) {
    this.mongo = mongo;
    this.intakes = intakes;
  }

  /**
   * Erases the offers withdrawn before {@code endedBefore} or whose last day was before its day, each once, telling
   * {@code erased} how many a batch at a time. The intakes first, then the offers, marked: a crash part-way is redone
   * at the next run.
   */
  public void eraseEnded(Instant endedBefore, LocalDate lastDayBefore, Instant now,
      java.util.function.LongConsumer erased) {
    // Offers withdrawn before their end was kept: their time counts from the first run that sees them.
    mongo.updateMulti(query(where("status").is(OfferStatus.WITHDRAWN).and("endedAt").is(null)),
        new Update().set("endedAt", Date.from(now)), Offer.class);
    Criteria due = new Criteria().andOperator(where("erasedAt").is(null), new Criteria().orOperator(
        where("status").is(OfferStatus.WITHDRAWN).and("endedAt").lt(endedBefore),
        where("validUntil").lt(lastDayBefore)));
    List<org.bson.Document> found;
    do {
      Query ended = new Query(due).limit(BATCH);
      ended.fields().include("_id").include("intakeId");
      found = mongo.find(ended, org.bson.Document.class, "offers");
      if (found.isEmpty()) {
        break;
      }
      intakes.eraseOfferContacts(found.stream().map(d -> d.getString("intakeId")).filter(Objects::nonNull)
          .toList());
      long modified = mongo.updateMulti(query(where("_id").in(found.stream().map(d -> d.get("_id")).toList())),
          new Update().unset("offererName").unset("phone").unset("description").unset("availability")
              .set("erasedAt", Date.from(now)), Offer.class).getModifiedCount();
      erased.accept(modified);
      if (modified == 0) {
        break;
      }
    } while (found.size() == BATCH);
  }
}
