package org.onedoor.portal.needs;

import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.MatchingApi;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.PublicNeed;
import org.springframework.stereotype.Component;

/** The public need board, and pledging on a need. Calls and error translation go through {@link GraphQlGateway}. */
@Component
public record NeedsClient(GraphQlGateway gateway) {

  /** Public: a page of the need board, filtered; {@code after} is the previous page's end cursor or null. */
  public Page<PublicNeed> needs(String category, String townshipId, String urgency, int first, String after) {
    return needs(category, townshipId, urgency, false, first, after);
  }

  /** Public: a page of the board's open needs, or of the fulfilled ones, filtered. */
  public Page<PublicNeed> needs(String category, String townshipId, String urgency, boolean fulfilled, int first,
      String after) {
    Map<String, Object> filter = new java.util.HashMap<>();
    if (fulfilled) {
      filter.put("fulfilled", true);
    }
    if (category != null) {
      filter.put("category", category);
    }
    if (townshipId != null) {
      filter.put("townshipId", townshipId);
    }
    if (urgency != null) {
      filter.put("urgency", urgency);
    }
    return gateway.page("needs", "needs", PublicNeed.class, filter, first, after);
  }

  /** Public: one published need, or null when it is no longer published. */
  public PublicNeed need(String id) {
    return gateway.call(graphQl -> graphQl.documentName("need").variable("id", id).retrieveSync("need")
        .toEntity(PublicNeed.class));
  }

  /** Signed in: pledges on a board need; the pledge as the pledger sees it, or the refusals (by field). */
  public MatchingApi.Pledged pledge(MatchingApi.Pledge pledge) {
    // The record's components are the input's fields: it goes as it is.
    return gateway.call(graphQl -> graphQl.documentName("pledgeOnNeed").variable("input", pledge)
        .retrieveSync("pledgeOnNeed")
        .toEntity(MatchingApi.Pledged.class));
  }
}
