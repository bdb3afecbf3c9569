package org.onedoor.backend.identity;

/** Names of the claims OneDoor puts in (and reads from) its tokens. */
final class TokenClaims {

  static final String NAME = "name";
  static final String ROLES = "roles";
  static final String DEPARTMENT = "department";
  static final String TOWNSHIP = "township";
  static final String VILLAGE = "village";
  /** The audience every access token of the embedded issuer names: the API. An ID token names the client only. */
  static final String API_AUDIENCE = "onedoor-api";
  /** The sign-in (the issuer's authorization) an access token belongs to: it dies with it. */
  static final String SESSION = "onedoor_session";
  /** The JWS type of an access token (RFC 9068); an ID token is a plain JWT. */
  static final String ACCESS_TOKEN_TYPE = "at+jwt";

  private TokenClaims() {
  }
}
