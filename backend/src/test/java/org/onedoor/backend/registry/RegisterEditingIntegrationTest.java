package org.onedoor.backend.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Staff keep the registers (scoped, versioned, validated); the public sees only suppressed counts of people. */
@IntegrationTest
class RegisterEditingIntegrationTest {

  private static final String SAVE_VOLUNTEER = """
      mutation($input: SaveVolunteerInput!) { saveVolunteer(input: $input) {
        volunteer { id version name phone township { id } skills active }
        errors { code field message } } }""";
  private static final String SAVE_ORGANISATION = """
      mutation($input: SaveOrganisationInput!) { saveOrganisation(input: $input) {
        organisation { id version name registrationNumber } errors { code field message } } }""";
  private static final String VOLUNTEERS = """
      query($t: ID, $first: Int, $after: String) { volunteers(townshipId: $t, first: $first, after: $after) {
        edges { node { id name township { id } } } pageInfo { hasNextPage endCursor } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private GraphQlHttp as(String role, String township) {
    return GraphQlHttp.at(port).withToken(tokens.token(role.toLowerCase() + "-registers", role, List.of(role),
        township == null ? Map.of() : Map.of("township", township)));
  }

  private static Map<String, Object> volunteer(String name, String township) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", name);
    input.put("phone", "138 0467 1234");
    input.put("townshipId", township);
    input.put("skills", List.of("TUTORING", "COMPANIONSHIP"));
    input.put("availability", "周末");
    return input;
  }

  @Test
  void township_staff_add_and_change_volunteers_of_their_township_and_a_stale_edit_is_refused() {
    GraphQlHttp township = as(RoleNames.TOWNSHIP_STAFF, "abei-township");
    var added = township.post(SAVE_VOLUNTEER, Map.of("input", volunteer("韩梅梅", "abei-township")));
    JsonNode saved = added.data().path("saveVolunteer").path("volunteer");
    assertThat(saved.path("version").asInt()).as(added.body()).isEqualTo(1);
    assertThat(saved.path("phone").asString()).isEqualTo("13804671234");

    Map<String, Object> change = volunteer("韩梅梅", "abei-township");
    change.put("id", saved.path("id").asString());
    change.put("expectedVersion", 1);
    change.put("availability", "寒暑假");
    var first = township.post(SAVE_VOLUNTEER, Map.of("input", change));
    var second = township.post(SAVE_VOLUNTEER, Map.of("input", change));

    assertThat(first.data().path("saveVolunteer").path("volunteer").path("version").asInt()).isEqualTo(2);
    assertThat(second.data().path("saveVolunteer").path("errors").get(0).path("code").asString())
        .isEqualTo("ENTRY_STALE");
    assertThat(mongo.findById(saved.path("id").asString(), Volunteer.class).availability()).isEqualTo("寒暑假");

    var elsewhere = township.post(SAVE_VOLUNTEER, Map.of("input", volunteer("李雷", "hutou-town")));
    assertThat(elsewhere.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("FORBIDDEN");
    assertThat(mongo.count(query(where("name").is("李雷")), Volunteer.class)).isZero();
  }

  @Test
  void invalid_entries_are_refused_field_by_field_and_nothing_is_stored() {
    GraphQlHttp civil = as(RoleNames.CIVIL_AFFAIRS, null);
    Map<String, Object> bad = volunteer(" ", "hulin-town");
    bad.put("phone", "12");
    bad.put("skills", List.of());
    long volunteersBefore = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Volunteer.class);

    var refused = civil.inLanguage("en").post(SAVE_VOLUNTEER, Map.of("input", bad));
    var badCode = civil.post(SAVE_ORGANISATION, Map.of("input", Map.of("name", "虎林市爱心助学会",
        "type", "CHARITY", "registrationNumber", "51230381MJ00000013")));
    var goodCode = civil.post(SAVE_ORGANISATION, Map.of("input", Map.of("name", "虎林市爱心助学会",
        "type", "CHARITY", "registrationNumber", "51230381mj00000012")));

    assertThat(refused.data().path("saveVolunteer").path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("name", "phone", "skills");
    assertThat(refused.body()).contains("Invalid phone number");
    assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Volunteer.class))
        .isEqualTo(volunteersBefore);
    assertThat(badCode.data().path("saveOrganisation").path("errors").get(0).path("message").asString())
        .isEqualTo("统一社会信用代码无效：应为18位，且校验位正确。");
    assertThat(goodCode.data().path("saveOrganisation").path("organisation").path("registrationNumber")
        .asString()).as(goodCode.body()).isEqualTo("51230381MJ00000012");
  }

  @Test
  void only_civil_affairs_and_administrators_keep_organisations_and_only_staff_keep_volunteers() {
    Map<String, Object> organisation = Map.of("name", "某协会", "type", "CHARITY",
        "registrationNumber", "51230381MJ00000012");
    for (String role : List.of(RoleNames.TOWNSHIP_STAFF, RoleNames.SUPERVISOR, RoleNames.DEPARTMENT_STAFF, RoleNames.CHARITY,
        RoleNames.VOLUNTEER, RoleNames.FAMILY)) {
      var answer = as(role, "hulin-town").post(SAVE_ORGANISATION, Map.of("input", organisation));
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
    for (String role : List.of(RoleNames.SUPERVISOR, RoleNames.DEPARTMENT_STAFF, RoleNames.CHARITY, RoleNames.VOLUNTEER,
        RoleNames.FAMILY)) {
      var answer = as(role, "hulin-town").post(SAVE_VOLUNTEER, Map.of("input", volunteer("某人", "hulin-town")));
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
      var list = as(role, "hulin-town").post(VOLUNTEERS, Map.of());
      assertThat(list.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
    var kept = as(RoleNames.ADMIN, null).post(SAVE_ORGANISATION, Map.of("input", organisation));
    assertThat(kept.errors()).as(kept.body()).isEmpty();
    assertThat(kept.data().path("saveOrganisation").path("errors").isArray()).as(kept.body()).isTrue();
    assertThat(kept.data().path("saveOrganisation").path("errors")).isEmpty();
    assertThat(kept.data().path("saveOrganisation").path("organisation").path("name").asString()).isEqualTo("某协会");
    assertThat(kept.data().path("saveOrganisation").path("organisation").path("registrationNumber").asString())
        .isEqualTo("51230381MJ00000012");
  }

  @Test
  void staff_page_through_their_volunteers_by_keyset_and_the_public_gets_nothing() {
    List<String> seen = new ArrayList<>();
    String after = null;
    GraphQlHttp township = as(RoleNames.TOWNSHIP_STAFF, "hulin-town");
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("first", 2);
      variables.put("after", after);
      JsonNode page = township.post(VOLUNTEERS, variables).data().path("volunteers");
      page.path("edges").forEach(e -> {
        assertThat(e.path("node").path("township").path("id").asString()).isEqualTo("hulin-town");
        seen.add(e.path("node").path("id").asString());
      });
      after = page.path("pageInfo").path("hasNextPage").asBoolean()
          ? page.path("pageInfo").path("endCursor").asString() : null;
    } while (after != null);

    assertThat(new HashSet<>(seen)).hasSize(seen.size());
    assertThat((long) seen.size()).isEqualTo(mongo.count(query(where("townshipId").is("hulin-town")),
        Volunteer.class));
    var anonymous = GraphQlHttp.at(port).post(VOLUNTEERS, Map.of());
    assertThat(anonymous.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("UNAUTHORIZED");
  }

  @Test
  void the_public_sees_volunteers_and_families_only_as_counts_by_township_and_kind_small_ones_suppressed() {
    mongo.dropCollection("care_network_snapshots_k5"); // a new day: the snapshot is taken now
    var answer = GraphQlHttp.at(port).post("{ statistics { careNetwork { township { id name nameEn } kind count } } }");

    JsonNode cells = answer.data().path("statistics").path("careNetwork");
    assertThat(cells.size()).as(answer.body()).isEqualTo(11 * 4);
    Set<String> shown = new HashSet<>();
    for (JsonNode cell : cells) {
      String township = cell.path("township").path("id").asString();
      String kind = cell.path("kind").asString();
      long raw = kind.equals("VOLUNTEER")
          ? mongo.count(query(where("townshipId").is(township).and("active").is(true)), Volunteer.class)
          : mongo.count(query(where("townshipId").is(township).and("active").is(true).and("offers").is(kind)),
              CaringFamily.class);
      assertThat(cell.path("count").asString()).as(township + " " + kind)
          .isEqualTo(raw < 5 ? "<5" : Long.toString(raw));
      shown.add(cell.path("count").asString());
    }
    assertThat(shown).as("the demo register has both small and large cells").contains("<5").hasSizeGreaterThan(1);
    Map<String, String> names = new HashMap<>();
    for (JsonNode cell : cells) {
      names.put(cell.path("township").path("id").asString(), cell.path("township").path("name").asString() + " / "
          + cell.path("township").path("nameEn").asString());
    }
    assertThat(names).hasSize(11).containsEntry("hulin-town", "虎林镇 / Hulin Town")
        .containsEntry("yingchun-town", "迎春镇 / Yingchun Town");
    Volunteer any = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(), Volunteer.class);
    assertThat(answer.body()).as("every leaf of the public type selected").doesNotContain(any.name(), any.phone());
    var personal = GraphQlHttp.at(port).post("{ statistics { careNetwork { name phone } } }");
    assertThat(personal.errors().findValuesAsString("classification")).as(personal.body())
        .isNotEmpty().containsOnly("ValidationError");
    assertThat(personal.data().path("statistics").isMissingNode()).as(personal.body()).isTrue();
  }

  @Test
  void organisations_contacts_are_for_staff_only() {
    String document = "{ organisations { name contact { person phone } } }";

    var staff = as(RoleNames.TOWNSHIP_STAFF, "hulin-town").post(document);
    var anonymous = GraphQlHttp.at(port).post(document);

    assertThat(staff.body()).contains("刘会长", "0467-5824001");
    assertThat(anonymous.errors().get(0).path("extensions").path("classification").asString())
        .isIn("UNAUTHORIZED", "FORBIDDEN");
    assertThat(anonymous.body()).doesNotContain("刘会长", "0467-5824001");
  }
}
