package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;

/**
 * The departments' worklists from the files: each department sees the children of its remits with only what the
 * remit needs, every listed file logged, records what it did, and the child leaves the list once the file shows it.
 */
@IntegrationTest
class RemitsIntegrationTest {

  private static final String COUNTS = "{ myRemits { remit children } }";
  private static final String WORKLIST = """
      query($remit: Remit!, $after: String) { remitWorklist(remit: $remit, first: 100, after: $after) {
        edges { node { caseFileId remit childName age fact township { name } village { name }
          lastAction { doneOn note resolved recordedByName } } }
        pageInfo { hasNextPage endCursor } } }""";
  private static final String RECORD = """
      mutation($input: RecordRemitActionInput!) { recordRemitAction(input: $input) {
        action { id doneOn note resolved recordedByName } errors { code field message } } }""";
  private static final String FILE = """
      query($id: ID!) { caseFile(id: $id) { schooling { school grade status } benefits householdRegistration
        history { actorName changes { field change } } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  org.springframework.data.mongodb.core.MongoTemplate mongo;

  private GraphQlHttp township;
  private GraphQlHttp education;
  private GraphQlHttp police;
  private String name;
  private String fileId;

  @BeforeEach
  void aDropOut() {
    township = staff("township-remits", "乡镇 赵磊", RoleNames.TOWNSHIP_STAFF, Map.of("township", "hulin-town"));
    education = staff("education-remits", "教育局 陈静", RoleNames.DEPARTMENT_STAFF, Map.of("department",
        "EDUCATION"));
    police = staff("police-remits", "公安局 孙涛", RoleNames.DEPARTMENT_STAFF, Map.of("department",
        "PUBLIC_SECURITY"));
    name = "辍" + UUID.randomUUID().toString().chars().filter(Character::isLetter).limit(2)
        .mapToObj(c -> String.valueOf((char) ('丁' + c))).reduce("", String::concat);
    Map<String, Object> child = TestChildren.fullChild();
    child.put("name", name);
    child.put("birthDate", today().minusYears(13).toString());
    child.put("schooling", Map.of("school", "虎林镇中学", "grade", "初一", "status", "DROPPED_OUT"));
    child.remove("householdRegistration");
    var created = township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", child));
    assertThat(created.data().path("createCaseFile").path("errors").size()).as(created.body()).isZero();
    fileId = created.data().path("createCaseFile").path("caseFile").path("id").asString();
  }

  private GraphQlHttp staff(String subject, String display, String role, Map<String, String> scope) {
    return GraphQlHttp.at(port).withToken(tokens.token(subject, display, List.of(role), scope));
  }

  private JsonNode item(GraphQlHttp who, String remit) {
    String after = null;
    while (true) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("remit", remit);
      variables.put("after", after);
      var answer = who.post(WORKLIST, variables);
      assertThat(answer.errors()).as(answer.body()).isNullOrEmpty();
      JsonNode page = answer.data().path("remitWorklist");
      for (JsonNode edge : page.path("edges")) {
        if (fileId.equals(edge.path("node").path("caseFileId").asString())) {
          return edge.path("node");
        }
      }
      if (!page.path("pageInfo").path("hasNextPage").asBoolean()) {
        return null;
      }
      after = page.path("pageInfo").path("endCursor").asString();
    }
  }

  private JsonNode record(GraphQlHttp who, Map<String, Object> input) {
    var answer = who.inLanguage("en").post(RECORD, Map.of("input", input));
    assertThat(answer.errors()).as(answer.body()).isNullOrEmpty();
    return answer.data().path("recordRemitAction");
  }

  @Test
  void education_sees_the_drop_out_records_the_return_to_school_and_the_child_leaves_the_list() {
    assertThat(education.post(COUNTS).data().path("myRemits").findValuesAsString("remit"))
        .containsExactly("DROPPED_OUT", "SPECIAL_EDUCATION");
    JsonNode item = item(education, "DROPPED_OUT");
    assertThat(item).as("the drop-out is on education's list").isNotNull();
    assertThat(item.path("childName").asString()).isEqualTo(name);
    assertThat(item.path("age").asInt()).isEqualTo(13);
    assertThat(item.path("fact").asString()).isEqualTo("DROPPED_OUT");
    assertThat(item.path("village").path("name").asString()).isEqualTo("新华村");

    JsonNode visit = record(education, Map.of("caseFileId", fileId, "remit", "DROPPED_OUT",
        "doneOn", today().minusDays(2).toString(), "note", "家访，动员返校。"));
    assertThat(visit.path("errors")).isEmpty();
    assertThat(item(education, "DROPPED_OUT").path("lastAction").path("note").asString()).isEqualTo("家访，动员返校。");

    JsonNode back = record(education, Map.of("caseFileId", fileId, "remit", "DROPPED_OUT",
        "doneOn", today().toString(), "note", "已返校复课。", "resolved", true,
        "resolution", Map.of("schoolingStatus", "ENROLLED", "school", "虎林镇中学", "grade", "初一")));
    assertThat(back.path("errors")).isEmpty();

    assertThat(item(education, "DROPPED_OUT")).as("the file shows the child back in school").isNull();
    JsonNode file = township.post(FILE, Map.of("id", fileId)).data().path("caseFile");
    assertThat(file.path("schooling").path("status").asString()).isEqualTo("ENROLLED");
    assertThat(file.path("history").get(0).path("actorName").asString()).isEqualTo("教育局 陈静");
    assertThat(file.path("history").get(0).path("changes").findValuesAsString("field")).containsExactly("schooling");
  }

  @Test
  void the_police_register_the_child_and_a_department_sees_and_records_only_its_own_remits() {
    assertThat(item(police, "HOUSEHOLD_REGISTRATION")).as("no household registration on file").isNotNull();
    var foreign = police.post(WORKLIST, Map.of("remit", "DROPPED_OUT"));
    assertThat(foreign.errors().get(0).path("extensions").path("classification").asString()).as(foreign.body())
        .isEqualTo("FORBIDDEN");
    assertThat(foreign.body()).doesNotContain(name);
    var notMine = police.post(RECORD, Map.of("input", Map.of("caseFileId", fileId, "remit", "DROPPED_OUT",
        "doneOn", today().toString(), "note", "x")));
    assertThat(notMine.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    var township = this.township.post(COUNTS);
    assertThat(township.errors().get(0).path("extensions").path("classification").asString())
        .as("township staff have no department remits").isEqualTo("FORBIDDEN");

    JsonNode missing = record(police, Map.of("caseFileId", fileId, "remit", "HOUSEHOLD_REGISTRATION",
        "doneOn", today().toString(), "note", "已办理落户。", "resolved", true));
    assertThat(missing.path("errors").findValuesAsString("code")).containsExactly("REGISTRATION_REQUIRED");
    JsonNode registered = record(police, Map.of("caseFileId", fileId, "remit", "HOUSEHOLD_REGISTRATION",
        "doneOn", today().toString(), "note", "已办理落户。", "resolved", true,
        "resolution", Map.of("householdRegistration", "黑龙江省虎林市虎林镇新华村")));
    assertThat(registered.path("errors")).isEmpty();
    assertThat(item(police, "HOUSEHOLD_REGISTRATION")).isNull();
    assertThat(this.township.post(FILE, Map.of("id", fileId)).data().path("caseFile").path("householdRegistration")
        .asString()).isEqualTo("黑龙江省虎林市虎林镇新华村");
  }

  @Test
  void every_page_of_a_worklist_holds_only_children_of_the_remit() {
    for (int i = 0; i < 3; i++) {
      Map<String, Object> child = TestChildren.fullChild();
      child.put("name", name + i);
      child.remove("householdRegistration");
      township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", child));
    }
    long expected = police.post(COUNTS).data().path("myRemits").get(0).path("children").asLong();
    String query = WORKLIST.replace("first: 100", "first: 2");
    java.util.Set<String> seen = new java.util.HashSet<>();
    String after = null;
    for (int page = 0; page < 10; page++) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("remit", "HOUSEHOLD_REGISTRATION");
      variables.put("after", after);
      JsonNode connection = police.post(query, variables).data().path("remitWorklist");
      connection.path("edges").forEach(e -> seen.add(e.path("node").path("caseFileId").asString()));
      if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
        break;
      }
      after = connection.path("pageInfo").path("endCursor").asString();
    }
    assertThat(seen).as("pages past the first keep the remit's filter").hasSizeLessThanOrEqualTo((int) expected);
    for (String id : seen) {
      org.bson.Document file = mongo.findById(id, org.bson.Document.class, "case_files");
      assertThat(file.getString("householdRegistration")).as(id).isNullOrEmpty();
    }
  }

  @Test
  void bad_input_is_refused_field_by_field_and_nothing_is_stored() {
    JsonNode refused = record(education, Map.of("caseFileId", fileId, "remit", "DROPPED_OUT",
        "doneOn", today().plusDays(3).toString(), "note", " ", "resolved", true,
        "resolution", Map.of("schoolingStatus", "SUSPENDED")));
    assertThat(refused.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("doneOn", "note",
        "resolution.schoolingStatus");
    assertThat(refused.path("errors").findValuesAsString("message")).contains("Please describe what was done.");
    JsonNode item = item(education, "DROPPED_OUT");
    assertThat(item).isNotNull();
    assertThat(item.path("lastAction").isNull()).isTrue();

    JsonNode elsewhere = record(education, Map.of("caseFileId", "no-such-file", "remit", "DROPPED_OUT",
        "doneOn", today().toString(), "note", "x"));
    assertThat(elsewhere.path("errors").findValuesAsString("code")).containsExactly("NOT_IN_REMIT");
  }

  @Test
  void every_child_listed_is_a_logged_read_of_the_file() {
    item(education, "DROPPED_OUT");
    GraphQlHttp civil = staff("civil-remits", "民政", RoleNames.CIVIL_AFFAIRS, Map.of());
    JsonNode log = civil.post(GraphQlHttp.document("fileAccessLog"), Map.of("fileId", fileId,
        "actor", "education-remits", "first", 5)).data().path("fileAccessLog").path("edges");
    assertThat(log.size()).isPositive();
    assertThat(log.get(0).path("node").path("groups").toString()).contains("IDENTITY", "LOCATION", "CIRCUMSTANCES");
  }

  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
