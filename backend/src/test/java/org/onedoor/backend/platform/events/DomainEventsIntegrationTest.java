package org.onedoor.backend.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willDoNothing;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.notifications.NotificationSender;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestIntakes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Decision 008: the one door tells notifications of a new task by a domain event, and a listener that fails does not
 * fail the intake — the citizen gets the receipt, the department's tasks are stored, the failure is counted.
 */
@IntegrationTest
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
  void a_failing_listener_leaves_the_intake_and_its_tasks_standing_and_is_counted() {
    willThrow(new IllegalStateException("the SMS gateway is down")).given(sender).send(any());
    double failedBefore = failed();

    String code = submit("198.51.100.12");

    Document intake = mongo.findOne(query(where("receiptCode").is(code)), Document.class, "intakes");
    assertThat(intake).as("the intake is stored").isNotNull();
    assertThat(mongo.count(query(where("intakeId").is(intake.getString("_id"))), "handling_tasks"))
        .as("its tasks are in the departments' queues").isPositive();
    assertThat(failed() - failedBefore).as("the failure is counted for operators").isGreaterThanOrEqualTo(1);
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

  private double failed() {
    var counter = meters.find("onedoor.events.failed").tag("event", "TaskOpened").counter();
    return counter == null ? 0 : counter.count();
  }
}
