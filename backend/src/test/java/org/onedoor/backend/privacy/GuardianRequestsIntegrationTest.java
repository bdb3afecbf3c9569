package org.onedoor.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestChildren;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * A guardian's requests through staff: recorded for a file in scope with the day they are due, seen by the township
 * and civil affairs only, closed by whoever carries them out; an erasure carried out by civil affairs reduces the
 * file and is audited by whom, without the erased data; bad input is refused with a localised reason and stores
 * nothing.
 */
@IntegrationTest
class GuardianRequestsIntegrationTest {

  private static final String RECORD = """
      mutation($input: RecordGuardianRequestInput!) { recordGuardianRequest(input: $input) {
        request { id kind status requesterName receivedOn dueOn overdue details }
        errors { code field message } } }""";
  private static final String LIST = """
      query($status: GuardianRequestStatus) { guardianRequests(status: $status) {
        edges { node { id caseFileId kind status dueOn overdue outcome } } } }""";
  private static final String EXPORT = """
      mutation($input: ExportForGuardianRequestInput!) { exportForGuardianRequest(input: $input) {
        text request { disclosures { at byName } } errors { code field message } } }""";
  private static final String CLOSE = """
      mutation($input: %sInput!) { %s(input: $input) {
        request { id status outcome closedAt } errors { code field message } } }""";

  @LocalServerPort
  int port;
  @Autowired
  MongoTemplate mongo;
  @Autowired
  TestTokens tokens;

  private String file;

  @BeforeEach
  void aChildOfHulinTown() {
    mongo.remove(new Query(), "guardian_requests");
    mongo.remove(query(where("_id").is("need-of-erased")), "needs");
    mongo.remove(query(where("_id").is("match-of-erased")), "matches");
    // One child of that name in the township (a report naming her attaches to the one file of that name).
    mongo.remove(query(where("name").is("韩小雪")), org.onedoor.backend.casefiles.CaseFile.class);
    mongo.remove(new Query(), Retention.ERASURES);
    Map<String, Object> child = TestChildren.fullChild();
    child.put("name", "韩小雪");
    JsonNode created = township().post(GraphQlHttp.document("createCaseFile"), Map.of("input", child)).data()
        .path("createCaseFile");
    assertThat(created.path("errors")).as(created.toString()).isEmpty();
    file = created.path("caseFile").path("id").asString();
  }

  @Test
  void the_township_records_a_request_to_see_with_its_due_day_closes_it_and_others_do_not_see_it() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    JsonNode recorded = record(township(), "SEE", today.minusDays(2).toString(), null);
    assertThat(recorded.path("errors")).as(recorded.toString()).isEmpty();
    JsonNode request = recorded.path("request");
    assertThat(request.path("status").asString()).isEqualTo("OPEN");
    assertThat(request.path("dueOn").asString()).isEqualTo(today.minusDays(2).plusDays(15).toString());
    assertThat(request.path("overdue").asBoolean()).isFalse();
    assertThat(mongo.findOne(query(where("_id").is(request.path("id").asString())), Document.class,
        "guardian_requests").toJson()).as("the requester's name encrypted at rest").doesNotContain("韩建国");

    assertThat(ids(township(), null)).containsExactly(request.path("id").asString());
    assertThat(ids(civil(), "OPEN")).containsExactly(request.path("id").asString());
    assertThat(ids(as(RoleNames.TOWNSHIP_STAFF, Map.of("township", "hutou-town")), null))
        .as("another township sees nothing of it").isEmpty();
    for (String role : List.of(RoleNames.SUPERVISOR, RoleNames.DEPARTMENT_STAFF, RoleNames.VOLUNTEER)) {
      var refused = as(role, Map.of("township", "hulin-town", "village", "hulin-town-xinhua", "department",
          "EDUCATION")).post(LIST, Map.of());
      assertThat(refused.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }

    assertThat(close("completeGuardianRequest", township(), request.path("id").asString(), "已出示")
        .path("errors").findValuesAsString("code")).as("a request to see is done once its export was produced")
        .containsExactly("GUARDIAN_REQUEST_EXPORT_FIRST");
    assertThat(export(civil(), request.path("id").asString()).path("errors")).isEmpty();
    JsonNode done = close("completeGuardianRequest", township(), request.path("id").asString(),
        "已向监护人出示档案全部内容。");
    assertThat(done.path("request").path("status").asString()).as(done.toString()).isEqualTo("DONE");
    JsonNode again = close("completeGuardianRequest", township(), request.path("id").asString(), "再次");
    assertThat(again.path("errors").findValuesAsString("code")).containsExactly("GUARDIAN_REQUEST_CLOSED");
  }

  @Test
  void a_request_to_see_gets_a_readable_export_from_civil_affairs_recorded_as_a_disclosure() {
    String id = record(township(), "SEE", LocalDate.now().toString(), null).path("request").path("id").asString();
    long readsBefore = mongo.count(query(where("fileId").is(file).and("granted").is(true)), "file_access_log");
    // A police officer read the file for their duties: not in the guardian's copy.
    mongo.insert(new Document("at", new java.util.Date()).append("actor", "police-7").append("roles",
        List.of(RoleNames.DEPARTMENT_STAFF)).append("fileId", file).append("groups", List.of("IDENTITY"))
        .append("granted", true), "file_access_log");
    JsonNode produced = export(civil(), id);
    String export = produced.path("text").asString();
    assertThat(export).as(produced.toString()).contains("【儿童档案】", "姓名：韩小雪", "李桂兰", "祖母",
        "【档案修改记录】", "【查阅记录】", "【帮扶需求】", "【帮扶匹配（不含提供者身份）】", "已查阅", "本文本由民政局 测试于");
    assertThat(export).as("departments' reads for their duties are left out").doesNotContain("police-7");
    assertThat(mongo.count(query(where("fileId").is(file).and("granted").is(true)), "file_access_log"))
        .as("producing the export is a read of the file, logged").isGreaterThan(readsBefore + 1);
    assertThat(produced.path("request").path("disclosures").findValuesAsString("byName"))
        .as("the request records the disclosure and who made it").containsExactly("民政局 测试");

    String erase = record(township(), "ERASE", LocalDate.now().toString(), "删除").path("request").path("id")
        .asString();
    assertThat(export(civil(), erase).path("errors").findValuesAsString("code"))
        .containsExactly("GUARDIAN_REQUEST_WRONG_STEP");
    for (var refused : List.of(township().post(EXPORT, Map.of("input", Map.of("requestId", id))),
        as(RoleNames.TOWNSHIP_STAFF, Map.of("township", "hutou-town")).post(EXPORT, Map.of("input",
            Map.of("requestId", id))))) {
      assertThat(refused.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
      assertThat(refused.body()).doesNotContain("韩小雪");
    }

    // While the child is under protection — a chain open, or an intervention on the guardians recorded — no export.
    mongo.insert(new Document("_id", "chain-of-see").append("caseFileId", file).append("closed", false)
        .append("steps", List.of()), "safety_cases");
    JsonNode protectedChild = export(civil(), id);
    assertThat(protectedChild.path("errors").findValuesAsString("code"))
        .containsExactly("GUARDIAN_REQUEST_EXPORT_PROTECTION");
    assertThat(protectedChild.path("text").isNull()).isTrue();
    mongo.updateFirst(query(where("_id").is("chain-of-see")), new org.springframework.data.mongodb.core.query.Update()
        .set("closed", true).set("steps", List.of(new Document("_class",
            "org.onedoor.backend.safety.StepRecord$GuardianshipIntervention").append("measures",
            List.of("WARNING_AND_EDUCATION")))), "safety_cases");
    assertThat(export(civil(), id).path("errors").findValuesAsString("code"))
        .containsExactly("GUARDIAN_REQUEST_EXPORT_PROTECTION");
    // Such a request is answered in person, and closed saying what was told.
    String inPerson = record(township(), "SEE", LocalDate.now().toString(), null).path("request").path("id")
        .asString();
    assertThat(close("completeGuardianRequest", civil(), inPerson, "已当面告知监护人可以告知的内容。")
        .path("request").path("status").asString()).isEqualTo("DONE");
    mongo.remove(query(where("_id").is("chain-of-see")), "safety_cases");

    close("completeGuardianRequest", township(), id, "已交付监护人。");
    assertThat(export(civil(), id).path("errors").findValuesAsString("code")).as("a closed request gets no export")
        .containsExactly("GUARDIAN_REQUEST_CLOSED");
    assertThat(mongo.findById(id, Document.class, "guardian_requests").getList("disclosures", Document.class))
        .as("the refusals disclosed nothing").hasSize(1);
  }

  @Test
  void an_erasure_is_carried_out_by_civil_affairs_only_reduces_the_file_and_is_audited_by_whom() {
    String id = record(township(), "ERASE", LocalDate.now().toString(), "孩子已随父母迁往外省，请删除档案。")
        .path("request").path("id").asString();
    var township = township().post(CLOSE.formatted("EraseForGuardianRequest", "eraseForGuardianRequest"),
        Map.of("input", Map.of("requestId", id, "outcome", "x")));
    assertThat(township.errors().get(0).path("extensions").path("classification").asString())
        .as("township staff do not erase").isEqualTo("FORBIDDEN");
    assertThat(close("completeGuardianRequest", township(), id, "已删除").path("errors").findValuesAsString("code"))
        .as("an erasure is not closed by saying so").containsExactly("GUARDIAN_REQUEST_WRONG_STEP");
    assertThat(mongo.findById(file, Document.class, "case_files")).containsKey("name");

    // A report naming the child (attached to the one file of that name) and a match with a family assessment.
    Map<String, Object> report = org.onedoor.backend.support.TestIntakes.report(java.util.UUID.randomUUID().toString());
    report.put("townshipId", "hulin-town");
    report.put("childName", "韩小雪");
    report.put("reporterName", "邻居 吴大妈");
    String code = GraphQlHttp.at(port).forwardedFor("192.0.2.90").post("""
        mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) { receipt { code } } }""",
        Map.of("input", report)).data().path("submitMandatoryReport").path("receipt").path("code").asString();
    assertThat(mongo.findOne(query(where("receiptCode").is(code)), Document.class, "intakes").getString("caseFileId"))
        .isEqualTo(file);
    mongo.insert(new Document("_id", "match-of-erased").append("caseFileId", file).append("status", "CONFIRMED")
        .append("assessment", "寄养家庭评估：张家").append("outcomeNote", "孩子已入住"), "matches");
    // A need of the child's on the board (as publication leaves it).
    mongo.insert(new Document("_id", "need-of-erased").append("caseFileId", file).append("status", "PUBLISHED")
        .append("consentValidUntil", java.util.Date.from(LocalDate.now().plusYears(1).atStartOfDay(
            ZoneId.of("UTC")).toInstant())), "needs");
    // The report opened a safety chain: while it is open, the law keeps the file.
    Document chain = mongo.findOne(query(where("intakeId").is(mongo.findOne(query(where("receiptCode").is(code)),
        Document.class, "intakes").getString("_id"))), Document.class, "safety_cases");
    assertThat(chain).as("the report opened a chain").isNotNull();
    JsonNode waits = close("eraseForGuardianRequest", civil(), id, "删除");
    assertThat(waits.path("errors").findValuesAsString("code")).containsExactly("GUARDIAN_REQUEST_ERASE_OPEN_CHAIN");
    assertThat(mongo.findById(file, Document.class, "case_files")).as("nothing erased").containsKey("name");
    java.time.Instant at = java.time.Instant.now();
    mongo.updateFirst(query(where("_id").is(chain.getString("_id"))), new org.springframework.data.mongodb.core.query
        .Update().set("closed", true).push("steps").each(new org.onedoor.backend.safety.StepRecord.ChildSeen(at,
            at, "police-1", "派出所 王警官", null, "派出所 王警官", "孩子独自在家，右臂有淤青"),
            new org.onedoor.backend.safety.StepRecord.ImmediateSafety(at, at, "police-1", "派出所 王警官", null,
                org.onedoor.backend.safety.PlacementKind.RELATIVE, "g-1", "姑姑 韩美玲家", "暂住姑姑家"),
            new org.onedoor.backend.safety.StepRecord.SafetyAssessment(at, at, "civil-1", "民政 李", null,
                org.onedoor.backend.casefiles.GuardianCapability.LIMITED, "父亲酗酒，长期不在家", 3, List.of()),
            new org.onedoor.backend.safety.StepRecord.SafetyClosure(at, at, "civil-1", "民政 李", null,
                "孩子已由姑姑照料，风险解除")),
        org.onedoor.backend.safety.SafetyCase.class);
    // A placement with a family under way: the law keeps the file too.
    mongo.updateFirst(query(where("_id").is("match-of-erased")), new org.springframework.data.mongodb.core.query
        .Update().set("kind", "PLACEMENT").set("status", "DELIVERED"), "matches");
    assertThat(close("eraseForGuardianRequest", civil(), id, "删除").path("errors").findValuesAsString("code"))
        .containsExactly("GUARDIAN_REQUEST_ERASE_PLACEMENT");
    // Rejected, the placement keeps nothing back.
    mongo.updateFirst(query(where("_id").is("match-of-erased")), new org.springframework.data.mongodb.core.query
        .Update().set("status", "REJECTED"), "matches");

    JsonNode erased = close("eraseForGuardianRequest", civil(), id, "已按监护人要求删除档案的个人信息。");
    assertThat(erased.path("request").path("status").asString()).as(erased.toString()).isEqualTo("DONE");
    Document reduced = mongo.findById(file, Document.class, "case_files");
    assertThat(reduced).doesNotContainKeys("name", "nationalId", "address", "guardianship")
        .containsKeys("reducedAt", "townshipId");
    assertThat(mongo.findById("need-of-erased", Document.class, "needs").getString("status"))
        .as("the child's needs leave the board").isEqualTo("WITHDRAWN");
    assertThat(mongo.findOne(query(where("receiptCode").is(code)), Document.class, "intakes")
        .get("content", Document.class)).as("the report says nothing of the child any more")
        .doesNotContainKeys("childName", "description", "place", "reporterName");
    assertThat(mongo.findById("match-of-erased", Document.class, "matches"))
        .doesNotContainKeys("assessment", "outcomeNote").containsEntry("status", "REJECTED");
    Document erasedChain = mongo.findById(chain.getString("_id"), Document.class, "safety_cases");
    assertThat(erasedChain.getList("steps", Document.class)).as("the chain keeps its steps, not their notes")
        .hasSize(4).allSatisfy(step -> assertThat(step).doesNotContainKeys("note", "placeName", "placeId", "risks",
            "review").containsKeys("occurredAt", "recordedByName"));
    assertThat(erasedChain.getList("steps", Document.class).get(0)).containsEntry("seenBy", "派出所 王警官");
    var chainRead = civil().post("""
        query($id: ID!) { safetyCase(id: $id) { steps { step recordedByName
          ... on ChildSeen { note } ... on ImmediateSafety { placement placeName note }
          ... on SafetyAssessment { risks riskTier } ... on SafetyClosure { review } } } }""",
        Map.of("id", chain.getString("_id")));
    assertThat(chainRead.errors()).as("an erased chain still reads: " + chainRead.body()).isEmpty();
    assertThat(chainRead.data().path("safetyCase").path("steps").findValuesAsString("step")).containsExactly(
        "CHILD_SEEN", "IMMEDIATE_SAFETY", "ASSESSMENT", "CLOSURE");
    assertThat(chainRead.body()).doesNotContain("淤青", "韩美玲", "酗酒", "风险解除");
    var read = civil().post(GraphQlHttp.document("caseFile"), Map.of("id", file));
    assertThat(read.body()).as("the file is there for no one").doesNotContain("韩小雪");
    List<Document> audit = mongo.findAll(Document.class, Retention.ERASURES);
    assertThat(audit).singleElement().satisfies(entry -> {
      assertThat(entry.getString("kind")).isEqualTo("CHILD_FILE");
      assertThat(entry.getString("by")).isEqualTo("civil-privacy");
      assertThat(entry.getString("request")).isEqualTo(id);
    });
    assertThat(audit.toString()).doesNotContain("韩小雪", "韩建国");
  }

  @Test
  void civil_affairs_refuse_a_request_with_the_reason_and_an_old_request_shows_overdue() {
    String id = record(township(), "CORRECT", LocalDate.now().minusDays(20).toString(), "出生日期应为2015-03-09。")
        .path("request").path("id").asString();
    assertThat(ids(civil(), "OPEN")).containsExactly(id);
    JsonNode listed = civil().post(LIST, Map.of()).data().path("guardianRequests").path("edges").get(0).path("node");
    assertThat(listed.path("overdue").asBoolean()).as("received 20 days ago, due after 15").isTrue();

    JsonNode withoutReason = close("refuseGuardianRequest", civil(), id, " ");
    assertThat(withoutReason.path("errors").findValuesAsString("field")).containsExactly("outcome");
    // Another closing holds the request: this one waits; a hold left by a crash is taken over after ten minutes.
    mongo.updateFirst(query(where("_id").is(id)), new org.springframework.data.mongodb.core.query.Update()
        .set("closingSince", new java.util.Date()), "guardian_requests");
    assertThat(close("refuseGuardianRequest", civil(), id, "理由").path("errors").findValuesAsString("code"))
        .containsExactly("GUARDIAN_REQUEST_BUSY");
    mongo.updateFirst(query(where("_id").is(id)), new org.springframework.data.mongodb.core.query.Update()
        .set("closingSince", java.util.Date.from(java.time.Instant.now().minusSeconds(11 * 60))), "guardian_requests");
    JsonNode refused = close("refuseGuardianRequest", civil(), id, "户籍登记记录显示原日期无误。");
    assertThat(refused.path("request").path("status").asString()).isEqualTo("REFUSED");
    assertThat(ids(civil(), "OPEN")).isEmpty();
  }

  @Test
  void bad_input_is_refused_field_by_field_in_chinese_and_nothing_is_stored() {
    Map<String, Object> input = new HashMap<>(Map.of("caseFileId", file, "requesterName", "韩建国",
        "relationship", "父亲", "receivedOn", LocalDate.now().plusDays(3).toString()));
    input.put("kind", "CORRECT");
    JsonNode refused = township().post(RECORD, Map.of("input", input)).data().path("recordGuardianRequest");
    assertThat(refused.path("request").isNull()).isTrue();
    assertThat(refused.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("receivedOn",
        "details");
    assertThat(refused.path("errors").findValuesAsString("message")).allSatisfy(m -> assertThat(m)
        .containsPattern("\\p{IsHan}"));
    input.remove("kind");
    input.put("receivedOn", "2026-13-01");
    assertThat(township().post(RECORD, Map.of("input", input)).data().path("recordGuardianRequest")
        .path("errors").findValuesAsString("code")).contains("GUARDIAN_REQUEST_KIND_REQUIRED", "DATE_INVALID");
    var outOfScope = as(RoleNames.TOWNSHIP_STAFF, Map.of("township", "hutou-town")).post(RECORD,
        Map.of("input", Map.of("caseFileId", file, "kind", "SEE", "requesterName", "韩建国", "relationship", "父亲",
            "receivedOn", LocalDate.now().toString())));
    assertThat(outOfScope.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(mongo.count(new Query(), "guardian_requests")).isZero();
  }

  private JsonNode export(GraphQlHttp as, String requestId) {
    var answer = as.post(EXPORT, Map.of("input", Map.of("requestId", requestId)));
    assertThat(answer.errors()).as(answer.body()).isEmpty();
    return answer.data().path("exportForGuardianRequest");
  }

  private JsonNode record(GraphQlHttp as, String kind, String receivedOn, String details) {
    Map<String, Object> input = new HashMap<>(Map.of("caseFileId", file, "kind", kind, "requesterName", "韩建国",
        "relationship", "父亲", "receivedOn", receivedOn));
    if (details != null) {
      input.put("details", details);
    }
    return as.post(RECORD, Map.of("input", input)).data().path("recordGuardianRequest");
  }

  private JsonNode close(String mutation, GraphQlHttp as, String id, String outcome) {
    String type = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1);
    var answer = as.post(CLOSE.formatted(type, mutation), Map.of("input", Map.of("requestId", id, "outcome",
        outcome)));
    return answer.data().path(mutation);
  }

  private List<String> ids(GraphQlHttp as, String status) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("status", status);
    var answer = as.post(LIST, variables);
    assertThat(answer.errors()).as(answer.body()).isEmpty();
    return answer.data().path("guardianRequests").path("edges").findValuesAsString("id");
  }

  private GraphQlHttp township() {
    return as(RoleNames.TOWNSHIP_STAFF, Map.of("township", "hulin-town"));
  }

  private GraphQlHttp civil() {
    return GraphQlHttp.at(port).withToken(tokens.token("civil-privacy", "民政局 测试", List.of(
        RoleNames.CIVIL_AFFAIRS), Map.of()));
  }

  private GraphQlHttp as(String role, Map<String, String> scope) {
    return GraphQlHttp.at(port).withToken(tokens.token(role.toLowerCase() + "-" + scope.hashCode(), "staff " + role,
        List.of(role), scope));
  }
}
