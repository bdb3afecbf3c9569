package org.onedoor.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Guardian;
import org.onedoor.backend.casefiles.Guardianship;
import org.onedoor.backend.casefiles.ParentsSituation;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.platform.lease.Leases;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestIntakes;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The retention rules with the moment passed in: each erases what its time is up for and nothing else, once; every
 * erasure is audited by kind, count and rule without the erased data; public statistics do not move.
 */
@IntegrationTest
class RetentionIntegrationTest {

  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) { receipt { code } } }""";
  private static final String SIGN_UP = """
      mutation($input: SubmitSignUpInput!) { submitSignUp(input: $input) { receipt { code } errors { code } } }""";

  private static final java.util.concurrent.atomic.AtomicInteger VISITORS = new java.util.concurrent.atomic.AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired
  MongoTemplate mongo;
  @Autowired
  Retention retention;
  @Autowired
  Leases leases;
  @Autowired
  TestTokens tokens;

  @BeforeEach
  void empty() {
    for (String collection : List.of("intakes", "handling_tasks", "case_files", "home_visits", "file_access_log",
        "offers", "safety_cases", "guardian_requests", Retention.ERASURES)) {
      mongo.remove(new Query(), collection);
    }
  }

  @Test
  void each_rule_erases_what_its_time_is_up_for_once_audited_without_the_data_and_statistics_do_not_move() {
    Instant now = Instant.now();
    GraphQlHttp anonymous = GraphQlHttp.at(port).forwardedFor("192.0.2.88");
    // A report closed 100 days ago, with the reporter's contact; one closed 10 days ago.
    String old = report(anonymous, "邻居 吴大妈", "13712345678");
    String recent = report(anonymous, "邻居 钱大爷", "13787654321");
    close(old, now.minus(Duration.ofDays(100)));
    close(recent, now.minus(Duration.ofDays(10)));
    // Their safety chains closed too (a report whose chain is open keeps its reporter: below).
    mongo.updateMulti(query(where("intakeId").in(intake(old).getString("_id"), intake(recent).getString("_id"))),
        new Update().set("closed", true), "safety_cases");
    // A sign-up decided (rejected) 40 days ago, and one still open: each opened an account that cannot sign in.
    String decided = signUp(anonymous);
    String open = signUp(anonymous);
    close(decided, now.minus(Duration.ofDays(40)));
    // A report found groundless and an application refused 400 days ago, both without a file; the report's chain
    // with a note.
    String groundless = report(anonymous, "路人 孙先生", "13711112222");
    String refused = visitor().post("""
        mutation($input: SubmitAssistanceApplicationInput!) {
          submitAssistanceApplication(input: $input) { receipt { code } } }""",
        Map.of("input", TestIntakes.application(UUID.randomUUID().toString()))).data()
        .path("submitAssistanceApplication").path("receipt").path("code").asString();
    // A report closed as long ago whose chain is still open (the child not found yet): it keeps what it says.
    String stillSought = report(anonymous, "邻居 郑大姐", "13722223333");
    close(groundless, now.minus(Duration.ofDays(400)));
    close(refused, now.minus(Duration.ofDays(400)));
    close(stillSought, now.minus(Duration.ofDays(400)));
    mongo.updateMulti(query(where("receiptCode").in(groundless, refused, stillSought)),
        new Update().unset("caseFileId"), "intakes");
    // A sign-up approved 40 days ago whose account was not enabled yet (the approval failed part-way): kept.
    String approved = signUp(anonymous);
    close(approved, now.minus(Duration.ofDays(40)));
    mongo.updateFirst(query(where("receiptCode").is(approved)), new Update().set("approved", true), "intakes");
    // Their accounts were opened when they signed up, before the decision.
    for (String code : List.of(decided, approved)) {
      mongo.updateFirst(query(where("_id").is(intake(code).get("content", Document.class).getString("username"))),
          new Update().set("createdAt", Date.from(now.minus(Duration.ofDays(45)))), "accounts");
    }
    Instant seen = now.minus(Duration.ofDays(401));
    mongo.updateFirst(query(where("intakeId").is(intake(groundless).getString("_id"))), new Update()
        .set("closed", true).push("steps", new org.onedoor.backend.safety.StepRecord.ChildSeen(seen, seen,
            "police-1", "派出所 王警官", null, "派出所 王警官", "孩子在奶奶家，安然无恙")),
        org.onedoor.backend.safety.SafetyCase.class);
    // An offer withdrawn 400 days ago and one still open; a guardian's request answered four years ago, one open.
    String withdrawnOffer = offer(anonymous, "爱心人士 冯女士");
    String openOffer = offer(anonymous, "爱心人士 陈先生");
    mongo.updateFirst(query(where("_id").is(withdrawnOffer)), new Update().set("status", "WITHDRAWN")
        .set("endedAt", Date.from(now.minus(Duration.ofDays(400)))), "offers");
    mongo.insert(new Document("_id", "answered").append("status", "DONE").append("requesterName", "韩建国")
        .append("closedAt", Date.from(now.minus(Duration.ofDays(4 * 366)))), "guardian_requests");
    mongo.insert(new Document("_id", "waiting").append("status", "OPEN").append("requesterName", "韩建国"),
        "guardian_requests");
    // A child who turned 18 six years ago, with a visit and a remit note; a child of 10.
    mongo.insert(file("grown", LocalDate.now().minusYears(24).withMonth(3).withDayOfMonth(14)));
    mongo.insert(file("young", LocalDate.now().minusYears(10)));
    mongo.insert(new Document("fileId", "grown").append("visitedOn", new Date()).append("findings", "祖母卧病在床")
        .append("followUp", "联系村医"), "home_visits");
    // Access-log entries of four years ago and of yesterday.
    mongo.insert(new Document("at", Date.from(now.minus(Duration.ofDays(4 * 366)))).append("actor", "civil-1")
        .append("fileId", "young").append("granted", true), "file_access_log");
    mongo.insert(new Document("at", Date.from(now.minus(Duration.ofDays(1)))).append("actor", "civil-1")
        .append("fileId", "young").append("granted", true), "file_access_log");
    String statistics = GraphQlHttp.at(port).post(GraphQlHttp.document("statistics")).body();

    List<Retention.Erased> erased = retention.run("test", now);

    assertThat(erased).extracting(Retention.Erased::kind, Retention.Erased::records).containsExactly(
        org.assertj.core.groups.Tuple.tuple("REPORTER_CONTACT", 2L),
        org.assertj.core.groups.Tuple.tuple("SIGN_UP_PERSONAL_DATA", 2L),
        org.assertj.core.groups.Tuple.tuple("GROWN_UP_FILE", 1L),
        org.assertj.core.groups.Tuple.tuple("AROUND_REDUCED_FILE", 1L),
        org.assertj.core.groups.Tuple.tuple("CLOSED_WITHOUT_FILE", 2L),
        org.assertj.core.groups.Tuple.tuple("ENDED_OFFER", 1L),
        org.assertj.core.groups.Tuple.tuple("GUARDIAN_REQUEST", 1L),
        org.assertj.core.groups.Tuple.tuple("ACCESS_LOG", 1L));
    Document oldReport = intake(old).get("content", Document.class);
    assertThat(oldReport).doesNotContainKeys("reporterName", "reporterPhone").containsKeys("description", "place");
    assertThat(intake(recent).get("content", Document.class)).containsKeys("reporterName", "reporterPhone");
    assertThat(intake(decided).get("content", Document.class))
        .doesNotContainKeys("displayName", "phone", "nationalId").containsEntry("kind", "VOLUNTEER");
    assertThat(intake(open).get("content", Document.class)).containsKeys("displayName", "phone", "nationalId");
    assertThat(mongo.findById(intake(decided).get("content", Document.class).getString("username"), Document.class,
        "accounts")).as("the never-approved account of a decided sign-up is gone, its name with it").isNull();
    assertThat(mongo.findById(intake(open).get("content", Document.class).getString("username"), Document.class,
        "accounts")).as("an open sign-up's account stays").isNotNull();
    assertThat(mongo.findById(intake(approved).get("content", Document.class).getString("username"),
        Document.class, "accounts")).as("an approved sign-up's account is never deleted").isNotNull();
    assertThat(intake(stillSought).get("content", Document.class)).as("its chain is open: kept, reporter too")
        .containsKeys("childName", "description", "place", "reporterName", "reporterPhone");
    assertThat(intake(groundless).get("content", Document.class))
        .doesNotContainKeys("childName", "description", "place", "reporterName").containsKey("reporterKind");
    assertThat(intake(refused).get("content", Document.class))
        .doesNotContainKeys("applicantName", "applicantPhone", "childName", "description")
        .containsEntry("childBirthDate", intake(refused).get("content", Document.class).get("childBirthDate"));
    assertThat(mongo.findOne(query(where("intakeId").is(intake(groundless).getString("_id"))), Document.class,
        "safety_cases").getList("steps", Document.class)).singleElement()
        .satisfies(step -> assertThat(step).doesNotContainKey("note").containsKey("seenBy"));
    assertThat(mongo.findById(withdrawnOffer, Document.class, "offers"))
        .doesNotContainKeys("offererName", "phone").containsKeys("kind", "amountYuan");
    assertThat(mongo.findById(openOffer, Document.class, "offers")).containsKeys("offererName", "phone");
    assertThat(mongo.findOne(query(where("content.offerId").is(withdrawnOffer)), Document.class, "intakes")
        .get("content", Document.class)).doesNotContainKeys("offererName", "phone");
    assertThat(mongo.findAll(Document.class, "guardian_requests")).extracting(d -> d.getString("_id"))
        .containsExactly("waiting");

    Document grown = mongo.findById("grown", Document.class, "case_files");
    assertThat(grown).doesNotContainKeys("name", "nationalId", "address", "householdRegistration", "guardianship",
        "consents").containsKeys("townshipId", "villageId", "sex", "causes", "reducedAt", "clearedAt");
    assertThat(mongo.findById("grown", CaseFile.class).birthDate()).isEqualTo(
        LocalDate.of(LocalDate.now().minusYears(24).getYear(), 1, 1));
    assertThat(mongo.findById("young", Document.class, "case_files")).containsKeys("name", "address");
    assertThat(mongo.findOne(query(where("fileId").is("grown")), Document.class, "home_visits"))
        .doesNotContainKeys("findings", "followUp");
    assertThat(mongo.count(new Query(), "file_access_log")).isEqualTo(1);
    String ledger = GraphQlHttp.at(port).withToken(tokens.token("civil-ret", "民政 测试", List.of(
        RoleNames.CIVIL_AFFAIRS), Map.of())).post(GraphQlHttp.document("ledger")).body();
    assertThat(ledger).as("a reduced file is in no one's ledger").contains("young").doesNotContain("grown");

    List<Document> audit = mongo.findAll(Document.class, Retention.ERASURES);
    assertThat(audit).extracting(d -> d.getString("kind")).containsExactly("REPORTER_CONTACT",
        "SIGN_UP_PERSONAL_DATA", "GROWN_UP_FILE", "AROUND_REDUCED_FILE", "CLOSED_WITHOUT_FILE", "ENDED_OFFER",
        "GUARDIAN_REQUEST", "ACCESS_LOG");
    assertThat(audit).allSatisfy(d -> assertThat(d.getString("by")).isEqualTo("retention"));
    assertThat(audit.toString()).as("the audit holds no erased data").doesNotContain("吴大妈", "13712345678",
        "周敏", "13604671111", "230381199001011237", "孟小燕", "新华村三组", "祖母卧病在床", "刘桂英", "刘小雨",
        "冯女士", "韩建国", "安然无恙");
    assertThat(GraphQlHttp.at(port).post(GraphQlHttp.document("statistics")).body())
        .as("public statistics unchanged").isEqualTo(statistics);

    assertThat(retention.run("test", now)).as("a second run erases nothing more").isEmpty();
    assertThat(mongo.count(new Query(), Retention.ERASURES)).isEqualTo(8);
  }

  @Test
  void while_another_instance_holds_the_lease_nothing_is_erased() {
    Instant now = Instant.now();
    mongo.insert(file("grown-2", LocalDate.now().minusYears(30)));
    assertThat(leases.acquire(Retention.LEASE, "other-instance", now, Duration.ofMinutes(30))).isTrue();
    try {
      assertThat(retention.run("test", now)).isEmpty();
      assertThat(mongo.findById("grown-2", Document.class, "case_files")).containsKey("name");
    } finally {
      leases.release(Retention.LEASE, "other-instance");
    }
    assertThat(retention.run("test", now)).extracting(Retention.Erased::kind).containsExactly("GROWN_UP_FILE",
        "AROUND_REDUCED_FILE");
  }

  /** A visitor from an address of their own: the one door's limits per address do not reach across this test. */
  private GraphQlHttp visitor() {
    return GraphQlHttp.at(port).forwardedFor("192.0.2." + (100 + VISITORS.getAndIncrement() % 150));
  }

  private String report(GraphQlHttp anonymous, String name, String phone) {
    Map<String, Object> input = TestIntakes.report(UUID.randomUUID().toString());
    input.put("reporterName", name);
    input.put("reporterPhone", phone);
    return visitor().post(REPORT, Map.of("input", input)).data().path("submitMandatoryReport").path("receipt")
        .path("code").asString();
  }

  private String offer(GraphQlHttp anonymous, String name) {
    String code = visitor().post("""
        mutation($input: SubmitOfferInput!) { submitOffer(input: $input) { receipt { code } errors { code } } }""",
        Map.of("input", Map.of("idempotencyKey", UUID.randomUUID().toString(), "kind", "MONEY", "categories",
            List.of("MEDICAL"), "offererName", name, "phone", "13812345678", "amountYuan", 500))).data()
        .path("submitOffer").path("receipt").path("code").asString();
    return mongo.findOne(query(where("receiptCode").is(code)), Document.class, "offers").getString("_id");
  }

  private String signUp(GraphQlHttp anonymous) {
    return visitor().post(SIGN_UP, Map.of("input", TestIntakes.volunteer(UUID.randomUUID().toString(),
        "ret" + UUID.randomUUID().toString().substring(0, 8)))).data().path("submitSignUp").path("receipt")
        .path("code").asString();
  }

  /** Closes an intake as if it had been closed then (the steps that close one are other tests' business). */
  private void close(String code, Instant at) {
    mongo.updateFirst(query(where("receiptCode").is(code)), new Update().set("status", "CLOSED")
        .set("closedAt", Date.from(at)), "intakes");
  }

  private Document intake(String code) {
    return mongo.findOne(query(where("receiptCode").is(code)), Document.class, "intakes");
  }

  private static CaseFile file(String id, LocalDate born) {
    Instant now = Instant.now();
    return new CaseFile(id, 0, "孟小燕", Sex.FEMALE, born, null, "黑龙江省虎林市", "hulin-town",
        "hulin-town-xinhua", "新华村三组12号", Set.of(Cause.POVERTY), 2,
        new Guardianship(ParentsSituation.BOTH_AWAY_FOR_WORK, List.of(new Guardian("孟秀兰", "祖母", "13812345678")),
            null), null, null, Set.of(), null, null, null, now, now, List.of(), false);
  }
}
