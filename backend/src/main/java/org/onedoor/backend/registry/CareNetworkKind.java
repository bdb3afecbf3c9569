package org.onedoor.backend.registry;

/** The kinds of the care network the public sees counted: volunteers, and caring families by what they offer. */
enum CareNetworkKind {
  VOLUNTEER,
  FOSTER,
  ENTRUSTED_CARE,
  SPONSORSHIP
}
