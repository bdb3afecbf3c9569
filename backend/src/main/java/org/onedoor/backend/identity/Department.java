package org.onedoor.backend.identity;

/** The departments that handle applications together (协同办理). */
public enum Department {
  CIVIL_AFFAIRS,
  WOMENS_FEDERATION,
  EDUCATION,
  PUBLIC_SECURITY,
  HUMAN_RESOURCES_SOCIAL_SECURITY,
  HEALTH,
  DISABLED_PERSONS_FEDERATION
}
