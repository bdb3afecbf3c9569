package org.onedoor.backend.needs;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The store's record of what changed on the public board: one counter that every write changing what the public sees
 * bumps (on any instance), and per count the ids of the needs it changed. An instance's {@link BoardModel} reads the
 * counter, fetches the changes it has not applied by their numbers and the needs they name by their ids — lookups
 * by id, which even the embedded store answers from an index.
 *
 * <p>Order: the need is written first, then counted, then the change recorded under its number. A reader that sees a
 * number has therefore been preceded by the write; a number counted but not (yet) recorded is a gap the reader
 * waits for ({@link BoardSettings#gapGrace()}) and then covers by reloading everything.
 */
@Component
class BoardChanges {

  static final String COUNTER = "board_stamp";
  static final String LOG = "board_changes";
  private static final String ID = "board";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final int kept;

  BoardChanges(MongoTemplate mongo, Clock clock, BoardSettings settings) {
    this.mongo = mongo;
    this.clock = clock;
    this.kept = settings.keptChanges();
  }

  /** Counts a change; returns its number. */
  long count() {
    Document counter = mongo.findAndModify(query(where("_id").is(ID)), new Update().inc("n", 1L),
        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTER);
    return ((Number) counter.get("n")).longValue();
  }

  /**
   * Records the needs a counted change changed. True when the number now holds them (also when this very change was
   * recorded before); false when the number already holds another change — a store restored under a running
   * instance counts numbers again — and the caller must count a new one.
   */
  boolean record(long number, Collection<String> needIds) {
    List<String> needs = List.copyOf(needIds);
    try {
      mongo.insert(new Document("_id", number).append("needs", needs).append("at", Date.from(clock.instant())), LOG);
    } catch (DuplicateKeyException recordedBefore) {
      Document existing = mongo.findById(number, Document.class, LOG);
      return existing != null && needs.equals(existing.getList("needs", String.class));
    }
    if (number % 100 == 0) {
      mongo.remove(query(where("_id").lt(number - kept)), LOG);
    }
    return true;
  }

  /** The store's counter: how many changes were counted (0 before the first). */
  long counted() {
    Document counter = mongo.findById(ID, Document.class, COUNTER);
    return counter == null ? 0 : ((Number) counter.get("n")).longValue();
  }

  /** The recorded changes among these numbers: the needs each changed, by number (absent: not recorded). */
  Map<Long, List<String>> recorded(Collection<Long> numbers) {
    Map<Long, List<String>> found = new TreeMap<>();
    if (!numbers.isEmpty()) {
      for (Document change : mongo.find(query(where("_id").in(numbers)), Document.class, LOG)) {
        found.put(((Number) change.get("_id")).longValue(), new ArrayList<>(change.getList("needs", String.class)));
      }
    }
    return found;
  }
}
