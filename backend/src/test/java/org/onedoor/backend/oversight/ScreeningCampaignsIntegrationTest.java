package org.onedoor.backend.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestChildren;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** Screening campaigns (全面排查): who starts them, progress per village counted from the files, village reports. */
@IntegrationTest
class ScreeningCampaignsIntegrationTest {

  private static final String START = """
      mutation($input: StartScreeningCampaignInput!) { startScreeningCampaign(input: $input) {
        campaign { id name startsOn endsOn townships { id } } errors { code field message } } }""";
  private static final String CAMPAIGNS = """
      { screeningCampaigns(first: 10) { edges { node { id name
        progress { villages villagesCompleted children childrenVisited visitedPercent newFiles householdsChecked }
        villages { village { id name } township { id } children childrenVisited visitedPercent newFiles
          householdsChecked completed note version } } } } }""";
  private static final String REPORT = """
      mutation($input: ReportVillageScreeningInput!) { reportVillageScreening(input: $input) {
        village { village { id } householdsChecked completed version children } errors { code field message } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private GraphQlHttp township;
  private GraphQlHttp supervisor;
  private GraphQlHttp civilAffairs;

  @BeforeEach
  void clean() {
    mongo.remove(new Query(), CaseFile.class);
    mongo.remove(new Query(), ScreeningCampaign.class);
    mongo.remove(new Query(), VillageScreening.class);
    township = GraphQlHttp.at(port).withToken(tokens.token("township-screen", "乡镇 赵磊",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town")));
    supervisor = GraphQlHttp.at(port).withToken(tokens.token("supervisor-screen", "督导员 王芳",
        List.of(RoleNames.SUPERVISOR), Map.of("township", "hulin-town", "village", "hulin-town-xinhua")));
    civilAffairs = GraphQlHttp.at(port).withToken(tokens.token("ca-screen", "民政 李强",
        List.of(RoleNames.CIVIL_AFFAIRS), Map.of()));
  }

  private String open(String name, String villageId, LocalDate createdOn, LocalDate lastVisitOn) {
    Map<String, Object> input = new HashMap<>(TestChildren.fullChild());
    input.put("name", name);
    input.put("villageId", villageId);
    input.put("supervisorId", "hulin-town-xinhua".equals(villageId) ? "supervisor" : null);
    var created = township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", input));
    String id = created.data().path("createCaseFile").path("caseFile").path("id").asString();
    assertThat(id).as(created.body()).isNotBlank();
    Update update = new Update().set("createdAt", createdOn.atStartOfDay(CityTime.ZONE).toInstant()
        .plusSeconds(3600));
    update = lastVisitOn == null ? update.unset("lastVisitOn") : update.set("lastVisitOn", lastVisitOn);
    mongo.updateFirst(query(where("_id").is(id)), update, CaseFile.class);
    return id;
  }

  private String start(GraphQlHttp caller, List<String> townships) {
    var started = caller.post(START, Map.of("input", Map.of("name", "2026年秋季全面排查", "townshipIds", townships,
        "startsOn", today().minusDays(10).toString(), "endsOn", today().plusDays(20).toString())));
    String id = started.data().path("startScreeningCampaign").path("campaign").path("id").asString();
    assertThat(id).as(started.body()).isNotBlank();
    return id;
  }

  private static JsonNode village(JsonNode campaign, String villageId) {
    for (JsonNode v : campaign.path("villages")) {
      if (v.path("village").path("id").asString().equals(villageId)) {
        return v;
      }
    }
    throw new AssertionError("no village " + villageId + " in " + campaign);
  }

  @Test
  void a_campaign_started_today_counts_as_new_only_the_files_opened_after_it_began() {
    open("孙早", "hulin-town-xinhua", today().minusDays(100), null);
    // Opened this morning, before the campaign was started (as demo data is, or a file of the day before's work).
    mongo.updateFirst(query(where("name").is("孙早")), new Update().set("createdAt",
        java.time.Instant.now().minusSeconds(60)), CaseFile.class);
    var started = township.post(START, Map.of("input", Map.of("name", "今日开始的排查", "townshipIds",
        List.of("hulin-town"), "startsOn", today().toString(), "endsOn", today().plusDays(20).toString())));
    assertThat(started.data().path("startScreeningCampaign").path("errors")).as(started.body()).isEmpty();
    String later = open("孙新", "hulin-town-xinhua", today(), null);
    mongo.updateFirst(query(where("_id").is(later)), new Update().set("createdAt",
        java.time.Instant.now().plusSeconds(60)), CaseFile.class);

    JsonNode campaign = township.post(CAMPAIGNS).data().path("screeningCampaigns").path("edges").get(0)
        .path("node");

    assertThat(campaign.path("name").asString()).isEqualTo("今日开始的排查");
    assertThat(village(campaign, "hulin-town-xinhua").path("newFiles").asInt())
        .as("the file opened after the start, not the one already on file").isEqualTo(1);
  }

  @Test
  void progress_per_village_counts_the_children_on_file_those_visited_since_the_start_and_the_files_opened() {
    open("孙一", "hulin-town-xinhua", today().minusDays(100), today().minusDays(30));
    open("孙二", "hulin-town-xinhua", today().minusDays(100), today().minusDays(3));
    open("孙三", "hulin-town-xinhua", today().minusDays(2), null);
    open("孙四", "hulin-town-shengli", today().minusDays(100), today().minusDays(1));
    start(township, List.of("hulin-town"));

    JsonNode seenByTownship = township.post(CAMPAIGNS).data().path("screeningCampaigns").path("edges").get(0)
        .path("node");
    JsonNode seenBySupervisor = supervisor.post(CAMPAIGNS).data().path("screeningCampaigns").path("edges").get(0)
        .path("node");

    JsonNode xinhua = village(seenByTownship, "hulin-town-xinhua");
    assertThat(xinhua.path("children").asInt()).isEqualTo(3);
    assertThat(xinhua.path("childrenVisited").asInt()).as("visited since the start").isEqualTo(1);
    assertThat(xinhua.path("visitedPercent").asInt()).isEqualTo(33);
    assertThat(xinhua.path("newFiles").asInt()).isEqualTo(1);
    assertThat(village(seenByTownship, "hulin-town-shengli").path("childrenVisited").asInt()).isEqualTo(1);
    int villagesOfTheTownship = seenByTownship.path("villages").size();
    assertThat(villagesOfTheTownship).as("every village, those without files too").isGreaterThan(2);
    assertThat(seenByTownship.path("progress").path("villages").asInt()).isEqualTo(villagesOfTheTownship);
    assertThat(seenByTownship.path("progress").path("children").asInt()).isEqualTo(4);
    assertThat(seenByTownship.path("progress").path("childrenVisited").asInt()).isEqualTo(2);
    assertThat(seenByTownship.path("progress").path("newFiles").asInt()).isEqualTo(1);
    assertThat(seenBySupervisor.path("villages")).as("a supervisor sees their own village").hasSize(1);
    assertThat(seenBySupervisor.path("progress").path("children").asInt()).isEqualTo(3);
    assertThat(seenBySupervisor.toString()).doesNotContain("孙");
  }

  @Test
  void a_village_report_is_versioned_and_a_stale_one_is_refused() {
    String campaign = start(civilAffairs, List.of());
    Map<String, Object> report = new HashMap<>(Map.of("campaignId", campaign, "villageId", "hulin-town-xinhua",
        "householdsChecked", 120, "completed", false, "expectedVersion", 0));

    var first = supervisor.post(REPORT, Map.of("input", report));
    var staleCopy = township.inLanguage("en").post(REPORT, Map.of("input", report));
    report.put("householdsChecked", 236);
    report.put("completed", true);
    report.put("expectedVersion", 1);
    var second = supervisor.post(REPORT, Map.of("input", report));

    assertThat(first.data().path("reportVillageScreening").path("village").path("version").asInt())
        .as(first.body()).isEqualTo(1);
    assertThat(staleCopy.data().path("reportVillageScreening").path("errors").get(0).path("message").asString())
        .isEqualTo("Someone else updated this village's progress; reload and report again.");
    JsonNode after = second.data().path("reportVillageScreening").path("village");
    assertThat(after.path("householdsChecked").asInt()).isEqualTo(236);
    assertThat(after.path("completed").asBoolean()).isTrue();
    assertThat(after.path("version").asInt()).isEqualTo(2);
    JsonNode totals = civilAffairs.post(CAMPAIGNS).data().path("screeningCampaigns").path("edges").get(0)
        .path("node").path("progress");
    assertThat(totals.path("villagesCompleted").asInt()).isEqualTo(1);
    assertThat(totals.path("householdsChecked").asInt()).isEqualTo(236);
  }

  @Test
  void a_supervisor_reports_only_their_village_and_only_while_the_campaign_runs() {
    String campaign = start(civilAffairs, List.of());
    var otherVillage = supervisor.post(REPORT, Map.of("input", Map.of("campaignId", campaign,
        "villageId", "hulin-town-shengli", "householdsChecked", 10, "completed", false)));
    assertThat(otherVillage.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    mongo.updateFirst(query(where("_id").is(campaign)), new Update().set("endsOn", today().minusDays(1)),
        ScreeningCampaign.class);
    var late = supervisor.post(REPORT, Map.of("input", Map.of("campaignId", campaign,
        "villageId", "hulin-town-xinhua", "householdsChecked", 10, "completed", true)));
    assertThat(late.data().path("reportVillageScreening").path("errors").get(0).path("code").asString())
        .isEqualTo("CAMPAIGN_NOT_RUNNING");
    assertThat(mongo.count(new Query(), VillageScreening.class)).isZero();
  }

  @Test
  void township_staff_start_campaigns_for_their_own_township_only_and_a_bad_period_stores_nothing() {
    var elsewhere = township.post(START, Map.of("input", Map.of("name", "排查", "townshipIds", List.of("hutou-town"),
        "startsOn", today().toString(), "endsOn", today().plusDays(5).toString())));
    var backwards = township.inLanguage("en").post(START, Map.of("input", Map.of("name", "排查",
        "startsOn", today().toString(), "endsOn", today().minusDays(5).toString())));

    assertThat(elsewhere.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(backwards.data().path("startScreeningCampaign").path("errors").get(0).path("field").asString())
        .isEqualTo("endsOn");
    assertThat(mongo.count(new Query(), ScreeningCampaign.class)).isZero();
    String own = start(township, List.of());
    assertThat(mongo.findById(own, ScreeningCampaign.class).townshipIds()).containsExactly("hulin-town");
    String hutou = start(civilAffairs, List.of("hutou-town"));
    assertThat(township.post(CAMPAIGNS).data().path("screeningCampaigns").path("edges").findValuesAsString("id"))
        .as("another township's campaign is not theirs").contains(own).doesNotContain(hutou);
  }

  @Test
  void every_role_outside_the_file_keepers_gets_nothing() {
    start(civilAffairs, List.of());
    for (String role : List.of(RoleNames.VOLUNTEER, RoleNames.FAMILY, RoleNames.CHARITY, RoleNames.DEPARTMENT_STAFF)) {
      var answer = GraphQlHttp.at(port).withToken(tokens.token("x-" + role, "x", List.of(role), Map.of()))
          .post(CAMPAIGNS);
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
    var supervisorStarts = supervisor.post(START, Map.of("input", Map.of("name", "排查", "startsOn",
        today().toString(), "endsOn", today().plusDays(5).toString())));
    assertThat(supervisorStarts.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(GraphQlHttp.at(port).post(CAMPAIGNS).errors().get(0).path("extensions").path("classification")
        .asString()).isEqualTo("UNAUTHORIZED");
  }

  /** Today in the city, read when asked: a run that crosses midnight sees the new day. */
  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
