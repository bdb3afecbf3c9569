package org.onedoor.backend.casefiles;

/**
 * The supervisor in charge of a file, as staff see it.
 *
 * @param id the account id
 * @param name the display name
 */
record Supervisor(String id, String name) {
}
