package org.onedoor.portal.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records for administration (账号管理). */
public final class AdminApi {

  private AdminApi() {
  }

  /**
   * A staff account as administrators see it.
   *
   * @param username login name
   * @param displayName name shown to others
   * @param roles staff roles
   * @param department department or null
   * @param township township or null
   * @param village village or null
   * @param enabled whether it may sign in
   * @param mustChangePassword whether the password must be changed at the next sign-in
   * @param lockedUntil until when sign-in is locked after wrong passwords (ISO-8601), or null
   * @param version the version an update names
   */
  public record StaffAccount(String username, String displayName, List<String> roles, String department,
      Village township, Village village, boolean enabled, boolean mustChangePassword, String lockedUntil,
      int version) {
  }

  /**
   * A new staff account.
   *
   * @param username login name
   * @param displayName name shown to others
   * @param role its staff role
   * @param department department (DEPARTMENT_STAFF) or null
   * @param townshipId township (TOWNSHIP_STAFF, SUPERVISOR) or null
   * @param villageId village (SUPERVISOR) or null
   * @param initialPassword to be changed at the first sign-in
   */
  public record NewStaffAccount(String username, String displayName, String role, String department,
      String townshipId, String villageId, String initialPassword) {

    public Map<String, Object> toInput() {
      Map<String, Object> input = new HashMap<>();
      input.put("username", username);
      input.put("displayName", displayName);
      input.put("roles", List.of(role == null ? "" : role));
      input.put("department", department);
      input.put("townshipId", townshipId);
      input.put("villageId", villageId);
      input.put("initialPassword", initialPassword);
      return input;
    }
  }

  /**
   * A township or village of the gazetteer.
   *
   * @param id stable id
   * @param name Chinese name
   * @param nameEn English (pinyin) name
   * @param coordinates on the map
   */
  public record Place(String id, String name, String nameEn, Coordinates coordinates) {

    public Map<String, Object> toInput() {
      Map<String, Object> input = new HashMap<>();
      input.put("id", id);
      input.put("name", name);
      input.put("nameEn", nameEn);
      input.put("latitude", coordinates == null ? null : coordinates.latitude());
      input.put("longitude", coordinates == null ? null : coordinates.longitude());
      return input;
    }
  }

  /**
   * A township with its villages, as administrators keep them.
   *
   * @param id stable id
   * @param name Chinese name
   * @param nameEn English (pinyin) name
   * @param coordinates the seat
   * @param villages its villages in official order
   */
  public record GazetteerTownship(String id, String name, String nameEn, Coordinates coordinates,
      List<Place> villages) {

    public Place asPlace() {
      return new Place(id, name, nameEn, coordinates);
    }
  }
}
