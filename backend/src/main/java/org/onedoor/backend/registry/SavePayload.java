package org.onedoor.backend.registry;

import java.util.List;
import org.onedoor.backend.platform.graphql.UserError;

/**
 * The result of saving a register entry (GraphQL SaveChildrenHomePayload, SaveOrganisationPayload,
 * SaveVolunteerPayload, SaveCaringFamilyPayload).
 *
 * @param entry the entry as saved; null when refused
 * @param errors why it was refused, field by field; empty on success
 * @param <T> the register's entry type
 */
record SavePayload<T>(T entry, List<UserError> errors) {
}
