package org.onedoor.backend.registry;

/** Kinds of organisations that help children in difficulty. */
public enum OrganisationType {
  CHARITY,
  SOCIAL_WORK_AGENCY,
  VOLUNTEER_ORGANISATION,
  ENTERPRISE,
  MASS_ORGANISATION
}
