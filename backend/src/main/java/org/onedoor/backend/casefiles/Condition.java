package org.onedoor.backend.casefiles;

import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * The child's disability or illness.
 *
 * @param category the broad category
 * @param type the specific type (e.g. 脑瘫), or null; a diagnosis, so encrypted, deterministically because the
 *     publication's census counts the files with the same type
 * @param grade the disability grade 1 (most severe) … 4, for disabilities; null for illnesses
 */
public record Condition(ConditionCategory category,
    @ExplicitEncrypted(algorithm = PersonalData.FINDABLE) String type, Integer grade) {

  @Override
  public String toString() {
    return "Condition[" + category + "]";
  }
}
