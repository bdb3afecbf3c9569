package org.onedoor.portal.api;

/**
 * An expected refusal from a mutation, already in the user's language.
 *
 * @param code stable code
 * @param field the input field at fault, or null
 * @param message the message to show
 */
public record UserError(String code, String field, String message) {
}
