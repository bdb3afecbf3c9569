package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.onedoor.backend.needs.NeedCategory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The open offers as the suggestions read them: a copy in this instance's memory, indexed by category, taken from the
 * store and taken again whenever the store says they changed. Every write to an offer, on any instance, bumps one
 * counter document ({@link #changed()}); each read compares it with the copy's (a lookup by id) and reloads when they
 * differ or the day has turned. So nothing lives only in one instance's memory: the store stays the truth, the copy
 * spares a suggestion the scan of every offer, and whatever it suggests is checked again against the store when it is
 * proposed and approved.
 */
@Component
public class OpenOffers {

  static final String STAMP = "offer_stamp";
  private static final String ID = "offers";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final MongoTemplate mongo;
  private final Clock clock;
  private volatile Snapshot snapshot = new Snapshot(-1, null, Map.of());

  OpenOffers(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  private record Snapshot(long stamp, LocalDate day, Map<NeedCategory, List<Offer>> byCategory) {
  }

  /** Records that offers changed (after any write to one), so that every instance reloads before its next read. */
  public void changed() {
    mongo.findAndModify(query(where("_id").is(ID)), new Update().inc("n", 1L),
        FindAndModifyOptions.options().upsert(true), Document.class, STAMP);
  }

  /** The open offers serving a category, as of now. */
  List<Offer> serving(NeedCategory category) {
    return current().byCategory().getOrDefault(category, List.of());
  }

  private Snapshot current() {
    Document stamp = mongo.findById(ID, Document.class, STAMP);
    long now = stamp == null ? 0 : ((Number) stamp.get("n")).longValue();
    LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
    Snapshot seen = snapshot;
    if (seen.stamp() == now && today.equals(seen.day())) {
      return seen;
    }
    synchronized (this) {
      if (snapshot.stamp() == now && today.equals(snapshot.day())) {
        return snapshot;
      }
      // The stamp was read before the offers: a write meanwhile bumps it again and the next read reloads.
      Snapshot fresh = new Snapshot(now, today, index(mongo.find(query(where("status").is(OfferStatus.OPEN)
          .and("validUntil").gte(today)), Offer.class)));
      snapshot = fresh;
      return fresh;
    }
  }

  private static Map<NeedCategory, List<Offer>> index(Collection<Offer> offers) {
    Map<NeedCategory, List<Offer>> byCategory = new EnumMap<>(NeedCategory.class);
    for (Offer offer : offers) {
      if (offer.remaining() > 0) {
        offer.categories().forEach(c -> byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(offer));
      }
    }
    byCategory.replaceAll((c, list) -> List.copyOf(list));
    return byCategory;
  }
}
