package org.onedoor.portal.security;

/** Names shared by the sign-in configuration and the views. */
public final class SignIn {

  /** The client registration at the issuer. */
  public static final String REGISTRATION_ID = "onedoor";
  /** Where a browser starts signing in (authorization code with PKCE). */
  public static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

  private SignIn() {
  }
}
