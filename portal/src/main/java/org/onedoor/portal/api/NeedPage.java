package org.onedoor.portal.api;

import java.util.List;

/**
 * A page of the public need board.
 *
 * @param needs the needs of the page
 * @param hasNextPage whether more follow
 * @param endCursor the cursor to continue after
 */
public record NeedPage(List<PublicNeed> needs, boolean hasNextPage, String endCursor) {
}
