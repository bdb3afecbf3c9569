package org.onedoor.backend.identity;

/** Names of the claims OneDoor puts in (and reads from) its tokens. */
final class TokenClaims {

  static final String NAME = "name";
  static final String ROLES = "roles";
  static final String DEPARTMENT = "department";
  static final String TOWNSHIP = "township";
  static final String VILLAGE = "village";

  private TokenClaims() {
  }
}
