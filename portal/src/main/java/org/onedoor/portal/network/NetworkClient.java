package org.onedoor.portal.network;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Network;
import org.springframework.stereotype.Component;

/**
 * The care network: children's homes, organisations and public statistics. Calls and error translation go through
 * {@link GraphQlGateway}.
 */
@Component
public record NetworkClient(GraphQlGateway gateway) {

  /** Public: children's homes and organisations. */
  public Map.Entry<List<Network.ChildrenHome>, List<Network.Organisation>> network() {
    return gateway.call(graphQl -> {
      var response = gateway.valid(graphQl.documentName("network").executeSync());
      return Map.entry(response.field("childrenHomes").toEntityList(Network.ChildrenHome.class),
          response.field("organisations").toEntityList(Network.Organisation.class));
    });
  }

  /**
   * Public, for the home page: children city-wide by cause (small counts "<5") and the open needs by township (null:
   * city-wide) and category.
   */
  public Map.Entry<List<Network.ChildrenTotal>, List<Network.NeedCount>> homeStatistics() {
    return gateway.call(graphQl -> {
      var response = gateway.valid(graphQl.documentName("homeStatistics").executeSync());
      return Map.entry(response.field("statistics.childrenTotals").toEntityList(Network.ChildrenTotal.class),
          response.field("statistics.needs").toEntityList(Network.NeedCount.class));
    });
  }

  /** Public: children by township and cause, volunteers and families by township and kind; small counts "<5". */
  public Network.Statistics statistics() {
    return gateway.call(graphQl -> graphQl.documentName("statistics").retrieveSync("statistics")
        .toEntity(Network.Statistics.class));
  }
}
