package org.onedoor.backend.casefiles;

/** The broad category of a child's disability or illness: the most a rare condition may be published as. */
public enum ConditionCategory {
  VISUAL(true),
  HEARING(true),
  SPEECH(true),
  PHYSICAL(true),
  INTELLECTUAL(true),
  MENTAL(true),
  MULTIPLE(true),
  SERIOUS_ILLNESS(false),
  CHRONIC_ILLNESS(false);

  private final boolean disability;

  ConditionCategory(boolean disability) {
    this.disability = disability;
  }

  /** Whether this is a disability (graded 1 … 4) rather than an illness. */
  public boolean disability() {
    return disability;
  }
}
