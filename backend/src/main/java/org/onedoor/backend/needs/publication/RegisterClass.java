package org.onedoor.backend.needs.publication;

import org.onedoor.backend.casefiles.Cause;

/**
 * Counts the children of the register who fall in a public profile's class.
 */
@FunctionalInterface
public interface RegisterClass {

  /**
   * How many children match the profile (age band on the publication day, sex if shown, township if shown) and,
   * when the need reveals a cause, have that cause.
   *
   * @param profile the profile
   * @param revealedCause the cause the need reveals, or null
   */
  long size(PublicProfile profile, Cause revealedCause);
}
