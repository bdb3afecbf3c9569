package org.onedoor.portal.oversight;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.ApiProblem;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Oversight;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The oversight indicators and the monthly report. Calls and error translation go through {@link GraphQlGateway}. */
@Component
record OversightClient(GraphQlGateway gateway) {

  /** The dashboard for a month (null: the current one) and a township (null: the user's whole scope). */
  Oversight.Dashboard dashboard(String month, String townshipId) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("month", month);
    input.put("townshipId", townshipId);
    return gateway.call(graphQl -> gateway.valid(graphQl.documentName("oversight").variable("input", input)
        .executeSync()).field("oversight").toEntity(Oversight.Dashboard.class));
  }

  /**
   * The monthly report as XLSX, streamed from the backend into {@code out}: {@code staff} for the exact staff copy,
   * else the copy to circulate (small counts suppressed).
   */
  void report(String month, String townshipId, boolean staff, Locale locale, OutputStream out) {
    gateway.callRest(rest -> rest.get().uri(uri -> {
      uri.path("/api/oversight/report").queryParam("audience", staff ? "STAFF" : "CIRCULATION");
      if (month != null) {
        uri.queryParam("month", month);
      }
      if (townshipId != null) {
        uri.queryParam("townshipId", townshipId);
      }
      return uri.build();
    }).header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag()).exchange((request, response) -> {
      switch (response.getStatusCode().value()) {
        case 401 -> throw new ApiException(ApiProblem.SESSION_EXPIRED, null);
        case 403 -> throw new ApiException(ApiProblem.FORBIDDEN, null);
        default -> {
          if (!response.getStatusCode().is2xxSuccessful()) {
            throw new ApiException(ApiProblem.BACKEND_ERROR, null);
          }
        }
      }
      return response.getBody().transferTo(out);
    }));
  }
}
