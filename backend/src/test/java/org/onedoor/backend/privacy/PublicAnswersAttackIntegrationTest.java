package org.onedoor.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.needs.Need;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.PublicAnswers;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The attacks of issue 13 on the public side, each from outside through the API: anonymous submissions watched
 * through every anonymous answer, made-up children filling a k-anonymity class, publication times read out of
 * cursors, forged cursors, and suppressed counts solved from the published ones. See
 * docs/decisions/007-public-answers-threat-model.md.
 */
@IntegrationTest
// An attacker with many addresses: the per-address limit on anonymous submissions is not what stops these attacks.
@TestPropertySource(properties = "onedoor.intake.anonymous-per-hour=1000")
class PublicAnswersAttackIntegrationTest {

  private static final Pattern CURSOR_FIELD = Pattern.compile("\"(endCursor|cursor)\":\"[^\"]*\"");

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  org.onedoor.backend.needs.BoardModel board;

  private GraphQlHttp staff;
  private int children;

  @BeforeEach
  void clean() {
    mongo.remove(new Query(), CaseFile.class);
    mongo.remove(new Query(), Need.class);
    board.resync(); // emptied behind the API's back
    mongo.dropCollection("intakes");
    mongo.dropCollection("statistics_snapshots_k5");
    staff = GraphQlHttp.at(port).withToken(tokens.token("civil-staff", "民政局 赵伟", List.of(RoleNames.CIVIL_AFFAIRS),
        Map.of()));
  }

  @Test
  void twenty_anonymous_applications_for_made_up_children_change_no_anonymous_answer_today_or_tomorrow() {
    List<String> confirmed = confirmedChildren(6, 8, Sex.FEMALE, "hulin-town", Cause.POVERTY);
    confirmedChildren(3, 10, Sex.MALE, "hutou-town", Cause.DISABILITY_ILLNESS);
    published(confirmed.getFirst(), "BASIC_LIVING");
    String someoneElses = apply("虎头镇", "hutou-town", "hutou-town-hutou", "2015-04-02", "MALE", "DISABILITY_ILLNESS")
        .path("receipt").path("code").asString();
    Map<String, List<String>> before = everyAnonymousAnswer(someoneElses);

    for (int i = 0; i < 20; i++) {
      JsonNode receipt = apply("某某" + i, i % 2 == 0 ? "hulin-town" : "hutou-town",
          i % 2 == 0 ? "hulin-town-xinhua" : "hutou-town-hutou", today().minusYears(8).minusDays(40 + i).toString(),
          i % 2 == 0 ? "FEMALE" : "MALE", i % 2 == 0 ? "POVERTY" : "DISABILITY_ILLNESS");
      assertThat(receipt.path("errors").size()).as(receipt.toString()).isZero();
    }

    assertThat(mongo.count(new Query(org.springframework.data.mongodb.core.query.Criteria.where("draft").is(true)),
        CaseFile.class)).as("the applications did open draft files").isGreaterThanOrEqualTo(20);
    assertThat(everyAnonymousAnswer(someoneElses)).as("the same day").isEqualTo(before);
    mongo.dropCollection("statistics_snapshots_k5"); // the next day's snapshot
    assertThat(everyAnonymousAnswer(someoneElses)).as("the next day, drafts still count nowhere").isEqualTo(before);
  }

  @Test
  void four_confirmed_children_and_four_made_up_ones_are_still_a_class_of_four_so_the_need_is_not_published_as_is() {
    List<String> alike = confirmedChildren(4, 7, Sex.MALE, "yingchun-town", Cause.POVERTY);
    for (int i = 0; i < 4; i++) {
      assertThat(apply("虚构儿童" + i, "yingchun-town", "yingchun-town-yingchun",
          today().minusYears(7).minusDays(60 + i).toString(), "MALE", "POVERTY").path("errors").size()).isZero();
    }
    consent(alike.getFirst());
    String need = draft(alike.getFirst(), "BASIC_LIVING");

    JsonNode withheld = publish(need);
    assertThat(withheld.path("errors").toString()).as("the exact profile (7, boy, 迎春镇) fits 4 confirmed children")
        .contains("CLASS_TOO_SMALL", "（现有4人）");
    assertThat(withheld.path("published").isNull()).isTrue();

    confirmedChildren(2, 8, Sex.FEMALE, "hulin-town", Cause.POVERTY);
    JsonNode generalised = publish(need);
    assertThat(generalised.path("errors").size()).as(generalised.toString()).isZero();
    assertThat(generalised.path("need").path("generalisations").toString())
        .contains("SEX_DROPPED", "LOCATION_RAISED_TO_CITY");
    assertThat(generalised.path("published").path("township").isNull()).isTrue();
  }

  @Test
  void a_need_drafted_from_an_unconfirmed_file_of_the_one_door_is_not_published() {
    apply("虚构儿童", "hulin-town", "hulin-town-xinhua", today().minusYears(9).toString(), "FEMALE", "POVERTY");
    CaseFile made = mongo.findOne(new Query(org.springframework.data.mongodb.core.query.Criteria.where("draft")
        .is(true)), CaseFile.class);
    consent(made.id());

    JsonNode publication = publish(draft(made.id(), "BASIC_LIVING"));

    assertThat(publication.path("errors").toString()).contains("FILE_NOT_CONFIRMED");
    assertThat(publication.path("published").isNull()).isTrue();
  }

  @Test
  void linking_a_childs_needs_tells_no_more_than_the_k_check_allowed_for_all_of_them_together() {
    String child = bothCauses(1, Sex.MALE, "hulin-town").getFirst();
    confirmedChildren(5, 8, Sex.MALE, "hulin-town", Cause.POVERTY);
    confirmedChildren(5, 8, Sex.MALE, "hulin-town", Cause.DISABILITY_ILLNESS);
    consent(child);
    JsonNode basicLiving = publish(draft(child, "BASIC_LIVING"));
    assertThat(basicLiving.path("errors").size()).as(basicLiving.toString()).isZero();
    assertThat(basicLiving.path("published").path("sex").asString()).as("6 poor boys of 6–11 in 虎林镇")
        .isEqualTo("MALE");

    // Alone, a medical need fits 6 boys of 6–11 in 虎林镇 with a disability or illness; linked to the first, it
    // tells that the boy is poor and ill: 1 child.
    String medical = draft(child, "MEDICAL");
    JsonNode linked = publish(medical);
    assertThat(linked.path("errors").toString()).contains("LINKED_CLASS_TOO_SMALL", "（现有1人）");
    assertThat(linked.path("published").isNull()).isTrue();

    // Four more poor and ill children elsewhere: generalising the medical need cannot help, since the first
    // already shows a boy of 虎林镇.
    bothCauses(4, Sex.FEMALE, "hutou-town");
    assertThat(publish(medical).path("errors").toString()).contains("LINKED_CLASS_TOO_SMALL");
    // Withdrawing the first does not take back what the public saw.
    JsonNode withdrawn = staff.post(GraphQlHttp.document("withdrawNeed"), Map.of("input", Map.of("needId",
        mongo.findOne(new Query(org.springframework.data.mongodb.core.query.Criteria.where("caseFileId").is(child)
            .and("category").is("BASIC_LIVING")), Need.class).id()))).data().path("withdrawNeed");
    assertThat(withdrawn.path("need").path("status").asString()).isEqualTo("WITHDRAWN");
    assertThat(publish(medical).path("errors").toString()).contains("LINKED_CLASS_TOO_SMALL");
  }

  @Test
  void two_needs_of_one_child_published_at_the_same_moment_never_both_escape_the_linked_check() throws Exception {
    List<String> townships = List.of("hulin-town", "hutou-town", "yingchun-town", "yanggang-town", "dongcheng-town",
        "baodong-town", "xinle-township", "weiguang-township");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < townships.size(); round++) {
        // Alone each need fits 6 boys of the township; together they fit this one poor and ill boy.
        confirmedChildren(5, 8, Sex.MALE, townships.get(round), Cause.POVERTY);
        confirmedChildren(5, 8, Sex.MALE, townships.get(round), Cause.DISABILITY_ILLNESS);
        String child = bothCauses(1, Sex.MALE, townships.get(round)).getFirst();
        consent(child);
        String basicLiving = draft(child, "BASIC_LIVING");
        String medical = draft(child, "MEDICAL");
        var ready = new java.util.concurrent.CountDownLatch(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        var first = pool.submit(() -> {
          ready.countDown();
          start.await();
          return publish(basicLiving);
        });
        var second = pool.submit(() -> {
          ready.countDown();
          start.await();
          return publish(medical);
        });
        assertThat(ready.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("both threads waiting").isTrue();
        start.countDown();
        long published = java.util.stream.Stream.of(first.get(), second.get())
            .filter(p -> p.path("errors").isEmpty()).count();
        assertThat(published).as("round %d: %s %s", round, first.get(), second.get()).isLessThanOrEqualTo(1);
        assertThat(first.get().toString() + second.get()).containsAnyOf("LINKED_CLASS_TOO_SMALL",
            "PUBLICATION_BUSY");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private List<String> bothCauses(int count, Sex sex, String township) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      mongo.insert(new CaseFile(id, 1, "登记儿童" + children++, sex, today().minusYears(8).minusDays(30 + i), null,
          null, township, null, null, EnumSet.of(Cause.POVERTY, Cause.DISABILITY_ILLNESS), 2, null, null, null, null,
          null, null, today().plusDays(30), Instant.now(), Instant.now(), List.of(), false));
      ids.add(id);
    }
    return ids;
  }

  @Test
  void no_public_cursor_holds_a_time_finer_than_the_month_and_an_altered_or_made_up_cursor_is_refused() {
    List<String> oneChild = confirmedChildren(8, 9, Sex.FEMALE, "hulin-town", Cause.POVERTY);
    List<String> publishedIds = new ArrayList<>();
    for (String category : List.of("BASIC_LIVING", "EDUCATION", "PSYCHOLOGICAL")) {
      publishedIds.add(published(oneChild.getFirst(), category));
    }
    for (String other : oneChild.subList(1, 4)) {
      publishedIds.add(published(other, "BASIC_LIVING"));
    }
    List<String> cursors = new ArrayList<>();
    List<String> boardOrder = new ArrayList<>();
    String after = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("first", 2);
      variables.put("after", after);
      JsonNode page = GraphQlHttp.at(port).post("query($first: Int, $after: String) { needs(first: $first, "
          + "after: $after) { edges { cursor node { id publishedMonth } } pageInfo { endCursor hasNextPage } } }",
          variables).data().path("needs");
      page.path("edges").forEach(e -> {
        cursors.add(e.path("cursor").asString());
        boardOrder.add(e.path("node").path("id").asString());
      });
      after = page.path("pageInfo").path("hasNextPage").asBoolean()
          ? page.path("pageInfo").path("endCursor").asString() : null;
    } while (after != null);

    assertThat(boardOrder).hasSize(6);
    assertThat(boardOrder).as("within a month and an urgency, by the random public id: not in publication order")
        .isSorted();
    long now = Instant.now().toEpochMilli();
    for (String cursor : cursors) {
      byte[] raw = Base64.getUrlDecoder().decode(cursor);
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContainPattern("\\d{8,}").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
          .doesNotContain(today().getYear() + "-");
      for (int i = 0; i + 8 <= raw.length; i++) {
        long asMillis = ByteBuffer.wrap(raw, i, 8).getLong();
        long asSeconds = ByteBuffer.wrap(raw, i, 8).getLong();
        assertThat(Math.abs(asMillis - now)).as("no epoch milliseconds within a year of now")
            .isGreaterThan(ChronoUnit.DAYS.getDuration().toMillis() * 365);
        assertThat(Math.abs(asSeconds - now / 1000)).isGreaterThan(365L * 24 * 3600);
      }
    }

    byte[] altered = Base64.getUrlDecoder().decode(cursors.getFirst());
    altered[altered.length - 1] ^= 1;
    String oldStyle = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("0\u0000" + (now - 1000) + "\u0000" + boardOrder.getFirst()).getBytes(StandardCharsets.UTF_8));
    String monthStyle = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("0\u0000" + today().toString().substring(0, 7) + "\u0000a").getBytes(StandardCharsets.UTF_8));
    for (String forged : List.of(Base64.getUrlEncoder().withoutPadding().encodeToString(altered), oldStyle,
        monthStyle, cursors.getFirst().substring(0, cursors.getFirst().length() - 3), "AAAA")) {
      var answer = GraphQlHttp.at(port).post("query($after: String) { needs(first: 2, after: $after) { edges { "
          + "node { id } } } }", Map.of("after", forged));
      assertThat(answer.errors()).as(forged).isNotEmpty();
      assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
    }
  }

  @Test
  void solving_the_published_statistics_and_the_board_recovers_no_suppressed_count() {
    confirmedChildren(7, 8, Sex.FEMALE, "hulin-town", Cause.POVERTY);
    confirmedChildren(3, 8, Sex.FEMALE, "hutou-town", Cause.POVERTY);
    confirmedChildren(6, 8, Sex.MALE, "yingchun-town", Cause.GUARDIANSHIP);
    confirmedChildren(1, 8, Sex.MALE, "abei-township", Cause.GUARDIANSHIP);
    List<String> medical = confirmedChildren(5, 12, Sex.MALE, "dongfanghong-town", Cause.DISABILITY_ILLNESS);
    published(medical.getFirst(), "MEDICAL");
    published(medical.get(1), "REHABILITATION");

    JsonNode statistics = GraphQlHttp.at(port).post("{ statistics { children { township { id } cause count } "
        + "childrenTotals { cause count } needs { township { id } category count } } }").data().path("statistics");

    // The reader's equations: for each cause, the townships' cells add up to the city total.
    int suppressed = 0;
    for (Cause cause : Cause.values()) {
      List<String> column = new ArrayList<>();
      statistics.path("children").forEach(c -> {
        if (c.path("cause").asString().equals(cause.name())) {
          column.add(c.path("count").asString());
        }
      });
      String total = "";
      for (JsonNode t : statistics.path("childrenTotals")) {
        if (t.path("cause").asString().equals(cause.name())) {
          total = t.path("count").asString();
        }
      }
      assertThat(column).hasSize(11);
      suppressed += (int) column.stream().filter(c -> c.equals("<5")).count();
      assertNoSmallCellPinned(cause, column, total);
    }
    assertThat(suppressed).as("the register has small cells to protect").isGreaterThan(20);
    // Needs: each cell must equal what the board shows, so a "<5" there would be recovered by counting the board.
    Map<String, Integer> onBoard = new HashMap<>();
    JsonNode board = GraphQlHttp.at(port).post("{ needs(first: 100) { edges { node { category township { id } } } } }")
        .data().path("needs").path("edges");
    board.forEach(e -> onBoard.merge(e.path("node").path("township").path("id").asString("city") + "/"
        + e.path("node").path("category").asString(), 1, Integer::sum));
    statistics.path("needs").forEach(n -> assertThat(n.path("count").asString())
        .as("a need cell is exactly what the board shows, nothing suppressed that the board gives back")
        .isEqualTo(Integer.toString(onBoard.getOrDefault(n.path("township").path("id").asString("city") + "/"
            + n.path("category").asString(), 0))));
  }

  /**
   * With the total known, the exact cells fixed, each "<5" cell in [0, 4] and each withheld cell at least 5, every
   * "<5" cell must still be free to take 0 and 4 (one equation with bounds: the extremes are exact).
   */
  private static void assertNoSmallCellPinned(Cause cause, List<String> column, String total) {
    if (total.equals("—")) {
      return; // no equation
    }
    long rest = Long.parseLong(total);
    int small = 0;
    int withheld = 0;
    for (String cell : column) {
      switch (cell) {
        case "<5" -> small++;
        case "—" -> withheld++;
        default -> rest -= Long.parseLong(cell);
      }
    }
    if (small == 0) {
      return;
    }
    long highest = Math.min(4, rest - 5L * withheld);
    long lowest = withheld > 0 ? 0 : Math.max(0, rest - 4L * (small - 1));
    assertThat(highest).as("%s: the largest value a small cell can take", cause).isEqualTo(4);
    assertThat(lowest).as("%s: the smallest value a small cell can take", cause).isZero();
  }

  /** Every anonymous answer, with the cursors (sealed afresh on every answer) taken out. */
  private Map<String, List<String>> everyAnonymousAnswer(String receiptCode) {
    Map<String, List<String>> answers = PublicAnswers.walk(GraphQlHttp.at(port), List.of(receiptCode),
        new ArrayList<>());
    answers.replaceAll((query, bodies) -> bodies.stream().map(b -> CURSOR_FIELD.matcher(b).replaceAll("")).toList());
    return answers;
  }

  private JsonNode apply(String childName, String township, String village, String birthDate, String sex,
      String cause) {
    Map<String, Object> input = new HashMap<>();
    input.put("idempotencyKey", UUID.randomUUID().toString());
    input.put("applicantKind", "GUARDIAN");
    input.put("applicantName", "申请人");
    input.put("applicantPhone", "13904671234");
    input.put("childName", childName);
    input.put("childSex", sex);
    input.put("childBirthDate", birthDate);
    input.put("townshipId", township);
    input.put("villageId", village);
    input.put("causes", List.of(cause));
    input.put("categories", List.of("BASIC_LIVING"));
    input.put("description", "家里困难，请求帮助。");
    return GraphQlHttp.at(port).post("mutation($input: SubmitAssistanceApplicationInput!) { "
        + "submitAssistanceApplication(input: $input) { receipt { code } errors { code } } }", Map.of("input", input))
        .data().path("submitAssistanceApplication");
  }

  private List<String> confirmedChildren(int count, int age, Sex sex, String township, Cause cause) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      mongo.insert(new CaseFile(id, 1, "登记儿童" + children++, sex, today().minusYears(age).minusDays(30 + i), null,
          null, township, null, null, EnumSet.of(cause), 2, null, null, null, null, null, null, today().plusDays(30),
          Instant.now(), Instant.now(), List.of(), false));
      ids.add(id);
    }
    return ids;
  }

  private void consent(String fileId) {
    var response = staff.post(GraphQlHttp.document("recordConsent"), Map.of("input", Map.of("caseFileId", fileId,
        "givenBy", "监护人", "relationship", "祖母", "validUntil", today().plusYears(1).toString())));
    assertThat(response.data().path("recordConsent").path("errors").size()).as(response.body()).isZero();
  }

  private String draft(String fileId, String category) {
    Map<String, Object> input = new HashMap<>();
    input.put("caseFileId", fileId);
    input.put("category", category);
    input.put("title", "为孩子募集帮助");
    input.put("description", "孩子需要帮助。");
    input.put("urgency", "HIGH");
    input.put("amountYuan", 500);
    var response = staff.post(GraphQlHttp.document("createNeed"), Map.of("input", input));
    assertThat(response.data().path("createNeed").path("errors").size()).as(response.body()).isZero();
    return response.data().path("createNeed").path("need").path("id").asString();
  }

  private JsonNode publish(String needId) {
    return staff.post(GraphQlHttp.document("publishNeed"), Map.of("input", Map.of("needId", needId)))
        .data().path("publishNeed");
  }

  /** Publishes a need of the file (recording a consent first); its public id. */
  private String published(String fileId, String category) {
    if (mongo.findById(fileId, CaseFile.class).consents().isEmpty()) {
      consent(fileId);
    }
    JsonNode publication = publish(draft(fileId, category));
    assertThat(publication.path("errors").size()).as(publication.toString()).isZero();
    return publication.path("published").path("id").asString();
  }

  /** Today in the city, read when asked: a run that crosses midnight sees the new day. */
  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
