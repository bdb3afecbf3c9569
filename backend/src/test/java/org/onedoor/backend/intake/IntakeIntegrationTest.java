package org.onedoor.backend.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.AtOnce;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestIntakes;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** The one door: receipts, routing into department queues, claims, closing, idempotency, limits. */
@IntegrationTest
class IntakeIntegrationTest {

  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) {
        receipt { code kind status emergency nextStep departments { department status } }
        errors { code field message } } }""";
  private static final String APPLY = """
      mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) {
        receipt { code kind status emergency nextStep departments { department status } }
        errors { code field message } } }""";
  private static final String STATUS = """
      query($code: String!) { intakeStatus(receiptCode: $code) {
        code kind status emergency submittedOn nextStep departments { department status } outcome } }""";
  private static final String QUEUE = """
      query($status: TaskStatus) { handlingTasks(status: $status, first: 50) { edges { node {
        id department lead status emergency dueAt township { name }
        intake { receiptCode kind content { __typename
          ... on MandatoryReport { place description immediateDanger reporterName }
          ... on AssistanceApplication { childName applicantPhone } } } } } } }""";
  private static final String CLAIM = """
      mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { id status claimedBy } errors { code } } }""";
  private static final String COMPLETE = """
      mutation($id: ID!, $outcome: String!) { completeTask(input: {taskId: $id, outcome: $outcome}) {
        task { id status } errors { code } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  IntakeSettings settings;

  @BeforeEach
  void clean() {
    mongo.remove(new Query(), Intake.class);
    mongo.remove(new Query(), HandlingTask.class);
    mongo.remove(new Query(), "rate_limits");
  }

  /** Anonymous from this class's own client address: its anonymous allowance is no other test class's. */
  private static String code(GraphQlHttp.Response submitted) {
    return submitted.data().path("submitMandatoryReport").path("receipt").path("code").asString();
  }

  private GraphQlHttp anonymous() {
    return GraphQlHttp.at(port).forwardedFor("192.0.2.31");
  }

  private GraphQlHttp staff(String role, String department) {
    return GraphQlHttp.at(port).withToken(tokens.token(role.toLowerCase() + "-" + department, "staff", List.of(role),
        department == null ? Map.of() : Map.of("department", department)));
  }

  private static Map<String, Object> report(String key) {
    return TestIntakes.report(key);
  }

  private static Map<String, Object> application(String key) {
    return TestIntakes.application(key);
  }

  @Test
  void an_anonymous_report_reaches_public_security_and_civil_affairs_first_and_its_receipt_reveals_nothing() {
    GraphQlHttp guardian = GraphQlHttp.at(port).withToken(tokens.token("family-1", "x", List.of(RoleNames.FAMILY),
        Map.of()));
    guardian.post(APPLY, Map.of("input", application(UUID.randomUUID().toString())));

    var submitted = anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));

    JsonNode receipt = submitted.data().path("submitMandatoryReport").path("receipt");
    String code = receipt.path("code").asString();
    assertThat(code).as(submitted.body()).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    assertThat(receipt.path("emergency").asBoolean()).isTrue();
    assertThat(receipt.path("nextStep").asString()).contains("公安", "民政");
    var lookup = anonymous().post(STATUS, Map.of("code", code.toLowerCase().replace("-", " ")));
    assertThat(lookup.data().path("intakeStatus").path("status").asString()).as(lookup.body()).isEqualTo("RECEIVED");
    assertThat(lookup.data().path("intakeStatus").path("departments").findValuesAsString("department"))
        .containsExactly("PUBLIC_SECURITY", "CIVIL_AFFAIRS");
    assertThat(lookup.body() + submitted.body()).doesNotContain("小军", "虎头村", "夜里", "NEIGHBOUR");

    JsonNode police = staff(RoleNames.DEPARTMENT_STAFF, "PUBLIC_SECURITY").post(QUEUE, Map.of()).data()
        .path("handlingTasks").path("edges");
    assertThat(police).hasSize(1);
    assertThat(police.get(0).path("node").path("intake").path("content").path("place").asString())
        .isEqualTo("虎头镇虎头村东头第三户");
    assertThat(police.get(0).path("node").path("intake").path("content").path("reporterName").isNull()).isTrue();
    JsonNode civil = staff(RoleNames.CIVIL_AFFAIRS, null).post(QUEUE, Map.of()).data().path("handlingTasks")
        .path("edges");
    assertThat(civil.get(0).path("node").path("emergency").asBoolean()).as("the report jumps the queue").isTrue();
    assertThat(civil.get(0).path("node").path("intake").path("receiptCode").asString()).isEqualTo(code);
    GraphQlHttp officer = staff(RoleNames.DEPARTMENT_STAFF, "PUBLIC_SECURITY");
    String policeTask = police.get(0).path("node").path("id").asString();
    officer.post(CLAIM, Map.of("id", policeTask));
    officer.post(COMPLETE, Map.of("id", policeTask, "outcome", "已出警，孩子安全。"));
    String next = anonymous().post(STATUS, Map.of("code", code)).data().path("intakeStatus").path("nextStep")
        .asString();
    assertThat(next).as("a department done is not said to be handling it").isEqualTo("公安已办结；民政正在办理。");
  }

  @Test
  void a_child_in_danger_right_now_is_due_within_the_hour_and_the_reporter_is_told_so() {
    Map<String, Object> danger = new HashMap<>(report(UUID.randomUUID().toString()));
    danger.put("immediateDanger", true);
    Map<String, Object> calm = new HashMap<>(report(UUID.randomUUID().toString()));
    calm.put("immediateDanger", false);

    JsonNode urgent = anonymous().post(REPORT, Map.of("input", danger)).data().path("submitMandatoryReport")
        .path("receipt");
    JsonNode later = anonymous().post(REPORT, Map.of("input", calm)).data().path("submitMandatoryReport")
        .path("receipt");

    assertThat(urgent.path("nextStep").asString()).contains("此刻有危险", "110", "公安");
    assertThat(later.path("nextStep").asString()).doesNotContain("此刻有危险").contains("首次响应期限");
    for (HandlingTask task : mongo.findAll(HandlingTask.class)) {
      Intake intake = mongo.findById(task.intakeId(), Intake.class);
      java.time.Duration due = java.time.Duration.between(task.createdAt(), task.dueAt());
      if (intake.receiptCode().equals(urgent.path("code").asString())) {
        assertThat(due).as("in danger now: within the hour").isLessThanOrEqualTo(java.time.Duration.ofHours(1));
      } else {
        assertThat(due).as("the routing rule's deadline").isEqualTo(java.time.Duration.ofHours(24));
      }
    }
  }

  @Test
  void submitting_the_same_idempotency_key_twice_creates_one_intake_with_one_receipt() {
    String key = UUID.randomUUID().toString();
    GraphQlHttp guardian = GraphQlHttp.at(port).withToken(tokens.token("family-2", "x", List.of(RoleNames.FAMILY),
        Map.of()));

    String first = guardian.post(APPLY, Map.of("input", application(key))).data()
        .path("submitAssistanceApplication").path("receipt").path("code").asString();
    String second = guardian.post(APPLY, Map.of("input", application(key))).data()
        .path("submitAssistanceApplication").path("receipt").path("code").asString();

    assertThat(second).isEqualTo(first);
    assertThat(mongo.count(new Query(), Intake.class)).isEqualTo(1);
    assertThat(mongo.count(new Query(), HandlingTask.class))
        .as("health, social security and the disabled persons' federation, once each").isEqualTo(3);
  }

  @Test
  void a_key_reused_by_another_caller_or_for_other_content_or_another_kind_is_a_new_submission_never_a_replay() {
    mongo.dropCollection("rate_limits"); // this test's anonymous submissions are not what the limit is about
    String key = UUID.randomUUID().toString();
    GraphQlHttp guardian = GraphQlHttp.at(port).withToken(tokens.token("family-5", "x", List.of(RoleNames.FAMILY),
        Map.of()));
    String victims = guardian.post(APPLY, Map.of("input", application(key))).data()
        .path("submitAssistanceApplication").path("receipt").path("code").asString();

    GraphQlHttp another = GraphQlHttp.at(port).withToken(tokens.token("family-6", "x", List.of(RoleNames.FAMILY),
        Map.of()));
    var sameContentOtherCaller = another.post(APPLY, Map.of("input", application(key)));
    Map<String, Object> other = new HashMap<>(application(key));
    other.put("childName", "别的孩子");
    var otherContentAnonymous = anonymous().post(APPLY, Map.of("input", other));
    var sameContentAnonymous = anonymous().post(APPLY, Map.of("input", application(key)));
    var reportWithTheKey = guardian.post(REPORT, Map.of("input", report(key)));

    for (var answer : List.of(sameContentOtherCaller, otherContentAnonymous, sameContentAnonymous, reportWithTheKey)) {
      assertThat(answer.body()).as("another's key gives another's receipt to nobody").doesNotContain(victims);
      assertThat(answer.errors()).isEmpty();
      assertThat(answer.body()).doesNotContain("\"code\":\"RATE_LIMITED\"");
    }
    assertThat(mongo.count(new Query(), Intake.class)).as(sameContentOtherCaller.body() + otherContentAnonymous.body()
        + sameContentAnonymous.body() + reportWithTheKey.body()).isEqualTo(5);
    assertThat(mongo.findAll(Intake.class)).extracting(Intake::idempotencyKey).as("only a hash of the key is kept")
        .doesNotContain(key).doesNotHaveDuplicates();
  }

  @Test
  void anonymous_submissions_are_limited_per_client_and_hour_and_the_refused_one_stores_nothing() {
    for (int i = 0; i < settings.anonymousPerHour(); i++) {
      var accepted = anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
      assertThat(accepted.data().path("submitMandatoryReport").path("errors").size()).as(accepted.body()).isZero();
    }

    var refused = anonymous().inLanguage("en").post(REPORT,
        Map.of("input", report(UUID.randomUUID().toString())));

    assertThat(refused.data().path("submitMandatoryReport").path("errors").get(0).path("code").asString())
        .isEqualTo("RATE_LIMITED");
    assertThat(refused.data().path("submitMandatoryReport").path("errors").get(0).path("message").asString())
        .contains("call 110");
    assertThat(mongo.count(new Query(), Intake.class)).isEqualTo(settings.anonymousPerHour());
    var signedIn = GraphQlHttp.at(port).withToken(tokens.token("family-3", "x", List.of(RoleNames.FAMILY), Map.of()))
        .post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
    assertThat(signedIn.data().path("submitMandatoryReport").path("errors").size()).as("signed in: not limited")
        .isZero();
  }

  @Test
  void invalid_input_is_refused_field_by_field_in_the_callers_language_and_stores_nothing() {
    Map<String, Object> input = application("short");
    input.put("applicantPhone", "12");
    input.put("childBirthDate", "2001-01-01");
    input.put("villageId", "hutou-town-hutou");
    input.put("categories", List.of());

    var refused = anonymous().inLanguage("en").post(APPLY, Map.of("input", input));

    JsonNode errors = refused.data().path("submitAssistanceApplication").path("errors");
    assertThat(errors.findValuesAsString("field")).as(refused.body()).containsExactlyInAnyOrder("idempotencyKey",
        "applicantPhone", "childBirthDate", "villageId", "categories");
    assertThat(errors.findValuesAsString("message")).contains("Choose at least one kind of help.");
    assertThat(mongo.count(new Query(), Intake.class)).isZero();
    assertThat(mongo.count(new Query(), HandlingTask.class)).isZero();
    assertThat(mongo.count(new Query(), "rate_limits")).as("a refused submission is not counted").isZero();
  }

  @Test
  void of_eight_staff_claiming_one_task_at_once_exactly_one_wins() throws Exception {
    anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
    String taskId = mongo.findOne(query(where("department").is("PUBLIC_SECURITY")), HandlingTask.class).id();
    List<Callable<JsonNode>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      GraphQlHttp officer = GraphQlHttp.at(port).withToken(tokens.token("officer-" + i, "民警", List.of(
          RoleNames.DEPARTMENT_STAFF), Map.of("department", "PUBLIC_SECURITY")));
      claims.add(() -> officer.post(CLAIM, Map.of("id", taskId)).data().path("claimTask"));
    }

    List<JsonNode> results = AtOnce.call(claims);

    assertThat(results.stream().filter(r -> r.path("errors").isEmpty()).count()).isEqualTo(1);
    assertThat(results.stream().filter(r -> !r.path("errors").isEmpty())
        .map(r -> r.path("errors").get(0).path("code").asString())).containsOnly("TASK_ALREADY_CLAIMED").hasSize(7);
    HandlingTask claimed = mongo.findById(taskId, HandlingTask.class);
    assertThat(claimed.status()).isEqualTo(TaskStatus.CLAIMED);
    assertThat(claimed.claimedBy()).startsWith("officer-");
  }

  @Test
  void the_intake_closes_with_the_outcomes_when_every_department_has_completed_its_task() {
    String code = anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString()))).data()
        .path("submitMandatoryReport").path("receipt").path("code").asString();
    GraphQlHttp police = staff(RoleNames.DEPARTMENT_STAFF, "PUBLIC_SECURITY");
    GraphQlHttp civil = staff(RoleNames.CIVIL_AFFAIRS, null);
    String policeTask = mongo.findOne(query(where("department").is("PUBLIC_SECURITY")), HandlingTask.class).id();
    String civilTask = mongo.findOne(query(where("department").is("CIVIL_AFFAIRS")), HandlingTask.class).id();

    police.post(CLAIM, Map.of("id", policeTask));
    assertThat(anonymous().post(STATUS, Map.of("code", code)).data().path("intakeStatus")
        .path("status").asString()).isEqualTo("IN_HANDLING");
    var notYours = staff(RoleNames.DEPARTMENT_STAFF, "PUBLIC_SECURITY").withToken(tokens.token("officer-x", "x",
        List.of(RoleNames.DEPARTMENT_STAFF), Map.of("department", "PUBLIC_SECURITY")))
        .post(COMPLETE, Map.of("id", policeTask, "outcome", "已出警"));
    assertThat(notYours.data().path("completeTask").path("errors").get(0).path("code").asString())
        .isEqualTo("TASK_NOT_YOURS");
    police.post(COMPLETE, Map.of("id", policeTask, "outcome", "已出警，孩子已安全。"));
    civil.post(CLAIM, Map.of("id", civilTask));
    civil.post(COMPLETE, Map.of("id", civilTask, "outcome", "已安排临时监护。"));

    JsonNode status = anonymous().post(STATUS, Map.of("code", code)).data().path("intakeStatus");
    assertThat(status.path("status").asString()).isEqualTo("CLOSED");
    assertThat(status.path("outcome").asString()).contains("公安：已出警，孩子已安全。", "民政：已安排临时监护。");
    assertThat(status.path("departments").findValuesAsString("status")).containsOnly("DONE");
  }

  @Test
  void an_application_opens_a_draft_file_for_a_new_child_and_attaches_to_it_the_next_time() {
    mongo.remove(new Query(), org.onedoor.backend.casefiles.CaseFile.class);
    GraphQlHttp guardian = GraphQlHttp.at(port).withToken(tokens.token("family-4", "x", List.of(RoleNames.FAMILY),
        Map.of()));

    guardian.post(APPLY, Map.of("input", application(UUID.randomUUID().toString())));
    guardian.post(APPLY, Map.of("input", application(UUID.randomUUID().toString())));

    List<Intake> intakes = mongo.findAll(Intake.class);
    assertThat(intakes).hasSize(2).extracting(Intake::caseFileId).doesNotContainNull().containsOnly(
        intakes.getFirst().caseFileId());
    var file = mongo.findById(intakes.getFirst().caseFileId(), org.onedoor.backend.casefiles.CaseFile.class);
    assertThat(file.draft()).isTrue();
    assertThat(file.name()).isEqualTo("刘小雨");
    assertThat(file.villageId()).isEqualTo("hulin-town-xinhua");
    GraphQlHttp township = GraphQlHttp.at(port).withToken(tokens.token("township-i", "x",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town")));
    var read = township.post("query($id: ID!) { caseFile(id: $id) { draft history { actor changes { field } } } }",
        Map.of("id", file.id()));
    assertThat(read.data().path("caseFile").path("draft").asBoolean()).as(read.body()).isTrue();
    assertThat(read.body()).contains("system:intake", "openedFromIntake");
    var confirmed = township.post("""
        mutation($input: UpdateCaseFileInput!) { updateCaseFile(input: $input) {
          caseFile { draft } errors { code } } }""", Map.of("input", Map.of("id", file.id(), "expectedVersion", 1,
        "confirmDraft", true)));
    assertThat(confirmed.data().path("updateCaseFile").path("caseFile").path("draft").asBoolean())
        .as(confirmed.body()).isFalse();
  }

  @Test
  void a_report_naming_a_child_attaches_to_the_one_file_of_that_name_and_the_receipt_says_nothing_of_it() {
    mongo.remove(new Query(), org.onedoor.backend.casefiles.CaseFile.class);
    GraphQlHttp guardian = GraphQlHttp.at(port).withToken(tokens.token("family-5", "x", List.of(RoleNames.FAMILY),
        Map.of()));
    Map<String, Object> input = application(UUID.randomUUID().toString());
    input.put("childName", "小军");
    input.put("townshipId", "hutou-town");
    input.put("villageId", "hutou-town-hutou");
    guardian.post(APPLY, Map.of("input", input));
    String fileId = mongo.findOne(new Query(), org.onedoor.backend.casefiles.CaseFile.class).id();

    var named = anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
    Map<String, Object> unnamed = report(UUID.randomUUID().toString());
    unnamed.put("childName", "不认识的孩子");
    var other = anonymous().post(REPORT, Map.of("input", unnamed));

    // Found by receipt code: what a report says is encrypted at rest (never looked up by the child's name there).
    assertThat(mongo.findOne(query(where("receiptCode").is(code(named))), Intake.class).caseFileId())
        .isEqualTo(fileId);
    assertThat(mongo.findOne(query(where("receiptCode").is(code(other))), Intake.class).caseFileId()).isNull();
    assertThat(named.body()).doesNotContain(fileId, "小军");
    assertThat(mongo.count(query(where("fileId").is(fileId).and("actor").is("system:intake")), "file_access_log"))
        .as("the system's look at the file is logged").isPositive();
  }

  @Test
  void the_claimer_records_actions_and_hands_a_task_back_and_a_colleague_takes_it_up() {
    anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
    String taskId = mongo.findOne(query(where("department").is("PUBLIC_SECURITY")), HandlingTask.class).id();
    GraphQlHttp first = GraphQlHttp.at(port).withToken(tokens.token("officer-a", "x", List.of(
        RoleNames.DEPARTMENT_STAFF), Map.of("department", "PUBLIC_SECURITY")));
    GraphQlHttp second = GraphQlHttp.at(port).withToken(tokens.token("officer-b", "x", List.of(
        RoleNames.DEPARTMENT_STAFF), Map.of("department", "PUBLIC_SECURITY")));
    String act = "mutation($id: ID!, $note: String!) { recordTaskAction(input: {taskId: $id, note: $note}) {"
        + " task { actions { by note handedBack } } errors { code } } }";
    String handBack = "mutation($id: ID!, $reason: String!) { handBackTask(input: {taskId: $id, reason: $reason}) {"
        + " task { status claimedBy } errors { code } } }";

    first.post(CLAIM, Map.of("id", taskId));
    var acted = first.post(act, Map.of("id", taskId, "note", "已电话联系学校"));
    var notYours = second.post(act, Map.of("id", taskId, "note", "x"));
    var handedBack = first.post(handBack, Map.of("id", taskId, "reason", "需转交虎头派出所"));
    var reclaimed = second.post(CLAIM, Map.of("id", taskId));

    assertThat(acted.data().path("recordTaskAction").path("task").path("actions").get(0).path("note").asString())
        .as(acted.body()).isEqualTo("已电话联系学校");
    assertThat(notYours.data().path("recordTaskAction").path("errors").get(0).path("code").asString())
        .isEqualTo("TASK_NOT_YOURS");
    assertThat(handedBack.data().path("handBackTask").path("task").path("status").asString()).isEqualTo("OPEN");
    assertThat(handedBack.data().path("handBackTask").path("task").path("claimedBy").isNull()).isTrue();
    assertThat(reclaimed.data().path("claimTask").path("task").path("claimedBy").asString()).isEqualTo("officer-b");
    assertThat(mongo.findById(taskId, HandlingTask.class).actions()).extracting(HandlingTask.Action::handedBack)
        .containsExactly(false, true);
  }

  @Test
  void only_the_routed_departments_see_and_claim_their_tasks() {
    anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
    String policeTask = mongo.findOne(query(where("department").is("PUBLIC_SECURITY")), HandlingTask.class).id();

    var education = staff(RoleNames.DEPARTMENT_STAFF, "EDUCATION");
    assertThat(education.post(QUEUE, Map.of()).data().path("handlingTasks").path("edges")).isEmpty();
    assertThat(education.post(CLAIM, Map.of("id", policeTask)).errors().get(0).path("extensions")
        .path("classification").asString()).isEqualTo("FORBIDDEN");
    for (String role : List.of(RoleNames.VOLUNTEER, RoleNames.FAMILY, RoleNames.CHARITY, RoleNames.SUPERVISOR,
        RoleNames.TOWNSHIP_STAFF)) {
      var answer = staff(role, null).post(QUEUE, Map.of());
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
    assertThat(anonymous().post(QUEUE, Map.of()).errors().get(0).path("extensions")
        .path("classification").asString()).isEqualTo("UNAUTHORIZED");
  }

  private static final String DESK = """
      query($townshipId: ID) { townshipIntakes(townshipId: $townshipId, first: 20) { edges { node {
        receiptCode kind emergency township { id } caseFileId
        tasks { department lead status } } } } }""";

  @Test
  void a_townships_intake_desk_lists_its_applications_and_reports_with_each_departments_task() {
    var applied = anonymous().post(APPLY, Map.of("input", application(UUID.randomUUID().toString())));
    String code = applied.data().path("submitAssistanceApplication").path("receipt").path("code").asString();
    anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
    GraphQlHttp hulinDesk = GraphQlHttp.at(port).withToken(tokens.token("desk-hulin", "乡镇 赵磊",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town")));

    JsonNode own = hulinDesk.post(DESK, Map.of()).data().path("townshipIntakes").path("edges");
    var another = hulinDesk.post(DESK, Map.of("townshipId", "hutou-town"));
    JsonNode all = staff(RoleNames.CIVIL_AFFAIRS, null).post(DESK, Map.of()).data().path("townshipIntakes")
        .path("edges");

    assertThat(own).hasSize(1);
    JsonNode intake = own.get(0).path("node");
    assertThat(intake.path("receiptCode").asString()).isEqualTo(code);
    assertThat(intake.path("caseFileId").asString()).as("a draft file for the new child").isNotBlank();
    assertThat(intake.path("tasks").findValuesAsString("department"))
        .containsExactly("HEALTH", "DISABLED_PERSONS_FEDERATION", "HUMAN_RESOURCES_SOCIAL_SECURITY");
    assertThat(intake.path("tasks").get(0).path("lead").asBoolean()).isTrue();
    assertThat(another.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(all).hasSize(2);
    assertThat(all.get(0).path("node").path("kind").asString()).as("newest first").isEqualTo("MANDATORY_REPORT");
    for (String role : List.of(RoleNames.DEPARTMENT_STAFF, RoleNames.SUPERVISOR, RoleNames.VOLUNTEER)) {
      assertThat(staff(role, "HEALTH").post(DESK, Map.of()).errors().get(0).path("extensions")
          .path("classification").asString()).as(role).isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void my_tasks_are_the_ones_i_claimed_and_a_receipt_code_finds_its_task() {
    anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
    anonymous().post(REPORT, Map.of("input", report(UUID.randomUUID().toString())));
    var officer = staff(RoleNames.DEPARTMENT_STAFF, "PUBLIC_SECURITY");
    String first = officer.post(QUEUE, Map.of()).data().path("handlingTasks").path("edges").get(0).path("node")
        .path("id").asString();
    officer.post(CLAIM, Map.of("id", first));

    var mine = officer.post("{ handlingTasks(claimedByMe: true) { edges { node { id status } } } }");

    assertThat(mine.data().path("handlingTasks").path("edges").findValuesAsString("id")).containsExactly(first);
    String code = mongo.findById(mongo.findById(first, HandlingTask.class).intakeId(), Intake.class).receiptCode();
    var byCode = officer.post("query($code: String) { handlingTasks(receiptCode: $code) { edges { node { id } } } }",
        Map.of("code", code.toLowerCase().replace("-", " ")));
    assertThat(byCode.data().path("handlingTasks").path("edges").findValuesAsString("id")).containsExactly(first);
    var unknown = officer.post("query($code: String) { handlingTasks(receiptCode: $code) { edges { node { id } } } }",
        Map.of("code", "AAAA-BBBB-CCCC"));
    assertThat(unknown.data().path("handlingTasks").path("edges")).isEmpty();
    assertThat(officer.post(QUEUE, Map.of()).data().path("handlingTasks").path("edges")).hasSize(2);
  }

  @Test
  void the_township_links_a_report_to_the_file_it_opens_for_the_child_and_the_files_history_shows_it() {
    Map<String, Object> input = report(UUID.randomUUID().toString());
    input.put("townshipId", "hulin-town");
    input.put("childName", "无名的孩子");
    var reported = anonymous().post(REPORT, Map.of("input", input));
    String code = reported.data().path("submitMandatoryReport").path("receipt").path("code").asString();
    Intake intake = mongo.findOne(query(where("receiptCode").is(code)), Intake.class);
    assertThat(intake.caseFileId()).as("no file of that name: not linked").isNull();
    GraphQlHttp hulin = GraphQlHttp.at(port).withToken(tokens.token("desk-link", "乡镇 赵磊",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town")));
    GraphQlHttp hutou = GraphQlHttp.at(port).withToken(tokens.token("desk-hutou", "乡镇 孙悦",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hutou-town")));
    Map<String, Object> child = new HashMap<>(org.onedoor.backend.support.TestChildren.fullChild());
    child.put("name", "秦小安");
    child.remove("supervisorId");
    String fileId = hulin.post(GraphQlHttp.document("createCaseFile"), Map.of("input", child)).data()
        .path("createCaseFile").path("caseFile").path("id").asString();
    String attach = """
        mutation($input: AttachIntakeFileInput!) { attachIntakeFile(input: $input) {
          intake { receiptCode caseFileId } errors { code field } } }""";

    var otherTownship = hutou.post(attach, Map.of("input", Map.of("intakeId", intake.id(), "caseFileId", fileId)));
    var unknownFile = hulin.post(attach, Map.of("input", Map.of("intakeId", intake.id(), "caseFileId", "nope")));
    var linked = hulin.post(attach, Map.of("input", Map.of("intakeId", intake.id(), "caseFileId", fileId)));

    assertThat(otherTownship.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(unknownFile.data().path("attachIntakeFile").path("errors").get(0).path("code").asString())
        .isEqualTo("FILE_NOT_FOUND");
    assertThat(linked.data().path("attachIntakeFile").path("intake").path("caseFileId").asString())
        .as(linked.body()).isEqualTo(fileId);
    var history = hulin.post("query($id: ID!) { caseFile(id: $id) { history { changes { field change } } } }",
        Map.of("id", fileId));
    assertThat(history.data().path("caseFile").path("history").findValuesAsString("field")).contains("intakeLinked");
    assertThat(anonymous().post(STATUS, Map.of("code", code)).body()).doesNotContain(fileId, "秦小安");
  }
}
