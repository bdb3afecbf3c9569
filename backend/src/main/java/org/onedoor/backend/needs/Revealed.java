package org.onedoor.backend.needs;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.ConditionCategory;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.needs.publication.ConditionDisclosure.PublicCondition;
import org.onedoor.backend.needs.publication.PublicProfile;
import org.onedoor.backend.platform.CityTime;

/**
 * What the public knows of one child once it links the child's published needs: each need's age band on its
 * publication day narrows the birth date, and together they narrow it to the overlap (a child shown as 6–11 in one
 * month and 12–14 in a later one was born near a birthday between); any sex, township, cause or condition shown by
 * one is known for all. See docs/decisions/006-linked-needs.md.
 *
 * @param bornAfter the child was born after this day
 * @param bornOnOrBefore the child was born on or before this day
 * @param sex the sex, if any need shows it
 * @param townshipId the township, if any need shows it
 * @param causes the causes the needs reveal
 * @param conditionCategory the broad category of the condition, if any need shows it
 * @param conditionType the specific type of the condition, if any need shows it
 */
record Revealed(LocalDate bornAfter, LocalDate bornOnOrBefore, Sex sex, String townshipId, Set<Cause> causes,
    ConditionCategory conditionCategory, String conditionType) {

  Revealed {
    causes = causes.isEmpty() ? EnumSet.noneOf(Cause.class) : EnumSet.copyOf(causes);
  }

  /** Nothing known. */
  static Revealed nothing() {
    return new Revealed(LocalDate.MIN, LocalDate.MAX, null, null, Set.of(), null, null);
  }

  /** What a published need shows, joined to this. */
  Revealed and(Need need) {
    if (need.profile() == null || need.publishedAt() == null) {
      return this;
    }
    Revealed known = and(need.profile(), LocalDate.ofInstant(need.publishedAt(), CityTime.ZONE),
        need.category().revealedCause(need.placement()));
    PublicCondition condition = need.condition();
    if (condition == null) {
      return known;
    }
    return new Revealed(known.bornAfter, known.bornOnOrBefore, known.sex, known.townshipId, known.causes,
        condition.category() != null ? condition.category() : known.conditionCategory,
        condition.type() != null ? condition.type() : known.conditionType);
  }

  /** A profile shown on a day, and the cause shown with it, joined to this. */
  Revealed and(PublicProfile profile, LocalDate on, Cause cause) {
    // Age in whole years within [from, to] on the day  <=>  born after on-(to+1)y and on or before on-from y.
    LocalDate after = on.minusYears(profile.ageBand().to() + 1L);
    LocalDate onOrBefore = on.minusYears(profile.ageBand().from());
    Set<Cause> all = EnumSet.noneOf(Cause.class);
    all.addAll(causes);
    if (cause != null) {
      all.add(cause);
    }
    return new Revealed(after.isAfter(bornAfter) ? after : bornAfter,
        onOrBefore.isBefore(bornOnOrBefore) ? onOrBefore : bornOnOrBefore,
        profile.sex() != null ? profile.sex() : sex, profile.townshipId() != null ? profile.townshipId() : townshipId,
        all, conditionCategory, conditionType);
  }

  /** This, with the condition's category (and type, if given) also known; what is known already stays. */
  Revealed withCondition(ConditionCategory category, String type) {
    return new Revealed(bornAfter, bornOnOrBefore, sex, townshipId, causes,
        conditionCategory != null ? conditionCategory : category, conditionType != null ? conditionType : type);
  }
}
