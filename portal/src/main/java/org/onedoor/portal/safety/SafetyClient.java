package org.onedoor.portal.safety;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/** The safety chains: the open ones in scope, one with its steps, and recording the next step. */
@Component
public record SafetyClient(GraphQlGateway gateway) {

  /** Staff with a part: a page of the open chains, the soonest due first, optionally the one of a receipt code. */
  public Page<SafetyApi.Chain> open(String receiptCode, boolean overdueOnly, int first, String after) {
    Map<String, Object> filter = new HashMap<>();
    if (receiptCode != null && !receiptCode.isBlank()) {
      filter.put("receiptCode", receiptCode.strip());
    }
    if (overdueOnly) {
      filter.put("overdueOnly", true);
    }
    return gateway.page("safetyCases", "safetyCases", SafetyApi.Chain.class, filter, first, after);
  }

  /** Staff with a part: one chain with its steps and the places from the registers (a logged read of the file). */
  public SafetyApi.Chain chain(String id) {
    return gateway.call(graphQl -> graphQl.documentName("safetyCase").variable("id", id).retrieveSync("safetyCase")
        .toEntity(SafetyApi.Chain.class));
  }

  /** Records the next step (the input's fields as the schema names them); the refusals, empty on success. */
  public List<UserError> record(Map<String, Object> input) {
    return gateway.refusals("recordSafetyStep", input);
  }
}
