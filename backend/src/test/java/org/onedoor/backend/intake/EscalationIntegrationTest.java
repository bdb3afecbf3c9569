package org.onedoor.backend.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.AtOnce;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Deadlines escalate once, to civil affairs and the township, on one instance at a time — with time under control. */
@IntegrationTest
class EscalationIntegrationTest {

  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) { receipt { code } } }""";
  private static final String APPLY = """
      mutation($input: SubmitAssistanceApplicationInput!) { submitAssistanceApplication(input: $input) {
        receipt { code } } }""";
  private static final String ESCALATIONS = """
      { escalations(first: 50) { edges { node { department township { name } emergency dueAt escalatedAt } } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  Escalations escalations;

  @Autowired
  org.onedoor.backend.platform.lease.Leases leases;

  private Instant submittedAt;

  @BeforeEach
  void twoIntakes() {
    mongo.remove(new Query(), Intake.class);
    mongo.remove(new Query(), HandlingTask.class);
    mongo.remove(new Query(), Escalations.Escalation.class);
    mongo.remove(new Query(), "leases");
    submittedAt = Instant.now();
    GraphQlHttp family = GraphQlHttp.at(port).withToken(tokens.token("family-e", "x", List.of(RoleNames.FAMILY),
        Map.of()));
    Map<String, Object> report = new HashMap<>(Map.of("idempotencyKey", UUID.randomUUID().toString(),
        "reporterKind", "SCHOOL", "townshipId", "hutou-town", "place", "虎头镇中心小学门口",
        "description", "孩子连续三天没有人接。"));
    family.post(REPORT, Map.of("input", report));
    Map<String, Object> application = new HashMap<>(Map.of("idempotencyKey", UUID.randomUUID().toString(),
        "applicantKind", "GUARDIAN", "applicantName", "王大妈", "applicantPhone", "13804670000",
        "childName", "王小花", "childBirthDate", "2015-01-01", "townshipId", "hulin-town",
        "villageId", "hulin-town-xinhua", "causes", List.of("POVERTY"), "categories", List.of("BASIC_LIVING")));
    application.put("description", "冬季取暖困难。");
    application.put("childSex", "FEMALE");
    family.post(APPLY, Map.of("input", application));
    assertThat(mongo.count(new Query(), HandlingTask.class)).isEqualTo(3);
  }

  @Test
  void a_task_past_its_deadline_escalates_once_to_civil_affairs_and_its_township() {
    assertThat(escalations.run("instance-a", submittedAt.plus(Duration.ofHours(23)))).as("not due yet").isZero();

    int escalated = escalations.run("instance-a", submittedAt.plus(Duration.ofHours(25)));

    assertThat(escalated).as("the report's two tasks (24 h); the application's (5 days) not yet").isEqualTo(2);
    assertThat(escalations.run("instance-a", submittedAt.plus(Duration.ofHours(26)))).as("only once").isZero();
    var civil = GraphQlHttp.at(port).withToken(tokens.token("civil-e", "x", List.of(RoleNames.CIVIL_AFFAIRS), Map.of()))
        .post(ESCALATIONS);
    assertThat(civil.data().path("escalations").path("edges")).as(civil.body()).hasSize(2);
    assertThat(civil.body()).contains("PUBLIC_SECURITY", "CIVIL_AFFAIRS", "虎头镇");
    var hutou = GraphQlHttp.at(port).withToken(tokens.token("township-e", "x", List.of(RoleNames.TOWNSHIP_STAFF),
        Map.of("township", "hutou-town"))).post(ESCALATIONS);
    var hulin = GraphQlHttp.at(port).withToken(tokens.token("township-f", "x", List.of(RoleNames.TOWNSHIP_STAFF),
        Map.of("township", "hulin-town"))).post(ESCALATIONS);
    assertThat(hutou.data().path("escalations").path("edges")).hasSize(2);
    assertThat(hulin.data().path("escalations").path("edges")).isEmpty();

    assertThat(escalations.run("instance-a", submittedAt.plus(Duration.ofDays(6)))).as("the application's task")
        .isEqualTo(1);
  }

  @Test
  void while_one_instance_holds_the_lease_the_others_escalate_nothing_until_it_expires() {
    Instant late = submittedAt.plus(Duration.ofDays(6));
    assertThat(leases.acquire(Escalations.LEASE, "instance-a", late, Duration.ofMinutes(5))).isTrue();

    assertThat(escalations.run("instance-b", late.plusSeconds(60))).as("A holds the lease").isZero();
    assertThat(mongo.count(new Query(), Escalations.Escalation.class)).isZero();
    assertThat(escalations.run("instance-b", late.plus(Duration.ofMinutes(6))))
        .as("A's lease expired without renewal; B takes over").isEqualTo(3);
    assertThat(escalations.run("instance-a", late.plus(Duration.ofMinutes(7)))).as("now B holds it").isZero();
  }

  @Test
  void instances_running_at_the_same_moment_escalate_each_task_exactly_once() throws Exception {
    Instant late = submittedAt.plus(Duration.ofDays(6));
    List<Callable<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String owner = "instance-" + i;
      runs.add(() -> escalations.run(owner, late));
    }

    int total = AtOnce.call(runs).stream().mapToInt(Integer::intValue).sum();

    assertThat(total).isEqualTo(3);
    assertThat(mongo.count(new Query(), Escalations.Escalation.class)).isEqualTo(3);
  }
}
