package org.onedoor.backend.casefiles;

import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * The child's schooling. The school's name identifies the child and is a text-guard token.
 *
 * @param school the school's name, or null
 * @param grade the grade or class (e.g. 三年级), or null
 * @param status where the child stands
 */
public record Schooling(@ExplicitEncrypted(algorithm = PersonalData.SEALED) String school, String grade, SchoolingStatus status) {

  @Override
  public String toString() {
    return "Schooling[" + status + "]";
  }
}
