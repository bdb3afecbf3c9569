package org.onedoor.backend.registry;

/** What a volunteer can offer. */
public enum VolunteerSkill {
  COUNSELLING,
  TUTORING,
  LEGAL_AID,
  MEDICAL,
  COMPANIONSHIP,
  OTHER
}
