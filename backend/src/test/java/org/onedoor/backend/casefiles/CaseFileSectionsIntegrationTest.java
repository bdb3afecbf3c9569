package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** The file's sections — guardianship, condition, schooling, benefits, supervisor — and the history of changes. */
@IntegrationTest
class CaseFileSectionsIntegrationTest {


  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private GraphQlHttp township;

  @BeforeEach
  void caller() {
    township = GraphQlHttp.at(port).withToken(tokens.token("township-sections", "乡镇 赵磊",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town")));
  }

  @Test
  void a_file_keeps_guardianship_condition_schooling_benefits_and_supervisor() {
    var created = township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", TestChildren.fullChild()));
    assertThat(created.data().path("createCaseFile").path("errors").size()).as(created.body()).isZero();
    String id = created.data().path("createCaseFile").path("caseFile").path("id").asString();

    var read = township.post(GraphQlHttp.document("caseFileFull"), Map.of("id", id));

    JsonNode file = read.data().path("caseFile");
    assertThat(file.path("householdRegistration").asString()).as(read.body()).isEqualTo("黑龙江省虎林市虎林镇");
    assertThat(file.path("guardianship").path("parents").asString()).isEqualTo("BOTH_AWAY_FOR_WORK");
    assertThat(file.path("guardianship").path("guardians").get(0).path("phone").asString())
        .as("stored without spaces").isEqualTo("13912345678");
    assertThat(file.path("condition").path("type").asString()).isEqualTo("脑瘫");
    assertThat(file.path("condition").path("grade").asInt()).isEqualTo(2);
    assertThat(file.path("schooling").path("school").asString()).isEqualTo("虎林镇中心小学");
    assertThat(file.path("benefits").toString()).contains("MINIMUM_LIVING_GUARANTEE", "DISABILITY_LIVING_ALLOWANCE");
    assertThat(file.path("supervisor").path("name").asString()).isEqualTo("督导员 王芳");
    assertThat(file.path("nextVisitDue").asString()).as("tier 2: every 30 days")
        .isEqualTo(today().plusDays(30).toString());
    assertThat(file.path("history").get(0).path("changes").get(0).path("field").asString()).isEqualTo("opened");
  }

  @Test
  void invalid_sections_are_refused_field_by_field_and_nothing_is_stored() {
    Map<String, Object> input = TestChildren.fullChild();
    input.put("guardianship", Map.of("parents", "IN_CUSTODY",
        "guardians", List.of(Map.of("name", " ", "relationship", "祖父", "phone", "12345"))));
    input.put("condition", Map.of("category", "SERIOUS_ILLNESS", "type", "白血病", "grade", 2));
    input.put("supervisorId", "township");
    long before = mongo.count(new Query(), CaseFile.class);

    var created = township.inLanguage("en").post(GraphQlHttp.document("createCaseFile"), Map.of("input", input));

    JsonNode errors = created.data().path("createCaseFile").path("errors");
    assertThat(errors.findValuesAsString("field")).as(created.body()).containsExactlyInAnyOrder(
        "guardianship.guardians[0].name", "guardianship.guardians[0].phone", "condition.grade", "supervisorId");
    assertThat(errors.findValuesAsString("message")).contains(
        "Invalid phone number: a mobile number has 11 digits, a landline needs its area code.",
        "A disability grade is 1 to 4; illnesses have no grade.");
    assertThat(created.body()).doesNotContain("12345", "白血病");
    assertThat(mongo.count(new Query(), CaseFile.class)).isEqualTo(before);
  }

  @Test
  void every_change_is_in_the_history_with_who_and_what_but_never_a_name_or_number() {
    var created = township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", TestChildren.fullChild()));
    String id = created.data().path("createCaseFile").path("caseFile").path("id").asString();

    var updated = township.post(GraphQlHttp.document("updateCaseFile"), Map.of("input", Map.of("id", id,
        "expectedVersion", 1, "riskTier", 1, "guardianship", Map.of("parents", "ONE_DECEASED_OR_MISSING",
            "guardians", List.of(Map.of("name", "张建国", "relationship", "舅舅", "phone", "0469-5821234"))))));
    assertThat(updated.data().path("updateCaseFile").path("errors").size()).as(updated.body()).isZero();

    var read = township.post(GraphQlHttp.document("caseFileFull"), Map.of("id", id));
    JsonNode file = read.data().path("caseFile");
    assertThat(file.path("nextVisitDue").asString()).as("tier 1: every 7 days")
        .isEqualTo(today().plusDays(7).toString());
    JsonNode latest = file.path("history").get(0);
    assertThat(latest.path("version").asInt()).isEqualTo(2);
    assertThat(latest.path("actor").asString()).isEqualTo("township-sections");
    Map<String, String> changes = new HashMap<>();
    latest.path("changes").forEach(c -> changes.put(c.path("field").asString(), c.path("change").asString()));
    assertThat(changes).containsEntry("riskTier", "2 -> 1").containsEntry("guardianship", "changed");
    assertThat(file.path("history").toString()).doesNotContain("张建国", "李桂兰", "0469");
    assertThat(file.path("history")).hasSize(2);
  }

  /** Today in the city, read when asked: a run that crosses midnight sees the new day. */
  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
