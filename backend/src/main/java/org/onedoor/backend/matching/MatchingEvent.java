package org.onedoor.backend.matching;

import org.onedoor.backend.needs.NeedCategory;

/**
 * What matching tells other features, after it stored the change (published through the platform's
 * {@code DomainEvents}): references only, never the child.
 */
public sealed interface MatchingEvent {

  /** How far an offerer's help has come. */
  enum Stage {
    /** Civil affairs approved it. */
    APPROVED,
    /** The caseworker handed it over. */
    DELIVERED
  }

  /**
   * A signed-in offerer's help moved on.
   *
   * @param offererSubject the offerer's account subject
   * @param reference the offer's receipt code (what the offerer follows it by)
   * @param category the need's category
   * @param stage how far it has come
   */
  record HelpProgressed(String offererSubject, String reference, NeedCategory category, Stage stage)
      implements MatchingEvent {
  }
}
