package org.onedoor.portal.admin;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.AdminApi;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/** Administration: the gazetteer and staff accounts. Calls and error translation go through {@link GraphQlGateway}. */
@Component
public record AdminClient(GraphQlGateway gateway) {

  /** Administrators: the townships with their villages and coordinates, in official order. */
  public List<AdminApi.GazetteerTownship> gazetteer() {
    return gateway.call(graphQl -> graphQl.documentName("gazetteer").retrieveSync("townships")
        .toEntityList(AdminApi.GazetteerTownship.class));
  }

  /** Administrators: adds a township or changes its names and seat; the refusals, empty on success. */
  public List<UserError> saveTownship(AdminApi.Place township) {
    return gateway.refusals("saveTownship", township.toInput());
  }

  /** Administrators: adds a village to a township or changes it; the refusals, empty on success. */
  public List<UserError> saveVillage(String townshipId, AdminApi.Place village) {
    Map<String, Object> input = new java.util.HashMap<>(village.toInput());
    input.put("townshipId", townshipId);
    return gateway.refusals("saveVillage", input);
  }

  /** Administrators: deletes a village nothing refers to; the refusals, empty on success. */
  public List<UserError> deleteVillage(String villageId) {
    return gateway.refusals("deleteVillage", Map.of("villageId", villageId));
  }

  /** Administrators: a page of the staff accounts, by username. */
  public Page<AdminApi.StaffAccount> staffAccounts(int first, String after) {
    return gateway.pageWith("staffAccounts", "staffAccounts", AdminApi.StaffAccount.class, Map.of(), first, after);
  }

  /** Administrators: opens a staff account; the refusals, empty on success. */
  public List<UserError> createStaffAccount(AdminApi.NewStaffAccount account) {
    return gateway.refusals("createStaffAccount", account.toInput());
  }

  /**
   * Administrators: changes a staff account's display name and, when {@code role} is given, its role and scope,
   * against the version read; the refusals, empty on success.
   */
  public List<UserError> updateStaffAccount(String username, int version, String displayName, String role,
      String department, String townshipId, String villageId) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("username", username);
    input.put("expectedVersion", version);
    input.put("displayName", displayName);
    if (role != null) {
      input.put("roles", List.of(role));
      input.put("department", department);
      input.put("townshipId", townshipId);
      input.put("villageId", villageId);
    }
    return gateway.refusals("updateStaffAccount", input);
  }

  /** Administrators: disables or re-enables a staff account; the refusals, empty on success. */
  public List<UserError> setStaffAccountEnabled(String username, boolean enabled) {
    return gateway.refusals("setStaffAccountEnabled", Map.of("username", username, "enabled", enabled));
  }

  /** Administrators: lifts an account's sign-in lock; the refusals, empty on success. */
  public List<UserError> unlockStaffSignIn(String username) {
    return gateway.refusals("unlockStaffSignIn", Map.of("username", username));
  }

  /** Administrators: sets a new initial password the user must change; the refusals, empty on success. */
  public List<UserError> resetStaffPassword(String username, String newPassword) {
    return gateway.refusals("resetStaffPassword", Map.of("username", username, "newPassword", newPassword));
  }
}
