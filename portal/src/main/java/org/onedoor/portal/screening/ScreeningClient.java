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
public class ScreeningClient {

  private final GraphQlGateway gateway;

  ScreeningClient(GraphQlGateway gateway) {
    this.gateway = gateway;
  }

  /** Staff who keep files: a page of the screening campaigns covering their scope, with progress per village. */
  public Page<Screening.Campaign> screeningCampaigns(int first, String after) {
    return gateway.pageWith("screeningCampaigns", "screeningCampaigns", Screening.Campaign.class, Map.of(), first, after);
  }

  /** Township staff and civil affairs: starts a screening campaign; the refusals (by field), empty on success. */
  public List<UserError> startScreeningCampaign(String name, List<String> townshipIds, String startsOn,
      String endsOn) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("name", name);
    input.put("townshipIds", townshipIds);
    input.put("startsOn", startsOn);
    input.put("endsOn", endsOn);
    return gateway.call(graphQl -> graphQl.documentName("startScreeningCampaign").variable("input", input)
        .retrieveSync("startScreeningCampaign.errors").toEntityList(UserError.class));
  }

  /**
   * A supervisor or township staff: reports a village's round on the version they saw; the refusals (e.g. a stale
   * report), empty on success.
   */
  public List<UserError> reportVillageScreening(String campaignId, String villageId, Integer householdsChecked,
      boolean completed, String note, long expectedVersion) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("campaignId", campaignId);
    input.put("villageId", villageId);
    input.put("householdsChecked", householdsChecked == null ? -1 : householdsChecked);
    input.put("completed", completed);
    input.put("note", note);
    input.put("expectedVersion", expectedVersion);
    return gateway.call(graphQl -> graphQl.documentName("reportVillageScreening").variable("input", input)
        .retrieveSync("reportVillageScreening.errors").toEntityList(UserError.class));
  }
}
