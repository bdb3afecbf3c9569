package org.onedoor.backend.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** 地名管理: administrators add and rename townships and villages, and delete a village nothing refers to. */
@IntegrationTest
class PlacesIntegrationTest {

  private static final String SAVE_TOWNSHIP = """
      mutation($input: SaveTownshipInput!) { saveTownship(input: $input) {
        township { id name nameEn villages { id name } } errors { code field message } } }""";
  private static final String SAVE_VILLAGE = """
      mutation($input: SaveVillageInput!) { saveVillage(input: $input) {
        township { id villages { id name nameEn } } errors { code field message } } }""";
  private static final String DELETE_VILLAGE = """
      mutation($input: DeleteVillageInput!) { deleteVillage(input: $input) {
        township { id villages { id } } errors { code field message } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @AfterEach
  void removeTestTownships() {
    mongo.remove(query(where("_id").regex("^test-")), Township.class);
  }

  private GraphQlHttp admin() {
    return GraphQlHttp.at(port).withToken(tokens.token("admin", "系统管理员", List.of(RoleNames.ADMIN), Map.of()));
  }

  private static Map<String, Object> place(String id, String name, String nameEn) {
    Map<String, Object> input = new HashMap<>();
    input.put("id", id);
    input.put("name", name);
    input.put("nameEn", nameEn);
    input.put("latitude", 45.9);
    input.put("longitude", 133.1);
    return input;
  }

  @Test
  void an_administrator_adds_and_renames_a_township_and_its_villages_and_deletes_an_unused_village() {
    var added = admin().post(SAVE_TOWNSHIP, Map.of("input", place("test-xinsheng", "新生乡", "Xinsheng")));
    assertThat(added.data().path("saveTownship").path("township").path("name").asString()).as(added.body())
        .isEqualTo("新生乡");
    admin().post(SAVE_TOWNSHIP, Map.of("input", place("test-xinsheng", "新生镇", "Xinsheng Town")));
    Map<String, Object> village = place("test-xinsheng-dongfang", "东方村", "Dongfang");
    village.put("townshipId", "test-xinsheng");
    admin().post(SAVE_VILLAGE, Map.of("input", village));
    village.put("name", "东方社区");
    var renamed = admin().post(SAVE_VILLAGE, Map.of("input", village));
    assertThat(renamed.data().path("saveVillage").path("township").path("villages").findValuesAsString("name"))
        .as(renamed.body()).containsExactly("东方社区");

    JsonNode all = GraphQlHttp.at(port).post("{ townships { id name villages { name } } }").data().path("townships");
    assertThat(all.get(all.size() - 1).path("name").asString()).as("last in the official order").isEqualTo("新生镇");

    var deleted = admin().post(DELETE_VILLAGE, Map.of("input", Map.of("villageId", "test-xinsheng-dongfang")));
    assertThat(deleted.data().path("deleteVillage").path("township").path("villages").size()).as(deleted.body())
        .isZero();
  }

  @Test
  void a_village_a_file_refers_to_is_not_deleted() {
    Map<String, Object> township = place("test-yongle", "永乐乡", "Yongle");
    admin().post(SAVE_TOWNSHIP, Map.of("input", township));
    Map<String, Object> village = place("test-yongle-one", "一村", "Yicun");
    village.put("townshipId", "test-yongle");
    admin().post(SAVE_VILLAGE, Map.of("input", village));
    var civil = GraphQlHttp.at(port).withToken(tokens.token("civil-x", "民政", List.of(RoleNames.CIVIL_AFFAIRS),
        Map.of()));
    var file = civil.post(GraphQlHttp.document("createCaseFile"), Map.of("input", Map.of("name", "王小明", "sex",
        "MALE", "birthDate", "2015-03-08", "townshipId", "test-yongle", "villageId", "test-yongle-one", "causes",
        List.of("POVERTY"), "riskTier", 2)));
    assertThat(file.data().path("createCaseFile").path("errors").size()).as(file.body()).isZero();

    var refused = admin().inLanguage("en").post(DELETE_VILLAGE, Map.of("input", Map.of("villageId",
        "test-yongle-one")));
    JsonNode error = refused.data().path("deleteVillage").path("errors").get(0);
    assertThat(error.path("code").asString()).as(refused.body()).isEqualTo("VILLAGE_IN_USE");
    assertThat(error.path("message").asString()).contains("1 files, accounts");
    assertThat(mongo.findById("test-yongle", Township.class).villages()).hasSize(1);
    mongo.remove(query(where("villageId").is("test-yongle-one")), "case_files");
  }

  @Test
  void only_administrators_keep_the_gazetteer_and_bad_input_changes_nothing() {
    for (String role : List.of(RoleNames.CIVIL_AFFAIRS, RoleNames.TOWNSHIP_STAFF, RoleNames.SUPERVISOR, RoleNames.VOLUNTEER)) {
      var answer = GraphQlHttp.at(port).withToken(tokens.token("x", "x", List.of(role), Map.of("township",
          "hulin-town", "village", "hulin-town-xinhua"))).post(SAVE_TOWNSHIP, Map.of("input", place("test-nope",
          "某乡", "Mou")));
      assertThat(answer.errors().path(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
    assertThat(GraphQlHttp.at(port).post(SAVE_TOWNSHIP, Map.of("input", place("test-nope", "某乡", "Mou")))
        .errors().path(0).path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");

    Map<String, Object> bad = place("Bad Id", " ", "Mou");
    bad.put("latitude", 100.0);
    var refused = admin().inLanguage("en").post(SAVE_TOWNSHIP, Map.of("input", bad));
    assertThat(refused.data().path("saveTownship").path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("id", "name", "latitude");
    Map<String, Object> taken = place("hulin-town-xinhua", "新华乡", "Xinhua");
    assertThat(admin().post(SAVE_TOWNSHIP, Map.of("input", taken)).data().path("saveTownship").path("errors")
        .get(0).path("code").asString()).isEqualTo("PLACE_ID_TAKEN");
    Map<String, Object> elsewhere = place("hulin-town-xinhua", "新华村", "Xinhua");
    elsewhere.put("townshipId", "hutou-town");
    assertThat(admin().post(SAVE_VILLAGE, Map.of("input", elsewhere)).data().path("saveVillage").path("errors")
        .get(0).path("code").asString()).isEqualTo("PLACE_ID_TAKEN");
    assertThat(mongo.findById("hutou-town", Township.class).villages()).hasSize(3);
    assertThat(mongo.count(query(where("_id").regex("^test-|^Bad")), Township.class)).isZero();
  }
}
