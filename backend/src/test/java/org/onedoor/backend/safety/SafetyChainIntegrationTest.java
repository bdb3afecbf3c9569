package org.onedoor.backend.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestChildren;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The safety chain after a mandatory report: the township and the supervisor hear of it, the police and civil
 * affairs record the steps in order with places from the registers, the assessment sets the file's risk tier and
 * drafts its needs, overdue steps escalate once, and every party sees only its own part.
 */
@IntegrationTest
class SafetyChainIntegrationTest {

  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) {
        receipt { code } errors { code field message } } }""";
  private static final String CHAINS = """
      query($filter: SafetyCaseFilter) { safetyCases(filter: $filter, first: 50) { edges { node {
        id version receiptCode caseFileId nextStep dueAt overdue immediateDanger lead departments allowedSteps
        township { id } } } } }""";
  private static final String CHAIN = """
      query($id: ID!) { safetyCase(id: $id) { id version nextStep closed caseFileId allowedSteps
        placeChoices { id kind name detail }
        steps { __typename step occurredAt recordedByName department
          ... on ChildSeen { seenBy note }
          ... on ImmediateSafety { placement placeName }
          ... on SafetyAssessment { capability riskTier needsOpened }
          ... on GuardianshipIntervention { measures documentRef decidedOn }
          ... on SafetyClosure { review } } } }""";
  private static final String RECORD = """
      mutation($input: RecordSafetyStepInput!) { recordSafetyStep(input: $input) {
        safetyCase { id version nextStep closed } errors { code field message } } }""";
  private static final String NOTIFICATIONS = """
      { myNotifications(first: 50) { edges { node { kind reference detail } } } }""";
  private static final String FILE = """
      query($id: ID!) { caseFile(id: $id) { riskTier nextVisitDue
        needs { category status }
        safetyCases { receiptCode closed steps { step recordedByName } } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  SafetyCases chains;

  private GraphQlHttp township;
  private GraphQlHttp police;
  private GraphQlHttp civil;
  private GraphQlHttp supervisor;
  private String childName;
  private String fileId;

  @BeforeEach
  void aChildOnFile() {
    township = staff("township-safety", "乡镇 赵磊", RoleNames.TOWNSHIP_STAFF, Map.of("township", "hulin-town"));
    police = staff("police-safety", "派出所 王警官", RoleNames.DEPARTMENT_STAFF, Map.of("department",
        "PUBLIC_SECURITY"));
    civil = staff("civil-safety", "民政 孙科长", RoleNames.CIVIL_AFFAIRS, Map.of());
    supervisor = staff("supervisor", "督导员 王芳", RoleNames.SUPERVISOR, Map.of("township", "hulin-town",
        "village", "hulin-town-xinhua"));
    childName = "安" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (Math.random() * 10)) + UUID.randomUUID().toString()
        .chars().filter(Character::isLetter).mapToObj(c -> String.valueOf((char) ('一' + c))).limit(2)
        .reduce("", String::concat);
    Map<String, Object> child = TestChildren.fullChild();
    child.put("name", childName);
    var created = township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", child));
    assertThat(created.data().path("createCaseFile").path("errors").size()).as(created.body()).isZero();
    fileId = created.data().path("createCaseFile").path("caseFile").path("id").asString();
  }

  private GraphQlHttp staff(String subject, String name, String role, Map<String, String> scope) {
    return GraphQlHttp.at(port).withToken(tokens.token(subject, name, List.of(role), scope));
  }

  /** An anonymous neighbour reports the child left alone; the chain of the report. */
  private JsonNode reportChildLeftAlone(boolean danger) {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", UUID.randomUUID().toString());
    input.put("reporterKind", "NEIGHBOUR");
    input.put("townshipId", "hulin-town");
    input.put("villageId", "hulin-town-xinhua");
    input.put("place", "新华村二组");
    input.put("childName", childName);
    input.put("description", "孩子独自在家三天，没有大人照看。");
    input.put("immediateDanger", danger);
    var submitted = GraphQlHttp.at(port).forwardedFor("192.0.2." + (40 + (int) (Math.random() * 50)))
        .post(REPORT, Map.of("input", input));
    String code = submitted.data().path("submitMandatoryReport").path("receipt").path("code").asString();
    assertThat(code).as(submitted.body()).isNotBlank();
    JsonNode listed = police.post(CHAINS, Map.of("filter", Map.of("receiptCode", code))).data()
        .path("safetyCases").path("edges");
    assertThat(listed).as("the police, leading, see the chain").hasSize(1);
    // The report came in two hours ago: the steps below happened since.
    mongo.updateFirst(Query.query(Criteria.where("receiptCode").is(code)), new org.springframework.data.mongodb
        .core.query.Update().set("reportedAt", java.time.Instant.now().minus(Duration.ofHours(2))), SafetyCase.class);
    return listed.get(0).path("node");
  }

  private static String minutesAgo(int minutes) {
    return LocalDateTime.now(CityTime.ZONE).minusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES).toString();
  }

  private JsonNode record(GraphQlHttp who, String chainId, int version, String step, String at,
      Map<String, Object> details) {
    Map<String, Object> input = new HashMap<>(details);
    input.put("caseId", chainId);
    input.put("expectedVersion", version);
    input.put("step", step);
    input.put("occurredAt", at);
    var answer = who.inLanguage("en").post(RECORD, Map.of("input", input));
    assertThat(answer.errors()).as(answer.body()).isNullOrEmpty();
    return answer.data().path("recordSafetyStep");
  }

  private static List<String> codes(JsonNode payload) {
    return payload.path("errors").findValuesAsString("code");
  }

  @Test
  void a_report_is_followed_from_the_child_seen_to_the_closure_and_the_assessment_reaches_the_file() {
    JsonNode chain = reportChildLeftAlone(false);
    String id = chain.path("id").asString();
    assertThat(chain.path("caseFileId").asString()).as("the report named a child on file").isEqualTo(fileId);
    assertThat(chain.path("nextStep").asString()).isEqualTo("CHILD_SEEN");
    assertThat(chain.path("departments").findValuesAsString("departments")).isEmpty();
    assertThat(chain.path("departments").toString()).contains("PUBLIC_SECURITY", "CIVIL_AFFAIRS");
    String code = chain.path("receiptCode").asString();
    assertThat(township.post(NOTIFICATIONS).body()).as("the township hears of the report")
        .contains("REPORT_IN_AREA", code);
    assertThat(supervisor.post(NOTIFICATIONS).body()).as("so does the village's supervisor")
        .contains("REPORT_IN_AREA", code);
    String search = "query($s: String) { caseFiles(filter: {search: $s}) { edges { node { id } } } }";
    assertThat(township.post(search, Map.of("s", code.toLowerCase().replace("-", " "))).data().path("caseFiles")
        .path("edges").findValuesAsString("id")).as("the ledger finds the child by the report's receipt code")
        .containsExactly(fileId);
    GraphQlHttp elsewhere = staff("township-elsewhere", "远乡", RoleNames.TOWNSHIP_STAFF, Map.of("township",
        "hutou-town"));
    assertThat(elsewhere.post(search, Map.of("s", code)).data().path("caseFiles").path("edges"))
        .as("within the caller's scope only").isEmpty();

    JsonNode seen = record(police, id, 1, "CHILD_SEEN", minutesAgo(50),
        Map.of("childSeen", Map.of("seenBy", "虎林镇派出所 王警官", "note", "孩子饥饿，无外伤。")));
    assertThat(codes(seen)).isEmpty();
    assertThat(seen.path("safetyCase").path("nextStep").asString()).isEqualTo("IMMEDIATE_SAFETY");

    JsonNode places = civil.post(CHAIN, Map.of("id", id)).data().path("safetyCase").path("placeChoices");
    JsonNode grandmother = null;
    for (JsonNode place : places) {
      if ("RELATIVE".equals(place.path("kind").asString())) {
        grandmother = place;
      }
    }
    assertThat(grandmother).as("the relatives on the child's file are places: " + places).isNotNull();
    assertThat(grandmother.path("name").asString()).isEqualTo("李桂兰");
    assertThat(grandmother.path("detail").asString()).isEqualTo("祖母");
    assertThat(places.toString()).as("and the registers' institutions").contains("INSTITUTION");

    JsonNode safe = record(civil, id, 2, "IMMEDIATE_SAFETY", minutesAgo(30), Map.of("immediateSafety",
        Map.of("placement", "RELATIVE", "placeId", grandmother.path("id").asString())));
    assertThat(codes(safe)).isEmpty();

    JsonNode assessed = record(civil, id, 3, "ASSESSMENT", minutesAgo(10), Map.of("assessment", Map.of(
        "capability", "NONE", "risks", "父母外出务工，祖母年迈，孩子长期无人照看。", "riskTier", 1,
        "needsToOpen", List.of("BASIC_LIVING"))));
    assertThat(codes(assessed)).isEmpty();
    assertThat(assessed.path("safetyCase").path("nextStep").asString()).isEqualTo("CLOSURE");

    JsonNode file = township.post(FILE, Map.of("id", fileId)).data().path("caseFile");
    assertThat(file.path("riskTier").asInt()).isEqualTo(1);
    assertThat(file.path("needs").toString()).contains("BASIC_LIVING", "DRAFT");
    assertThat(supervisor.post(NOTIFICATIONS).body()).as("the supervisor gets the visit schedule")
        .contains("VISIT_SCHEDULE_SET");
    JsonNode due = supervisor.post(GraphQlHttp.document("visitsDue"), Map.of("filter", Map.of("withinDays", 7)))
        .data().path("visitsDue").path("edges");
    assertThat(due.toString()).as("the child is on the supervisor's round within a week").contains(fileId);

    JsonNode court = record(civil, id, 4, "INTERVENTION", minutesAgo(5), Map.of("intervention",
        Map.of("measures", List.of("COURT_REVOCATION"))));
    assertThat(codes(court)).containsExactly("DOCUMENT_REF_REQUIRED");
    JsonNode intervened = record(civil, id, 4, "INTERVENTION", minutesAgo(5), Map.of("intervention",
        Map.of("measures", List.of("WARNING_AND_EDUCATION", "COURT_REVOCATION"),
            "documentRef", "（2026）黑0381民特12号")));
    assertThat(codes(intervened)).isEmpty();
    GraphQlHttp judge = staff("court-safety", "人民法院 郑法官", RoleNames.DEPARTMENT_STAFF, Map.of("department",
        "COURT"));
    var courtRead = judge.post(CHAIN, Map.of("id", id));
    assertThat(courtRead.errors()).as("the court takes part once a revocation is applied for: " + courtRead.body())
        .isNullOrEmpty();
    assertThat(judge.post(NOTIFICATIONS).body()).contains("SAFETY_PART_GIVEN", code, "INTERVENTION");
    GraphQlHttp judiciary = staff("judiciary-safety", "司法局", RoleNames.DEPARTMENT_STAFF, Map.of("department",
        "JUDICIARY"));
    assertThat(judiciary.post(CHAIN, Map.of("id", id)).errors().get(0).path("extensions").path("classification")
        .asString()).as("no legal aid was asked for").isEqualTo("FORBIDDEN");
    JsonNode closed = record(township, id, 5, "CLOSURE", minutesAgo(1),
        Map.of("closure", Map.of("review", "孩子由祖母照看，村督导员每周走访。")));
    assertThat(codes(closed)).isEmpty();
    assertThat(closed.path("safetyCase").path("closed").asBoolean()).isTrue();

    JsonNode timeline = township.post(FILE, Map.of("id", fileId)).data().path("caseFile").path("safetyCases");
    assertThat(timeline.get(0).path("steps").findValuesAsString("step")).containsExactly("CHILD_SEEN",
        "IMMEDIATE_SAFETY", "ASSESSMENT", "INTERVENTION", "CLOSURE");
    assertThat(timeline.get(0).path("steps").findValuesAsString("recordedByName")).contains("派出所 王警官",
        "民政 孙科长", "乡镇 赵磊");
    JsonNode steps = civil.post(CHAIN, Map.of("id", id)).data().path("safetyCase").path("steps");
    assertThat(steps.get(1).path("placeName").asString()).isEqualTo("李桂兰（祖母）");
    assertThat(steps.get(3).path("documentRef").asString()).isEqualTo("（2026）黑0381民特12号");
  }

  @Test
  void steps_out_of_order_times_in_the_future_and_places_outside_the_registers_are_refused_and_nothing_stored() {
    JsonNode chain = reportChildLeftAlone(false);
    String id = chain.path("id").asString();

    JsonNode early = record(police, id, 1, "ASSESSMENT", minutesAgo(5), Map.of("assessment", Map.of(
        "capability", "NONE", "risks", "无人照看", "riskTier", 1)));
    assertThat(codes(early)).containsExactly("STEP_OUT_OF_ORDER");
    assertThat(early.path("errors").get(0).path("message").asString())
        .isEqualTo("This step cannot be recorded yet: the next step is child seen.");

    String tomorrow = LocalDateTime.now(CityTime.ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
    JsonNode future = record(police, id, 1, "CHILD_SEEN", tomorrow, Map.of("childSeen", Map.of("seenBy", "王警官")));
    assertThat(codes(future)).containsExactly("DATE_IN_FUTURE");
    JsonNode garbled = record(police, id, 1, "CHILD_SEEN", "昨天下午", Map.of("childSeen", Map.of("seenBy", " ")));
    assertThat(codes(garbled)).containsExactlyInAnyOrder("DATE_TIME_INVALID", "SEEN_BY_REQUIRED");

    assertThat(codes(record(police, id, 1, "CHILD_SEEN", minutesAgo(20),
        Map.of("childSeen", Map.of("seenBy", "王警官"))))).isEmpty();
    JsonNode nowhere = record(civil, id, 2, "IMMEDIATE_SAFETY", minutesAgo(10), Map.of("immediateSafety",
        Map.of("placement", "CARING_FAMILY", "placeId", "family:not-in-any-register")));
    assertThat(codes(nowhere)).containsExactly("PLACE_NOT_IN_REGISTER");
    JsonNode relativeAsFamily = record(civil, id, 2, "IMMEDIATE_SAFETY", minutesAgo(10), Map.of("immediateSafety",
        Map.of("placement", "CARING_FAMILY", "placeId", "relative:0")));
    assertThat(codes(relativeAsFamily)).as("a relative is not a caring family").containsExactly(
        "PLACE_NOT_IN_REGISTER");
    JsonNode beforeSeen = record(civil, id, 2, "IMMEDIATE_SAFETY", minutesAgo(40), Map.of("immediateSafety",
        Map.of("placement", "SAFE_AT_HOME")));
    assertThat(codes(beforeSeen)).containsExactly("DATE_BEFORE_PREVIOUS_STEP");
    JsonNode stale = record(civil, id, 1, "IMMEDIATE_SAFETY", minutesAgo(10), Map.of("immediateSafety",
        Map.of("placement", "SAFE_AT_HOME")));
    assertThat(codes(stale)).containsExactly("STALE_SAFETY_CHAIN");

    JsonNode after = civil.post(CHAIN, Map.of("id", id)).data().path("safetyCase");
    assertThat(after.path("version").asInt()).as("only the one valid step was stored").isEqualTo(2);
    assertThat(after.path("steps")).hasSize(1);
  }

  @Test
  void each_party_sees_only_its_part_and_reading_a_chain_is_a_logged_read_of_the_file() {
    JsonNode chain = reportChildLeftAlone(false);
    String id = chain.path("id").asString();

    GraphQlHttp education = staff("education-safety", "教育局", RoleNames.DEPARTMENT_STAFF,
        Map.of("department", "EDUCATION"));
    GraphQlHttp otherTownship = staff("township-far", "远乡", RoleNames.TOWNSHIP_STAFF,
        Map.of("township", "hutou-town"));
    GraphQlHttp charity = staff("charity-safety", "慈善会", RoleNames.CHARITY, Map.of());
    for (GraphQlHttp outsider : List.of(education, otherTownship, charity)) {
      var read = outsider.post(CHAIN, Map.of("id", id));
      assertThat(read.errors().get(0).path("extensions").path("classification").asString()).as(read.body())
          .isEqualTo("FORBIDDEN");
      assertThat(read.body()).doesNotContain(childName, "新华村");
    }
    assertThat(education.post(CHAINS, Map.of()).body()).doesNotContain(id);
    assertThat(otherTownship.post(CHAINS, Map.of()).body()).doesNotContain(id);

    var supervisorRead = supervisor.post(CHAIN, Map.of("id", id));
    assertThat(supervisorRead.errors()).as(supervisorRead.body()).isNullOrEmpty();
    assertThat(supervisorRead.data().path("safetyCase").path("placeChoices")).isEmpty();
    var supervisorWrite = supervisor.post(RECORD, Map.of("input", Map.of("caseId", id, "expectedVersion", 1,
        "step", "CHILD_SEEN", "occurredAt", minutesAgo(5), "childSeen", Map.of("seenBy", "督导员"))));
    assertThat(supervisorWrite.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");

    police.post(CHAIN, Map.of("id", id));
    JsonNode log = civil.post(GraphQlHttp.document("fileAccessLog"), Map.of("fileId", fileId,
        "actor", "police-safety", "first", 5)).data().path("fileAccessLog").path("edges");
    assertThat(log.size()).as("the police's read of the chain is in the file's access log").isPositive();
    assertThat(log.get(0).path("node").path("granted").asBoolean()).isTrue();
  }

  @Test
  void the_open_chains_page_on_past_the_first_page_within_the_callers_scope() {
    for (int i = 0; i < 3; i++) {
      reportChildLeftAlone(false);
    }
    String page = """
        query($after: String) { safetyCases(first: 1, after: $after) { edges { node { id township { id } } }
          pageInfo { hasNextPage endCursor } } }""";
    java.util.Set<String> seen = new java.util.HashSet<>();
    String after = null;
    for (int i = 0; i < 3; i++) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("after", after);
      var answer = township.post(page, variables);
      assertThat(answer.errors()).as(answer.body()).isNullOrEmpty();
      JsonNode connection = answer.data().path("safetyCases");
      connection.path("edges").forEach(e -> {
        seen.add(e.path("node").path("id").asString());
        assertThat(e.path("node").path("township").path("id").asString()).isEqualTo("hulin-town");
      });
      after = connection.path("pageInfo").path("endCursor").asString();
    }
    assertThat(seen).as("three pages of one, three different chains").hasSize(3);
  }

  @Test
  void an_overdue_step_escalates_once_to_civil_affairs_the_lead_and_the_township() {
    JsonNode chain = reportChildLeftAlone(true);
    String code = chain.path("receiptCode").asString();
    ZonedDateTime due = ZonedDateTime.parse(chain.path("dueAt").asString() + (chain.path("dueAt").asString()
        .endsWith("Z") ? "" : "Z"));
    assertThat(Duration.between(ZonedDateTime.now(), due).toMinutes()).as("a child in danger is seen within the hour")
        .isBetween(50L, 61L);

    int first = chains.run("probe-a", due.toInstant().plusSeconds(60));
    int again = chains.run("probe-b", due.toInstant().plusSeconds(120));

    assertThat(first).isPositive();
    assertThat(again).isZero();
    assertThat(civil.post(NOTIFICATIONS).body()).contains("SAFETY_STEP_OVERDUE", code, "CHILD_SEEN");
    assertThat(police.post(NOTIFICATIONS).body()).contains("SAFETY_STEP_OVERDUE", code);
    assertThat(township.post(NOTIFICATIONS).body()).contains("SAFETY_STEP_OVERDUE", code);
  }

  @Test
  void an_assessment_whose_effects_were_cut_short_is_finished_by_the_next_run_each_effect_once() {
    JsonNode chain = reportChildLeftAlone(false);
    String id = chain.path("id").asString();
    record(police, id, 1, "CHILD_SEEN", minutesAgo(50), Map.of("childSeen", Map.of("seenBy", "王警官")));
    record(civil, id, 2, "IMMEDIATE_SAFETY", minutesAgo(40), Map.of("immediateSafety",
        Map.of("placement", "SAFE_AT_HOME")));
    record(civil, id, 3, "ASSESSMENT", minutesAgo(30), Map.of("assessment", Map.of("capability", "LIMITED",
        "risks", "祖母年迈", "riskTier", 1, "needsToOpen", List.of("BASIC_LIVING", "PSYCHOLOGICAL"))));
    // As if the backend had stopped after the first need: the tier undone, the second need never drafted.
    Query ofFile = Query.query(Criteria.where("caseFileId").is(fileId).and("category").is("PSYCHOLOGICAL"));
    mongo.remove(ofFile, Need.class);
    mongo.updateFirst(Query.query(Criteria.where("_id").is(fileId)),
        new org.springframework.data.mongodb.core.query.Update().set("riskTier", 2), "case_files");
    mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new org.springframework.data.mongodb.core.query
        .Update().set("assessmentPending", true).set("needsDrafted", List.of("BASIC_LIVING")), SafetyCase.class);

    chains.run("probe-effects", java.time.Instant.now());
    chains.run("probe-effects-again", java.time.Instant.now());

    JsonNode file = township.post(FILE, Map.of("id", fileId)).data().path("caseFile");
    assertThat(file.path("riskTier").asInt()).isEqualTo(1);
    assertThat(mongo.count(Query.query(Criteria.where("caseFileId").is(fileId).and("category").is("BASIC_LIVING")),
        Need.class)).as("drafted once, not again").isEqualTo(1);
    assertThat(mongo.count(ofFile, Need.class)).as("the need left out is drafted").isEqualTo(1);
    assertThat(mongo.findById(id, SafetyCase.class).assessmentPending()).isFalse();
  }

  @Test
  void a_chain_whose_report_event_was_lost_is_opened_by_the_next_run() {
    JsonNode chain = reportChildLeftAlone(false);
    String code = chain.path("receiptCode").asString();
    mongo.remove(Query.query(Criteria.where("receiptCode").is(code)), SafetyCase.class);

    chains.run("probe-catch-up", java.time.Instant.now());

    JsonNode reopened = police.post(CHAINS, Map.of("filter", Map.of("receiptCode", code))).data()
        .path("safetyCases").path("edges");
    assertThat(reopened).hasSize(1);
    assertThat(reopened.get(0).path("node").path("nextStep").asString()).isEqualTo("CHILD_SEEN");
    assertThat(mongo.count(Query.query(Criteria.where("caseFileId").is(fileId)), Need.class)).isZero();
  }
}
