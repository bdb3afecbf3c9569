package org.onedoor.portal.api;

import java.util.List;

/**
 * The signed-in user's account as the API returns it.
 *
 * @param id subject
 * @param displayName name shown to others
 * @param roles role names
 * @param department department scope, if any
 * @param township township scope, if any
 * @param village village scope, if any
 * @param preferredLanguage the language the portal applies after sign-in
 */
public record Account(String id, String displayName, List<String> roles, String department, Township township,
    Village village, Language preferredLanguage) {
}
