package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestChildren;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** Home visits: recording one moves the due day by the risk tier; the overdue list per township and supervisor. */
@IntegrationTest
class HomeVisitsIntegrationTest {


  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private GraphQlHttp township;
  private GraphQlHttp supervisor;

  @BeforeEach
  void callers() {
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), CaseFile.class);
    township = GraphQlHttp.at(port).withToken(tokens.token("township-visits", "乡镇 赵磊",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town")));
    supervisor = GraphQlHttp.at(port).withToken(tokens.token("supervisor", "督导员 王芳", List.of(RoleNames.SUPERVISOR),
        Map.of("township", "hulin-town", "village", "hulin-town-xinhua")));
  }

  private String open(String name, String villageId, int riskTier, int daysOverdue) {
    Map<String, Object> input = new HashMap<>(TestChildren.fullChild());
    input.put("name", name);
    input.put("villageId", villageId);
    input.put("riskTier", riskTier);
    input.put("supervisorId", "hulin-town-xinhua".equals(villageId) ? "supervisor" : null);
    var created = township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", input));
    String id = created.data().path("createCaseFile").path("caseFile").path("id").asString();
    assertThat(id).as(created.body()).isNotBlank();
    mongo.updateFirst(query(where("_id").is(id)), new Update().set("nextVisitDue", today().minusDays(daysOverdue)),
        CaseFile.class);
    return id;
  }

  private GraphQlHttp.Response visit(GraphQlHttp caller, String fileId, LocalDate on) {
    return caller.post(GraphQlHttp.document("recordHomeVisit"), Map.of("input", Map.of("caseFileId", fileId,
        "visitedOn", on.toString(), "findings", "孩子状况良好，祖母身体欠佳。", "followUp", "联系村医上门")));
  }

  @Test
  void a_visit_moves_the_next_due_day_by_the_interval_of_the_risk_tier() {
    String id = open("周一", "hulin-town-xinhua", 1, 3);

    var recorded = visit(supervisor, id, today().minusDays(1));

    JsonNode payload = recorded.data().path("recordHomeVisit");
    assertThat(payload.path("errors").size()).as(recorded.body()).isZero();
    assertThat(payload.path("visit").path("visitor").asString()).isEqualTo("督导员 王芳");
    assertThat(payload.path("caseFile").path("lastVisitOn").asString()).isEqualTo(today().minusDays(1).toString());
    assertThat(payload.path("caseFile").path("nextVisitDue").asString()).as("tier 1: 7 days after the visit")
        .isEqualTo(today().plusDays(6).toString());
    assertThat(payload.path("caseFile").path("visitOverdueDays").asInt()).isZero();

    // An older visit recorded late does not move the dates back.
    visit(supervisor, id, today().minusDays(20));
    var read = supervisor.post(GraphQlHttp.document("caseFileFull"), Map.of("id", id));
    JsonNode file = read.data().path("caseFile");
    assertThat(file.path("lastVisitOn").asString()).isEqualTo(today().minusDays(1).toString());
    assertThat(file.path("visits")).hasSize(2);
    assertThat(file.path("visits").get(0).path("visitedOn").asString()).as("newest first")
        .isEqualTo(today().minusDays(1).toString());
    assertThat(file.path("visits").get(0).path("followUp").asString()).isEqualTo("联系村医上门");
  }

  @Test
  void a_visit_in_the_future_or_without_findings_is_refused_and_changes_nothing() {
    String id = open("周二", "hulin-town-xinhua", 3, 2);
    long versionBefore = mongo.findById(id, CaseFile.class).version();

    var future = visit(supervisor, id, today().plusDays(1));
    var empty = supervisor.inLanguage("en").post(GraphQlHttp.document("recordHomeVisit"), Map.of("input",
        Map.of("caseFileId", id, "visitedOn", today().toString(), "findings", "  ")));

    assertThat(future.data().path("recordHomeVisit").path("errors").get(0).path("field").asString())
        .isEqualTo("visitedOn");
    assertThat(empty.data().path("recordHomeVisit").path("errors").get(0).path("message").asString())
        .startsWith("Describe what the visit found");
    assertThat(mongo.count(query(where("fileId").is(id)), HomeVisit.class)).isZero();
    assertThat(mongo.findById(id, CaseFile.class).version()).isEqualTo(versionBefore);
  }

  @Test
  void a_supervisor_cannot_record_a_visit_outside_their_village() {
    String id = open("周三", "hulin-town-shengli", 2, 1);

    var recorded = visit(supervisor, id, today());

    assertThat(recorded.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(mongo.count(query(where("fileId").is(id)), HomeVisit.class)).isZero();
  }

  @Test
  void the_overdue_list_shows_longest_overdue_first_per_scope_and_supervisor_and_logs_each_file_read() {
    String a = open("吴一", "hulin-town-xinhua", 2, 10);
    String b = open("吴二", "hulin-town-xinhua", 2, 40);
    String c = open("吴三", "hulin-town-shengli", 2, 25);
    open("吴四", "hulin-town-xinhua", 2, -5);

    List<String> townshipList = ids(township, Map.of());
    List<String> supervisorList = ids(supervisor, Map.of());
    List<String> bySupervisor = ids(township, Map.of("supervisorId", "supervisor"));

    assertThat(townshipList).containsExactly(b, c, a);
    assertThat(supervisorList).as("their village only").containsExactly(b, a);
    assertThat(bySupervisor).containsExactly(b, a);
    var page = township.post(GraphQlHttp.document("overdueVisits"), Map.of("first", 1));
    JsonNode first = page.data().path("overdueVisits").path("edges").get(0).path("node");
    assertThat(first.path("visitOverdueDays").asInt()).isEqualTo(40);
    assertThat(first.path("supervisor").path("name").asString()).isEqualTo("督导员 王芳");
    var next = township.post(GraphQlHttp.document("overdueVisits"), Map.of("first", 1, "after",
        page.data().path("overdueVisits").path("pageInfo").path("endCursor").asString()));
    assertThat(next.data().path("overdueVisits").path("edges").get(0).path("node").path("id").asString())
        .isEqualTo(c);
    assertThat(mongo.count(query(where("fileId").is(b).and("actor").is("supervisor")), "file_access_log"))
        .as("listing a file is a read").isPositive();
  }

  @Test
  void a_supervisors_visits_due_list_holds_the_overdue_and_the_coming_visits_of_their_village_soonest_first() {
    String overdue = open("郑一", "hulin-town-xinhua", 1, 3);
    String today = open("郑二", "hulin-town-xinhua", 2, 0);
    String inTenDays = open("郑三", "hulin-town-xinhua", 3, -10);
    open("郑四", "hulin-town-xinhua", 4, -30);
    String otherVillage = open("郑五", "hulin-town-shengli", 1, -2);

    var round = supervisor.post(GraphQlHttp.document("visitsDue"), Map.of());
    var todayOnly = supervisor.post(GraphQlHttp.document("visitsDue"), Map.of("filter", Map.of("withinDays", 0)));
    var townshipRound = township.post(GraphQlHttp.document("visitsDue"), Map.of("filter",
        Map.of("withinDays", 14)));

    assertThat(idsOf(round, "visitsDue")).as("default: two weeks ahead").containsExactly(overdue, today, inTenDays);
    assertThat(idsOf(todayOnly, "visitsDue")).containsExactly(overdue, today);
    assertThat(idsOf(townshipRound, "visitsDue")).containsExactly(overdue, today, otherVillage, inTenDays);
    JsonNode first = round.data().path("visitsDue").path("edges").get(0).path("node");
    assertThat(first.path("visitOverdueDays").asInt()).isEqualTo(3);
    assertThat(first.path("riskTier").asInt()).isEqualTo(1);
    assertThat(mongo.count(query(where("fileId").is(inTenDays).and("actor").is("supervisor")), "file_access_log"))
        .as("listing a file is a read").isPositive();
    var tooFar = supervisor.inLanguage("en").post(GraphQlHttp.document("visitsDue"), Map.of("filter",
        Map.of("withinDays", 400)));
    assertThat(tooFar.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("BAD_REQUEST");
    assertThat(tooFar.errors().get(0).path("message").asString()).isEqualTo("Days ahead must be 0 to 90.");
  }

  private static List<String> idsOf(GraphQlHttp.Response answer, String field) {
    List<String> ids = new ArrayList<>();
    answer.data().path(field).path("edges").forEach(e -> ids.add(e.path("node").path("id").asString()));
    return ids;
  }

  @Test
  void volunteers_and_department_staff_get_no_overdue_list() {
    for (String role : List.of(RoleNames.VOLUNTEER, RoleNames.DEPARTMENT_STAFF, RoleNames.CHARITY, RoleNames.FAMILY)) {
      var answer = GraphQlHttp.at(port).withToken(tokens.token("x-" + role, "x", List.of(role), Map.of()))
          .post(GraphQlHttp.document("overdueVisits"), Map.of());
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
  }

  private static List<String> ids(GraphQlHttp caller, Map<String, Object> filter) {
    return idsOf(caller.post(GraphQlHttp.document("overdueVisits"), Map.of("filter", filter)), "overdueVisits");
  }

  /** Today in the city, read when asked: a run that crosses midnight sees the new day. */
  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
