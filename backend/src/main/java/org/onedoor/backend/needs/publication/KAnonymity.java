package org.onedoor.backend.needs.publication;

import java.util.ArrayList;
import java.util.List;
import org.onedoor.backend.casefiles.Cause;

/**
 * k-anonymity for one need: the published quasi-identifiers must describe at least k children of the register who
 * also share the cause the need reveals. Failing that, the profile is generalised step by step — drop sex, widen the
 * age band, raise the location to the city — and the need is withheld when even the coarsest class is too small.
 * See docs/decisions/003-anonymised-needs.md.
 */
public final class KAnonymity {

  private final int k;

  public KAnonymity(AnonymitySettings settings) {
    this.k = settings.k();
  }

  /** Decides how (and whether) a need with this exact profile may be published. */
  public AnonymityDecision decide(PublicProfile exact, Cause revealedCause, RegisterClass register) {
    List<Generalisation> steps = new ArrayList<>();
    PublicProfile profile = exact;
    long size = register.size(profile, revealedCause);
    for (Generalisation step : Generalisation.values()) {
      if (size >= k) {
        return new AnonymityDecision.Publishable(profile, steps, size);
      }
      PublicProfile coarser = switch (step) {
        case SEX_DROPPED -> profile.withoutSex();
        case AGE_BAND_WIDENED -> profile.withWideAgeBand();
        case LOCATION_RAISED_TO_CITY -> profile.cityWide();
      };
      if (!coarser.equals(profile)) {
        steps.add(step);
        profile = coarser;
        size = register.size(profile, revealedCause);
      }
    }
    return size >= k ? new AnonymityDecision.Publishable(profile, steps, size)
        : new AnonymityDecision.Withheld(profile, size, k);
  }
}
