package org.onedoor.portal.api;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.onedoor.portal.PortalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.FieldAccessException;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The portal's only way to data: the backend's GraphQL API, anonymously for public data and with the signed-in
 * user's access token otherwise (see {@link BackendClientConfiguration}). Failures become {@link ApiException}s
 * that views turn into friendly localised messages.
 */
@Component
public class BackendApi {

  private static final Logger log = LoggerFactory.getLogger(BackendApi.class);

  private final HttpSyncGraphQlClient graphQl;
  private final RestClient rest;

  BackendApi(RestClient.Builder restClients, PortalSettings settings, BackendClientConfiguration.Interceptors interceptors) {
    this.graphQl = HttpSyncGraphQlClient.create(restClients.clone()
        .baseUrl(settings.graphQlEndpoint())
        .requestInterceptors(list -> list.addAll(interceptors.list()))
        .build());
    this.rest = restClients.clone()
        .baseUrl(settings.backendBase())
        .requestInterceptors(list -> list.addAll(interceptors.list()))
        .build();
  }

  /** Public: the townships with their villages. */
  public List<Township> townships() {
    return call(() -> graphQl.documentName("townships").retrieveSync("townships").toEntityList(Township.class));
  }

  /** Public: a page of the need board, filtered; {@code after} is the previous page's end cursor or null. */
  public Page<PublicNeed> needs(String category, String townshipId, String urgency, int first, String after) {
    return needs(category, townshipId, urgency, false, first, after);
  }

  /** Public: a page of the board's open needs, or of the fulfilled ones, filtered. */
  public Page<PublicNeed> needs(String category, String townshipId, String urgency, boolean fulfilled, int first,
      String after) {
    Map<String, Object> filter = new java.util.HashMap<>();
    if (fulfilled) {
      filter.put("fulfilled", true);
    }
    if (category != null) {
      filter.put("category", category);
    }
    if (townshipId != null) {
      filter.put("townshipId", townshipId);
    }
    if (urgency != null) {
      filter.put("urgency", urgency);
    }
    return page("needs", "needs", PublicNeed.class, filter, first, after);
  }

  /** Public: one published need, or null when it is no longer published. */
  public PublicNeed need(String id) {
    return call(() -> graphQl.documentName("need").variable("id", id).retrieveSync("need")
        .toEntity(PublicNeed.class));
  }

  /** Staff: a page of the ledger (the files in the user's scope), narrowed by the filter. */
  public Page<StaffApi.LedgerFile> ledger(StaffApi.LedgerFilter filter, int first, String after) {
    return page("ledger", "caseFiles", StaffApi.LedgerFile.class, filter.toVariables(), first, after);
  }

  /** Staff: one child's file with its visits and history (the read is audited by the backend). */
  public StaffApi.CaseFileDetail caseFile(String id) {
    return call(() -> graphQl.documentName("caseFile").variable("id", id).retrieveSync("caseFile")
        .toEntity(StaffApi.CaseFileDetail.class));
  }

  /** Staff: opens a child's file in their scope; its id, or the refusals (localised, by field). */
  public StaffApi.OpenedFile createCaseFile(StaffApi.NewFile file) {
    return call(() -> {
      var response = graphQl.documentName("createCaseFile").variable("input", file.toInput()).executeSync();
      if (!response.isValid() || !response.getErrors().isEmpty()) {
        throw new ApiException(classify(response.getErrors()), null);
      }
      return new StaffApi.OpenedFile(response.field("createCaseFile.caseFile.id").getValue(),
          response.field("createCaseFile.errors").toEntityList(UserError.class));
    });
  }

  /** Township staff and civil affairs: links an application or report to a child's file; the refusals. */
  public List<UserError> attachIntakeFile(String intakeId, String caseFileId) {
    return call(() -> graphQl.documentName("attachIntakeFile").variable("intakeId", intakeId)
        .variable("caseFileId", caseFileId).retrieveSync("attachIntakeFile.errors").toEntityList(UserError.class));
  }

  /**
   * Township staff and civil affairs: confirms a draft file opened from the one door, on the version read; the
   * refusals (e.g. the file changed meanwhile), empty on success.
   */
  public List<UserError> confirmDraftFile(String fileId, int version) {
    return call(() -> graphQl.documentName("confirmDraftFile").variable("id", fileId).variable("version", version)
        .retrieveSync("updateCaseFile.errors").toEntityList(UserError.class));
  }

  /** Staff: records a home visit; returns the refusals (localised, by field), empty on success. */
  public List<UserError> recordHomeVisit(String fileId, String visitedOn, String findings, String followUp) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("caseFileId", fileId);
    input.put("visitedOn", visitedOn);
    input.put("findings", findings);
    input.put("followUp", followUp);
    return call(() -> graphQl.documentName("recordHomeVisit").variable("input", input)
        .retrieveSync("recordHomeVisit.errors").toEntityList(UserError.class));
  }

  /**
   * Staff: a page of the files whose visit is due within the coming days (0: due today or overdue), soonest first,
   * optionally only those of one supervisor.
   */
  public Page<StaffApi.OverdueFile> visitsDue(int withinDays, String supervisorId, int first, String after) {
    Map<String, Object> filter = new java.util.HashMap<>();
    filter.put("withinDays", withinDays);
    if (supervisorId != null) {
      filter.put("supervisorId", supervisorId);
    }
    return page("visitsDue", "visitsDue", StaffApi.OverdueFile.class, filter, first, after);
  }

  /** An edge of a Relay connection. */
  private record Edge<T>(T node) {
  }

  /** One page of a Relay connection ({@code field}) answered by a document taking filter, first and after. */
  private <T> Page<T> page(String document, String field, Class<T> type, Map<String, Object> filter, int first,
      String after) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("filter", filter);
    return pageWith(document, field, type, variables, first, after);
  }

  /** One page of a Relay connection ({@code field}) answered by a document taking these variables, first, after. */
  private <T> Page<T> pageWith(String document, String field, Class<T> type, Map<String, Object> variables,
      int first, String after) {
    return call(() -> {
      var request = graphQl.documentName(document).variable("first", first).variable("after", after);
      variables.forEach(request::variable);
      var response = request.executeSync();
      if (!response.isValid() || !response.getErrors().isEmpty()) {
        throw new ApiException(classify(response.getErrors()), null);
      }
      ParameterizedTypeReference<Edge<T>> edge = ParameterizedTypeReference.forType(
          ResolvableType.forClassWithGenerics(Edge.class, type).getType());
      List<T> items = response.field(field + ".edges").toEntityList(edge).stream().map(Edge::node).toList();
      Boolean more = response.field(field + ".pageInfo.hasNextPage").getValue();
      String end = response.field(field + ".pageInfo.endCursor").getValue();
      return new Page<>(items, Boolean.TRUE.equals(more), end);
    });
  }

  /**
   * Staff: the ledger in the user's scope as a CSV or XLSX file, streamed from the backend into {@code out} (the
   * backend logs every exported file as read).
   */
  public void exportLedger(String format, StaffApi.LedgerFilter filter, java.util.Locale locale,
      java.io.OutputStream out) {
    call(() -> rest.get().uri(uri -> {
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

  /** Anyone: submits a mandatory report; the receipt, or the refusals (localised, by field). */
  public IntakeApi.Submitted submitReport(IntakeApi.Report report) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("idempotencyKey", report.idempotencyKey());
    input.put("reporterKind", report.reporterKind());
    input.put("reporterName", report.reporterName());
    input.put("reporterPhone", report.reporterPhone());
    input.put("townshipId", report.townshipId());
    input.put("villageId", report.villageId());
    input.put("place", report.place());
    input.put("childName", report.childName());
    input.put("description", report.description());
    input.put("immediateDanger", report.immediateDanger());
    return call(() -> graphQl.documentName("submitMandatoryReport").variable("input", input)
        .retrieveSync("submitMandatoryReport").toEntity(IntakeApi.Submitted.class));
  }

  /** Anyone: applies for assistance for a child; the receipt, or the refusals (localised, by field). */
  public IntakeApi.Submitted submitApplication(IntakeApi.Application application) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("idempotencyKey", application.idempotencyKey());
    input.put("applicantKind", application.applicantKind());
    input.put("applicantName", application.applicantName());
    input.put("applicantPhone", application.applicantPhone());
    input.put("childName", application.childName());
    input.put("childSex", application.childSex());
    input.put("childBirthDate", application.childBirthDate());
    input.put("townshipId", application.townshipId());
    input.put("villageId", application.villageId());
    input.put("causes", application.causes());
    input.put("categories", application.categories());
    input.put("description", application.description());
    return call(() -> graphQl.documentName("submitAssistanceApplication").variable("input", input)
        .retrieveSync("submitAssistanceApplication").toEntity(IntakeApi.Submitted.class));
  }

  /** Anyone: offers help through the one door; the receipt, or the refusals (localised, by field). */
  public IntakeApi.Submitted submitOffer(MatchingApi.OfferForm offer) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("idempotencyKey", offer.idempotencyKey());
    input.put("kind", offer.kind());
    input.put("categories", offer.categories());
    input.put("townshipId", offer.townshipId());
    input.put("offererName", offer.offererName());
    input.put("phone", offer.phone());
    input.put("amountYuan", offer.amountYuan());
    input.put("goods", offer.goods());
    input.put("skill", offer.skill());
    input.put("hoursPerWeek", offer.hoursPerWeek());
    input.put("availability", offer.availability());
    input.put("careKind", offer.careKind());
    input.put("childAgeMin", offer.childAgeMin());
    input.put("childAgeMax", offer.childAgeMax());
    input.put("childSex", offer.childSex());
    input.put("capacity", offer.capacity());
    input.put("validUntil", offer.validUntil());
    input.put("description", offer.description());
    return call(() -> graphQl.documentName("submitOffer").variable("input", input)
        .retrieveSync("submitOffer").toEntity(IntakeApi.Submitted.class));
  }

  /** Anyone: signs up; the receipt, or the refusals (localised, by field). */
  public IntakeApi.Submitted submitSignUp(IntakeApi.SignUp signUp) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("idempotencyKey", signUp.idempotencyKey());
    input.put("kind", signUp.kind());
    input.put("username", signUp.username());
    input.put("password", signUp.password());
    input.put("displayName", signUp.displayName());
    input.put("phone", signUp.phone());
    input.put("townshipId", signUp.townshipId());
    input.put("skills", signUp.skills());
    input.put("availability", signUp.availability());
    input.put("offers", signUp.offers());
    input.put("householdMembers", signUp.householdMembers());
    input.put("capacity", signUp.capacity());
    input.put("organisationName", signUp.organisationName());
    input.put("organisationType", signUp.organisationType());
    input.put("registrationNumber", signUp.registrationNumber());
    input.put("nationalId", signUp.nationalId());
    if (signUp.family() != null) {
      input.put("home", signUp.family().home());
      input.put("monthlyIncomeYuan", signUp.family().monthlyIncomeYuan());
      input.put("experience", signUp.family().experience());
      input.put("childAgeMin", signUp.family().childAgeMin());
      input.put("childAgeMax", signUp.family().childAgeMax());
      input.put("childSex", signUp.family().childSex());
    }
    return call(() -> graphQl.documentName("submitSignUp").variable("input", input)
        .retrieveSync("submitSignUp").toEntity(IntakeApi.Submitted.class));
  }

  /**
   * Civil affairs: records the vetting and decides — approve (when the vetting suffices) or reject with a reason;
   * the refusals, empty on success.
   */
  public List<UserError> vetAndDecide(IntakeApi.Vetting vetting, boolean approve, String reason) {
    return call(() -> {
      Map<String, Object> input = new java.util.HashMap<>();
      input.put("intakeId", vetting.intakeId());
      input.put("criminalRecordChecked", vetting.criminalRecordChecked());
      input.put("safeguardingTrained", vetting.safeguardingTrained());
      input.put("homeVisitDone", vetting.homeVisitDone());
      input.put("checklistPassed", vetting.checklistPassed());
      input.put("registrationVerified", vetting.registrationVerified());
      input.put("note", vetting.note());
      List<UserError> errors = graphQl.documentName("recordVetting").variable("input", input)
          .retrieveSync("recordVetting.errors").toEntityList(UserError.class);
      if (!errors.isEmpty()) {
        return errors;
      }
      Map<String, Object> decision = new java.util.HashMap<>();
      decision.put("intakeId", vetting.intakeId());
      decision.put("approve", approve);
      decision.put("reason", reason);
      return graphQl.documentName("decideSignUp").variable("input", decision)
          .retrieveSync("decideSignUp.errors").toEntityList(UserError.class);
    });
  }

  /** Anyone holding a receipt code: where it stands; null for an unknown code. */
  public IntakeApi.Receipt intakeStatus(String code) {
    return call(() -> {
      var response = graphQl.documentName("intakeStatus").variable("code", code).executeSync();
      if (!response.isValid() || !response.getErrors().isEmpty()) {
        throw new ApiException(classify(response.getErrors()), null);
      }
      return response.field("intakeStatus").getValue() == null ? null
          : response.field("intakeStatus").toEntity(IntakeApi.Receipt.class);
    });
  }

  /**
   * Department staff: a page of their department's queue (not done), emergencies first, then by due time; only the
   * tasks the user claimed when {@code mine}, only the task of one intake when a receipt code is given.
   */
  public Page<IntakeApi.Task> handlingTasks(boolean mine, String receiptCode, int first, String after) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("claimedByMe", mine);
    variables.put("receiptCode", receiptCode == null || receiptCode.isBlank() ? null : receiptCode);
    return pageWith("handlingTasks", "handlingTasks", IntakeApi.Task.class, variables, first, after);
  }

  /** Township staff and civil affairs: a page of the township's intake desk (not closed), newest first. */
  public Page<IntakeApi.DeskIntake> townshipIntakes(int first, String after) {
    return pageWith("townshipIntakes", "townshipIntakes", IntakeApi.DeskIntake.class, Map.of(), first, after);
  }

  /** The claimer: records an action on a task; the refusals, empty on success. */
  public List<UserError> recordTaskAction(String taskId, String note) {
    return call(() -> graphQl.documentName("recordTaskAction").variable("id", taskId).variable("note", note)
        .retrieveSync("recordTaskAction.errors").toEntityList(UserError.class));
  }

  /** The claimer: hands a task back to the queue with a reason; the refusals, empty on success. */
  public List<UserError> handBackTask(String taskId, String reason) {
    return call(() -> graphQl.documentName("handBackTask").variable("id", taskId).variable("reason", reason)
        .retrieveSync("handBackTask.errors").toEntityList(UserError.class));
  }

  /** Department staff: claims a task; the refusals, empty on success. */
  public List<UserError> claimTask(String taskId) {
    return call(() -> graphQl.documentName("claimTask").variable("id", taskId)
        .retrieveSync("claimTask.errors").toEntityList(UserError.class));
  }

  /** The claimer: completes a task with an outcome; the refusals, empty on success. */
  public List<UserError> completeTask(String taskId, String outcome) {
    return call(() -> graphQl.documentName("completeTask").variable("id", taskId).variable("outcome", outcome)
        .retrieveSync("completeTask.errors").toEntityList(UserError.class));
  }

  /** Staff: records a guardian's consent to publishing; returns the refusals, empty on success. */
  public List<UserError> recordConsent(String fileId, String givenBy, String relationship, String validUntil) {
    return call(() -> graphQl.documentName("recordConsent")
        .variable("input", Map.of("caseFileId", fileId, "givenBy", givenBy, "relationship", relationship,
            "validUntil", validUntil))
        .retrieveSync("recordConsent.errors").toEntityList(UserError.class));
  }

  /**
   * Staff: drafts a need and checks it against every publication rule, changing nothing else. A previous draft of
   * the same editing session is withdrawn first, so only the latest text remains a draft.
   */
  public StaffApi.PublicationCheck draftAndCheck(StaffApi.NeedDraft draft, String previousDraftId) {
    return call(() -> {
      if (previousDraftId != null) {
        graphQl.documentName("withdrawNeed").variable("input", Map.of("needId", previousDraftId)).executeSync();
      }
      var created = graphQl.documentName("createNeed").variable("input", draft.toInput()).executeSync();
      List<UserError> refusals = created.field("createNeed.errors").toEntityList(UserError.class);
      if (!refusals.isEmpty()) {
        return new StaffApi.PublicationCheck(null, null, List.of(), refusals, List.of());
      }
      String needId = created.field("createNeed.need.id").getValue();
      var check = graphQl.documentName("checkNeedPublication").variable("input", Map.of("needId", needId))
          .executeSync();
      return new StaffApi.PublicationCheck(needId,
          check.field("checkNeedPublication.preview").getValue() == null ? null
              : check.field("checkNeedPublication.preview").toEntity(PublicNeed.class),
          check.field("checkNeedPublication.generalisations").toEntityList(String.class),
          check.field("checkNeedPublication.errors").toEntityList(UserError.class),
          check.field("checkNeedPublication.textFindings").toEntityList(StaffApi.TextFinding.class));
    });
  }

  /** Staff: publishes a checked draft; returns the refusals, empty on success. */
  public List<UserError> publish(String needId) {
    return call(() -> graphQl.documentName("publishNeed").variable("input", Map.of("needId", needId))
        .retrieveSync("publishNeed.errors").toEntityList(UserError.class));
  }

  /** Public: children's homes and organisations. */
  public Map.Entry<List<Network.ChildrenHome>, List<Network.Organisation>> network() {
    return call(() -> {
      var response = graphQl.documentName("network").executeSync();
      if (!response.isValid() || !response.getErrors().isEmpty()) {
        throw new ApiException(classify(response.getErrors()), null);
      }
      return Map.entry(response.field("childrenHomes").toEntityList(Network.ChildrenHome.class),
          response.field("organisations").toEntityList(Network.Organisation.class));
    });
  }

  /** Public: children by township and cause, volunteers and families by township and kind; small counts "<5". */
  public Network.Statistics statistics() {
    return call(() -> graphQl.documentName("statistics").retrieveSync("statistics")
        .toEntity(Network.Statistics.class));
  }

  /** Signed in: a page of the user's notifications, newest first; only the unread ones when {@code unreadOnly}. */
  public Page<Notification> notifications(boolean unreadOnly, int first, String after) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("unreadOnly", unreadOnly);
    return pageWith("myNotifications", "myNotifications", Notification.class, variables, first, after);
  }

  /** Signed in: marks the user's notifications read (all of them when {@code ids} is empty); how many. */
  public int markNotificationsRead(List<String> ids) {
    return call(() -> graphQl.documentName("markNotificationsRead").variable("ids", ids.isEmpty() ? null : ids)
        .retrieveSync("markNotificationsRead.marked").toEntity(Integer.class));
  }

  /** Staff who keep files: a page of the screening campaigns covering their scope, with progress per village. */
  public Page<Screening.Campaign> screeningCampaigns(int first, String after) {
    return pageWith("screeningCampaigns", "screeningCampaigns", Screening.Campaign.class, Map.of(), first, after);
  }

  /** Township staff and civil affairs: starts a screening campaign; the refusals (by field), empty on success. */
  public List<UserError> startScreeningCampaign(String name, List<String> townshipIds, String startsOn,
      String endsOn) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("name", name);
    input.put("townshipIds", townshipIds);
    input.put("startsOn", startsOn);
    input.put("endsOn", endsOn);
    return call(() -> graphQl.documentName("startScreeningCampaign").variable("input", input)
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
    return call(() -> graphQl.documentName("reportVillageScreening").variable("input", input)
        .retrieveSync("reportVillageScreening.errors").toEntityList(UserError.class));
  }

  /** Signed in: pledges on a board need; the pledge as the pledger sees it, or the refusals (by field). */
  public MatchingApi.Pledged pledge(MatchingApi.Pledge pledge) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("idempotencyKey", pledge.idempotencyKey());
    input.put("needId", pledge.needId());
    input.put("kind", pledge.kind());
    input.put("amountYuan", pledge.amountYuan());
    input.put("goods", pledge.goods());
    input.put("description", pledge.description());
    return call(() -> graphQl.documentName("pledgeOnNeed").variable("input", input).retrieveSync("pledgeOnNeed")
        .toEntity(MatchingApi.Pledged.class));
  }

  /** Signed in: a page of the matches of the user's offers and pledges, newest first. */
  public Page<MatchingApi.MyMatch> myMatches(int first, String after) {
    return pageWith("myMatches", "myMatches", MatchingApi.MyMatch.class, Map.of(), first, after);
  }

  /** The offerer: withdraws one of their open offers; the refusals, empty on success. */
  public List<UserError> withdrawOffer(String offerId) {
    return call(() -> graphQl.documentName("withdrawOffer").variable("id", offerId)
        .retrieveSync("withdrawOffer.errors").toEntityList(UserError.class));
  }

  /** Signed in: a page of the user's offers, newest first. */
  public Page<MatchingApi.MyOffer> myOffers(int first, String after) {
    return pageWith("myOffers", "myOffers", MatchingApi.MyOffer.class, Map.of(), first, after);
  }

  /** Civil affairs: a page of the open offers, newest first. */
  public Page<MatchingApi.MyOffer> openOffers(int first, String after) {
    return pageWith("openOffers", "openOffers", MatchingApi.MyOffer.class, Map.of(), first, after);
  }

  /** Civil affairs: the open needs an offer can meet, best first, with the reasons. */
  public List<MatchingApi.Suggestion> needsForOffer(String offerId) {
    return call(() -> graphQl.documentName("needsForOffer").variable("offerId", offerId).retrieveSync("needsForOffer")
        .toEntityList(MatchingApi.Suggestion.class));
  }

  /** Civil affairs: a page of the matches waiting for a decision, oldest first. */
  public Page<MatchingApi.StaffMatch> pendingMatches(int first, String after) {
    return pageWith("pendingMatches", "pendingMatches", MatchingApi.StaffMatch.class, Map.of(), first, after);
  }

  /** Caseworkers: a page of approved matches to deliver and delivered ones to confirm. */
  public Page<MatchingApi.StaffMatch> caseworkMatches(int first, String after) {
    return caseworkMatches(null, first, after);
  }

  /** Caseworkers: a page of the matches in one status (null: approved and delivered). */
  public Page<MatchingApi.StaffMatch> caseworkMatches(String status, int first, String after) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("status", status);
    return pageWith("caseworkMatches", "caseworkMatches", MatchingApi.StaffMatch.class, variables, first, after);
  }

  /**
   * The offerer: agrees that the child's family may learn this name and phone, or withdraws; the refusals, empty on
   * success.
   */
  public List<UserError> agreeToContact(String matchId, boolean agree, String name, String phone) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("matchId", matchId);
    input.put("agree", agree);
    input.put("name", name);
    input.put("phone", phone);
    return call(() -> graphQl.documentName("agreeToContact").variable("input", input)
        .retrieveSync("agreeToContact.errors").toEntityList(UserError.class));
  }

  /** The caseworker: records whether the child's family agrees to learn who helped; the refusals. */
  public List<UserError> recordFamilyContactConsent(String matchId, boolean agree) {
    return call(() -> graphQl.documentName("recordFamilyContactConsent").variable("id", matchId)
        .variable("agree", agree).retrieveSync("recordFamilyContactConsent.errors").toEntityList(UserError.class));
  }

  /** Civil affairs: approves a match (a placement: with the assessment); the refusals, empty on success. */
  public List<UserError> approveMatch(String matchId, String assessment) {
    return call(() -> graphQl.documentName("approveMatch").variable("id", matchId).variable("assessment", assessment)
        .retrieveSync("approveMatch.errors").toEntityList(UserError.class));
  }

  /** Civil affairs: rejects a match with the reason; the refusals, empty on success. */
  public List<UserError> rejectMatch(String matchId, String reason) {
    return call(() -> graphQl.documentName("rejectMatch").variable("id", matchId).variable("reason", reason)
        .retrieveSync("rejectMatch.errors").toEntityList(UserError.class));
  }

  /** The caseworker: records the delivery; the refusals, empty on success. */
  public List<UserError> recordDelivery(String matchId) {
    return call(() -> graphQl.documentName("recordDelivery").variable("id", matchId)
        .retrieveSync("recordDelivery.errors").toEntityList(UserError.class));
  }

  /** The caseworker: confirms the outcome with a note and a thank-you; the refusals and the text guard's findings. */
  public MatchingApi.Confirmed confirmFulfilment(String matchId, String outcome, String note, String thankYou) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("matchId", matchId);
    input.put("outcome", outcome);
    input.put("note", note);
    input.put("thankYou", thankYou);
    return call(() -> graphQl.documentName("confirmFulfilment").variable("input", input)
        .retrieveSync("confirmFulfilment").toEntity(MatchingApi.Confirmed.class));
  }

  /** Civil affairs: starts a global allocation run (or gets the one running). */
  public MatchingApi.AllocationRun startAllocation() {
    return call(() -> graphQl.documentName("startAllocationRun").retrieveSync("startAllocationRun.run")
        .toEntity(MatchingApi.AllocationRun.class));
  }

  /** Civil affairs: the latest allocation run, or null. */
  public MatchingApi.AllocationRun latestAllocation() {
    return call(() -> {
      var response = graphQl.documentName("latestAllocationRun").executeSync();
      if (!response.isValid() || !response.getErrors().isEmpty()) {
        throw new ApiException(classify(response.getErrors()), null);
      }
      return response.field("latestAllocationRun").getValue() == null ? null
          : response.field("latestAllocationRun").toEntity(MatchingApi.AllocationRun.class);
    });
  }

  /** Civil affairs: the best offers for a need, with the reasons. */
  public List<MatchingApi.Suggestion> offersForNeed(String needId) {
    return call(() -> graphQl.documentName("offersForNeed").variable("needId", needId).retrieveSync("offersForNeed")
        .toEntityList(MatchingApi.Suggestion.class));
  }

  /** Civil affairs: proposes an offer for a need; the refusals (e.g. not compatible, with the reason). */
  public List<UserError> proposeMatch(String needId, String offerId) {
    return call(() -> graphQl.documentName("proposeMatch").variable("needId", needId).variable("offerId", offerId)
        .retrieveSync("proposeMatch.errors").toEntityList(UserError.class));
  }

  /**
   * Civil affairs and township staff: records a conflict of interest between the offerer of an offer and the child of
   * a need; the refusals, empty on success.
   */
  public List<UserError> recordConflictOfInterest(String needId, String offerId, String reason) {
    return call(() -> graphQl.documentName("recordConflictOfInterest").variable("needId", needId)
        .variable("offerId", offerId).variable("reason", reason)
        .retrieveSync("recordConflictOfInterest.errors").toEntityList(UserError.class));
  }

  /** Administrators: the townships with their villages and coordinates, in official order. */
  public List<AdminApi.GazetteerTownship> gazetteer() {
    return call(() -> graphQl.documentName("gazetteer").retrieveSync("townships")
        .toEntityList(AdminApi.GazetteerTownship.class));
  }

  /** Administrators: adds a township or changes its names and seat; the refusals, empty on success. */
  public List<UserError> saveTownship(AdminApi.Place township) {
    return call(() -> graphQl.documentName("saveTownship").variable("input", township.toInput())
        .retrieveSync("saveTownship.errors").toEntityList(UserError.class));
  }

  /** Administrators: adds a village to a township or changes it; the refusals, empty on success. */
  public List<UserError> saveVillage(String townshipId, AdminApi.Place village) {
    Map<String, Object> input = new java.util.HashMap<>(village.toInput());
    input.put("townshipId", townshipId);
    return call(() -> graphQl.documentName("saveVillage").variable("input", input)
        .retrieveSync("saveVillage.errors").toEntityList(UserError.class));
  }

  /** Administrators: deletes a village nothing refers to; the refusals, empty on success. */
  public List<UserError> deleteVillage(String villageId) {
    return call(() -> graphQl.documentName("deleteVillage").variable("input", Map.of("villageId", villageId))
        .retrieveSync("deleteVillage.errors").toEntityList(UserError.class));
  }

  /** Administrators: a page of the staff accounts, by username. */
  public Page<AdminApi.StaffAccount> staffAccounts(int first, String after) {
    return pageWith("staffAccounts", "staffAccounts", AdminApi.StaffAccount.class, Map.of(), first, after);
  }

  /** Administrators: opens a staff account; the refusals, empty on success. */
  public List<UserError> createStaffAccount(AdminApi.NewStaffAccount account) {
    return call(() -> graphQl.documentName("createStaffAccount").variable("input", account.toInput())
        .retrieveSync("createStaffAccount.errors").toEntityList(UserError.class));
  }

  /**
   * Administrators: changes a staff account's display name and, when {@code role} is given, its role and scope,
   * against the version read; the refusals, empty on success.
   */
  public List<UserError> updateStaffAccount(String username, int version, String displayName, String role,
      String department, String townshipId, String villageId) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("username", username);
    input.put("expectedVersion", version);
    input.put("displayName", displayName);
    if (role != null) {
      input.put("roles", List.of(role));
      input.put("department", department);
      input.put("townshipId", townshipId);
      input.put("villageId", villageId);
    }
    return call(() -> graphQl.documentName("updateStaffAccount").variable("input", input)
        .retrieveSync("updateStaffAccount.errors").toEntityList(UserError.class));
  }

  /** Administrators: disables or re-enables a staff account; the refusals, empty on success. */
  public List<UserError> setStaffAccountEnabled(String username, boolean enabled) {
    return call(() -> graphQl.documentName("setStaffAccountEnabled")
        .variable("input", Map.of("username", username, "enabled", enabled))
        .retrieveSync("setStaffAccountEnabled.errors").toEntityList(UserError.class));
  }

  /** Administrators: lifts an account's sign-in lock; the refusals, empty on success. */
  public List<UserError> unlockStaffSignIn(String username) {
    return call(() -> graphQl.documentName("unlockStaffSignIn")
        .variable("input", Map.of("username", username))
        .retrieveSync("unlockStaffSignIn.errors").toEntityList(UserError.class));
  }

  /** Administrators: sets a new initial password the user must change; the refusals, empty on success. */
  public List<UserError> resetStaffPassword(String username, String newPassword) {
    return call(() -> graphQl.documentName("resetStaffPassword")
        .variable("input", Map.of("username", username, "newPassword", newPassword))
        .retrieveSync("resetStaffPassword.errors").toEntityList(UserError.class));
  }

  /** The signed-in user's account. */
  public Account me() {
    return call(() -> graphQl.documentName("me").retrieveSync("me").toEntity(Account.class));
  }

  /** Stores the signed-in user's preferred language; returns the refusals (localised), empty on success. */
  public List<UserError> updatePreferredLanguage(Language language) {
    return call(() -> graphQl.documentName("updateMyPreferences")
        .variable("input", Map.of("preferredLanguage", language.name()))
        .retrieveSync("updateMyPreferences.errors").toEntityList(UserError.class));
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ApiException e) {
      throw e;
    } catch (FieldAccessException e) {
      throw new ApiException(classify(e.getResponse().getErrors()), e);
    } catch (GraphQlTransportException e) {
      ApiProblem problem = classifyTransport(e.getCause());
      log.warn("Backend call failed: {} ({})", problem, describe(e.getCause()));
      throw new ApiException(problem, e);
    } catch (OAuth2AuthorizationException e) {
      log.warn("Backend call without a usable token: {}", e.getError().getErrorCode());
      throw new ApiException(ApiProblem.SESSION_EXPIRED, e);
    } catch (ResourceAccessException e) {
      log.warn("Backend unreachable: {}", describe(e.getCause()));
      throw new ApiException(ApiProblem.BACKEND_UNAVAILABLE, e);
    } catch (RuntimeException e) {
      // Whatever else failed, a view gets a classified problem, never a raw exception.
      log.warn("Backend call failed unexpectedly: {}", describe(e));
      throw new ApiException(ApiProblem.BACKEND_ERROR, e);
    }
  }

  /** What failed, without any response body: bodies may hold data that must not reach a log. */
  private static String describe(Throwable cause) {
    if (cause instanceof org.springframework.web.client.RestClientResponseException response) {
      return "HTTP " + response.getStatusCode().value();
    }
    return cause == null ? "unknown" : cause.getClass().getSimpleName();
  }

  private static ApiProblem classify(List<ResponseError> errors) {
    for (ResponseError error : errors) {
      if (error.getErrorType() == ErrorType.UNAUTHORIZED) {
        return ApiProblem.NOT_SIGNED_IN;
      }
      if (error.getErrorType() == ErrorType.FORBIDDEN) {
        return ApiProblem.FORBIDDEN;
      }
      if (error.getErrorType() == ErrorType.BAD_REQUEST) {
        return ApiProblem.BAD_REQUEST;
      }
    }
    return ApiProblem.BACKEND_ERROR;
  }

  private static ApiProblem classifyTransport(Throwable cause) {
    if (cause instanceof java.io.IOException) {
      return ApiProblem.BACKEND_UNAVAILABLE;
    }
    if (cause instanceof HttpClientErrorException.Unauthorized) {
      return ApiProblem.SESSION_EXPIRED;
    }
    if (cause instanceof OAuth2AuthorizationException) {
      return ApiProblem.SESSION_EXPIRED;
    }
    if (cause instanceof ResourceAccessException) {
      return ApiProblem.BACKEND_UNAVAILABLE;
    }
    return ApiProblem.BACKEND_ERROR;
  }
}
