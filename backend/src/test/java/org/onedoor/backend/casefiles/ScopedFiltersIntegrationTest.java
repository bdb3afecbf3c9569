package org.onedoor.backend.casefiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Filters inside and outside the caller's scope (issue 14): a filter within the scope narrows the list, one outside
 * it gives an empty page — never a server error. Township staff filtering by a township once got INTERNAL_ERROR from
 * every scoped list and HTTP 500 from the export (the scope and the filter both set townshipId).
 */
@IntegrationTest
class ScopedFiltersIntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  private String townshipToken;
  private GraphQlHttp township;
  private GraphQlHttp supervisor;

  @BeforeEach
  void files() {
    mongo.remove(new Query(), CaseFile.class);
    file("hulin-town", "hulin-town-xinhua");
    file("hulin-town", "hulin-town-shengli");
    file("hutou-town", "hutou-town-hutou");
    townshipToken = tokens.token("township-filters", "乡镇", List.of(RoleNames.TOWNSHIP_STAFF),
        Map.of("township", "hulin-town"));
    township = GraphQlHttp.at(port).withToken(townshipToken);
    supervisor = GraphQlHttp.at(port).withToken(tokens.token("supervisor-filters", "主任", List.of(RoleNames.SUPERVISOR),
        Map.of("township", "hulin-town", "village", "hulin-town-xinhua")));
  }

  private void file(String township, String village) {
    mongo.insert(new CaseFile(UUID.randomUUID().toString(), 1, "儿童" + village, Sex.FEMALE, today().minusYears(8), null,
        null, township, village, null, EnumSet.of(Cause.POVERTY), 2, null, null, null, null, null, null,
        today().minusDays(3), Instant.now(), Instant.now(), List.of(), false));
  }

  private static int count(GraphQlHttp caller, String query, Map<String, Object> variables, String field) {
    var answer = caller.post(query, variables);
    assertThat(answer.errors()).as(answer.body()).isEmpty();
    return answer.data().path(field).path("edges").size();
  }

  @Test
  void township_staff_filtering_the_ledger_and_visit_lists_by_a_township_get_their_own_or_nothing() {
    String ledger = "query($t: ID) { caseFiles(filter: {townshipId: $t}) { edges { node { id } } } }";
    String overdue = "query($t: ID) { overdueVisits(filter: {townshipId: $t}) { edges { node { id } } } }";
    String due = "query($t: ID) { visitsDue(filter: {townshipId: $t, withinDays: 30}) { edges { node { id } } } }";

    for (String query : List.of(ledger, overdue, due)) {
      String field = query.substring(query.indexOf("{ ") + 2, query.indexOf("(filter"));
      assertThat(count(township, query, Map.of("t", "hulin-town"), field)).as(field + " own township").isEqualTo(2);
      assertThat(count(township, query, Map.of("t", "hutou-town"), field)).as(field + " another township").isZero();
    }
  }

  @Test
  void staff_find_a_child_by_whole_name_or_id_number_within_their_scope_only() {
    String valid = org.onedoor.backend.casefiles.NationalId.issue("230381", today().minusYears(8), 7).value();
    mongo.insert(new CaseFile(UUID.randomUUID().toString(), 1, "赵小雪", Sex.FEMALE, today().minusYears(8), valid,
        null, "hutou-town", "hutou-town-hutou", null, EnumSet.of(Cause.POVERTY), 2, null, null, null, null, null,
        null, today().minusDays(3), Instant.now(), Instant.now(), List.of(), false));
    String search = "query($s: String) { caseFiles(filter: {search: $s}) { edges { node { id name } } } }";
    GraphQlHttp civil = GraphQlHttp.at(port).withToken(tokens.token("civil-search", "民政",
        List.of(RoleNames.CIVIL_AFFAIRS), Map.of()));

    assertThat(count(township, search, Map.of("s", "儿童hulin-town-xinhua"), "caseFiles")).as("by name").isEqualTo(1);
    assertThat(count(township, search, Map.of("s", " 儿童hulin-town-xinhua "), "caseFiles")).isEqualTo(1);
    assertThat(count(township, search, Map.of("s", "儿童"), "caseFiles")).as("a whole name, not a part").isZero();
    assertThat(count(township, search, Map.of("s", "赵小雪"), "caseFiles")).as("another township's child").isZero();
    assertThat(count(civil, search, Map.of("s", "赵小雪"), "caseFiles")).isEqualTo(1);
    assertThat(count(civil, search, Map.of("s", valid.toLowerCase()), "caseFiles")).as("by ID number")
        .isEqualTo(1);
    assertThat(count(township, search, Map.of("s", valid), "caseFiles")).as("by ID number, out of scope").isZero();
  }

  @Test
  void a_supervisor_filtering_the_ledger_by_a_village_gets_their_own_or_nothing() {
    String ledger = "query($v: ID) { caseFiles(filter: {villageId: $v}) { edges { node { id } } } }";

    assertThat(count(supervisor, ledger, Map.of("v", "hulin-town-xinhua"), "caseFiles")).isEqualTo(1);
    assertThat(count(supervisor, ledger, Map.of("v", "hulin-town-shengli"), "caseFiles")).isZero();
  }

  @Test
  void township_staff_filtering_the_registers_of_volunteers_and_families_by_a_township_get_no_error() {
    for (String field : List.of("volunteers", "caringFamilies")) {
      String query = "query($t: ID) { " + field + "(townshipId: $t) { edges { node { id } } } }";
      count(township, query, Map.of("t", "hulin-town"), field);
      assertThat(count(township, query, Map.of("t", "hutou-town"), field)).as(field).isZero();
    }
  }

  @Test
  void the_ledger_export_filtered_by_a_township_answers_the_files_in_scope_and_never_a_server_error()
      throws Exception {
    HttpResponse<String> own = export("format=CSV&townshipId=hulin-town");
    HttpResponse<String> other = export("format=CSV&townshipId=hutou-town");

    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(own.body().lines().count()).as("a header and the two files").isEqualTo(3);
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.body().lines().count()).as("the header only").isEqualTo(1);
  }

  private HttpResponse<String> export(String query) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ledger/export?" + query))
        .header("Authorization", "Bearer " + townshipToken).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Today in the city, read when asked: a run that crosses midnight sees the new day. */
  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
