package org.onedoor.backend.casefiles;

/**
 * A person who looks after the child. Sensitive: the name and phone number are identifying tokens for the text guard.
 *
 * @param name the guardian's name
 * @param relationship their relationship to the child (e.g. 祖母)
 * @param phone a contact phone number, or null
 */
public record Guardian(String name, String relationship, String phone) {

  @Override
  public String toString() {
    return "Guardian[***]";
  }
}
