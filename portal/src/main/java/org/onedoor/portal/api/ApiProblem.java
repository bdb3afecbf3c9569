package org.onedoor.portal.api;

/** What went wrong talking to the backend, in terms a user can act on; each has a localised message. */
public enum ApiProblem {
  /** The backend cannot be reached. */
  BACKEND_UNAVAILABLE,
  /** The user must sign in first. */
  NOT_SIGNED_IN,
  /** The sign-in expired or was revoked; sign in again. */
  SESSION_EXPIRED,
  /** The user's roles do not allow this. */
  FORBIDDEN,
  /** The request was refused as invalid. */
  BAD_REQUEST,
  /** Anything else: the backend failed; details are in its logs, never shown here. */
  BACKEND_ERROR;

  /** The translation key of this problem's message. */
  public String messageKey() {
    return "api.error." + name();
  }
}
