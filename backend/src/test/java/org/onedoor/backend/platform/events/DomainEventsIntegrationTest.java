package org.onedoor.backend.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willDoNothing;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onedoor.backend.intake.EscalationsProbe;
import org.onedoor.backend.notifications.NotificationSender;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestIntakes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Decision 008: the one door tells notifications of a new task by a domain event, and a listener that fails does not
 * fail the intake — the citizen gets the receipt, the department's tasks are stored, the failure is counted.
 */
@IntegrationTest
@Import(EscalationsProbe.class)
@ExtendWith(OutputCaptureExtension.class)
class DomainEventsIntegrationTest {

  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) {
        receipt { code departments { department } } errors { code } } }""";

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  MeterRegistry meters;

  @Autowired
  EscalationsProbe escalations;

  @MockitoBean
  NotificationSender sender;

  @Test
  void a_new_task_notifies_its_department() {
    willDoNothing().given(sender).send(any());

    String code = submit("198.51.100.11");

    Document intake = mongo.findOne(query(where("receiptCode").is(code)), Document.class, "intakes");
    long tasks = mongo.count(query(where("intakeId").is(intake.getString("_id"))), "handling_tasks");
    long notified = mongo.count(query(where("reference").is(code).and("kind").is("NEW_TASK")), "notifications");
    assertThat(tasks).isPositive();
    assertThat(notified).as("one notification per department given a task").isEqualTo(tasks);
  }

  @Test
  void a_failing_listener_leaves_the_intake_and_its_tasks_standing_and_is_counted(CapturedOutput output) {
    willThrow(new IllegalStateException("the SMS gateway is down: 13900001234")).given(sender).send(any());
    double failedBefore = failed("TaskOpened");

    String code = submit("198.51.100.12");

    Document intake = mongo.findOne(query(where("receiptCode").is(code)), Document.class, "intakes");
    assertThat(intake).as("the intake is stored").isNotNull();
    long tasks = mongo.count(query(where("intakeId").is(intake.getString("_id"))), "handling_tasks");
    assertThat(tasks).as("its tasks are in the departments' queues").isPositive();
    assertThat(failed("TaskOpened") - failedBefore).as("each failed notice is counted for operators")
        .isEqualTo(tasks);
    assertThat(output.getAll()).contains("A listener of TaskOpened failed (IllegalStateException at ")
        .doesNotContain("the SMS gateway is down", "13900001234");
  }

  @Test
  void an_escalation_run_goes_on_when_its_notices_fail() {
    String code = submit("198.51.100.13");
    Document intake = mongo.findOne(query(where("receiptCode").is(code)), Document.class, "intakes");
    long tasks = mongo.count(query(where("intakeId").is(intake.getString("_id"))), "handling_tasks");
    willThrow(new IllegalStateException("the SMS gateway is down")).given(sender).send(any());
    double failedBefore = failed("TaskOverdue");

    int escalated = escalations.runAt(Instant.now().plus(Duration.ofDays(30)));

    assertThat(escalated).as("every overdue task of the report escalates").isGreaterThanOrEqualTo((int) tasks);
    assertThat(mongo.count(query(where("intakeId").is(intake.getString("_id")).and("escalatedAt").ne(null)),
        "handling_tasks")).as("and is marked escalated").isEqualTo(tasks);
    assertThat(failed("TaskOverdue") - failedBefore).as("each escalation's failed notices, counted once")
        .isEqualTo(escalated);
  }

  /** Submits a mandatory report from its own address; returns the receipt code (fails the test on any error). */
  private String submit(String address) {
    var answer = GraphQlHttp.at(port).forwardedFor(address)
        .post(REPORT, Map.of("input", TestIntakes.report(UUID.randomUUID().toString())));
    var payload = answer.data().path("submitMandatoryReport");
    assertThat(answer.errors().isMissingNode() || answer.errors().isEmpty()).as(answer.body()).isTrue();
    assertThat(payload.path("errors").size()).as(answer.body()).isZero();
    String code = payload.path("receipt").path("code").asString();
    assertThat(code).as(answer.body()).isNotBlank();
    return code;
  }

  private double failed(String event) {
    var counter = meters.find("onedoor.events.failed").tag("event", event).counter();
    return counter == null ? 0 : counter.count();
  }
}
