package org.onedoor.backend.platform.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers taken once a day and then served unchanged: the first caller of a day (on any instance) takes the
 * snapshot, every later caller of that day — on every instance — gets the same one, and older days are dropped. Used
 * for public counts, so nobody can watch a live counter move when one child's file changes.
 */
@org.springframework.modulith.NamedInterface("mongo")
@Component
public class DailySnapshots {

  private final MongoTemplate mongo;
  private final Clock clock;

  DailySnapshots(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * The day's snapshot in a collection the calling feature owns, taken now if the day has none yet.
   *
   * @param collection the feature's snapshot collection (one per kind of answer and setting that shapes it)
   * @param day the day
   * @param type what is stored (a record)
   * @param take takes the snapshot
   */
  public <T> T of(String collection, LocalDate day, Class<T> type, Supplier<T> take) {
    String id = day.toString();
    Document stored = mongo.findById(id, Document.class, collection);
    if (stored != null) {
      return mongo.getConverter().read(type, stored.get("value", Document.class));
    }
    Document value = new Document();
    mongo.getConverter().write(take.get(), value);
    try {
      mongo.insert(new Document("_id", id).append("value", value).append("takenAt", Date.from(clock.instant())),
          collection);
      // Yesterday's stays: an instance whose clock lags at midnight still finds the day it asks for.
      mongo.remove(query(where("_id").lt(day.minusDays(1).toString())), collection);
    } catch (DuplicateKeyException takenElsewhere) {
      value = mongo.findById(id, Document.class, collection).get("value", Document.class);
    }
    return mongo.getConverter().read(type, value);
  }
}
