package org.onedoor.portal.screening;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.Screening;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/** Screening campaigns and villages' reports. Calls and error translation go through {@link GraphQlGateway}. */
@Component
public record ScreeningClient(GraphQlGateway gateway) {

  /** Staff who keep files: a page of the screening campaigns covering their scope, with progress per village. */
  public Page<Screening.Campaign> screeningCampaigns(int first, String after) {
    return gateway.pageWith("screeningCampaigns", "screeningCampaigns", Screening.Campaign.class, Map.of(), first,
        after);
  }

  /** Township staff and civil affairs: starts a screening campaign; the refusals (by field), empty on success. */
  public List<UserError> startScreeningCampaign(String name, List<String> townshipIds, String startsOn,
      String endsOn) {
    return gateway.refusals("startScreeningCampaign", new StartInput(name, townshipIds, startsOn, endsOn));
  }

  /**
   * A supervisor or township staff: reports a village's round on the version they saw; the refusals (e.g. a stale
   * report), empty on success.
   */
  public List<UserError> reportVillageScreening(String campaignId, String villageId, Integer householdsChecked,
      boolean completed, String note, long expectedVersion) {
    return gateway.refusals("reportVillageScreening", new ReportInput(campaignId, villageId,
        householdsChecked == null ? -1 : householdsChecked, completed, note, expectedVersion));
  }

  /** The schema's StartScreeningCampaignInput. */
  record StartInput(String name, List<String> townshipIds, String startsOn, String endsOn) {
  }

  /** The schema's ReportVillageScreeningInput. */
  record ReportInput(String campaignId, String villageId, int householdsChecked, boolean completed, String note,
      long expectedVersion) {
  }
}
