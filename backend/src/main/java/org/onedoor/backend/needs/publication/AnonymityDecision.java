package org.onedoor.backend.needs.publication;

import java.util.List;

/** The outcome of the k-anonymity check for one need. */
public sealed interface AnonymityDecision {

  /**
   * The need may be published with this profile.
   *
   * @param profile what the need shows
   * @param steps the generalisations applied, in order (empty: published as is)
   * @param classSize how many children of the register share the profile (and the revealed cause)
   */
  record Publishable(PublicProfile profile, List<Generalisation> steps, long classSize) implements AnonymityDecision {
    public Publishable {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Even the coarsest profile points to fewer than k children: the need must not be published.
   *
   * @param coarsest the coarsest profile tried
   * @param classSize how many children share it
   * @param k the required class size
   */
  record Withheld(PublicProfile coarsest, long classSize, int k) implements AnonymityDecision {
  }
}
