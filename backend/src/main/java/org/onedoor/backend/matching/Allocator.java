package org.onedoor.backend.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.NeedCategory;

/**
 * The global allocation: proposes a set of matches for all open needs and offers that maximises urgency-weighted
 * coverage under the offers' capacities, without ever building the dense need × offer matrix.
 *
 * <p>Candidates: offers are bucketed by category, kind and township (or none, for city-wide offers) and, within a
 * bucket, ordered best-first by what the offer alone brings (its fulfilment record, then its amount). For a need only
 * the buckets of its category and of the kinds that fit it are visited, and in each only the first few offers with
 * capacity left that pass every hard constraint ({@link Compatibility}) are scored; the best {@value #PER_NEED} are
 * its candidate edges — a sparse graph of a few edges per need. A need that finds no offer with capacity left is given
 * the best-scoring offers whatever their capacity instead, for an augmenting path to run through.
 *
 * <p>Assignment: {@link Coverage}, the greedy algorithm of the matroid of coverable needs with augmenting paths —
 * exact over those edges: no other choice of matches on them covers more urgency (critical 3, high 2, normal 1), and
 * among equal urgency the longest waiting come first. What is not exact is the pruning to a few edges per need.
 */
public final class Allocator {

  /** Offers scored per bucket and need. */
  static final int PER_BUCKET = 4;
  /** Candidate edges kept per need. */
  static final int PER_NEED = 8;
  /** Offers looked at per bucket and need, at most (those refused by a hard constraint count too). */
  private static final int LOOK = 4 * PER_BUCKET;

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

  /** A bucket's offers, best first, and the first that may still have capacity (offers only ever fill up). */
  private static final class Bucket {
    private final int[] offers;
    private int first;

    Bucket(int[] offers) {
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
    String[] keys = new String[offers.size()];
    FulfilmentRecord[] recordOf = new FulfilmentRecord[offers.size()];
    int[] remaining = new int[offers.size()];
    for (int o = 0; o < offers.size(); o++) {
      keys[o] = Matcher.offererKey(offers.get(o));
      recordOf[o] = records.getOrDefault(keys[o], FulfilmentRecord.NONE);
      remaining[o] = offers.get(o).remaining();
    }
    Map<String, Set<String>> conflictsOf = new HashMap<>();
    for (String pair : conflicts) {
      int bar = pair.indexOf('|');
      conflictsOf.computeIfAbsent(pair.substring(0, bar), f -> new HashSet<>()).add(pair.substring(bar + 1));
    }
    Map<NeedCategory, Map<OfferKind, List<Bucket>>> buckets = buckets(offers, recordOf);
    // The most urgent first; among equals, the longest waiting: they get the best of the free offers.
    int[] order = IntStream.range(0, needs.size()).filter(n -> needs.get(n).open()).boxed()
        .sorted(Comparator.comparingLong((Integer n) -> -urgencyWeight(needs.get(n)))
            .thenComparing(n -> needs.get(n).publishedAt() == null ? Instant.MAX : needs.get(n).publishedAt())
            .thenComparing(n -> needs.get(n).needId()))
        .mapToInt(Integer::intValue).toArray();
    Coverage.Candidates candidates = (n, left, includeFull) -> {
      NeedFacts need = needs.get(n);
      Set<String> conflicting = conflictsOf.getOrDefault(need.caseFileId(), Set.of());
      TopEdges top = new TopEdges(PER_NEED);
      Map<OfferKind, List<Bucket>> byKind = buckets.getOrDefault(need.category(), Map.of());
      for (OfferKind kind : Compatibility.kindsFor(need)) {
        for (Bucket bucket : byKind.getOrDefault(kind, List.of())) {
          while (bucket.first < bucket.offers.length && left[bucket.offers[bucket.first]] <= 0) {
            bucket.first++;
          }
          int scored = 0;
          int looked = 0;
          for (int i = includeFull ? 0 : bucket.first; i < bucket.offers.length && scored < PER_BUCKET
              && looked < LOOK; i++) {
            int o = bucket.offers[i];
            if (left[o] <= 0 && !includeFull) {
              continue;
            }
            looked++;
            Offer offer = offers.get(o);
            if (compatible(need, offer, today, distances, conflicting.contains(keys[o]))) {
              top.add(o, scoring.total(need, offer, now, distances, recordOf[o]));
              scored++;
            }
          }
        }
      }
      return top.edges();
    };
    int step = Math.max(1, order.length / 40);
    Coverage coverage = new Coverage(needs.size(), remaining);
    coverage.cover(order, candidates, k -> {
      if (k % step == 0) {
        progress.accept((int) (95L * k / order.length));
      }
    });
    progress.accept(95);
    List<Pair> pairs = new ArrayList<>();
    long coveredUrgency = 0;
    long totalUrgency = 0;
    for (int n : order) {
      long weight = urgencyWeight(needs.get(n));
      totalUrgency += weight;
      if (coverage.offerOf(n) >= 0) {
        coveredUrgency += weight;
        pairs.add(new Pair(needs.get(n).needId(), offers.get(coverage.offerOf(n)).id(), coverage.scoreOf(n)));
      }
    }
    pairs.sort(Comparator.comparingDouble((Pair p) -> -p.score()));
    progress.accept(100);
    return new Result(pairs, coverage.edges(), coveredUrgency, totalUrgency);
  }

  private boolean compatible(NeedFacts need, Offer offer, LocalDate today, Distances distances, boolean conflict) {
    // The capacity is the allocation's own count here: the offer as loaded had some left.
    return Compatibility.check(need, offer, today, distances, conflict, settings.placementRadiusKm()).isEmpty();
  }

  /** The best few edges seen, best first, kept without sorting everything. */
  private static final class TopEdges {
    private final int[] offers;
    private final double[] scores;
    private int size;

    TopEdges(int capacity) {
      offers = new int[capacity];
      scores = new double[capacity];
    }

    void add(int offer, double score) {
      if (size == offers.length && score <= scores[size - 1]) {
        return;
      }
      int at = size == offers.length ? size - 1 : size++;
      while (at > 0 && scores[at - 1] < score) {
        offers[at] = offers[at - 1];
        scores[at] = scores[at - 1];
        at--;
      }
      offers[at] = offer;
      scores[at] = score;
    }

    Coverage.Edges edges() {
      return size == 0 ? Coverage.Edges.NONE
          : new Coverage.Edges(Arrays.copyOf(offers, size), Arrays.copyOf(scores, size));
    }
  }

  /**
   * Offers by category, kind, then township (or city-wide): the buckets a need visits; each bucket best-first by what
   * the offer alone brings.
   */
  private static Map<NeedCategory, Map<OfferKind, List<Bucket>>> buckets(List<Offer> offers,
      FulfilmentRecord[] records) {
    Map<NeedCategory, Map<OfferKind, Map<String, List<Integer>>>> byPlace = new EnumMap<>(NeedCategory.class);
    for (int o = 0; o < offers.size(); o++) {
      Offer offer = offers.get(o);
      for (NeedCategory category : EnumSet.copyOf(offer.categories())) {
        byPlace.computeIfAbsent(category, c -> new EnumMap<>(OfferKind.class))
            .computeIfAbsent(offer.kind(), k -> new HashMap<>())
            .computeIfAbsent(offer.townshipId() == null ? "*" : offer.townshipId(), t -> new ArrayList<>()).add(o);
      }
    }
    Comparator<Integer> best = Comparator.comparingDouble((Integer o) -> -records[o].factor())
        .thenComparing(o -> -(offers.get(o).amountYuan() == null ? 0 : offers.get(o).amountYuan()))
        .thenComparing(o -> offers.get(o).createdAt());
    Map<NeedCategory, Map<OfferKind, List<Bucket>>> buckets = new EnumMap<>(NeedCategory.class);
    byPlace.forEach((category, kinds) -> kinds.forEach((kind, places) -> {
      List<Bucket> list = new ArrayList<>();
      places.values().forEach(offersHere -> {
        offersHere.sort(best);
        list.add(new Bucket(offersHere.stream().mapToInt(Integer::intValue).toArray()));
      });
      buckets.computeIfAbsent(category, c -> new EnumMap<>(OfferKind.class)).put(kind, list);
    }));
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
