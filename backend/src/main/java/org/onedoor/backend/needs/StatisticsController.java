package org.onedoor.backend.needs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class StatisticsController {

  private final PublicStatistics statistics;
  private final Geography geography;

  StatisticsController(PublicStatistics statistics, Geography geography) {
    this.statistics = statistics;
    this.geography = geography;
  }

  @QueryMapping
  PublicStatistics.Statistics statistics() {
    return statistics.statistics();
  }

  @BatchMapping(typeName = "ChildrenCount")
  Map<PublicStatistics.ChildrenCount, Township> township(List<PublicStatistics.ChildrenCount> cells) {
    var byId = geography.townshipsById(cells.stream().map(PublicStatistics.ChildrenCount::townshipId).distinct()
        .toList());
    Map<PublicStatistics.ChildrenCount, Township> result = new HashMap<>();
    cells.forEach(c -> result.put(c, byId.get(c.townshipId())));
    return result;
  }

  @BatchMapping(typeName = "NeedCount", field = "township")
  Map<PublicStatistics.NeedCount, Township> needTownship(List<PublicStatistics.NeedCount> cells) {
    var byId = geography.townshipsById(cells.stream().map(PublicStatistics.NeedCount::townshipId)
        .filter(Objects::nonNull).distinct().toList());
    Map<PublicStatistics.NeedCount, Township> result = new HashMap<>();
    cells.stream().filter(c -> c.townshipId() != null).forEach(c -> result.put(c, byId.get(c.townshipId())));
    return result;
  }
}
