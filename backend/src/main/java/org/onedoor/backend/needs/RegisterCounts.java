package org.onedoor.backend.needs;

import java.time.LocalDate;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.FileCensus;
import org.onedoor.backend.needs.publication.PublicProfile;
import org.onedoor.backend.needs.publication.RegisterClass;

/**
 * The register's class sizes on the day of publication, over confirmed files only (counted by casefiles' census):
 * how many children fit what the public would know of the child (see {@link Revealed}).
 */
final class RegisterCounts implements RegisterClass {

  private final FileCensus census;
  private final LocalDate on;

  RegisterCounts(FileCensus census, LocalDate on) {
    this.census = census;
    this.on = on;
  }

  @Override
  public long size(PublicProfile profile, Cause revealedCause) {
    return size(Revealed.nothing().and(profile, on, revealedCause));
  }

  /** How many confirmed children fit everything known. */
  long size(Revealed known) {
    return census.classSize(new FileCensus.ChildClass(known.bornAfter(), known.bornOnOrBefore(), known.sex(),
        known.townshipId(), known.causes(), known.conditionCategory(), known.conditionType()));
  }
}
