package org.onedoor.backend.identity;

/**
 * The preferences to change; a null field stays as it is.
 *
 * @param preferredLanguage the portal language after sign-in
 */
record UpdateMyPreferencesInput(Language preferredLanguage) {
}
