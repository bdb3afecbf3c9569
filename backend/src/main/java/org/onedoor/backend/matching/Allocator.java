package org.onedoor.backend.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The global allocation: proposes a set of matches for all open needs and offers that maximises urgency-weighted
 * coverage under the offers' capacities, without ever building the dense need × offer matrix.
 *
 * <p>Candidates: offers are bucketed by (category, kind, township — or none for city-wide) and, within a bucket,
 * ordered best-first by what the offer alone brings (its fulfilment record, then its amount). For a need only the
 * buckets of its category and the kinds that fit it are visited, and in each only the first few offers with capacity
 * left that pass every hard constraint ({@link Compatibility}) are scored — a handful of candidate edges per need.
 * Assignment: needs in order of urgency, then waiting time, each take their best-scoring candidate while it has
 * capacity (so the most urgent are covered first and capacity is used up); then an augmenting pass gives a need left
 * uncovered an offer that filled up, when the need holding it can move to a free alternative of its own — the step a
 * min-cost flow would take along a path of length three. It is a heuristic: in one run it covers at least as much
 * urgency as taking the needs in that order can, not provably the optimum.
 */
public final class Allocator {

  /** Offers scored per bucket and need. */
  static final int PER_BUCKET = 4;
  /** Candidate edges kept per need. */
  static final int PER_NEED = 8;

  private final MatchingSettings settings;
  private final Scoring scoring;

  public Allocator(MatchingSettings settings) {
    this.settings = settings;
    this.scoring = new Scoring(settings);
  }

  /**
   * One proposed pair.
   *
   * @param needId the need
   * @param offerId the offer
   * @param score its score
   */
  public record Pair(String needId, String offerId, double score) {
  }

  /**
   * What an allocation found.
   *
   * @param pairs the proposed pairs, best first
   * @param candidates the candidate edges scored
   * @param coveredUrgency the urgency weight of the needs covered (critical 3, high 2, normal 1)
   * @param totalUrgency the urgency weight of all open needs
   */
  public record Result(List<Pair> pairs, long candidates, long coveredUrgency, long totalUrgency) {
  }

  private record Edge(int need, int offer, double score) {
  }

  /** A bucket's offers, best first, and the first that may still have capacity (offers only ever fill up). */
  private static final class Bucket {
    private final List<Integer> offers;
    private int first;

    Bucket(List<Integer> offers) {
      this.offers = offers;
    }
  }

  /**
   * Allocates.
   *
   * @param needs the open needs
   * @param offers the open offers
   * @param records the offerers' fulfilment records by offerer key
   * @param conflicts "caseFileId|offererKey" of every recorded conflict of interest
   * @param distances the distances between townships
   * @param now the moment
   * @param today the day
   * @param progress told the percentage done (0–100) now and then
   */
  public Result allocate(List<NeedFacts> needs, List<Offer> offers, Map<String, FulfilmentRecord> records,
      Set<String> conflicts, Distances distances, Instant now, LocalDate today, IntConsumer progress) {
    Map<String, List<Bucket>> buckets = buckets(offers, records);
    int[] remaining = new int[offers.size()];
    for (int i = 0; i < offers.size(); i++) {
      remaining[i] = offers.get(i).remaining();
    }
    int[] assigned = new int[needs.size()];
    double[] assignedScore = new double[needs.size()];
    java.util.Arrays.fill(assigned, -1);
    List<Integer> order = new ArrayList<>();
    for (int n = 0; n < needs.size(); n++) {
      if (needs.get(n).open()) {
        order.add(n);
      }
    }
    // The most urgent first; among equals, the longest waiting: they get the best of the free offers.
    order.sort(Comparator.comparingLong((Integer n) -> -urgencyWeight(needs.get(n)))
        .thenComparing(n -> needs.get(n).publishedAt() == null ? Instant.MAX : needs.get(n).publishedAt())
        .thenComparing(n -> needs.get(n).needId()));
    Map<Integer, List<Edge>> edgesOf = new HashMap<>();
    long candidates = 0;
    for (int k = 0; k < order.size(); k++) {
      int n = order.get(k);
      List<Edge> mine = candidates(n, needs.get(n), offers, buckets, remaining, records, conflicts, distances, now,
          today, false);
      candidates += mine.size();
      edgesOf.put(n, mine);
      if (!mine.isEmpty()) {
        Edge best = mine.getFirst();
        assigned[n] = best.offer();
        assignedScore[n] = best.score();
        remaining[best.offer()]--;
      }
      if (k % 2048 == 0) {
        progress.accept((int) (80L * k / order.size()));
      }
    }
    progress.accept(80);
    // The needs left uncovered look at the full offers too: the augmenting pass may free one for them.
    for (int n : order) {
      if (assigned[n] < 0) {
        List<Edge> blocked = candidates(n, needs.get(n), offers, buckets, remaining, records, conflicts, distances,
            now, today, true);
        candidates += blocked.size();
        edgesOf.put(n, blocked);
      }
    }
    progress.accept(85);
    augment(needs, offers, assigned, assignedScore, remaining, edgesOf);
    progress.accept(95);
    List<Pair> pairs = new ArrayList<>();
    long coveredUrgency = 0;
    long totalUrgency = 0;
    for (int n : order) {
      long weight = urgencyWeight(needs.get(n));
      totalUrgency += weight;
      if (assigned[n] >= 0) {
        coveredUrgency += weight;
        pairs.add(new Pair(needs.get(n).needId(), offers.get(assigned[n]).id(), assignedScore[n]));
      }
    }
    pairs.sort(Comparator.comparingDouble((Pair p) -> -p.score()));
    progress.accept(100);
    return new Result(pairs, candidates, coveredUrgency, totalUrgency);
  }

  /**
   * One augmenting pass: an uncovered need whose candidate offer is full takes that offer's place from a covered
   * need of lower or equal urgency that has a free alternative, which moves there. Coverage only grows.
   */
  private void augment(List<NeedFacts> needs, List<Offer> offers, int[] assigned, double[] assignedScore,
      int[] remaining, Map<Integer, List<Edge>> edgesOf) {
    Map<Integer, List<Integer>> holders = new HashMap<>();
    for (int n = 0; n < assigned.length; n++) {
      if (assigned[n] >= 0) {
        holders.computeIfAbsent(assigned[n], o -> new ArrayList<>()).add(n);
      }
    }
    for (Map.Entry<Integer, List<Edge>> entry : edgesOf.entrySet()) {
      int uncovered = entry.getKey();
      if (assigned[uncovered] >= 0) {
        continue;
      }
      search:
      for (Edge wanted : entry.getValue()) {
        for (int holder : holders.getOrDefault(wanted.offer(), List.of())) {
          if (urgencyWeight(needs.get(holder)) > urgencyWeight(needs.get(uncovered))) {
            continue;
          }
          for (Edge alternative : edgesOf.getOrDefault(holder, List.of())) {
            if (alternative.offer() != wanted.offer() && remaining[alternative.offer()] > 0) {
              remaining[alternative.offer()]--;
              assigned[holder] = alternative.offer();
              assignedScore[holder] = alternative.score();
              holders.get(wanted.offer()).remove(Integer.valueOf(holder));
              holders.computeIfAbsent(alternative.offer(), o -> new ArrayList<>()).add(holder);
              assigned[uncovered] = wanted.offer();
              assignedScore[uncovered] = wanted.score();
              holders.get(wanted.offer()).add(uncovered);
              break search;
            }
          }
        }
      }
    }
  }

  private List<Edge> candidates(int n, NeedFacts need, List<Offer> offers, Map<String, List<Bucket>> buckets,
      int[] remaining, Map<String, FulfilmentRecord> records, Set<String> conflicts, Distances distances,
      Instant now, LocalDate today, boolean full) {
    List<Edge> found = new ArrayList<>();
    for (OfferKind kind : Compatibility.kindsFor(need)) {
      for (Bucket bucket : buckets.getOrDefault(need.category() + "|" + kind, List.of())) {
        while (bucket.first < bucket.offers.size() && remaining[bucket.offers.get(bucket.first)] <= 0) {
          bucket.first++;
        }
        int scored = 0;
        int looked = 0;
        for (int i = full ? 0 : bucket.first; i < bucket.offers.size(); i++) {
          int o = bucket.offers.get(i);
          if (scored == PER_BUCKET || looked > 4 * PER_BUCKET) {
            break;
          }
          if (remaining[o] <= 0 && !full) {
            continue;
          }
          looked++;
          Offer offer = offers.get(o);
          String key = Matcher.offererKey(offer);
          boolean conflict = conflicts.contains(need.caseFileId() + "|" + key);
          if (Compatibility.check(need, offer, today, distances, conflict, settings.placementRadiusKm())
              .isPresent()) {
            continue;
          }
          found.add(new Edge(n, o, scoring.total(need, offer, now, distances,
              records.getOrDefault(key, FulfilmentRecord.NONE))));
          scored++;
        }
      }
    }
    found.sort(Comparator.comparingDouble((Edge e) -> -e.score()));
    return found.size() > PER_NEED ? new ArrayList<>(found.subList(0, PER_NEED)) : found;
  }

  /**
   * Offers by "category|kind", then by township (or city-wide): the buckets a need visits; each bucket best-first by
   * what the offer alone brings.
   */
  private static Map<String, List<Bucket>> buckets(List<Offer> offers,
      Map<String, FulfilmentRecord> records) {
    Map<String, Map<String, List<Integer>>> byPlace = new HashMap<>();
    for (int o = 0; o < offers.size(); o++) {
      Offer offer = offers.get(o);
      Set<String> seen = new HashSet<>();
      for (var category : offer.categories()) {
        String key = category + "|" + offer.kind();
        if (seen.add(key)) {
          byPlace.computeIfAbsent(key, k -> new HashMap<>())
              .computeIfAbsent(offer.townshipId() == null ? "*" : offer.townshipId(), t -> new ArrayList<>()).add(o);
        }
      }
    }
    Comparator<Integer> best = Comparator.comparingDouble((Integer o) -> -records.getOrDefault(
            Matcher.offererKey(offers.get(o)), FulfilmentRecord.NONE).factor())
        .thenComparing(o -> -(offers.get(o).amountYuan() == null ? 0 : offers.get(o).amountYuan()))
        .thenComparing(o -> offers.get(o).createdAt());
    Map<String, List<Bucket>> buckets = new HashMap<>();
    byPlace.forEach((key, places) -> {
      List<Bucket> list = new ArrayList<>();
      places.values().forEach(offersHere -> {
        offersHere.sort(best);
        list.add(new Bucket(offersHere));
      });
      buckets.put(key, list);
    });
    return buckets;
  }

  static long urgencyWeight(NeedFacts need) {
    return switch (need.urgency()) {
      case CRITICAL -> 3;
      case HIGH -> 2;
      case NORMAL -> 1;
    };
  }
}
