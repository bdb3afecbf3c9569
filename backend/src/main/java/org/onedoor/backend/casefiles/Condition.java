package org.onedoor.backend.casefiles;

/**
 * The child's disability or illness.
 *
 * @param category the broad category
 * @param type the specific type (e.g. 脑瘫), or null
 * @param grade the disability grade 1 (most severe) … 4, for disabilities; null for illnesses
 */
public record Condition(ConditionCategory category, String type, Integer grade) {

  @Override
  public String toString() {
    return "Condition[" + category + "]";
  }
}
