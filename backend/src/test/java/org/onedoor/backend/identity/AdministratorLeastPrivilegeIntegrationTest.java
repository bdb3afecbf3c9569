package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Least privilege: an administrator administers and does no casework. Every operation on a child's file, the
 * ledger, a workbench (department queue, township desk, escalations, screening) or a match is FORBIDDEN to an account
 * whose only role is ADMIN, and allowed again when the account also holds a casework role.
 */
@IntegrationTest
class AdministratorLeastPrivilegeIntegrationTest {

  private static final String ID = "00000000-0000-0000-0000-000000000000";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  static List<Arguments> casework() {
    return List.of(
        op("{ caseFiles(first: 5) { edges { node { id } } } }", Map.of()),
        op("query($id: ID!) { caseFile(id: $id) { id } }", Map.of("id", ID)),
        op("{ overdueVisits(first: 5) { edges { node { id } } } }", Map.of()),
        op("{ visitsDue(first: 5) { edges { node { id } } } }", Map.of()),
        op("mutation($i: CreateCaseFileInput!) { createCaseFile(input: $i) { errors { code } } }", Map.of("i",
            Map.of("name", "王小明", "sex", "MALE", "birthDate", "2015-03-08", "townshipId", "hulin-town",
                "villageId", "hulin-town-xinhua", "causes", List.of("POVERTY"), "riskTier", 2))),
        op("mutation($i: UpdateCaseFileInput!) { updateCaseFile(input: $i) { errors { code } } }", Map.of("i",
            Map.of("id", ID, "expectedVersion", 1))),
        op("mutation($i: RecordHomeVisitInput!) { recordHomeVisit(input: $i) { errors { code } } }", Map.of("i",
            Map.of("caseFileId", ID, "visitedOn", "2026-11-01", "findings", "一切正常"))),
        op("mutation($i: RecordConsentInput!) { recordConsent(input: $i) { errors { code } } }", Map.of("i",
            Map.of("caseFileId", ID, "givenBy", "李某", "relationship", "母亲", "validUntil", "2027-11-01"))),
        op("mutation($i: CreateNeedInput!) { createNeed(input: $i) { errors { code } } }", Map.of("i",
            Map.of("caseFileId", ID, "category", "EDUCATION", "title", "学习用品", "description", "书包和文具",
                "urgency", "NORMAL"))),
        op("mutation($i: PublishNeedInput!) { publishNeed(input: $i) { errors { code } } }", Map.of("i",
            Map.of("needId", ID))),
        op("{ handlingTasks(first: 5) { edges { node { id } } } }", Map.of()),
        op("{ townshipIntakes(first: 5) { edges { node { id } } } }", Map.of()),
        op("{ escalations(first: 5) { edges { node { taskId } } } }", Map.of()),
        op("mutation($i: ClaimTaskInput!) { claimTask(input: $i) { errors { code } } }", Map.of("i",
            Map.of("taskId", ID))),
        op("mutation($i: AttachIntakeFileInput!) { attachIntakeFile(input: $i) { errors { code } } }", Map.of("i",
            Map.of("intakeId", ID, "caseFileId", ID))),
        op("{ screeningCampaigns(first: 5) { edges { node { id } } } }", Map.of()),
        op("{ openOffers(first: 5) { edges { node { id } } } }", Map.of()),
        op("query($id: ID!) { offersForNeed(needId: $id) { score } }", Map.of("id", ID)),
        op("{ pendingMatches(first: 5) { edges { node { id } } } }", Map.of()),
        op("{ caseworkMatches(first: 5) { edges { node { id } } } }", Map.of()),
        op("mutation($i: ProposeMatchInput!) { proposeMatch(input: $i) { errors { code } } }", Map.of("i",
            Map.of("needId", ID, "offerId", ID))),
        op("mutation($i: ApproveMatchInput!) { approveMatch(input: $i) { errors { code } } }", Map.of("i",
            Map.of("matchId", ID))),
        op("mutation($i: RecordConflictOfInterestInput!) { recordConflictOfInterest(input: $i) { errors { code } } }",
            Map.of("i", Map.of("offerId", ID, "reason", "亲属"))),
        op("mutation($i: RecordDeliveryInput!) { recordDelivery(input: $i) { errors { code } } }", Map.of("i",
            Map.of("matchId", ID))),
        op("mutation { startAllocationRun(input: {}) { errors { code } } }", Map.of()));
  }

  private static Arguments op(String document, Map<String, Object> variables) {
    return Arguments.of(document.substring(0, Math.min(60, document.length())), document, variables);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("casework")
  void an_administrator_without_a_casework_role_is_forbidden(String name, String document,
      Map<String, Object> variables) {
    var answer = GraphQlHttp.at(port).withToken(tokens.token("admin-only", "系统管理员", List.of(RoleNames.ADMIN), Map.of()))
        .post(document, variables);

    assertThat(answer.errors().path(0).path("extensions").path("classification").asString()).as(answer.body())
        .isEqualTo("FORBIDDEN");
    assertThat(answer.body()).doesNotContain("王小明", "hulin-town-xinhua\"");
  }

  @Test
  void an_administrator_without_a_casework_role_cannot_export_the_ledger_but_still_administers() throws Exception {
    String admin = tokens.token("admin-only", "系统管理员", List.of(RoleNames.ADMIN), Map.of());
    HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/ledger/export?format=CSV"))
        .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(export.statusCode()).isEqualTo(403);

    var log = GraphQlHttp.at(port).withToken(admin).post("{ fileAccessLog(first: 5) { edges { node { fileId } } } }");
    assertThat(log.errors().size()).as(log.body()).isZero();
  }

  @Test
  void an_administrator_who_also_holds_civil_affairs_does_casework_city_wide() {
    var both = GraphQlHttp.at(port).withToken(tokens.token("admin-civil", "民政管理员",
        List.of(RoleNames.ADMIN, RoleNames.CIVIL_AFFAIRS), Map.of()));

    for (String document : List.of("{ caseFiles(first: 5) { edges { node { id } } } }",
        "{ handlingTasks(first: 5) { edges { node { id } } } }", "{ pendingMatches(first: 5) { edges { node { id } } } }")) {
      var answer = both.post(document);
      assertThat(answer.errors().size()).as(answer.body()).isZero();
    }
  }
}
