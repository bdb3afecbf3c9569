package org.onedoor.backend.oversight;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record ScreeningController(ScreeningCampaigns campaigns, Geography geography, GraphQlLimits limits) {

  @QueryMapping
  Connection<ScreeningCampaign> screeningCampaigns(@Argument Integer first, @Argument String after) {
    return campaigns.campaigns(limits.pageSize(first), after);
  }

  @MutationMapping
  ScreeningCampaigns.StartScreeningCampaignPayload startScreeningCampaign(
      @Argument ScreeningCampaigns.StartScreeningCampaignInput input, Locale locale) {
    return campaigns.start(input, locale);
  }

  @MutationMapping
  ScreeningCampaigns.ReportVillageScreeningPayload reportVillageScreening(
      @Argument ScreeningCampaigns.ReportVillageScreeningInput input, Locale locale) {
    return campaigns.report(input, locale);
  }

  @BatchMapping(typeName = "ScreeningCampaign")
  Map<ScreeningCampaign, List<VillageProgress>> villages(List<ScreeningCampaign> list) {
    return campaigns.progressOf(list);
  }

  @BatchMapping(typeName = "ScreeningCampaign")
  Map<ScreeningCampaign, CampaignProgress> progress(List<ScreeningCampaign> list) {
    Map<ScreeningCampaign, CampaignProgress> totals = new java.util.LinkedHashMap<>();
    campaigns.progressOf(list).forEach((campaign, villages) -> totals.put(campaign, CampaignProgress.of(villages)));
    return totals;
  }

  @BatchMapping(typeName = "ScreeningCampaign")
  Map<ScreeningCampaign, List<Township>> townships(List<ScreeningCampaign> list) {
    Map<String, Township> byId = geography.townshipsById(list.stream()
        .flatMap(c -> c.townshipIds().stream()).distinct().toList());
    Map<ScreeningCampaign, List<Township>> result = new java.util.LinkedHashMap<>();
    list.forEach(c -> result.put(c, c.townshipIds().stream().map(byId::get).filter(java.util.Objects::nonNull)
        .toList()));
    return result;
  }

  @BatchMapping(typeName = "VillageProgress")
  Map<VillageProgress, Village> village(List<VillageProgress> list) {
    return geography.villageOf(list, VillageProgress::villageId);
  }

  @BatchMapping(typeName = "VillageProgress", field = "township")
  Map<VillageProgress, Township> township(List<VillageProgress> list) {
    return geography.townshipOf(list, VillageProgress::townshipId);
  }
}
