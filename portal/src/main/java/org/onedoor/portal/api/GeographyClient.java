package org.onedoor.portal.api;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The gazetteer as everyone sees it: townships and their villages. Calls and error translation go through {@link
 * GraphQlGateway}.
 */
@Component
public record GeographyClient(GraphQlGateway gateway) {

  /** Public: the townships with their villages. */
  public List<Township> townships() {
    return gateway.call(graphQl -> graphQl.documentName("townships").retrieveSync("townships")
        .toEntityList(Township.class));
  }
}
