package org.onedoor.backend.matching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.CityTime;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What a suggestion reads besides the need: the open offers indexed by category, the offerers' fulfilment records and
 * the distances between townships — a copy in this instance's memory, taken from the store and taken again whenever
 * the store says they changed. Every write to an offer or to a fulfilment record, on any instance, bumps one counter
 * document ({@link #changed()}); each read compares it with the copy's (a lookup by id) and reloads when they differ
 * or the day has turned. So nothing lives only in one instance's memory: the store stays the truth, the copy spares a
 * suggestion the scan of every offer, and whatever it suggests is checked again against the store when it is
 * proposed and approved.
 */
@Component
public class OpenOffers {

  static final String STAMP = "offer_stamp";
  private static final String ID = "offers";

  private final MongoTemplate mongo;
  private final Geography geography;
  private final Clock clock;
  private volatile View snapshot = new View(-1, null, Map.of(), Map.of(), new Distances(List.of()));

  OpenOffers(MongoTemplate mongo, Geography geography, Clock clock) {
    this.mongo = mongo;
    this.geography = geography;
    this.clock = clock;
  }

  /**
   * One consistent copy.
   *
   * @param stamp the store's change counter it was taken at
   * @param day the day it was taken (offers expire by the day)
   * @param byCategory the open offers with capacity left, by the categories they serve
   * @param records the offerers' fulfilment records, by offerer key
   * @param distances the distances between townships
   */
  record View(long stamp, LocalDate day, Map<NeedCategory, List<Offer>> byCategory,
      Map<String, FulfilmentRecord> records, Distances distances) {

    /** The open offers serving a category. */
    List<Offer> serving(NeedCategory category) {
      return byCategory.getOrDefault(category, List.of());
    }

    /** An offer's offerer's fulfilment record. */
    FulfilmentRecord recordOf(Offer offer) {
      return records.getOrDefault(Matcher.offererKey(offer), FulfilmentRecord.NONE);
    }
  }

  /**
   * Records that offers or fulfilment records changed (after any write to one), so that every instance reloads before
   * its next read.
   */
  public void changed() {
    mongo.findAndModify(query(where("_id").is(ID)), new Update().inc("n", 1L),
        FindAndModifyOptions.options().upsert(true), Document.class, STAMP);
  }

  /** The copy as of now: one lookup of the change counter, and a reload when it moved or the day turned. */
  View current() {
    Document stamp = mongo.findById(ID, Document.class, STAMP);
    long now = stamp == null ? 0 : ((Number) stamp.get("n")).longValue();
    LocalDate today = CityTime.today(clock);
    View seen = snapshot;
    if (seen.stamp() == now && today.equals(seen.day())) {
      return seen;
    }
    synchronized (this) {
      if (snapshot.stamp() == now && today.equals(snapshot.day())) {
        return snapshot;
      }
      // The stamp was read before the offers: a write meanwhile bumps it again and the next read reloads.
      View fresh = new View(now, today, index(mongo.find(query(where("status").is(OfferStatus.OPEN)
          .and("validUntil").gte(today)), Offer.class)), records(), new Distances(geography.townships()));
      snapshot = fresh;
      return fresh;
    }
  }

  /** Every offerer's fulfilment record, by offerer key. */
  Map<String, FulfilmentRecord> records() {
    Map<String, FulfilmentRecord> records = new HashMap<>();
    mongo.find(new Query(), Document.class, Matcher.RECORDS).forEach(d -> records.put(d.getString("_id"),
        new FulfilmentRecord(d.getInteger("met", 0), d.getInteger("partlyMet", 0), d.getInteger("notMet", 0))));
    return Map.copyOf(records);
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
