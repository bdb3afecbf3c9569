package org.onedoor.backend.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.needs.Urgency;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** A global allocation run through the API: in the background, with progress, proposing the most urgent first. */
class AllocationIntegrationTest extends MatchingIntegrationTest {

  private static final String START = """
      mutation { startAllocationRun(input: {note: "每周分配"}) { run { id status } errors { code } } }""";
  private static final String LATEST = """
      { latestAllocationRun { id status phase progress needs offers candidates proposed coveredUrgency
        totalUrgency } }""";


  @BeforeEach
  void clean() {
    mongo.remove(new Query(), AllocationRun.class);
  }

  private JsonNode awaitDone() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      JsonNode run = fixtures.civil().post(LATEST).data().path("latestAllocationRun");
      if (!"RUNNING".equals(run.path("status").asString())) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not finish in 20 s");
  }

  @Test
  void a_run_proposes_matches_for_the_most_urgent_needs_within_the_capacities_and_reports_its_progress()
      throws Exception {
    List<String> critical = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      critical.add(fixtures.publishedNeed(fixtures.child("急" + i), NeedCategory.MEDICAL, Urgency.CRITICAL, false,
          2000, 5));
      fixtures.publishedNeed(fixtures.child("缓" + i), NeedCategory.MEDICAL, Urgency.NORMAL, false, 2000, 50);
    }
    Map<String, Object> money = MatchingFixtures.money(2000, null, List.of("MEDICAL"));
    money.put("capacity", 2);
    String offer = fixtures.offer(GraphQlHttp.at(port), money);
    fixtures.offer(GraphQlHttp.at(port), MatchingFixtures.money(2000, null, List.of("EDUCATION")));

    var started = fixtures.civil().post(START);
    assertThat(started.data().path("startAllocationRun").path("run").path("id").asString()).as(started.body())
        .isNotBlank();
    JsonNode run = awaitDone();

    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("DONE");
    assertThat(run.path("progress").asInt()).isEqualTo(100);
    assertThat(run.path("needs").asInt()).isEqualTo(6);
    assertThat(run.path("offers").asInt()).isEqualTo(2);
    assertThat(run.path("proposed").asInt()).isEqualTo(2);
    assertThat(run.path("coveredUrgency").asInt()).isEqualTo(6);
    assertThat(run.path("totalUrgency").asInt()).isEqualTo(12);
    List<Match> proposed = mongo.find(query(where("origin").is(MatchOrigin.ENGINE)), Match.class);
    assertThat(proposed).extracting(Match::offerId).containsOnly(offer);
    assertThat(proposed).extracting(Match::needId).isSubsetOf(critical).hasSize(2);
    assertThat(proposed).extracting(Match::status).containsOnly(MatchStatus.PROPOSED);

    fixtures.civil().post(START);
    JsonNode again = awaitDone();
    assertThat(again.path("proposed").asInt()).as("the same pairs are not proposed twice").isZero();
    assertThat(mongo.count(query(where("origin").is(MatchOrigin.ENGINE)), Match.class)).isEqualTo(2);
  }

  @Test
  void only_civil_affairs_and_administrators_run_the_allocation() {
    for (String role : List.of(RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF, RoleNames.CHARITY, RoleNames.VOLUNTEER)) {
      var answer = GraphQlHttp.at(port).withToken(tokens.token("x-" + role, "x", List.of(role), Map.of()))
          .post(START);
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(role)
          .isEqualTo("FORBIDDEN");
    }
    assertThat(mongo.count(new Query(), AllocationRun.class)).isZero();
  }
}
