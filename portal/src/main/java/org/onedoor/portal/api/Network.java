package org.onedoor.portal.api;

import java.util.List;

/** Records for the public registers and statistics. */
public final class Network {

  private Network() {
  }

  /**
   * A children's home or institution.
   *
   * @param id id
   * @param name name
   * @param type kind
   * @param township township
   * @param address address
   * @param capacity places
   * @param services services
   * @param openingHours opening hours
   * @param publicContact office telephone
   */
  public record ChildrenHome(String id, String name, String type, Township township, String address, int capacity,
      List<String> services, String openingHours, String publicContact) {
  }

  /**
   * An organisation's public profile.
   *
   * @param id id
   * @param name name
   * @param type kind
   * @param verified verified by civil affairs
   * @param area townships
   * @param fieldsOfService need categories
   */
  public record Organisation(String id, String name, String type, boolean verified, List<Township> area,
      List<String> fieldsOfService) {
  }

  /**
   * One cell of the children statistics.
   *
   * @param township township
   * @param cause cause
   * @param count count, "<5", or "—" when withheld to protect a small count
   */
  public record ChildrenCount(Township township, String cause, String count) {
  }

  /**
   * The children of a cause city-wide.
   *
   * @param cause cause
   * @param count count, or "—" when withheld to protect a small count
   */
  public record ChildrenTotal(String cause, String count) {
  }

  /**
   * Volunteers or caring families of a kind in a township, as the public sees them.
   *
   * @param township township
   * @param kind VOLUNTEER, FOSTER, ENTRUSTED_CARE or SPONSORSHIP
   * @param count count, or "<5"
   */
  public record CareCount(Township township, String kind, String count) {
  }

  /**
   * Open needs of a township (null: shown city-wide) and category: exact, the needs are public anyway.
   *
   * @param township the township, or null
   * @param category the category
   * @param count the count
   */
  public record NeedCount(Township township, String category, String count) {
  }

  /**
   * The public statistics the network page shows.
   *
   * @param children children by township and cause
   * @param childrenTotals children city-wide by cause
   * @param careNetwork volunteers and families by township and kind
   */
  public record Statistics(List<ChildrenCount> children, List<ChildrenTotal> childrenTotals,
      List<CareCount> careNetwork) {
  }

  /** The kinds of the care network, in column order, each with a translation key. */
  public static final List<String> CARE_KINDS = List.of("VOLUNTEER", "FOSTER", "ENTRUSTED_CARE", "SPONSORSHIP");

  /** The organisation and home types the API names, each with a translation key. */
  public static final List<String> HOME_TYPES = List.of("CHILDRENS_HOME", "CHILDREN_WORK_STATION",
      "CHILD_WELFARE_INSTITUTION", "RESCUE_PROTECTION_INSTITUTION", "EXTREME_POVERTY_CARE_INSTITUTION",
      "DISABILITY_SERVICE_INSTITUTION");
  public static final List<String> ORGANISATION_TYPES = List.of("CHARITY", "SOCIAL_WORK_AGENCY",
      "VOLUNTEER_ORGANISATION", "ENTERPRISE", "MASS_ORGANISATION");
  public static final List<String> CAUSES = List.of("POVERTY", "DISABILITY_ILLNESS", "GUARDIANSHIP");
}
