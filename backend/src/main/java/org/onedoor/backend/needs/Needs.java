package org.onedoor.backend.needs;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The needs feature's API to other features (matching): reads of needs and the status steps a match takes. Only
 * this feature reads or writes the {@code needs} collection (see {@code DataOwnershipTest}).
 *
 * <p>Nothing here is reachable from GraphQL and nothing here authorizes: the callers are services that have already
 * authorized their own caller (or run as the system, like the allocation run), and they decide what of a need their
 * caller may see ({@link StaffNeed}, {@link PublicNeed}).
 *
 * <p>The status steps are conditional single-document updates, so a caller can chain them with its own (offer
 * capacity, placement) and give them back when a later step fails: the store has no transactions.
 */
@Service
public class Needs {

  private final MongoTemplate mongo;
  private final BoardModel board;

  Needs(MongoTemplate mongo, BoardModel board) {
    this.mongo = mongo;
    this.board = board;
  }

  /** One need by its id, in any status. */
  public Optional<Need> byId(NeedId needId) {
    return needId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(needId.value(), Need.class));
  }

  /** Needs by id, in one query; ids not found are absent. */
  public Map<NeedId, Need> byIds(Collection<NeedId> needIds) {
    Map<NeedId, Need> found = new HashMap<>();
    if (!needIds.isEmpty()) {
      mongo.find(query(where("_id").in(needIds.stream().map(NeedId::value).toList())), Need.class)
          .forEach(n -> found.put(new NeedId(n.id()), n));
    }
    return found;
  }

  /**
   * The files with a need of each of these categories that help reached (matched or fulfilled), for oversight's
   * coverage figures: internal file ids only.
   */
  public Map<NeedCategory, java.util.Set<String>> filesHelped(Collection<NeedCategory> categories) {
    Map<NeedCategory, java.util.Set<String>> files = new java.util.EnumMap<>(NeedCategory.class);
    categories.forEach(c -> files.put(c, new java.util.HashSet<>()));
    Query query = query(where("category").in(categories).and("status").in(NeedStatus.MATCHED, NeedStatus.FULFILLED));
    query.fields().include("category", "caseFileId");
    for (org.bson.Document need : mongo.find(query, org.bson.Document.class, mongo.getCollectionName(Need.class))) {
      files.get(NeedCategory.valueOf(need.getString("category"))).add(need.getString("caseFileId"));
    }
    return files;
  }

  /** Every need on the public board on a day. */
  public List<Need> onBoard(LocalDate today) {
    return mongo.find(new Query(onBoardCriteria(today)), Need.class);
  }

  /** The needs on the board on a day in one of these categories that do (or do not) ask for a placement. */
  public List<Need> onBoard(LocalDate today, Collection<NeedCategory> categories, boolean placement) {
    return mongo.find(new Query(onBoardCriteria(today)).addCriteria(where("category").in(categories)
        .and("placement").is(placement)), Need.class);
  }

  /** The need on the board on a day with this public id (what the public sees and pledges on). */
  public Optional<Need> onBoardByPublicId(PublicNeedId publicId, LocalDate today) {
    return publicId == null ? Optional.empty() : Optional.ofNullable(mongo.findOne(new Query(onBoardCriteria(today))
        .addCriteria(where("publicId").is(publicId.value())), Need.class));
  }

  /**
   * A match was approved: a published need becomes matched. False when it is no longer published (another match
   * took it, or it was withdrawn) — then nothing changed.
   */
  public boolean claimForMatch(NeedId needId) {
    boolean claimed = mongo.findAndModify(query(where("_id").is(needId.value()).and("status").is(NeedStatus.PUBLISHED)),
        new Update().set("status", NeedStatus.MATCHED), Need.class) != null;
    if (claimed) {
      board.changed(List.of(needId.value()));
    }
    return claimed;
  }

  /** Gives back {@link #claimForMatch}: a matched need is published again (when a later step of approval failed). */
  public void releaseMatch(NeedId needId) {
    if (mongo.updateFirst(query(where("_id").is(needId.value()).and("status").is(NeedStatus.MATCHED)),
        new Update().set("status", NeedStatus.PUBLISHED), Need.class).getModifiedCount() > 0) {
      board.changed(List.of(needId.value()));
    }
  }

  /** The help of a match was confirmed as meeting the need: a matched need becomes fulfilled. */
  public void markFulfilled(NeedId needId) {
    if (mongo.updateFirst(query(where("_id").is(needId.value()).and("status").is(NeedStatus.MATCHED)),
        new Update().set("status", NeedStatus.FULFILLED), Need.class).getModifiedCount() > 0) {
      board.changed(List.of(needId.value()));
    }
  }

  /**
   * What the public board shows on a day: published needs whose consent still holds and whose deadline month has not
   * passed; the rest of the published ones have expired (see {@link StaffNeed#of}).
   */
  static Criteria onBoardCriteria(LocalDate today) {
    return where("status").is(NeedStatus.PUBLISHED).and("consentValidUntil").gte(today)
        .andOperator(new Criteria().orOperator(where("deadlineMonth").is(null),
            where("deadlineMonth").gte(YearMonth.from(today).toString())));
  }
}
