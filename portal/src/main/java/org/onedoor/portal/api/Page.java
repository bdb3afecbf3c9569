package org.onedoor.portal.api;

import java.util.List;

/**
 * One page of a Relay connection of the API.
 *
 * @param items the items of the page
 * @param hasNextPage whether more follow
 * @param endCursor the cursor to continue after
 * @param <T> the item type
 */
public record Page<T>(List<T> items, boolean hasNextPage, String endCursor) {
}
