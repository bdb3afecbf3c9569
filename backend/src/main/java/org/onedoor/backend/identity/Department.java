package org.onedoor.backend.identity;

/** The departments that handle applications together (协同办理). */
public enum Department {
  CIVIL_AFFAIRS,
  WOMENS_FEDERATION,
  EDUCATION,
  PUBLIC_SECURITY,
  HUMAN_RESOURCES_SOCIAL_SECURITY,
  HEALTH,
  DISABLED_PERSONS_FEDERATION,
  /** The justice bureau (司法局): legal aid for children. */
  JUDICIARY,
  /** The people's court (人民法院): applications to revoke a guardianship. */
  COURT,
  /** The people's procuratorate (人民检察院): supports applications to revoke a guardianship. */
  PROCURATORATE
}
