package org.onedoor.backend.needs;

import java.util.List;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record StatisticsController(PublicStatistics publicStatistics, Geography geography) {

  @QueryMapping
  PublicStatistics.Statistics statistics() {
    return publicStatistics.statistics();
  }

  @BatchMapping(typeName = "ChildrenCount")
  Map<PublicStatistics.ChildrenCount, Township> township(List<PublicStatistics.ChildrenCount> cells) {
    return geography.townshipOf(cells, PublicStatistics.ChildrenCount::townshipId);
  }

  @BatchMapping(typeName = "NeedCount", field = "township")
  Map<PublicStatistics.NeedCount, Township> needTownship(List<PublicStatistics.NeedCount> cells) {
    return geography.townshipOf(cells, PublicStatistics.NeedCount::townshipId);
  }
}
