package org.onedoor.backend.casefiles;

import org.onedoor.backend.identity.Caller;
import org.onedoor.schema.RoleNames;

/**
 * Who may keep which files: a supervisor their village's, township staff their township's, civil affairs all.
 * Everyone else none — administrators too, unless they also hold one of those roles.
 */
public final class FileScope {

  private FileScope() {
  }

  /** Whether the caller keeps the files of this township and village. */
  public static boolean covers(Caller caller, String townshipId, String villageId) {
    if (caller.roles().contains(RoleNames.CIVIL_AFFAIRS)) {
      return true;
    }
    if (caller.roles().contains(RoleNames.TOWNSHIP_STAFF) && townshipId != null
        && townshipId.equals(caller.townshipId())) {
      return true;
    }
    return caller.roles().contains(RoleNames.SUPERVISOR) && villageId != null && villageId.equals(caller.villageId());
  }

  /** Whether the caller keeps every file of the city. */
  public static boolean cityWide(Caller caller) {
    return caller.roles().contains(RoleNames.CIVIL_AFFAIRS);
  }

  /** The files the caller keeps, as a query criterion. */
  public static org.springframework.data.mongodb.core.query.Criteria criteria(Caller caller) {
    return CaseFiles.scope(caller);
  }
}
