package org.onedoor.backend.needs.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Sex;

class KAnonymityTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  private final KAnonymity kAnonymity = new KAnonymity(new AnonymitySettings(5));
  private final List<Child> register = new ArrayList<>();

  record Child(LocalDate birthDate, Sex sex, String townshipId, Set<Cause> causes) {
  }

  /** The register as the check sees it: children in the profile's class, with the revealed cause if any. */
  private long classSize(PublicProfile profile, Cause revealed) {
    return register.stream()
        .filter(c -> profile.ageBand().contains(java.time.Period.between(c.birthDate(), TODAY).getYears()))
        .filter(c -> profile.sex() == null || profile.sex() == c.sex())
        .filter(c -> profile.townshipId() == null || profile.townshipId().equals(c.townshipId()))
        .filter(c -> revealed == null || c.causes().contains(revealed))
        .count();
  }

  private void add(int count, int age, Sex sex, String township, Cause... causes) {
    for (int i = 0; i < count; i++) {
      register.add(new Child(TODAY.minusYears(age).minusDays(10 + i), sex, township,
          causes.length == 0 ? EnumSet.of(Cause.POVERTY) : EnumSet.of(causes[0], causes)));
    }
  }

  private AnonymityDecision decide(int age, Sex sex, String township, Cause revealed) {
    PublicProfile exact = new PublicProfile(AgeBand.fineBandOf(TODAY.minusYears(age).minusDays(10), TODAY), sex,
        township);
    return kAnonymity.decide(exact, revealed, this::classSize);
  }

  @Test
  void a_need_whose_class_has_k_children_is_published_as_is() {
    add(5, 7, Sex.FEMALE, "hutou-town");

    var decision = decide(7, Sex.FEMALE, "hutou-town", null);

    assertThat(decision).isEqualTo(new AnonymityDecision.Publishable(
        new PublicProfile(AgeBand.AGE_6_11, Sex.FEMALE, "hutou-town"), List.of(), 5));
  }

  @Test
  void a_class_smaller_than_k_first_drops_sex() {
    add(3, 7, Sex.FEMALE, "hutou-town");
    add(2, 8, Sex.MALE, "hutou-town");

    var decision = (AnonymityDecision.Publishable) decide(7, Sex.FEMALE, "hutou-town", null);

    assertThat(decision.profile()).isEqualTo(new PublicProfile(AgeBand.AGE_6_11, null, "hutou-town"));
    assertThat(decision.steps()).containsExactly(Generalisation.SEX_DROPPED);
  }

  @Test
  void then_widens_the_age_band() {
    add(2, 13, Sex.MALE, "hutou-town");
    add(3, 16, Sex.FEMALE, "hutou-town");

    var decision = (AnonymityDecision.Publishable) decide(13, Sex.MALE, "hutou-town", null);

    assertThat(decision.profile()).isEqualTo(new PublicProfile(AgeBand.AGE_12_17, null, "hutou-town"));
    assertThat(decision.steps()).containsExactly(Generalisation.SEX_DROPPED, Generalisation.AGE_BAND_WIDENED);
    assertThat(decision.classSize()).isEqualTo(5);
  }

  @Test
  void then_raises_the_location_to_the_city() {
    add(2, 13, Sex.MALE, "hutou-town");
    add(2, 16, Sex.FEMALE, "hutou-town");
    add(3, 15, Sex.MALE, "abei-township");

    var decision = (AnonymityDecision.Publishable) decide(13, Sex.MALE, "hutou-town", null);

    assertThat(decision.profile()).isEqualTo(new PublicProfile(AgeBand.AGE_12_17, null, null));
    assertThat(decision.steps()).containsExactly(Generalisation.SEX_DROPPED, Generalisation.AGE_BAND_WIDENED,
        Generalisation.LOCATION_RAISED_TO_CITY);
    assertThat(decision.classSize()).isEqualTo(7);
  }

  @Test
  void a_class_too_small_even_city_wide_is_withheld() {
    add(2, 4, Sex.FEMALE, "zhenbaodao-township", Cause.DISABILITY_ILLNESS);
    add(10, 4, Sex.FEMALE, "zhenbaodao-township", Cause.POVERTY);

    var decision = decide(4, Sex.FEMALE, "zhenbaodao-township", Cause.DISABILITY_ILLNESS);

    assertThat(decision).isEqualTo(new AnonymityDecision.Withheld(new PublicProfile(AgeBand.AGE_0_5, null, null), 2, 5));
  }

  @Test
  void only_children_sharing_the_revealed_cause_count() {
    add(1, 4, Sex.FEMALE, "hulin-town", Cause.DISABILITY_ILLNESS);
    add(4, 4, Sex.FEMALE, "hulin-town", Cause.POVERTY);
    add(4, 3, Sex.MALE, "dongcheng-town", Cause.DISABILITY_ILLNESS, Cause.POVERTY);

    var rehabilitation = (AnonymityDecision.Publishable) decide(4, Sex.FEMALE, "hulin-town", Cause.DISABILITY_ILLNESS);
    var basicLiving = (AnonymityDecision.Publishable) decide(4, Sex.FEMALE, "hulin-town", null);

    assertThat(basicLiving.steps()).isEmpty();
    assertThat(rehabilitation.profile()).isEqualTo(new PublicProfile(AgeBand.AGE_0_5, null, null));
    assertThat(rehabilitation.steps()).containsExactly(Generalisation.SEX_DROPPED, Generalisation.AGE_BAND_WIDENED,
        Generalisation.LOCATION_RAISED_TO_CITY);
  }
}
