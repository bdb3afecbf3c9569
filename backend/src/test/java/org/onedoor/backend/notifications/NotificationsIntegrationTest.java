package org.onedoor.backend.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** The notification centre: new tasks reach the departments, overdue ones civil affairs and the township. */
@IntegrationTest
@org.springframework.context.annotation.Import(org.onedoor.backend.intake.EscalationsProbe.class)
class NotificationsIntegrationTest {

  private static final String MINE = """
      query($unread: Boolean) { myNotifications(unreadOnly: $unread, first: 50) { edges { node {
        kind reference detail read } } } }""";
  private static final String REPORT = """
      mutation($input: SubmitMandatoryReportInput!) { submitMandatoryReport(input: $input) { receipt { code } } }""";

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Autowired
  MongoTemplate mongo;

  @Autowired
  org.onedoor.backend.intake.EscalationsProbe escalations;

  private String code;

  @BeforeEach
  void report() {
    mongo.remove(new Query(), Notification.class);
    mongo.remove(new Query(), org.onedoor.backend.intake.Intake.class);
    mongo.remove(new Query(), org.onedoor.backend.intake.HandlingTask.class);
    mongo.remove(new Query(), "leases");
    Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", UUID.randomUUID().toString(),
        "reporterKind", "HOSPITAL", "townshipId", "baodong-town", "place", "宝东镇卫生院",
        "description", "孩子多处旧伤，陪同成人说法前后矛盾。"));
    code = GraphQlHttp.at(port).withToken(tokens.token("doctor", "x", List.of(RoleNames.FAMILY), Map.of()))
        .post(REPORT, Map.of("input", input)).data().path("submitMandatoryReport").path("receipt").path("code")
        .asString();
  }

  private GraphQlHttp as(String subject, String role, Map<String, String> scope) {
    return GraphQlHttp.at(port).withToken(tokens.token(subject, "x", List.of(role), scope));
  }

  private static JsonNode edges(GraphQlHttp caller, Boolean unread) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("unread", unread);
    return caller.post(MINE, variables).data().path("myNotifications").path("edges");
  }

  @Test
  void a_new_task_notifies_each_routed_department_and_no_one_else_with_codes_only() {
    GraphQlHttp police = as("officer-n1", RoleNames.DEPARTMENT_STAFF, Map.of("department", "PUBLIC_SECURITY"));
    GraphQlHttp civil = as("civil-n1", RoleNames.CIVIL_AFFAIRS, Map.of());
    GraphQlHttp education = as("teacher-n1", RoleNames.DEPARTMENT_STAFF, Map.of("department", "EDUCATION"));

    JsonNode policeNotes = edges(police, null);
    assertThat(policeNotes).hasSize(1);
    assertThat(policeNotes.get(0).path("node").path("kind").asString()).isEqualTo("NEW_TASK");
    assertThat(policeNotes.get(0).path("node").path("reference").asString()).isEqualTo(code);
    assertThat(edges(civil, null)).hasSize(1);
    assertThat(edges(education, null)).isEmpty();
    assertThat(police.post(MINE, Map.of()).body()).doesNotContain("宝东镇卫生院", "旧伤");
  }

  @Test
  void reading_marks_a_notification_read_for_that_account_only() {
    GraphQlHttp officer = as("officer-n2", RoleNames.DEPARTMENT_STAFF, Map.of("department", "PUBLIC_SECURITY"));
    GraphQlHttp colleague = as("officer-n3", RoleNames.DEPARTMENT_STAFF, Map.of("department", "PUBLIC_SECURITY"));

    var marked = officer.post("mutation { markNotificationsRead(input: {}) { marked errors { code } } }");

    assertThat(marked.data().path("markNotificationsRead").path("marked").asInt()).as(marked.body()).isEqualTo(1);
    assertThat(edges(officer, true)).isEmpty();
    assertThat(edges(officer, null).get(0).path("node").path("read").asBoolean()).isTrue();
    assertThat(edges(colleague, true)).as("the colleague has not read it").hasSize(1);
  }

  /** "reference detail" of each TASK_OVERDUE notification the caller sees. */
  private List<String> overdue(GraphQlHttp caller) {
    List<String> notes = new ArrayList<>();
    edges(caller, null).forEach(edge -> {
      JsonNode node = edge.path("node");
      if (node.path("kind").asString().equals("TASK_OVERDUE")) {
        notes.add(node.path("reference").asString() + " " + node.path("detail").asString());
      }
    });
    return notes;
  }

  @Test
  void once_the_department_has_done_its_task_the_notification_of_it_is_read_for_everyone() {
    GraphQlHttp officer = as("officer-n6", RoleNames.DEPARTMENT_STAFF, Map.of("department", "PUBLIC_SECURITY"));
    GraphQlHttp colleague = as("officer-n7", RoleNames.DEPARTMENT_STAFF, Map.of("department", "PUBLIC_SECURITY"));
    GraphQlHttp civil = as("civil-n6", RoleNames.CIVIL_AFFAIRS, Map.of());
    assertThat(edges(colleague, true)).hasSize(1);
    String taskId = officer.post("{ handlingTasks(first: 5) { edges { node { id intake { receiptCode } } } } }")
        .data().path("handlingTasks").path("edges").findValues("node").stream()
        .filter(n -> code.equals(n.path("intake").path("receiptCode").asString())).findFirst().orElseThrow()
        .path("id").asString();
    officer.post("mutation($id: ID!) { claimTask(input: {taskId: $id}) { errors { code } } }", Map.of("id", taskId));
    var done = officer.post("mutation($id: ID!) { completeTask(input: {taskId: $id, outcome: \"已出警\"}) {"
        + " errors { code } } }", Map.of("id", taskId));
    assertThat(done.data().path("completeTask").path("errors")).as(done.body()).isEmpty();

    assertThat(edges(colleague, true)).as("nothing left to do for the police").isEmpty();
    assertThat(edges(colleague, null).get(0).path("node").path("read").asBoolean()).isTrue();
    assertThat(edges(civil, true)).as("civil affairs' own task is not done yet").hasSize(1);
  }

  @Test
  void an_overdue_task_notifies_civil_affairs_the_township_and_the_department() {
    // The report made two tasks due in 24 hours: PUBLIC_SECURITY leads, CIVIL_AFFAIRS co-handles.
    int escalated = escalations.runAt(Instant.now().plus(Duration.ofHours(25)));

    GraphQlHttp police = as("officer-n4", RoleNames.DEPARTMENT_STAFF, Map.of("department", "PUBLIC_SECURITY"));
    GraphQlHttp education = as("teacher-n4", RoleNames.DEPARTMENT_STAFF, Map.of("department", "EDUCATION"));
    GraphQlHttp township = as("township-n4", RoleNames.TOWNSHIP_STAFF, Map.of("township", "baodong-town"));
    GraphQlHttp otherTownship = as("township-n5", RoleNames.TOWNSHIP_STAFF, Map.of("township", "hulin-town"));
    GraphQlHttp civil = as("civil-n4", RoleNames.CIVIL_AFFAIRS, Map.of());

    assertThat(code).isNotBlank();
    assertThat(escalated).isEqualTo(2);
    // The department that missed its deadline is told once, about its own task, unread, beside its NEW_TASK.
    assertThat(overdue(police)).containsExactly(code + " PUBLIC_SECURITY");
    assertThat(edges(police, true).findValuesAsString("kind")).containsExactlyInAnyOrder("NEW_TASK", "TASK_OVERDUE");
    assertThat(edges(education, null)).isEmpty();
    assertThat(overdue(township)).containsExactlyInAnyOrder(code + " PUBLIC_SECURITY", code + " CIVIL_AFFAIRS");
    assertThat(edges(township, null).findValuesAsString("kind")).as("and the report in its area, when it came in")
        .containsExactlyInAnyOrder("REPORT_IN_AREA", "TASK_OVERDUE", "TASK_OVERDUE");
    assertThat(edges(otherTownship, null)).isEmpty();
    assertThat(overdue(civil)).containsExactlyInAnyOrder(code + " PUBLIC_SECURITY", code + " CIVIL_AFFAIRS");
    assertThat(edges(civil, null).findValuesAsString("kind"))
        .containsExactlyInAnyOrder("NEW_TASK", "TASK_OVERDUE", "TASK_OVERDUE");
    assertThat(police.post(MINE, Map.of()).body()).doesNotContain("宝东镇卫生院", "旧伤");
    assertThat(GraphQlHttp.at(port).post(MINE, Map.of()).errors().get(0).path("extensions").path("classification")
        .asString()).isEqualTo("UNAUTHORIZED");
  }
}
