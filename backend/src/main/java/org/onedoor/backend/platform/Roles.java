package org.onedoor.backend.platform;

import org.onedoor.schema.RoleNames;

/**
 * The authorization expressions services use in {@code @PreAuthorize}, over the role names of
 * {@link RoleNames} (the schema module's one vocabulary, which the portal checks with too). Tokens carry the names in
 * their {@code roles} claim; Spring Security sees them as {@code ROLE_<name>} authorities. It lives in the shared
 * platform module because every feature authorizes with it, geography (which identity builds on) included.
 *
 * <p>Least privilege: an administrator administers (accounts, the gazetteer, the registers of organisations, the
 * file access log) and does no casework. No expression that opens a child's file, a ledger, a department's or a
 * township's workbench, or a match names {@link RoleNames#ADMIN}: an administrator who also does casework holds that
 * role (e.g. CIVIL_AFFAIRS) as well.
 */
public final class Roles {

  /** Administrators: accounts, the gazetteer, settings. */
  public static final String ADMINISTRATORS = "hasRole('ADMIN')";
  /** Anyone, the anonymous public included. */
  public static final String PUBLIC = "permitAll()";
  /** Any signed-in account. */
  public static final String SIGNED_IN = "isAuthenticated()";
  /** Who may read the file access log. */
  public static final String AUDITORS = "hasAnyRole('CIVIL_AFFAIRS','ADMIN')";
  /** Staff who may read and keep children's files, each within their scope (see casefiles.FileScope). */
  public static final String FILE_KEEPERS = "hasAnyRole('SUPERVISOR','TOWNSHIP_STAFF','CIVIL_AFFAIRS')";
  /** Staff who handle the departments' tasks of the one door (each in their own department's queue). */
  public static final String TASK_HANDLERS = "hasAnyRole('DEPARTMENT_STAFF','CIVIL_AFFAIRS')";
  /** Staff who keep the registers of homes, volunteers and caring families (township staff: their township's). */
  public static final String REGISTER_KEEPERS = "hasAnyRole('TOWNSHIP_STAFF','CIVIL_AFFAIRS','ADMIN')";
  /** Staff who keep a township's intake desk (乡镇受理): the township's applications and reports. */
  public static final String INTAKE_DESKS = "hasAnyRole('TOWNSHIP_STAFF','CIVIL_AFFAIRS')";
  /** Staff who may read intakes' handling tasks: the township desks and the departments. */
  public static final String INTAKE_READERS = "hasAnyRole('TOWNSHIP_STAFF','DEPARTMENT_STAFF','CIVIL_AFFAIRS')";
  /** Staff who see escalations of overdue tasks: civil affairs, and township staff their township's. */
  public static final String ESCALATION_READERS = "hasAnyRole('CIVIL_AFFAIRS','TOWNSHIP_STAFF')";
  /** The child's caseworkers in matching: township staff (their township's children) and civil affairs. */
  public static final String CASEWORKERS = "hasAnyRole('TOWNSHIP_STAFF','CIVIL_AFFAIRS')";
  /** Staff who match offers to needs and approve matches (civil affairs). */
  public static final String MATCHERS = "hasRole('CIVIL_AFFAIRS')";
  /** Who carries out or refuses a guardian's request to erase their child's data: civil affairs. */
  public static final String DATA_PROTECTION = "hasRole('CIVIL_AFFAIRS')";
  /**
   * Who may read the oversight indicators (督导考核): the oversight office and city leadership, civil affairs (both
   * city-wide), township staff (their township). Counts only: no expression that opens a child's file names OVERSIGHT.
   */
  public static final String OVERSEERS = "hasAnyRole('OVERSIGHT','CIVIL_AFFAIRS','TOWNSHIP_STAFF')";
  /**
   * Staff who may read a safety chain within their part in it: civil affairs, the departments with a part, the
   * township's staff and the village's supervisor (see safety.SafetyCases).
   */
  public static final String SAFETY_READERS =
      "hasAnyRole('SUPERVISOR','TOWNSHIP_STAFF','DEPARTMENT_STAFF','CIVIL_AFFAIRS')";
  /** Staff who record a safety chain's steps: civil affairs, the departments with a part, the township's staff. */
  public static final String SAFETY_RESPONDERS = "hasAnyRole('TOWNSHIP_STAFF','DEPARTMENT_STAFF','CIVIL_AFFAIRS')";
  /** Staff who keep the city-wide register of organisations. */
  public static final String CITY_REGISTRARS = "hasAnyRole('CIVIL_AFFAIRS','ADMIN')";

  private Roles() {
  }
}
