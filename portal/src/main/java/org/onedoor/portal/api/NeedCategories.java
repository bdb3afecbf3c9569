package org.onedoor.portal.api;

import java.util.List;

/** The names the API uses for need categories, urgencies, age bands and sexes; each has a translation key. */
public final class NeedCategories {

  public static final List<String> CATEGORIES = List.of("BASIC_LIVING", "MEDICAL", "REHABILITATION", "EDUCATION",
      "GUARDIANSHIP_CARE", "PSYCHOLOGICAL", "LEGAL_AID");
  public static final List<String> URGENCIES = List.of("CRITICAL", "HIGH", "NORMAL");
  public static final List<String> AGE_BANDS = List.of("AGE_0_2", "AGE_3_5", "AGE_6_11", "AGE_12_14", "AGE_15_17",
      "AGE_0_5", "AGE_12_17");
  public static final List<String> SEXES = List.of("FEMALE", "MALE");

  private NeedCategories() {
  }
}
