package org.onedoor.portal.ledger;

import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.ApiProblem;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.StaffApi;
import org.springframework.stereotype.Component;

/**
 * The staff ledger: pages and export (consents and needs go through the file's client). Calls and error translation go
 * through {@link GraphQlGateway}.
 */
@Component
public record LedgerClient(GraphQlGateway gateway) {

  /** Staff: a page of the ledger (the files in the user's scope), narrowed by the filter. */
  public Page<StaffApi.LedgerFile> ledger(StaffApi.LedgerFilter filter, int first, String after) {
    return gateway.page("ledger", "caseFiles", StaffApi.LedgerFile.class, filter.toVariables(), first, after);
  }

  /**
   * Staff: the ledger in the user's scope as a CSV or XLSX file, streamed from the backend into {@code out} (the
   * backend logs every exported file as read).
   */
  public void exportLedger(String format, StaffApi.LedgerFilter filter, java.util.Locale locale,
      java.io.OutputStream out) {
    gateway.callRest(rest -> rest.get().uri(uri -> {
      uri.path("/api/ledger/export").queryParam("format", format);
      filter.toVariables().forEach((name, value) -> uri.queryParam(name, value));
      return uri.build();
    })
        .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag())
        .exchange((request, response) -> {
          if (response.getStatusCode().value() == 401) {
            throw new ApiException(ApiProblem.SESSION_EXPIRED, null);
          }
          if (response.getStatusCode().value() == 403) {
            throw new ApiException(ApiProblem.FORBIDDEN, null);
          }
          if (!response.getStatusCode().is2xxSuccessful()) {
            throw new ApiException(ApiProblem.BACKEND_ERROR, null);
          }
          return response.getBody().transferTo(out);
        }));
  }
}
