package org.onedoor.backend.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Anonymous board answers are reused only while the board is the same, never for a caller with credentials, never
 * for anything but the board's public fields; a withdrawal is seen by the very next anonymous question.
 */
@IntegrationTest
@TestPropertySource(properties = "onedoor.demo.children=200")
class PublicAnswerCacheIntegrationTest {

  private static final String BOARD = "{ needs(first: 5) { edges { node { id title } } } }";

  @LocalServerPort
  int port;

  @Autowired
  PublicAnswerCache cache;

  @Autowired
  TestTokens tokens;

  @Autowired
  BoardModel model;

  @Test
  void the_same_anonymous_question_is_answered_once_until_the_board_changes() {
    GraphQlHttp anonymous = GraphQlHttp.at(port);
    var first = anonymous.post(BOARD);
    long before = cache.hits();
    var again = anonymous.post(BOARD);
    assertThat(cache.hits()).as("the second anonymous question reuses the answer").isEqualTo(before + 1);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(anonymous.inLanguage("en").post(BOARD).body()).isEqualTo(first.body());
    assertThat(cache.hits()).as("another language is another answer").isEqualTo(before + 1);

    GraphQlHttp civil = GraphQlHttp.at(port).withToken(tokens.token("civil-cache", "民政局 赵伟",
        List.of(RoleNames.CIVIL_AFFAIRS), Map.of()));
    civil.post(BOARD);
    civil.post(BOARD);
    assertThat(cache.hits()).as("a caller with credentials is never answered from the cache").isEqualTo(before + 1);
    anonymous.post("{ needs(first: 5) { edges { node { id } } } townships { id } }");
    anonymous.post("{ needs(first: 5) { edges { node { id } } } townships { id } }");
    assertThat(cache.hits()).as("a document asking more than the board is never cached").isEqualTo(before + 1);
    anonymous.post("{ a: needs(first: 5) { edges { node { id } } } b: needs(first: 6) { edges { node { id } } } }");
    anonymous.post("{ a: needs(first: 5) { edges { node { id } } } b: needs(first: 6) { edges { node { id } } } }");
    assertThat(cache.hits()).as("nor one stacking two pages").isEqualTo(before + 1);
    anonymous.post("{ __typename }");
    anonymous.post("{ __typename }");
    assertThat(cache.hits()).as("nor one asking nothing of the board").isEqualTo(before + 1);

    String shown = first.data().path("needs").path("edges").get(0).path("node").path("id").asString();
    String needId = model.index().byPublicId(shown, model.today()).needId();
    var withdrawn = civil.post("mutation($id: ID!) { withdrawNeed(input: {needId: $id}) { errors { code } } }",
        Map.of("id", needId));
    assertThat(withdrawn.data().path("withdrawNeed").path("errors").size()).as(withdrawn.body()).isZero();
    assertThat(anonymous.post(BOARD).body()).as("the next anonymous question sees the withdrawal")
        .doesNotContain(shown);
  }
}
