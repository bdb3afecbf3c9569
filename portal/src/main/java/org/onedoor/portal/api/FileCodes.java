package org.onedoor.portal.api;

import java.util.List;

/** The names the API uses for the coded fields of a child's file, in the order forms offer them; each has a label. */
public final class FileCodes {

  public static final List<String> CAUSES = List.of("POVERTY", "DISABILITY_ILLNESS", "GUARDIANSHIP");
  public static final List<String> PARENTS = List.of("AT_HOME", "ONE_AWAY_FOR_WORK", "BOTH_AWAY_FOR_WORK",
      "ONE_DECEASED_OR_MISSING", "BOTH_DECEASED_OR_MISSING", "IN_CUSTODY", "SEVERELY_DISABLED_OR_ILL",
      "GUARDIANSHIP_REVOKED", "OTHER");
  public static final List<String> CAPABILITIES = List.of("ADEQUATE", "LIMITED", "NONE");
  public static final List<String> CONDITIONS = List.of("VISUAL", "HEARING", "SPEECH", "PHYSICAL", "INTELLECTUAL",
      "MENTAL", "MULTIPLE", "SERIOUS_ILLNESS", "CHRONIC_ILLNESS");
  public static final List<String> SCHOOLING = List.of("NOT_OF_SCHOOL_AGE", "PRESCHOOL", "ENROLLED",
      "SPECIAL_SCHOOL", "HOME_TEACHING", "SUSPENDED", "DROPPED_OUT", "LEFT_SCHOOL");
  public static final List<String> BENEFITS = List.of("MINIMUM_LIVING_GUARANTEE", "EXTREME_POVERTY_SUPPORT",
      "ORPHAN_ALLOWANCE", "UNSUPPORTED_CHILD_ALLOWANCE", "DISABILITY_LIVING_ALLOWANCE",
      "DISABILITY_NURSING_ALLOWANCE", "MEDICAL_ASSISTANCE", "EDUCATION_ASSISTANCE", "REHABILITATION_ASSISTANCE", "BASIC_MEDICAL_INSURANCE",
      "TEMPORARY_ASSISTANCE", "OTHER");
  /** At most this many guardians are kept on a file. */
  public static final int MAX_GUARDIANS = 6;

  private FileCodes() {
  }
}
