package org.onedoor.backend.casefiles;

import java.util.List;

/**
 * Who looks after the child and how well.
 *
 * @param parents the parents' situation
 * @param guardians the people who actually look after the child
 * @param capability the staff's assessment of the guardians' capability
 */
public record Guardianship(ParentsSituation parents, List<Guardian> guardians, GuardianCapability capability) {

  public Guardianship {
    guardians = guardians == null ? List.of() : List.copyOf(guardians);
  }

  @Override
  public String toString() {
    return "Guardianship[" + parents + ", " + guardians.size() + " guardian(s), " + capability + "]";
  }
}
