package org.onedoor.backend.needs.publication;

import org.onedoor.backend.casefiles.Sex;

/**
 * What a published need says about its child: the quasi-identifiers, after any generalisation.
 *
 * @param ageBand the age band shown
 * @param sex the sex shown, or null when generalised away
 * @param townshipId the township shown, or null when raised to the whole city
 */
public record PublicProfile(AgeBand ageBand, Sex sex, String townshipId) {

  PublicProfile withoutSex() {
    return new PublicProfile(ageBand, null, townshipId);
  }

  PublicProfile withWideAgeBand() {
    return new PublicProfile(ageBand.wide(), sex, townshipId);
  }

  PublicProfile cityWide() {
    return new PublicProfile(ageBand, sex, null);
  }
}
