package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import tools.jackson.databind.JsonNode;

/**
 * Keeping a file up to date from the portal: a stale edit says who changed what meanwhile, sections can be emptied,
 * consents are listed and withdrawn, and the supervisors who may take the child are offered.
 */
@IntegrationTest
class FileUpkeepIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  private GraphQlHttp township;
  private GraphQlHttp colleague;
  private GraphQlHttp civil;
  private String fileId;

  @BeforeEach
  void aFile() {
    township = GraphQlHttp.at(port).withToken(tokens.token("township-upkeep", "乡镇 赵磊",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town")));
    // A colleague with a real account: the history names them by their display name.
    colleague = GraphQlHttp.at(port).withToken(tokens.token("township", "虎林镇 刘强",
        List.of(RoleNames.TOWNSHIP_STAFF), Map.of("township", "hulin-town")));
    civil = GraphQlHttp.at(port).withToken(tokens.token("civil-upkeep", "民政 孙",
        List.of(RoleNames.CIVIL_AFFAIRS), Map.of()));
    var created = township.post(GraphQlHttp.document("createCaseFile"), Map.of("input", TestChildren.fullChild()));
    assertThat(created.data().path("createCaseFile").path("errors").size()).as(created.body()).isZero();
    fileId = created.data().path("createCaseFile").path("caseFile").path("id").asString();
  }

  @Test
  void a_stale_edit_is_refused_with_who_changed_what_meanwhile_and_changes_nothing() {
    var first = colleague.post(GraphQlHttp.document("updateCaseFile"), Map.of("input", Map.of("id", fileId,
        "expectedVersion", 1, "riskTier", 1, "schooling", Map.of("status", "DROPPED_OUT"))));
    assertThat(first.data().path("updateCaseFile").path("errors").size()).as(first.body()).isZero();

    var stale = township.inLanguage("en").post(GraphQlHttp.document("updateCaseFileStale"), Map.of("input",
        Map.of("id", fileId, "expectedVersion", 1, "address", "虎林镇新华村三组 8 号")));

    JsonNode payload = stale.data().path("updateCaseFile");
    assertThat(payload.path("errors").get(0).path("code").asString()).as(stale.body()).isEqualTo("STALE_VERSION");
    assertThat(payload.path("errors").get(0).path("message").asString())
        .isEqualTo("Someone else has changed this file. Please reload it and make your change again.");
    assertThat(payload.path("caseFile").isNull()).isTrue();
    JsonNode meanwhile = payload.path("changesSince");
    assertThat(meanwhile).as("only what happened after version 1").hasSize(1);
    assertThat(meanwhile.get(0).path("version").asInt()).isEqualTo(2);
    assertThat(meanwhile.get(0).path("actorName").asString()).isEqualTo("虎林镇 刘强");
    assertThat(meanwhile.get(0).path("changes").findValuesAsString("field"))
        .containsExactlyInAnyOrder("riskTier", "schooling");

    var read = township.post(GraphQlHttp.document("fileUpkeep"), Map.of("id", fileId));
    JsonNode file = read.data().path("caseFile");
    assertThat(file.path("version").asInt()).as("the stale edit stored nothing").isEqualTo(2);
    assertThat(file.path("history").get(0).path("actorName").asString()).isEqualTo("虎林镇 刘强");
    assertThat(file.path("history").get(1).path("actorName").asString())
        .as("named as the caller was when the change was made").isEqualTo("乡镇 赵磊");

    var again = township.post(GraphQlHttp.document("updateCaseFileStale"), Map.of("input",
        Map.of("id", fileId, "expectedVersion", 2, "address", "虎林镇新华村三组 8 号")));
    assertThat(again.data().path("updateCaseFile").path("errors").size()).as(again.body()).isZero();
    assertThat(again.data().path("updateCaseFile").path("changesSince")).isEmpty();
  }

  @Test
  void a_condition_recorded_by_mistake_and_the_supervisor_can_be_emptied_but_not_set_and_emptied_at_once() {
    var both = township.inLanguage("en").post(GraphQlHttp.document("updateCaseFile"), Map.of("input", Map.of(
        "id", fileId, "expectedVersion", 1, "condition", Map.of("category", "SERIOUS_ILLNESS"),
        "clear", List.of("CONDITION"))));
    assertThat(both.data().path("updateCaseFile").path("errors").findValuesAsString("code"))
        .as(both.body()).containsExactly("SET_AND_CLEARED");

    var cleared = township.post(GraphQlHttp.document("updateCaseFile"), Map.of("input", Map.of(
        "id", fileId, "expectedVersion", 1, "clear", List.of("CONDITION", "SUPERVISOR"))));
    assertThat(cleared.data().path("updateCaseFile").path("errors").size()).as(cleared.body()).isZero();

    JsonNode file = township.post(GraphQlHttp.document("fileUpkeep"), Map.of("id", fileId)).data()
        .path("caseFile");
    assertThat(file.path("condition").isNull()).isTrue();
    assertThat(file.path("supervisor").isNull()).isTrue();
    assertThat(file.path("history").get(0).path("changes").findValuesAsString("field"))
        .containsExactlyInAnyOrder("condition", "supervisorId");
    assertThat(file.path("supervisorChoices").findValuesAsString("name"))
        .as("the village's supervisors, to put one in charge again").contains("督导员 王芳");
    assertThat(file.path("supervisorChoices").findValuesAsString("id")).contains("supervisor");
  }

  @Test
  void consents_are_listed_newest_first_and_a_withdrawn_one_is_no_longer_in_force() {
    String until = today().plusMonths(6).toString();
    var older = civil.post(GraphQlHttp.document("recordConsent"), Map.of("input", Map.of("caseFileId", fileId,
        "givenBy", "李桂兰", "relationship", "祖母", "validUntil", until)));
    String olderId = older.data().path("recordConsent").path("consentId").asString();
    civil.post(GraphQlHttp.document("recordConsent"), Map.of("input", Map.of("caseFileId", fileId,
        "givenBy", "张建国", "relationship", "舅舅", "validUntil", until)));

    var withdrawn = civil.post(GraphQlHttp.document("withdrawConsent"), Map.of("input", Map.of("caseFileId", fileId,
        "consentId", olderId)));
    assertThat(withdrawn.data().path("withdrawConsent").path("errors").size()).as(withdrawn.body()).isZero();

    JsonNode consents = township.post(GraphQlHttp.document("fileUpkeep"), Map.of("id", fileId)).data()
        .path("caseFile").path("consents");
    assertThat(consents.findValuesAsString("givenBy")).containsExactly("张建国", "李桂兰");
    assertThat(consents.get(0).path("inForce").asBoolean()).isTrue();
    assertThat(consents.get(0).path("validUntil").asString()).isEqualTo(until);
    assertThat(consents.get(1).path("inForce").asBoolean()).isFalse();
    assertThat(consents.get(1).path("id").asString()).isEqualTo(olderId);
    assertThat(consents.get(1).path("withdrawnAt").asString()).isNotBlank();

    JsonNode log = civil.post(GraphQlHttp.document("fileAccessLog"), Map.of("fileId", fileId,
        "actor", "township-upkeep", "first", 1)).data().path("fileAccessLog").path("edges");
    assertThat(log.get(0).path("node").path("groups").toString())
        .as("reading the consents reads the guardians' names").contains("IDENTITY");
  }

  @Test
  void a_consent_without_a_relationship_is_refused_on_that_field_and_nothing_is_stored() {
    var refused = township.inLanguage("en").post(GraphQlHttp.document("recordConsent"), Map.of("input", Map.of(
        "caseFileId", fileId, "givenBy", "李桂兰", "relationship", " ", "validUntil",
        today().plusMonths(6).toString())));

    JsonNode errors = refused.data().path("recordConsent").path("errors");
    assertThat(errors.findValuesAsString("field")).as(refused.body()).containsExactly("relationship");
    assertThat(errors.findValuesAsString("message"))
        .containsExactly("Please enter how the person who consented is related to the child.");
    assertThat(township.post(GraphQlHttp.document("fileUpkeep"), Map.of("id", fileId)).data().path("caseFile")
        .path("consents")).isEmpty();
  }

  @Test
  void a_supervisor_of_another_village_cannot_change_the_file() {
    GraphQlHttp elsewhere = GraphQlHttp.at(port).withToken(tokens.token("supervisor-elsewhere", "督导员 远",
        List.of(RoleNames.SUPERVISOR), Map.of("township", "hulin-town", "village", "hulin-town-elsewhere")));

    var answer = elsewhere.post(GraphQlHttp.document("updateCaseFileStale"), Map.of("input", Map.of("id", fileId,
        "expectedVersion", 1, "address", "别处")));

    assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(answer.body())
        .isEqualTo("FORBIDDEN");
    assertThat(answer.body()).doesNotContain("riskTier", "opened");
  }

  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
