package org.onedoor.portal.api;

import java.util.List;

/**
 * A published, anonymised need as the API returns it.
 *
 * @param id public id
 * @param category category name (see {@link NeedCategories})
 * @param title title
 * @param description description
 * @param urgency CRITICAL, HIGH or NORMAL
 * @param deadlineMonth yyyy-MM or null
 * @param ageBand age band name
 * @param sex FEMALE, MALE or null when generalised away
 * @param township the township shown, or null for the whole city
 * @param amountYuan money asked for
 * @param goods goods asked for
 * @param serviceHours service hours asked for
 * @param publishedMonth yyyy-MM
 * @param condition the disability or illness shown, or null
 * @param childrenHome the work station help goes through, or null (city-wide)
 * @param fulfilled whether the help it asked for was given
 */
public record PublicNeed(String id, String category, String title, String description, String urgency,
    String deadlineMonth, String ageBand, String sex, Township township, Integer amountYuan, List<String> goods,
    Integer serviceHours, String publishedMonth, Condition condition, Home childrenHome, boolean fulfilled) {

  /**
   * A condition as published.
   *
   * @param category broad category
   * @param type specific type, or null when rare
   */
  public record Condition(String category, String type) {
  }

  /**
   * The children's work station help goes through.
   *
   * @param name name
   * @param publicContact office telephone
   */
  public record Home(String name, String publicContact) {
  }

  public PublicNeed {
    goods = goods == null ? List.of() : List.copyOf(goods);
  }
}
