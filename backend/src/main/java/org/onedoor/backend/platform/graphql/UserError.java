package org.onedoor.backend.platform.graphql;

/**
 * An expected failure of a mutation, returned in its payload.
 *
 * @param code stable machine-readable code
 * @param field the input field at fault, or null for the whole input
 * @param message the message in the caller's language
 */
public record UserError(String code, String field, String message) {
}
