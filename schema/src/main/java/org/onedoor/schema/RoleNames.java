package org.onedoor.schema;

import java.util.List;

/**
 * The one roles vocabulary: the values of the contract's {@code Role} enum (SchemaContractTest checks they are the
 * same), shared by the backend's {@code @PreAuthorize} expressions and the portal's checks. Tokens carry these names
 * in their {@code roles} claim.
 */
public final class RoleNames {

  public static final String VOLUNTEER = "VOLUNTEER";
  public static final String FAMILY = "FAMILY";
  public static final String CHARITY = "CHARITY";
  /** Village child-welfare supervisor (儿童福利督导员), scoped to a village. */
  public static final String SUPERVISOR = "SUPERVISOR";
  /** Township staff, scoped to a township. */
  public static final String TOWNSHIP_STAFF = "TOWNSHIP_STAFF";
  /** Staff of one partner department, scoped to that department. */
  public static final String DEPARTMENT_STAFF = "DEPARTMENT_STAFF";
  /** City-wide civil-affairs approver (民政). */
  public static final String CIVIL_AFFAIRS = "CIVIL_AFFAIRS";
  /**
   * The oversight office and city leadership (督导考核): city-wide, read-only indicators and reports, never a child's
   * file.
   */
  public static final String OVERSIGHT = "OVERSIGHT";
  /** Administers accounts, the gazetteer and registers; no casework. */
  public static final String ADMIN = "ADMIN";

  /** Every role, in the schema's order. */
  public static final List<String> ALL = List.of(VOLUNTEER, FAMILY, CHARITY, SUPERVISOR, TOWNSHIP_STAFF,
      DEPARTMENT_STAFF, CIVIL_AFFAIRS, OVERSIGHT, ADMIN);

  private RoleNames() {
  }
}
