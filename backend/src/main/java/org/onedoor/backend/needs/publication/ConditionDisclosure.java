package org.onedoor.backend.needs.publication;

/**
 * How much of a child's disability or illness a need may name: the specific type only when at least k children of
 * the register share it, else only its broad category (a rare condition identifies its child).
 */
public final class ConditionDisclosure {

  private final int k;

  public ConditionDisclosure(AnonymitySettings settings) {
    this.k = settings.k();
  }

  /**
   * The condition to show.
   *
   * @param type the specific type, e.g. "脑瘫" (cerebral palsy)
   * @param broadCategory its broad category, e.g. "肢体残疾" (physical disability)
   * @param childrenWithType how many children of the register have the specific type
   */
  public String disclosed(String type, String broadCategory, long childrenWithType) {
    return childrenWithType >= k ? type : broadCategory;
  }
}
