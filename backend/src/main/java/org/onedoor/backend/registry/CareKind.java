package org.onedoor.backend.registry;

/** What a caring family offers (policy section 3: family care). */
public enum CareKind {
  /** Foster care (家庭寄养). */
  FOSTER,
  /** Entrusted care (委托照护) while the guardians cannot. */
  ENTRUSTED_CARE,
  /** One-to-one sponsorship (结对助养). */
  SPONSORSHIP
}
