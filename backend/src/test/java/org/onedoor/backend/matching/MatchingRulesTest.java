package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.geography.Coordinates;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.registry.CareKind;
import org.onedoor.backend.registry.VolunteerSkill;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/** The hard constraints one by one, and scores with their reasons computed by hand. */
class MatchingRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-29");
  // A and B: 0.2° of latitude apart = 22.239 km; C: 1° apart = 111.195 km.
  private static final Distances DISTANCES = new Distances(List.of(
      new Township("a", "甲镇", "A", 1, new Coordinates(45.0, 132.0), List.of()),
      new Township("b", "乙镇", "B", 2, new Coordinates(45.2, 132.0), List.of()),
      new Township("c", "丙镇", "C", 3, new Coordinates(46.0, 132.0), List.of())));
  private static final MatchingSettings SETTINGS = new Binder(
      org.springframework.boot.context.properties.source.ConfigurationPropertySources.get(new StandardEnvironment()))
      .bindOrCreate("onedoor.matching", MatchingSettings.class);

  /** A mutable offer for the tests; every field has a sensible default. */
  static final class OfferSpec {
    OfferKind kind = OfferKind.MONEY;
    OffererKind offererKind = OffererKind.DONOR;
    List<NeedCategory> categories = List.of(NeedCategory.MEDICAL);
    String townshipId = "b";
    Integer amountYuan = 8000;
    List<String> goods = List.of();
    VolunteerSkill skill;
    Integer hoursPerWeek;
    CareKind careKind;
    Integer ageMin;
    Integer ageMax;
    Sex sex;
    int capacity = 1;
    int allocated;
    LocalDate validUntil = TODAY.plusMonths(6);
    OfferStatus status = OfferStatus.OPEN;

    Offer build() {
      return new Offer("offer", "intake", "CODE", "someone", offererKind, "王建国", null, kind, categories, townshipId,
          amountYuan, goods, skill, hoursPerWeek, null, careKind, ageMin, ageMax, sex, capacity, allocated,
          validUntil, null, status, NOW.minus(Duration.ofDays(3)), 0, null);
    }
  }

  private static NeedFacts money(boolean open) {
    return new NeedFacts("need", "file", open, NeedCategory.MEDICAL, Urgency.CRITICAL, false, 10000, List.of(), null,
        NOW.minus(Duration.ofDays(45)), "a", 9, Sex.MALE);
  }

  private static NeedFacts placement() {
    return new NeedFacts("need", "file", true, NeedCategory.GUARDIANSHIP_CARE, Urgency.HIGH, true, null, List.of(),
        null, NOW.minus(Duration.ofHours(5)), "a", 8, Sex.FEMALE);
  }

  private static OfferSpec family() {
    OfferSpec spec = new OfferSpec();
    spec.kind = OfferKind.PLACEMENT;
    spec.offererKind = OffererKind.FAMILY;
    spec.categories = List.of(NeedCategory.GUARDIANSHIP_CARE);
    spec.townshipId = "a";
    spec.amountYuan = null;
    spec.careKind = CareKind.FOSTER;
    spec.ageMin = 6;
    spec.ageMax = 12;
    spec.sex = Sex.FEMALE;
    return spec;
  }

  private static Optional<Exclusion> check(NeedFacts need, OfferSpec offer) {
    return check(need, offer, false);
  }

  private static Optional<Exclusion> check(NeedFacts need, OfferSpec offer, boolean conflict) {
    return Compatibility.check(need, offer.build(), TODAY, DISTANCES, conflict, SETTINGS.placementRadiusKm());
  }

  @Test
  void an_open_offer_of_the_right_category_and_kind_passes() {
    assertThat(check(money(true), new OfferSpec())).isEmpty();
    assertThat(check(placement(), family())).isEmpty();
  }

  @Test
  void withdrawn_expired_or_matched_needs_and_offers_never_match() {
    assertThat(check(money(false), new OfferSpec())).contains(Exclusion.NEED_NOT_OPEN);
    OfferSpec withdrawn = new OfferSpec();
    withdrawn.status = OfferStatus.WITHDRAWN;
    OfferSpec expired = new OfferSpec();
    expired.validUntil = TODAY.minusDays(1);
    OfferSpec full = new OfferSpec();
    full.capacity = 3;
    full.allocated = 3;
    assertThat(check(money(true), withdrawn)).contains(Exclusion.OFFER_NOT_OPEN);
    assertThat(check(money(true), expired)).contains(Exclusion.OFFER_NOT_OPEN);
    assertThat(check(money(true), full)).contains(Exclusion.OFFER_NOT_OPEN);
  }

  @Test
  void the_offer_must_serve_the_needs_category_and_what_it_asks() {
    OfferSpec education = new OfferSpec();
    education.categories = List.of(NeedCategory.EDUCATION);
    OfferSpec service = new OfferSpec();
    service.kind = OfferKind.SERVICE;
    service.offererKind = OffererKind.VOLUNTEER;
    service.skill = VolunteerSkill.MEDICAL;
    service.hoursPerWeek = 4;
    assertThat(check(money(true), education)).contains(Exclusion.CATEGORY);
    assertThat(check(money(true), service)).as("money asked, a service offered").contains(Exclusion.KIND);
    OfferSpec placementForMoney = family();
    placementForMoney.categories = List.of(NeedCategory.MEDICAL);
    assertThat(check(money(true), placementForMoney)).contains(Exclusion.KIND);
    OfferSpec moneyForCare = new OfferSpec();
    moneyForCare.categories = List.of(NeedCategory.GUARDIANSHIP_CARE);
    assertThat(check(placement(), moneyForCare)).as("money cannot place a child").contains(Exclusion.KIND);
  }

  @Test
  void a_service_with_contact_with_a_child_needs_a_vetted_volunteer() {
    NeedFacts tutoring = new NeedFacts("need", "file", true, NeedCategory.EDUCATION, Urgency.NORMAL, false, null,
        List.of(), 20, NOW, "a", 10, Sex.MALE);
    OfferSpec organisation = new OfferSpec();
    organisation.kind = OfferKind.SERVICE;
    organisation.offererKind = OffererKind.ORGANISATION;
    organisation.categories = List.of(NeedCategory.EDUCATION, NeedCategory.LEGAL_AID);
    organisation.skill = VolunteerSkill.TUTORING;
    organisation.hoursPerWeek = 5;
    organisation.amountYuan = null;
    assertThat(check(tutoring, organisation)).contains(Exclusion.UNVETTED_CONTACT);
    organisation.offererKind = OffererKind.VOLUNTEER;
    assertThat(check(tutoring, organisation)).isEmpty();
    NeedFacts legal = new NeedFacts("need", "file", true, NeedCategory.LEGAL_AID, Urgency.NORMAL, false, null,
        List.of(), 10, NOW, "a", 10, Sex.MALE);
    organisation.offererKind = OffererKind.ORGANISATION;
    organisation.skill = VolunteerSkill.LEGAL_AID;
    assertThat(check(legal, organisation)).as("legal aid needs no contact with the child").isEmpty();
  }

  @Test
  void a_placement_needs_an_approved_family_whose_preferences_and_area_fit_the_child() {
    OfferSpec donor = family();
    donor.offererKind = OffererKind.DONOR;
    OfferSpec tooYoung = family();
    tooYoung.ageMin = 10;
    OfferSpec boys = family();
    boys.sex = Sex.MALE;
    OfferSpec far = family();
    far.townshipId = "c";
    OfferSpec near = family();
    near.townshipId = "b";
    OfferSpec full = family();
    full.allocated = 1;
    assertThat(check(placement(), donor)).contains(Exclusion.NOT_AN_APPROVED_FAMILY);
    assertThat(check(placement(), tooYoung)).contains(Exclusion.AGE_PREFERENCE);
    assertThat(check(placement(), boys)).contains(Exclusion.SEX_PREFERENCE);
    assertThat(check(placement(), far)).as("111 km > 60 km").contains(Exclusion.TOO_FAR_FOR_PLACEMENT);
    assertThat(check(placement(), near)).as("22 km").isEmpty();
    assertThat(check(placement(), full)).as("no free place").contains(Exclusion.OFFER_NOT_OPEN);
  }

  @Test
  void a_recorded_conflict_of_interest_excludes_the_pair() {
    assertThat(check(money(true), new OfferSpec(), true)).contains(Exclusion.CONFLICT_OF_INTEREST);
  }

  @Test
  void a_money_offer_for_a_critical_medical_need_scores_as_computed_by_hand() {
    Score score = new Scoring(SETTINGS).score(money(true), new OfferSpec().build(), NOW, DISTANCES,
        new FulfilmentRecord(3, 1, 0));

    // urgency 3×1 + waiting 1×45/90 + distance 2×(1 − 22.239/100) + capacity 2×8000/10000 + preference 1×1
    // + record 1×(3 + ½ + 1)/(4 + 2) = 8.4052 of 10 → 84.1
    assertThat(score.total()).isEqualTo(84.1);
    assertThat(score.factors()).extracting(Score.Part::factor).containsExactly(Factor.URGENCY, Factor.WAITING,
        Factor.DISTANCE, Factor.CAPACITY, Factor.PREFERENCE, Factor.RECORD);
    assertThat(score.factors()).extracting(p -> p.reason().code()).containsExactly("urgency", "waiting",
        "distance", "covers", "focused", "record");
    assertThat(score.factors().get(1).reason().args()).containsExactly(45L);
    assertThat(score.factors().get(2).reason().args()).containsExactly("22.2");
    assertThat(score.factors().get(2).value()).isCloseTo(0.7776, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(score.factors().get(3).reason().args()).containsExactly(80L);
    assertThat(score.factors().get(5).value()).isEqualTo(0.75);
    assertThat(new Scoring(SETTINGS).total(money(true), new OfferSpec().build(), NOW, DISTANCES,
        new FulfilmentRecord(3, 1, 0))).as("the allocation's total without reasons is the same").isEqualTo(84.1);
  }

  @Test
  void a_family_for_a_placement_in_the_same_township_scores_as_computed_by_hand() {
    Score score = new Scoring(SETTINGS).score(placement(), family().build(), NOW, DISTANCES, FulfilmentRecord.NONE);

    // urgency 3×0.6 + waiting 1×0 + distance 2×1 + capacity 2×1 + preference 1×1 + record 1×½ = 7.3 of 10 → 73.0
    assertThat(score.total()).isEqualTo(73.0);
    assertThat(score.factors().get(2).reason().args()).containsExactly("0.0");
    assertThat(score.factors().get(5).reason().code()).isEqualTo("noRecord");
  }

  @Test
  void weights_come_from_configuration_and_a_zero_switches_a_factor_off() {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
        java.util.Map.of("onedoor.matching.weights.urgency", "1", "onedoor.matching.weights.waiting", "0",
            "onedoor.matching.weights.distance", "0", "onedoor.matching.weights.capacity", "0",
            "onedoor.matching.weights.preference", "0", "onedoor.matching.weights.record", "0")));
    MatchingSettings urgencyOnly = Binder.get(environment).bindOrCreate("onedoor.matching", MatchingSettings.class);

    Score score = new Scoring(urgencyOnly).score(placement(), family().build(), NOW, DISTANCES,
        FulfilmentRecord.NONE);

    assertThat(score.total()).isEqualTo(60.0);
  }
}
