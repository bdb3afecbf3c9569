package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.geography.Coordinates;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.registry.CareKind;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/** The global allocation: capacities hold, hard constraints hold, the most urgent are covered first. */
class AllocatorTest {

  private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-29");
  private static final Distances DISTANCES = new Distances(List.of(
      new Township("a", "甲镇", "A", 1, new Coordinates(45.0, 132.0), List.of()),
      new Township("b", "乙镇", "B", 2, new Coordinates(45.5, 132.0), List.of())));
  private static final Allocator ALLOCATOR = new Allocator(Binder.get(new StandardEnvironment())
      .bindOrCreate("onedoor.matching", MatchingSettings.class));

  private static NeedFacts need(String id, NeedCategory category, Urgency urgency, int daysWaiting,
      String township) {
    return new NeedFacts(id, "file-" + id, true, category, urgency, false, 1000, List.of(), null,
        NOW.minus(Duration.ofDays(daysWaiting)), township, 9, Sex.MALE);
  }

  private static Offer money(String id, List<NeedCategory> categories, String township, int capacity) {
    return new Offer(id, "i", "C", null, OffererKind.DONOR, "x", null, OfferKind.MONEY, categories, township, 1000,
        List.of(), null, null, null, null, null, null, null, capacity, 0, TODAY.plusMonths(3), null, OfferStatus.OPEN,
        NOW, 0, null);
  }

  private static Allocator.Result allocate(List<NeedFacts> needs, List<Offer> offers) {
    return ALLOCATOR.allocate(needs, offers, Map.of(), Set.of(), DISTANCES, NOW, TODAY, percent -> { });
  }

  @Test
  void an_offer_of_capacity_three_covers_three_needs_the_most_urgent_first() {
    List<NeedFacts> needs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      needs.add(need("n" + i, NeedCategory.MEDICAL, i < 3 ? Urgency.CRITICAL : Urgency.NORMAL, 5, "a"));
    }

    Allocator.Result result = allocate(needs, List.of(money("o", List.of(NeedCategory.MEDICAL), "a", 3)));

    assertThat(result.pairs()).extracting(Allocator.Pair::needId).containsExactlyInAnyOrder("n0", "n1", "n2");
    assertThat(result.coveredUrgency()).isEqualTo(9);
    assertThat(result.totalUrgency()).isEqualTo(3 * 3 + 7);
  }

  @Test
  void hard_constraints_hold_a_placement_needs_a_family_and_categories_must_fit() {
    NeedFacts placement = new NeedFacts("p", "file-p", true, NeedCategory.GUARDIANSHIP_CARE, Urgency.CRITICAL, true,
        null, List.of(), null, NOW, "a", 9, Sex.FEMALE);
    NeedFacts education = need("e", NeedCategory.EDUCATION, Urgency.CRITICAL, 5, "a");
    Offer money = money("m", List.of(NeedCategory.GUARDIANSHIP_CARE, NeedCategory.MEDICAL), "a", 5);
    Offer family = new Offer("f", "i", "C", "family-1", OffererKind.FAMILY, "张家", null, OfferKind.PLACEMENT,
        List.of(NeedCategory.GUARDIANSHIP_CARE), "a", null, List.of(), null, null, null, CareKind.FOSTER, 6, 12,
        null, 1, 0, TODAY.plusMonths(3), null, OfferStatus.OPEN, NOW, 0, null);

    Allocator.Result result = allocate(List.of(placement, education), List.of(money, family));

    // Only the family can take the placement (money cannot), and no offer covers education. The pair's score, with
    // the default weights (urgency 3, waiting 1, distance 2, capacity 2, preference 1, record 1; sum 10):
    //   urgency    critical                              1.0 × 3 = 3.0
    //   waiting    published NOW: 0 days / 90            0.0 × 1 = 0.0
    //   distance   same township: 1 − 0 km / 100         1.0 × 2 = 2.0
    //   capacity   a placement                           1.0 × 2 = 2.0
    //   preference a family taking a child of either sex 0.8 × 1 = 0.8
    //   record     none yet: (0 + ½·0 + 1) / (0 + 2)     0.5 × 1 = 0.5
    //   8.3 / 10 → Math.round(830.0) / 10.0 = 83.0
    assertThat(result.pairs()).containsExactly(new Allocator.Pair("p", "f", 83.0));
    assertThat(result.coveredUrgency()).as("the critical placement is covered").isEqualTo(3);
    assertThat(result.totalUrgency()).as("two critical needs").isEqualTo(6);
  }

  @Test
  void the_augmenting_pass_frees_an_offer_for_a_need_that_has_no_other() {
    // b prefers x (it waited longer, x is near) but can also take y; a can only take x.
    NeedFacts a = need("a", NeedCategory.EDUCATION, Urgency.NORMAL, 0, "a");
    NeedFacts b = need("b", NeedCategory.MEDICAL, Urgency.NORMAL, 90, "a");
    Offer x = money("x", List.of(NeedCategory.MEDICAL, NeedCategory.EDUCATION), "a", 1);
    Offer y = money("y", List.of(NeedCategory.MEDICAL), "b", 1);

    Allocator.Result result = allocate(List.of(a, b), List.of(x, y));

    Map<String, String> pairs = new HashMap<>();
    result.pairs().forEach(p -> pairs.put(p.needId(), p.offerId()));
    assertThat(pairs).containsEntry("a", "x").containsEntry("b", "y");
  }

  @Test
  void on_a_random_city_no_offer_is_over_allocated_and_every_pair_passes_the_hard_constraints() {
    Random random = new Random(7);
    NeedCategory[] categories = NeedCategory.values();
    Urgency[] urgencies = Urgency.values();
    List<NeedFacts> needs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      needs.add(need("n" + i, categories[random.nextInt(categories.length)], urgencies[random.nextInt(3)],
          random.nextInt(120), random.nextBoolean() ? "a" : "b"));
    }
    List<Offer> offers = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      offers.add(money("o" + i, List.of(categories[random.nextInt(categories.length)]),
          random.nextInt(3) == 0 ? null : random.nextBoolean() ? "a" : "b", 1 + random.nextInt(3)));
    }
    List<Integer> progress = new ArrayList<>();

    Allocator.Result result = ALLOCATOR.allocate(needs, offers, Map.of(), Set.of(), DISTANCES, NOW, TODAY,
        progress::add);

    Map<String, Integer> used = new HashMap<>();
    Map<String, NeedFacts> byId = new HashMap<>();
    needs.forEach(n -> byId.put(n.needId(), n));
    Map<String, Offer> offerById = new HashMap<>();
    offers.forEach(o -> offerById.put(o.id(), o));
    for (Allocator.Pair pair : result.pairs()) {
      used.merge(pair.offerId(), 1, Integer::sum);
      assertThat(Compatibility.check(byId.get(pair.needId()), offerById.get(pair.offerId()), TODAY, DISTANCES, false,
          60)).isEmpty();
    }
    used.forEach((offer, count) -> assertThat(count).as(offer).isLessThanOrEqualTo(offerById.get(offer).capacity()));
    assertThat(result.pairs()).extracting(Allocator.Pair::needId).doesNotHaveDuplicates();
    int capacity = offers.stream().mapToInt(Offer::capacity).sum();
    assertThat(result.pairs().size()).as("most of the capacity is used").isGreaterThan(capacity * 8 / 10);
    assertThat(result.candidates()).as("sparse: a few candidates per need").isLessThan(2000L * Allocator.PER_NEED
        * 3);
    assertThat(progress).last().isEqualTo(100);
  }
}
