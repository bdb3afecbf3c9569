package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.AtOnce;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class CaseFilesIntegrationTest {

  private static final String ID_NUMBER = "23038120150308123" + NationalIdTest.check("23038120150308123");

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private GraphQlHttp township;
  private GraphQlHttp xinhuaSupervisor;

  @BeforeEach
  void callers() {
    township = as(RoleNames.TOWNSHIP_STAFF, Map.of("township", "hulin-town"));
    xinhuaSupervisor = as(RoleNames.SUPERVISOR, Map.of("township", "hulin-town", "village", "hulin-town-xinhua"));
  }

  private GraphQlHttp as(String role, Map<String, String> scope) {
    return GraphQlHttp.at(port).withToken(tokens.token(role.toLowerCase() + "-" + scope.hashCode(), "staff " + role,
        List.of(role), scope));
  }

  private static Map<String, Object> child(String villageId) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "王小明");
    input.put("sex", "MALE");
    input.put("birthDate", "2015-03-08");
    input.put("nationalId", ID_NUMBER);
    input.put("townshipId", "hulin-town");
    input.put("villageId", villageId);
    input.put("address", "虎林镇新华村三组12号");
    input.put("causes", List.of("POVERTY", "GUARDIANSHIP"));
    input.put("riskTier", 2);
    return input;
  }

  private String open(GraphQlHttp caller, String villageId) {
    var created = caller.post(GraphQlHttp.document("createCaseFile"), Map.of("input", child(villageId)));
    JsonNode payload = created.data().path("createCaseFile");
    assertThat(payload.path("errors").size()).as(created.body()).isZero();
    return payload.path("caseFile").path("id").asString();
  }

  @Test
  void township_staff_open_a_file_in_their_township_and_the_village_supervisor_reads_it() {
    String id = open(township, "hulin-town-xinhua");

    var read = xinhuaSupervisor.post(GraphQlHttp.document("caseFile"), Map.of("id", id));

    JsonNode file = read.data().path("caseFile");
    assertThat(file.path("name").asString()).as(read.body()).isEqualTo("王小明");
    assertThat(file.path("birthDate").asString()).isEqualTo("2015-03-08");
    assertThat(file.path("nationalId").asString()).isEqualTo(ID_NUMBER);
    assertThat(file.path("village").path("name").asString()).isEqualTo("新华村");
    assertThat(file.path("township").path("name").asString()).isEqualTo("虎林镇");
    assertThat(file.path("version").asInt()).isEqualTo(1);
  }

  @Test
  void a_supervisor_cannot_read_another_villages_file_and_the_error_reveals_nothing() {
    String id = open(township, "hulin-town-shengli");

    var read = xinhuaSupervisor.post(GraphQlHttp.document("caseFile"), Map.of("id", id));

    assertThat(read.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
    assertThat(read.data().path("caseFile").isNull()).isTrue();
    assertThat(read.body()).doesNotContain("王小明", "胜利村", "shengli", ID_NUMBER, "2015", "三组", "Exception");
  }

  /** The whole answer, without the per-request id an error may carry (it differs from one request to the next). */
  private static JsonNode withoutRequestIds(GraphQlHttp.Response response) {
    JsonNode answer = response.json().deepCopy();
    answer.path("errors").forEach(error -> {
      if (error.path("extensions") instanceof ObjectNode errorExtensions) {
        errorExtensions.remove("requestId");
      }
    });
    if (answer.path("extensions") instanceof ObjectNode topExtensions) {
      topExtensions.remove("requestId");
    }
    return answer;
  }

  @Test
  void a_file_that_does_not_exist_looks_the_same_as_one_out_of_scope() {
    String elsewhere = open(township, "hulin-town-shengli");

    var outOfScope = xinhuaSupervisor.post(GraphQlHttp.document("caseFile"), Map.of("id", elsewhere));
    var missing = xinhuaSupervisor.post(GraphQlHttp.document("caseFile"), Map.of("id", "no-such-file"));

    assertThat(missing.status()).isEqualTo(outOfScope.status());
    assertThat(withoutRequestIds(missing)).as(missing.body() + "\nvs\n" + outOfScope.body())
        .isEqualTo(withoutRequestIds(outOfScope));
    // What both say is the bare refusal: no message, path or extension beyond it.
    JsonNode answer = withoutRequestIds(missing);
    assertThat(answer.path("data").path("caseFile").isNull()).as(missing.body()).isTrue();
    assertThat(answer.path("errors")).hasSize(1);
    JsonNode error = answer.path("errors").get(0);
    assertThat(error.path("message").asString()).isEqualTo("Forbidden");
    assertThat(error.path("path").toString()).isEqualTo("[\"caseFile\"]");
    assertThat(error.path("extensions").toString()).isEqualTo("{\"classification\":\"FORBIDDEN\"}");
    assertThat(missing.body()).doesNotContain("no-such-file");
    assertThat(outOfScope.body()).doesNotContain(elsewhere);
  }

  static Stream<Arguments> rolesWithoutFiles() {
    return Stream.of(Arguments.of(RoleNames.VOLUNTEER), Arguments.of(RoleNames.FAMILY), Arguments.of(RoleNames.CHARITY),
        Arguments.of(RoleNames.DEPARTMENT_STAFF));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rolesWithoutFiles")
  void volunteers_families_charities_and_department_staff_never_see_a_file(String role) {
    String id = open(township, "hulin-town-xinhua");

    var read = as(role, Map.of("department", "EDUCATION")).post(GraphQlHttp.document("caseFile"), Map.of("id", id));

    assertThat(read.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
    assertThat(read.body()).doesNotContain("王小明");
  }

  @Test
  void the_public_never_sees_a_file() {
    String id = open(township, "hulin-town-xinhua");

    var read = GraphQlHttp.at(port).post(GraphQlHttp.document("caseFile"), Map.of("id", id));

    assertThat(read.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
    assertThat(read.body()).doesNotContain("王小明");
  }

  @Test
  void civil_affairs_read_any_file_and_every_read_granted_or_denied_is_in_the_access_log() {
    String id = open(township, "hulin-town-shengli");
    var civil = as(RoleNames.CIVIL_AFFAIRS, Map.of());

    civil.post(GraphQlHttp.document("caseFile"), Map.of("id", id));
    civil.post("query($id: ID!) { caseFile(id: $id) { riskTier } }", Map.of("id", id));
    xinhuaSupervisor.post(GraphQlHttp.document("caseFile"), Map.of("id", id));

    List<Document> log = mongo.find(new Query(Criteria.where("fileId").is(id)), Document.class,
        FileAccessLog.COLLECTION);
    assertThat(log).hasSize(3);
    assertThat(log.get(0).getList("groups", String.class)).containsExactly("CIRCUMSTANCES", "IDENTITY", "LOCATION",
        "RECORD");
    assertThat(log.get(1).getList("groups", String.class)).containsExactly("CIRCUMSTANCES");
    assertThat(log).extracting(d -> d.getBoolean("granted")).containsExactly(true, true, false);
    assertThat(log).allSatisfy(entry -> assertThat(entry.toJson()).doesNotContain("王小明", ID_NUMBER));
  }

  @Test
  void an_edit_and_a_visit_are_logged_with_the_field_groups_their_answers_return() {
    String id = open(township, "hulin-town-xinhua");
    mongo.remove(new Query(Criteria.where("fileId").is(id)), FileAccessLog.COLLECTION);

    xinhuaSupervisor.post("""
        mutation($input: UpdateCaseFileInput!) { updateCaseFile(input: $input) {
          caseFile { id version name address causes } errors { code } } }""",
        Map.of("input", Map.of("id", id, "expectedVersion", 1, "riskTier", 1)));
    xinhuaSupervisor.post("""
        mutation($input: UpdateCaseFileInput!) { updateCaseFile(input: $input) {
          caseFile { id version } errors { code } } }""",
        Map.of("input", Map.of("id", id, "expectedVersion", 2, "riskTier", 2)));
    xinhuaSupervisor.post("""
        mutation($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) {
          visit { id findings } errors { code } } }""",
        Map.of("input", Map.of("caseFileId", id, "visitedOn",
            CityTime.today(java.time.Clock.systemUTC()).toString(), "findings", "家中取暖不足")));

    List<Document> log = mongo.find(new Query(Criteria.where("fileId").is(id)), Document.class,
        FileAccessLog.COLLECTION);
    assertThat(log).extracting(d -> d.getList("groups", String.class)).containsExactly(
        List.of("CIRCUMSTANCES", "IDENTITY", "LOCATION", "RECORD"), List.of("RECORD"),
        List.of("CIRCUMSTANCES", "RECORD"));
  }

  @Test
  void invalid_input_is_refused_field_by_field_in_the_callers_language_and_nothing_is_stored() {
    Map<String, Object> bad = child("hulin-town-xinhua");
    bad.put("name", " ");
    bad.put("birthDate", "2005-13-40");
    bad.put("nationalId", "230381201503081230");
    bad.put("villageId", "abei-township-abei");
    bad.put("causes", List.of());
    bad.put("riskTier", 7);
    long before = mongo.getCollection("case_files").countDocuments();

    var chinese = township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", bad));
    var english = township.inLanguage("en").post(GraphQlHttp.document("createCaseFile"), Map.of("input", bad));

    JsonNode errors = chinese.data().path("createCaseFile").path("errors");
    List<String> fields = new ArrayList<>();
    errors.forEach(e -> fields.add(e.path("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("name", "birthDate", "nationalId", "villageId", "causes", "riskTier");
    assertThat(errors.get(0).path("message").asString()).isEqualTo("请填写儿童姓名。");
    assertThat(english.data().path("createCaseFile").path("errors").get(0).path("message").asString())
        .isEqualTo("Please enter the child's name.");
    assertThat(chinese.data().path("createCaseFile").path("caseFile").isNull()).isTrue();
    assertThat(mongo.getCollection("case_files").countDocuments()).isEqualTo(before);
  }

  @Test
  void a_supervisor_cannot_open_a_file_for_another_village() {
    var created = xinhuaSupervisor.post(GraphQlHttp.document("createCaseFile"),
        Map.of("input", child("hulin-town-shengli")));

    assertThat(created.data().path("createCaseFile").path("errors").get(0).path("code").asString())
        .isEqualTo("OUT_OF_SCOPE");
  }

  @Test
  void a_stale_edit_is_refused_and_the_history_keeps_who_changed_what() {
    String id = open(township, "hulin-town-xinhua");

    var first = xinhuaSupervisor.post(GraphQlHttp.document("updateCaseFile"),
        Map.of("input", Map.of("id", id, "expectedVersion", 1, "riskTier", 1)));
    var stale = township.post(GraphQlHttp.document("updateCaseFile"),
        Map.of("input", Map.of("id", id, "expectedVersion", 1, "address", "虎林镇新华村四组3号")));

    assertThat(first.data().path("updateCaseFile").path("caseFile").path("version").asInt()).as(first.body())
        .isEqualTo(2);
    assertThat(stale.data().path("updateCaseFile").path("errors").get(0).path("code").asString())
        .isEqualTo("STALE_VERSION");
    var read = township.post(GraphQlHttp.document("caseFile"), Map.of("id", id)).data().path("caseFile");
    assertThat(read.path("riskTier").asInt()).isEqualTo(1);
    assertThat(read.path("address").asString()).isEqualTo("虎林镇新华村三组12号");
    List<Document> history = mongo.find(new Query(Criteria.where("fileId").is(id)), Document.class,
        CaseFiles.HISTORY);
    assertThat(history).extracting(h -> h.getLong("version")).containsExactly(1L, 2L);
    assertThat(history.get(1).get("changes", Document.class).getString("riskTier")).isEqualTo("2 -> 1");
  }

  @Test
  void of_concurrent_editors_working_from_one_version_exactly_one_wins() throws Exception {
    String id = open(township, "hulin-town-xinhua");
    List<Callable<JsonNode>> editors = new ArrayList<>();
    for (int tier = 1; tier <= 4; tier++) {
      int riskTier = tier == 2 ? 3 : tier;
      editors.add(() -> township.post(GraphQlHttp.document("updateCaseFile"),
          Map.of("input", Map.of("id", id, "expectedVersion", 1, "riskTier", riskTier, "address", "地址" + riskTier)))
          .data().path("updateCaseFile"));
    }

    List<JsonNode> results = AtOnce.call(editors);

    assertThat(results.stream().filter(r -> r.path("errors").isEmpty())).hasSize(1);
    assertThat(results.stream().filter(r -> !r.path("errors").isEmpty()))
        .allSatisfy(r -> assertThat(r.path("errors").get(0).path("code").asString()).isEqualTo("STALE_VERSION"));
    assertThat(township.post(GraphQlHttp.document("caseFile"), Map.of("id", id)).data().path("caseFile")
        .path("version").asInt()).isEqualTo(2);
  }

  private String open(GraphQlHttp caller, String townshipId, String villageId, String name, int riskTier) {
    Map<String, Object> input = child(villageId);
    input.put("townshipId", townshipId);
    input.put("name", name);
    input.put("riskTier", riskTier);
    var created = caller.post(GraphQlHttp.document("createCaseFile"), Map.of("input", input));
    JsonNode payload = created.data().path("createCaseFile");
    assertThat(payload.path("errors").size()).as(created.body()).isZero();
    return payload.path("caseFile").path("id").asString();
  }

  /** "riskTier name" of each file listed, in ledger order. */
  private static List<String> tiersAndNames(JsonNode connection) {
    List<String> rows = new ArrayList<>();
    connection.path("edges").forEach(e -> rows.add(e.path("node").path("riskTier").asInt() + " "
        + e.path("node").path("name").asString()));
    return rows;
  }

  @Test
  void the_ledger_lists_only_the_callers_scope_highest_risk_first_and_logs_each_file_read() {
    mongo.remove(new Query(), "case_files");
    // Tier 1 is the highest risk (1 = highest … 4 = lowest): the ledger lists tier 1 first, then village by village
    // (hulin-town-shengli ‹ hulin-town-xinhua ‹ yingchun-town-yingchun); names are encrypted, so not by name.
    // Opened in neither that order nor its reverse.
    open(township, "hulin-town", "hulin-town-xinhua", "赵丽", 3);
    open(township, "hulin-town", "hulin-town-shengli", "陈静", 2);
    open(township, "hulin-town", "hulin-town-xinhua", "张伟", 4);
    open(township, "hulin-town", "hulin-town-xinhua", "李强", 1);
    open(township, "hulin-town", "hulin-town-xinhua", "王小明", 2);
    open(township, "hulin-town", "hulin-town-shengli", "刘洋", 1);
    open(as(RoleNames.TOWNSHIP_STAFF, Map.of("township", "yingchun-town")), "yingchun-town", "yingchun-town-yingchun",
        "周敏", 1);

    JsonNode townshipLedger = township.post(GraphQlHttp.document("ledger")).data().path("caseFiles");
    JsonNode supervisorLedger = xinhuaSupervisor.post(GraphQlHttp.document("ledger")).data().path("caseFiles");
    var civil = as(RoleNames.CIVIL_AFFAIRS, Map.of());
    List<String> civilLedger = new ArrayList<>();
    int pages = 0;
    String after = null;
    do {
      Map<String, Object> variables = new HashMap<>(Map.of("first", 2));
      variables.put("after", after);
      JsonNode page = civil.post(GraphQlHttp.document("ledger"), variables).data().path("caseFiles");
      civilLedger.addAll(tiersAndNames(page));
      after = page.path("pageInfo").path("hasNextPage").asBoolean()
          ? page.path("pageInfo").path("endCursor").asString() : null;
      pages++;
    } while (after != null && pages < 10);

    assertThat(tiersAndNames(townshipLedger)).containsExactly("1 刘洋", "1 李强", "2 陈静", "2 王小明", "3 赵丽", "4 张伟");
    assertThat(tiersAndNames(supervisorLedger)).containsExactly("1 李强", "2 王小明", "3 赵丽", "4 张伟");
    assertThat(civilLedger).containsExactly("1 刘洋", "1 李强", "1 周敏", "2 陈静", "2 王小明", "3 赵丽", "4 张伟");
    assertThat(pages).as("pages of two: 2 + 2 + 2 + 1").isEqualTo(4);
    List<String> listed = new ArrayList<>();
    supervisorLedger.path("edges").forEach(e -> listed.add(e.path("node").path("id").asString()));
    List<Document> logged = mongo.find(new Query(Criteria.where("fileId").in(listed).and("granted").is(true)
        .and("roles").is(RoleNames.SUPERVISOR)), Document.class, FileAccessLog.COLLECTION);
    assertThat(logged).extracting(d -> d.getString("fileId")).containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void civil_affairs_and_admins_page_through_the_access_log_newest_first_and_no_one_else_can() {
    String id = open(township, "hulin-town-shengli");
    var civil = as(RoleNames.CIVIL_AFFAIRS, Map.of());
    civil.post(GraphQlHttp.document("caseFile"), Map.of("id", id));
    xinhuaSupervisor.post(GraphQlHttp.document("caseFile"), Map.of("id", id));
    civil.post("query($id: ID!) { caseFile(id: $id) { riskTier } }", Map.of("id", id));

    JsonNode first = civil.post(GraphQlHttp.document("fileAccessLog"), Map.of("fileId", id, "first", 2)).data()
        .path("fileAccessLog");
    JsonNode second = as(RoleNames.ADMIN, Map.of()).post(GraphQlHttp.document("fileAccessLog"), Map.of("fileId", id,
        "first", 2, "after", first.path("pageInfo").path("endCursor").asString())).data().path("fileAccessLog");

    assertThat(first.path("edges").size()).isEqualTo(2);
    assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
    assertThat(first.path("edges").get(0).path("node").path("groups").toString()).contains("CIRCUMSTANCES");
    assertThat(first.path("edges").get(1).path("node").path("granted").asBoolean()).isFalse();
    assertThat(first.path("edges").get(1).path("node").path("roles").get(0).asString()).isEqualTo("SUPERVISOR");
    assertThat(second.path("edges").size()).isEqualTo(1);
    assertThat(second.path("edges").get(0).path("node").path("granted").asBoolean()).isTrue();
    assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    for (GraphQlHttp denied : List.of(township, xinhuaSupervisor)) {
      var answer = denied.post(GraphQlHttp.document("fileAccessLog"), Map.of("fileId", id));
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
    }
  }
}
