package org.onedoor.backend.privacy;

import java.util.Locale;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
record GuardianRequestController(GuardianRequests requests, GraphQlLimits limits,
    org.onedoor.backend.casefiles.CaseFiles files) {

  @QueryMapping
  Connection<GuardianRequest> guardianRequests(@Argument GuardianRequestStatus status, @Argument Integer first,
      @Argument String after) {
    return requests.requests(status, limits.pageSize(first), after);
  }

  /**
   * The input of exportForGuardianRequest.
   *
   * @param requestId the request to see
   */
  record ExportForGuardianRequestInput(String requestId) {
  }

  @MutationMapping
  GuardianRequests.GuardianExportPayload exportForGuardianRequest(@Argument ExportForGuardianRequestInput input,
      Locale locale) {
    return requests.export(input.requestId(), locale);
  }

  @MutationMapping
  GuardianRequests.GuardianRequestPayload recordGuardianRequest(
      @Argument GuardianRequests.RecordGuardianRequestInput input, Locale locale) {
    return requests.record(input, locale);
  }

  @MutationMapping
  GuardianRequests.GuardianRequestPayload completeGuardianRequest(
      @Argument GuardianRequests.CloseGuardianRequestInput input, Locale locale) {
    return requests.complete(input, locale);
  }

  @MutationMapping
  GuardianRequests.GuardianRequestPayload refuseGuardianRequest(
      @Argument GuardianRequests.CloseGuardianRequestInput input, Locale locale) {
    return requests.refuse(input, locale);
  }

  @MutationMapping
  GuardianRequests.GuardianRequestPayload eraseForGuardianRequest(
      @Argument GuardianRequests.CloseGuardianRequestInput input, Locale locale) {
    return requests.erase(input, locale);
  }

  /** The children's names of a page of requests in one read (each a logged read of the file's identity). */
  @org.springframework.graphql.data.method.annotation.BatchMapping(typeName = "GuardianRequest")
  java.util.Map<GuardianRequest, String> childName(java.util.List<GuardianRequest> page) {
    java.util.Map<String, String> names = files.namesInScope(page.stream().map(GuardianRequest::caseFileId)
        .distinct().toList());
    java.util.Map<GuardianRequest, String> byRequest = new java.util.HashMap<>();
    page.forEach(r -> byRequest.put(r, names.get(r.caseFileId())));
    return byRequest;
  }

  @SchemaMapping(typeName = "GuardianRequest")
  boolean overdue(GuardianRequest request) {
    return requests.overdue(request);
  }
}
