package org.onedoor.backend.casefiles;

import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * A person who looks after the child. Sensitive: the name and phone number are identifying tokens for the text guard.
 *
 * @param name the guardian's name
 * @param relationship their relationship to the child (e.g. 祖母)
 * @param phone a contact phone number, or null
 */
public record Guardian(@ExplicitEncrypted(algorithm = PersonalData.SEALED) String name, String relationship,
    @ExplicitEncrypted(algorithm = PersonalData.SEALED) String phone) {

  @Override
  public String toString() {
    return "Guardian[***]";
  }
}
