package org.onedoor.backend.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Condition;
import org.onedoor.backend.casefiles.ConditionCategory;
import org.onedoor.backend.casefiles.Guardian;
import org.onedoor.backend.casefiles.GuardianCapability;
import org.onedoor.backend.casefiles.Guardianship;
import org.onedoor.backend.casefiles.ParentsSituation;
import org.onedoor.backend.casefiles.Schooling;
import org.onedoor.backend.casefiles.SchoolingStatus;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(MongoCommandCounter.class)
class NeedsIntegrationTest {


  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  BoardModel board;

  private GraphQlHttp staff;
  private final List<String> planted = new ArrayList<>();

  @BeforeEach
  void staff() {
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), CaseFile.class);
    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), Need.class);
    board.resync(); // emptied behind the API's back
    staff = GraphQlHttp.at(port).withToken(tokens.token("civil-staff", "民政局 赵伟", List.of(RoleNames.CIVIL_AFFAIRS),
        Map.of()));
  }

  /** Children of the register: `count` alike children, born `age` years ago. */
  private List<String> register(int count, int age, Sex sex, String township, String village, Cause... causes) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      String name = "测试儿童" + (char) ('甲' + planted.size());
      planted.add(name);
      mongo.insert(new CaseFile(id, 1, name, sex, today().minusYears(age).minusDays(30 + i), null, null, township,
          village, "虎林镇" + village + "一组" + (i + 1) + "号", EnumSet.of(causes[0], causes), 2, null, null, null,
          null, null, null, today().plusDays(30), Instant.now(), Instant.now(), List.of(), false));
      ids.add(id);
    }
    return ids;
  }

  private String consent(String fileId) {
    var response = staff.post(GraphQlHttp.document("recordConsent"), Map.of("input", Map.of("caseFileId", fileId,
        "givenBy", "李秀英", "relationship", "祖母", "validUntil", today().plusYears(1).toString())));
    assertThat(response.data().path("recordConsent").path("errors").size()).as(response.body()).isZero();
    return response.data().path("recordConsent").path("consentId").asString();
  }

  private String draft(String fileId, String category, String description) {
    Map<String, Object> input = new HashMap<>();
    input.put("caseFileId", fileId);
    input.put("category", category);
    input.put("title", "为孩子募集冬季衣物");
    input.put("description", description);
    input.put("urgency", "HIGH");
    input.put("goods", List.of("棉衣", "棉鞋"));
    var response = staff.post(GraphQlHttp.document("createNeed"), Map.of("input", input));
    assertThat(response.data().path("createNeed").path("errors").size()).as(response.body()).isZero();
    return response.data().path("createNeed").path("need").path("id").asString();
  }

  private JsonNode publish(String needId) {
    return staff.post(GraphQlHttp.document("publishNeed"), Map.of("input", Map.of("needId", needId)))
        .data().path("publishNeed");
  }

  private static List<String> codes(JsonNode payload) {
    List<String> codes = new ArrayList<>();
    payload.path("errors").forEach(e -> codes.add(e.path("code").asString()));
    return codes;
  }

  @Test
  void a_need_is_published_only_with_the_guardians_current_consent() {
    String child = register(6, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    String need = draft(child, "BASIC_LIVING", "孩子需要冬季衣物。");

    assertThat(codes(publish(need))).containsExactly("CONSENT_MISSING");

    consent(child);
    JsonNode published = publish(need);
    assertThat(codes(published)).isEmpty();
    assertThat(published.path("published").path("ageBand").asString()).isEqualTo("AGE_6_11");
    assertThat(published.path("published").path("sex").asString()).isEqualTo("FEMALE");
    assertThat(published.path("published").path("township").path("name").asString()).isEqualTo("虎林镇");
    assertThat(published.path("need").path("generalisations").size()).isZero();
  }

  @Test
  void a_need_whose_class_is_smaller_than_k_is_generalised_and_withheld_when_even_the_city_class_is_too_small() {
    String child = register(1, 4, Sex.MALE, "hutou-town", "hutou-town-hutou", Cause.DISABILITY_ILLNESS).getFirst();
    register(2, 3, Sex.FEMALE, "hutou-town", "hutou-town-hutou", Cause.DISABILITY_ILLNESS);
    register(10, 4, Sex.MALE, "hutou-town", "hutou-town-hutou", Cause.POVERTY);
    consent(child);
    String rehabilitation = draft(child, "REHABILITATION", "需要康复训练费用。");

    JsonNode withheld = publish(rehabilitation);
    assertThat(codes(withheld)).containsExactly("CLASS_TOO_SMALL");
    assertThat(withheld.path("errors").get(0).path("message").asString()).contains("5", "3");

    register(2, 1, Sex.FEMALE, "abei-township", "abei-township-abei", Cause.DISABILITY_ILLNESS);
    JsonNode generalised = publish(rehabilitation);
    assertThat(codes(generalised)).isEmpty();
    assertThat(generalised.path("published").path("ageBand").asString()).isEqualTo("AGE_0_5");
    assertThat(generalised.path("published").path("sex").isNull()).isTrue();
    assertThat(generalised.path("published").path("township").isNull()).isTrue();
    assertThat(generalised.path("need").path("generalisations").toString())
        .contains("SEX_DROPPED", "AGE_BAND_WIDENED", "LOCATION_RAISED_TO_CITY");
  }

  @Test
  void planted_identifying_text_is_refused_and_each_token_is_named() {
    String child = register(6, 10, Sex.MALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    consent(child);
    CaseFile file = mongo.findById(child, CaseFile.class);
    String need = draft(child, "BASIC_LIVING", file.name() + "的奶奶李秀英说，住在新华村，电话13945671234，身份证230381201503081237。");

    JsonNode refused = publish(need);

    assertThat(codes(refused)).containsExactly("TEXT_IDENTIFIES_CHILD");
    List<String> found = new ArrayList<>();
    refused.path("textFindings").forEach(f -> found.add(f.path("rule").asString() + "=" + f.path("text").asString()));
    assertThat(found).contains("CHILD_NAME=" + file.name(), "GUARDIAN_NAME=李秀英", "VILLAGE=新华村",
        "PHONE_SHAPE=13945671234", "NATIONAL_ID_SHAPE=230381201503081237");
    assertThat(staff.post(GraphQlHttp.document("publicNeeds")).data().path("needs").path("edges").size()).isZero();
  }

  @Test
  void the_school_guardians_and_their_phones_from_the_file_are_refused_and_named() {
    String child = register(6, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    mongo.updateFirst(new Query(where("_id").is(child)), new Update()
        .set("schooling", new Schooling("虎林镇中心小学", "二年级", SchoolingStatus.ENROLLED))
        .set("guardianship", new Guardianship(ParentsSituation.BOTH_AWAY_FOR_WORK,
            List.of(new Guardian("张桂芝", "祖母", "04695821234")), GuardianCapability.LIMITED)), CaseFile.class);
    consent(child);
    String need = draft(child, "BASIC_LIVING", "孩子在虎林镇中心小学读二年级，由张桂芝照顾，请拨5821234联系。");

    JsonNode refused = publish(need);

    assertThat(codes(refused)).containsExactly("TEXT_IDENTIFIES_CHILD");
    List<String> found = new ArrayList<>();
    refused.path("textFindings").forEach(f -> found.add(f.path("rule").asString() + "=" + f.path("text").asString()));
    assertThat(found).contains("SCHOOL=虎林镇中心小学", "GUARDIAN_NAME=张桂芝", "PHONE=5821234");
  }

  @Test
  void a_rare_condition_is_published_only_as_its_broad_category_and_may_not_be_named_in_the_text() {
    List<String> children = register(7, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.DISABILITY_ILLNESS);
    mongo.updateMulti(new Query(where("_id").in(children)),
        new Update().set("condition", new Condition(ConditionCategory.PHYSICAL, "脑瘫", 2)), CaseFile.class);
    String rare = children.getFirst();
    String common = children.getLast();
    mongo.updateFirst(new Query(where("_id").is(rare)),
        new Update().set("condition", new Condition(ConditionCategory.PHYSICAL, "成骨不全症", 3)), CaseFile.class);
    consent(rare);
    consent(common);

    JsonNode naming = publish(draft(rare, "REHABILITATION", "孩子患有成骨不全症，需要康复训练。"));
    assertThat(codes(naming)).containsExactly("TEXT_IDENTIFIES_CHILD");
    assertThat(naming.path("textFindings").get(0).path("rule").asString()).isEqualTo("RARE_CONDITION");
    assertThat(naming.path("textFindings").get(0).path("text").asString()).isEqualTo("成骨不全症");

    JsonNode rarePublished = publish(draft(rare, "REHABILITATION", "孩子需要定期康复训练。"));
    assertThat(codes(rarePublished)).isEmpty();
    assertThat(rarePublished.path("published").path("condition").path("category").asString()).isEqualTo("PHYSICAL");
    assertThat(rarePublished.path("published").path("condition").path("type").isNull()).isTrue();

    JsonNode commonPublished = publish(draft(common, "REHABILITATION", "孩子需要定期康复训练。"));
    assertThat(commonPublished.path("published").path("condition").path("type").asString())
        .as("six children of the class share it").isEqualTo("脑瘫");
    assertThat(staff.post(GraphQlHttp.document("publicNeeds")).body()).doesNotContain("成骨不全症");
  }

  @Test
  void a_need_past_its_deadline_month_leaves_the_board_and_staff_see_it_expired() {
    String child = register(6, 9, Sex.MALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    consent(child);
    String need = draft(child, "BASIC_LIVING", "孩子需要冬季衣物。");
    assertThat(codes(publish(need))).isEmpty();
    String publicId = mongo.findById(need, Need.class).publicId();
    assertThat(staff.post(GraphQlHttp.document("publicNeeds")).body()).contains(publicId);

    mongo.updateFirst(new Query(where("_id").is(need)),
        new Update().set("deadlineMonth", java.time.YearMonth.from(today()).minusMonths(1).toString()), Need.class);
    board.resync(); // as if the month had turned: written behind the API's back

    assertThat(staff.post(GraphQlHttp.document("publicNeeds")).body()).doesNotContain(publicId);
    assertThat(staff.post(GraphQlHttp.document("publicNeed"), Map.of("id", publicId)).data().path("need").isNull())
        .isTrue();
    var mine = staff.post("query($id: ID!) { caseFile(id: $id) { needs { id status } } }", Map.of("id", child));
    assertThat(mine.data().path("caseFile").path("needs").get(0).path("status").asString()).as(mine.body())
        .isEqualTo("EXPIRED");

    Map<String, Object> late = new HashMap<>(Map.of("caseFileId", child, "category", "BASIC_LIVING", "title", "冬衣",
        "description", "孩子需要冬季衣物。", "urgency", "HIGH", "amountYuan", 500,
        "deadlineMonth", java.time.YearMonth.from(today()).minusMonths(1).toString()));
    var refused = staff.post(GraphQlHttp.document("createNeed"), Map.of("input", late));
    assertThat(refused.data().path("createNeed").path("errors").get(0).path("code").asString())
        .isEqualTo("DEADLINE_PASSED");
  }

  @Test
  void withdrawing_consent_unpublishes_the_childs_needs_at_once() {
    String child = register(6, 13, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    String consent = consent(child);
    String publicId = publish(draft(child, "EDUCATION", "需要学习用品。")).path("published").path("id").asString();
    var anonymous = GraphQlHttp.at(port);
    assertThat(anonymous.post(GraphQlHttp.document("publicNeed"), Map.of("id", publicId)).data().path("need")
        .path("id").asString()).isEqualTo(publicId);

    var withdrawn = staff.post(GraphQlHttp.document("withdrawConsent"),
        Map.of("input", Map.of("caseFileId", child, "consentId", consent)));

    assertThat(withdrawn.data().path("withdrawConsent").path("needsWithdrawn").asInt()).as(withdrawn.body())
        .isEqualTo(1);
    assertThat(anonymous.post(GraphQlHttp.document("publicNeed"), Map.of("id", publicId)).data().path("need")
        .isNull()).isTrue();
    assertThat(anonymous.post(GraphQlHttp.document("publicNeeds")).data().path("needs").path("edges").size())
        .isZero();

    var again = staff.post(GraphQlHttp.document("withdrawConsent"),
        Map.of("input", Map.of("caseFileId", child, "consentId", consent)));
    assertThat(again.data().path("withdrawConsent").path("errors").size()).as("asked again, it completes the "
        + "needs' side again (a withdrawal cut short can be finished): %s", again.body()).isZero();
    assertThat(again.data().path("withdrawConsent").path("needsWithdrawn").asInt()).isZero();
    var unknown = staff.post(GraphQlHttp.document("withdrawConsent"),
        Map.of("input", Map.of("caseFileId", child, "consentId", "no-such-consent")));
    assertThat(unknown.data().path("withdrawConsent").path("errors").get(0).path("code").asString())
        .isEqualTo("CONSENT_NOT_FOUND");
  }

  @Test
  void the_board_pages_by_keyset_without_gaps_or_repeats_and_refuses_a_forged_cursor() {
    List<String> children = register(7, 9, Sex.MALE, "yingchun-town", "yingchun-town-yingchun", Cause.POVERTY);
    for (String child : children) {
      consent(child);
      assertThat(codes(publish(draft(child, "BASIC_LIVING", "需要冬季衣物。")))).isEmpty();
    }
    var anonymous = GraphQlHttp.at(port);
    Set<String> seen = new HashSet<>();
    String after = null;
    int pages = 0;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("first", 3);
      variables.put("after", after);
      JsonNode page = anonymous.post(GraphQlHttp.document("publicNeeds"), variables).data().path("needs");
      page.path("edges").forEach(e -> assertThat(seen.add(e.path("node").path("id").asString())).isTrue());
      after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor")
          .asString() : null;
      pages++;
    } while (after != null);

    assertThat(seen).hasSize(7);
    assertThat(pages).isEqualTo(3);
    var forged = anonymous.post(GraphQlHttp.document("publicNeeds"), Map.of("after", "not-a-cursor"));
    assertThat(forged.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void a_page_of_needs_costs_the_same_round_trips_for_5_and_50_items() {
    List<String> children = register(50, 10, Sex.FEMALE, "dongcheng-town", "dongcheng-town-dongcheng",
        Cause.POVERTY);
    for (String child : children) {
      consent(child);
      publish(draft(child, "BASIC_LIVING", "需要冬季衣物。"));
    }
    var anonymous = GraphQlHttp.at(port);

    int five = pageReads(anonymous, 5, 6, 7);
    int fifty = pageReads(anonymous, 50, 49, 48);

    // The needs, their townships, their work stations, the stations' townships: one read each, whatever the size.
    assertThat(five).isEqualTo(fifty).isLessThanOrEqualTo(4);
    assertThat(anonymous.post(GraphQlHttp.document("publicNeeds"), Map.of("first", 5)).body())
        .as("each need names the work station help goes through").contains("东诚镇儿童工作站");
  }

  private static int reads(Runnable request) {
    int before = MongoCommandCounter.READS.get();
    request.run();
    return MongoCommandCounter.READS.get() - before;
  }

  /**
   * The store reads of a page of about this size: the fewest over three sizes around it (each a different question,
   * so none is answered from the public answers' cache), since the counter is the whole process's and a background
   * poll (the board's, every second) can land inside one request.
   */
  private static int pageReads(GraphQlHttp anonymous, int... sizes) {
    int fewest = Integer.MAX_VALUE;
    for (int size : sizes) {
      fewest = Math.min(fewest, reads(() -> anonymous.post(GraphQlHttp.document("publicNeeds"),
          Map.of("first", size))));
    }
    return fewest;
  }

  @Test
  void a_public_client_looping_over_every_public_query_never_receives_anything_from_a_file() {
    List<String> children = register(6, 7, Sex.MALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY);
    children.forEach(this::consent);
    children.forEach(child -> publish(draft(child, "BASIC_LIVING", "需要冬季衣物。")));
    var anonymous = GraphQlHttp.at(port);

    StringBuilder needAnswers = new StringBuilder();
    JsonNode page = anonymous.post(GraphQlHttp.document("publicNeeds"), Map.of("first", 100)).data().path("needs");
    needAnswers.append(page);
    page.path("edges").forEach(e -> needAnswers.append(anonymous.post(GraphQlHttp.document("publicNeed"),
        Map.of("id", e.path("node").path("id").asString())).body()));
    // The townships list is the public map (it names every village); it must hold nothing from a file either.
    String geography = anonymous.post(GraphQlHttp.document("townships")).body();

    assertThat(page.path("edges").size()).isEqualTo(6);
    for (String childId : children) {
      CaseFile file = mongo.findById(childId, CaseFile.class);
      assertThat(needAnswers.toString()).doesNotContain(file.name(), file.id(), file.birthDate().toString(),
          file.address(), "李秀英", "新华村", "hulin-town-xinhua");
      assertThat(geography).doesNotContain(file.name(), file.id(), file.birthDate().toString(), file.address(),
          "李秀英");
    }
  }

  @Test
  void checking_a_draft_shows_what_publication_would_do_and_changes_nothing() {
    String child = register(6, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    consent(child);
    CaseFile file = mongo.findById(child, CaseFile.class);
    String bad = draft(child, "BASIC_LIVING", file.name() + "需要冬衣。");
    String good = draft(child, "BASIC_LIVING", "孩子需要冬衣。");

    JsonNode refused = staff.post(GraphQlHttp.document("checkNeedPublication"), Map.of("input", Map.of("needId", bad)))
        .data().path("checkNeedPublication");
    JsonNode fine = staff.post(GraphQlHttp.document("checkNeedPublication"), Map.of("input", Map.of("needId", good)))
        .data().path("checkNeedPublication");

    assertThat(codes(refused)).containsExactly("TEXT_IDENTIFIES_CHILD");
    assertThat(refused.path("textFindings").get(0).path("text").asString()).isEqualTo(file.name());
    assertThat(codes(fine)).isEmpty();
    assertThat(fine.path("preview").path("ageBand").asString()).isEqualTo("AGE_6_11");
    assertThat(GraphQlHttp.at(port).post(GraphQlHttp.document("publicNeeds")).data().path("needs").path("edges")
        .size()).isZero();
  }

  @Test
  void public_statistics_list_every_cell_and_show_counts_of_children_below_k_as_less_than_5_zero_included() {
    String child = register(7, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    register(3, 8, Sex.FEMALE, "hutou-town", "hutou-town-hutou", Cause.POVERTY);
    consent(child);
    assertThat(codes(publish(draft(child, "BASIC_LIVING", "需要冬季衣物。")))).isEmpty();
    mongo.dropCollection(PublicStatistics.SNAPSHOTS + "_k5"); // a new day: the snapshot is taken now

    JsonNode statistics = GraphQlHttp.at(port).post(GraphQlHttp.document("statistics")).data().path("statistics");

    Map<String, String> children = new HashMap<>();
    statistics.path("children").forEach(c -> children.put(c.path("township").path("id").asString() + "/"
        + c.path("cause").asString(), c.path("count").asString()));
    assertThat(children).hasSize(11 * 3)
        .containsEntry("hutou-town/POVERTY", "<5")
        .containsEntry("abei-township/GUARDIANSHIP", "<5")
        .containsEntry("hulin-town/POVERTY", "7");
    Map<String, String> totals = new HashMap<>();
    statistics.path("childrenTotals").forEach(t -> totals.put(t.path("cause").asString(), t.path("count").asString()));
    assertThat(totals).as("7 in 虎林镇 and a city total of 10 would give 虎头镇's 3 away: no total beside a small cell")
        .containsEntry("POVERTY", "—").containsEntry("GUARDIANSHIP", "—");
    assertThat(statistics.path("needs").size()).isEqualTo(12 * 7);
    Map<String, String> needs = new HashMap<>();
    statistics.path("needs").forEach(n -> needs.put(n.path("township").path("id").asString("city") + "/"
        + n.path("category").asString(), n.path("count").asString()));
    assertThat(needs).as("every published need is on the board: its count is exact")
        .containsEntry("hulin-town/BASIC_LIVING", "1").containsEntry("hutou-town/BASIC_LIVING", "0");
  }

  private Map<String, Object> edit(String needId, int revision) {
    Map<String, Object> input = new HashMap<>();
    input.put("needId", needId);
    input.put("expectedRevision", revision);
    input.put("category", "GUARDIANSHIP_CARE");
    input.put("title", "为孩子寻找寄养家庭");
    input.put("description", "孩子需要一户有爱心的家庭临时照料。");
    input.put("urgency", "CRITICAL");
    input.put("deadlineMonth", java.time.YearMonth.from(today()).plusMonths(2).toString());
    input.put("placement", true);
    return input;
  }

  @Test
  void a_draft_is_changed_in_place_against_its_revision_and_a_stale_change_is_refused() {
    String child = register(6, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.GUARDIANSHIP).getFirst();
    String need = draft(child, "BASIC_LIVING", "孩子需要冬季衣物。");
    long needsBefore = mongo.count(new Query(), Need.class);

    var changed = staff.post(GraphQlHttp.document("updateNeed"), Map.of("input", edit(need, 0)));

    JsonNode after = changed.data().path("updateNeed").path("need");
    assertThat(changed.data().path("updateNeed").path("errors").size()).as(changed.body()).isZero();
    assertThat(after.path("id").asString()).as("the same draft, not a new one").isEqualTo(need);
    assertThat(after.path("status").asString()).isEqualTo("DRAFT");
    assertThat(after.path("category").asString()).isEqualTo("GUARDIANSHIP_CARE");
    assertThat(after.path("placement").asBoolean()).isTrue();
    assertThat(after.path("goods")).as("the content is replaced whole").isEmpty();
    assertThat(after.path("deadlineMonth").asString())
        .isEqualTo(java.time.YearMonth.from(today()).plusMonths(2).toString());
    assertThat(after.path("revision").asInt()).isEqualTo(1);
    assertThat(mongo.count(new Query(), Need.class)).isEqualTo(needsBefore);

    var stale = staff.inLanguage("en").post(GraphQlHttp.document("updateNeed"), Map.of("input", edit(need, 0)));
    assertThat(codes(stale.data().path("updateNeed"))).as(stale.body()).containsExactly("STALE_NEED");
    assertThat(mongo.findById(need, Need.class).revision()).isEqualTo(1);

    Map<String, Object> bad = edit(need, 1);
    bad.put("deadlineMonth", "2020-01");
    bad.put("title", " ");
    var refused = staff.post(GraphQlHttp.document("updateNeed"), Map.of("input", bad));
    assertThat(codes(refused.data().path("updateNeed"))).containsExactlyInAnyOrder("TITLE_REQUIRED",
        "DEADLINE_PASSED");
    assertThat(mongo.findById(need, Need.class).title()).as("nothing stored").isEqualTo("为孩子寻找寄养家庭");
  }

  @Test
  void a_draft_stored_before_revisions_were_kept_is_read_and_changed_at_revision_0() {
    String child = register(6, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.GUARDIANSHIP).getFirst();
    String need = draft(child, "BASIC_LIVING", "孩子需要冬季衣物。");
    mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(need)),
        new Update().unset("revision"), Need.class);

    var changed = staff.post(GraphQlHttp.document("updateNeed"), Map.of("input", edit(need, 0)));

    assertThat(codes(changed.data().path("updateNeed"))).as(changed.body()).isEmpty();
    assertThat(changed.data().path("updateNeed").path("need").path("revision").asInt()).isEqualTo(1);
  }

  @Test
  void a_draft_changed_after_its_check_is_not_published_as_checked() {
    String child = register(6, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    consent(child);
    String need = draft(child, "BASIC_LIVING", "孩子需要冬季衣物。");
    Map<String, Object> changed = edit(need, 0);
    changed.put("category", "BASIC_LIVING");
    changed.put("placement", false);
    changed.put("goods", List.of("棉被"));
    assertThat(codes(staff.post(GraphQlHttp.document("updateNeed"), Map.of("input", changed)).data()
        .path("updateNeed"))).isEmpty();

    JsonNode stale = staff.post(GraphQlHttp.document("publishNeed"), Map.of("input", Map.of("needId", need,
        "expectedRevision", 0))).data().path("publishNeed");

    assertThat(codes(stale)).containsExactly("STALE_NEED");
    assertThat(mongo.findById(need, Need.class).status()).isEqualTo(NeedStatus.DRAFT);
    JsonNode current = staff.post(GraphQlHttp.document("publishNeed"), Map.of("input", Map.of("needId", need,
        "expectedRevision", 1))).data().path("publishNeed");
    assertThat(codes(current)).isEmpty();
  }

  @Test
  void only_drafts_change_and_a_matched_need_is_not_withdrawn() {
    String child = register(6, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    consent(child);
    String need = draft(child, "BASIC_LIVING", "孩子需要冬季衣物。");
    assertThat(codes(publish(need))).isEmpty();

    var published = staff.post(GraphQlHttp.document("updateNeed"), Map.of("input", edit(need, 0)));
    assertThat(codes(published.data().path("updateNeed"))).containsExactly("NOT_A_DRAFT_TO_CHANGE");

    mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(need)),
        new Update().set("status", NeedStatus.MATCHED), Need.class);
    var withdrawn = staff.inLanguage("en").post(GraphQlHttp.document("withdrawNeed"),
        Map.of("input", Map.of("needId", need)));
    assertThat(codes(withdrawn.data().path("withdrawNeed"))).as(withdrawn.body())
        .containsExactly("NEED_HELP_UNDER_WAY");
    assertThat(mongo.findById(need, Need.class).status()).isEqualTo(NeedStatus.MATCHED);
  }

  @Test
  void a_supervisor_changes_no_draft_of_another_village() {
    String child = register(6, 8, Sex.FEMALE, "hulin-town", "hulin-town-xinhua", Cause.POVERTY).getFirst();
    String need = draft(child, "BASIC_LIVING", "孩子需要冬季衣物。");
    GraphQlHttp elsewhere = GraphQlHttp.at(port).withToken(tokens.token("supervisor-far", "督导员 远",
        List.of(RoleNames.SUPERVISOR), Map.of("township", "hutou-town", "village", "hutou-town-hutou")));

    var answer = elsewhere.post(GraphQlHttp.document("updateNeed"), Map.of("input", edit(need, 0)));

    assertThat(answer.errors().get(0).path("extensions").path("classification").asString()).as(answer.body())
        .isEqualTo("FORBIDDEN");
    assertThat(mongo.findById(need, Need.class).revision()).isEqualTo(0);
  }

  /** Today in the city, read when asked: a run that crosses midnight sees the new day. */
  private static LocalDate today() {
    return CityTime.today(java.time.Clock.systemUTC());
  }
}
