package org.onedoor.portal.workbench;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/** The departments' task queues and the township's intake desk. Calls and error translation go through {@link GraphQlGateway}. */
@Component
public class WorkbenchClient {

  private final GraphQlGateway gateway;

  WorkbenchClient(GraphQlGateway gateway) {
    this.gateway = gateway;
  }

  /** Township staff and civil affairs: links an application or report to a child's file; the refusals. */
  public List<UserError> attachIntakeFile(String intakeId, String caseFileId) {
    return gateway.call(graphQl -> graphQl.documentName("attachIntakeFile").variable("intakeId", intakeId)
        .variable("caseFileId", caseFileId).retrieveSync("attachIntakeFile.errors").toEntityList(UserError.class));
  }

  /**
   * Civil affairs: records the vetting and decides — approve (when the vetting suffices) or reject with a reason;
   * the refusals, empty on success.
   */
  public List<UserError> vetAndDecide(IntakeApi.Vetting vetting, boolean approve, String reason) {
    return gateway.call(graphQl -> {
      Map<String, Object> input = new java.util.HashMap<>();
      input.put("intakeId", vetting.intakeId());
      input.put("criminalRecordChecked", vetting.criminalRecordChecked());
      input.put("safeguardingTrained", vetting.safeguardingTrained());
      input.put("homeVisitDone", vetting.homeVisitDone());
      input.put("checklistPassed", vetting.checklistPassed());
      input.put("registrationVerified", vetting.registrationVerified());
      input.put("note", vetting.note());
      List<UserError> errors = graphQl.documentName("recordVetting").variable("input", input)
          .retrieveSync("recordVetting.errors").toEntityList(UserError.class);
      if (!errors.isEmpty()) {
        return errors;
      }
      Map<String, Object> decision = new java.util.HashMap<>();
      decision.put("intakeId", vetting.intakeId());
      decision.put("approve", approve);
      decision.put("reason", reason);
      return graphQl.documentName("decideSignUp").variable("input", decision)
          .retrieveSync("decideSignUp.errors").toEntityList(UserError.class);
    });
  }

  /**
   * Department staff: a page of their department's queue (not done), emergencies first, then by due time; only the
   * tasks the user claimed when {@code mine}, only the task of one intake when a receipt code is given.
   */
  public Page<IntakeApi.Task> handlingTasks(boolean mine, String receiptCode, int first, String after) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("claimedByMe", mine);
    variables.put("receiptCode", receiptCode == null || receiptCode.isBlank() ? null : receiptCode);
    return gateway.pageWith("handlingTasks", "handlingTasks", IntakeApi.Task.class, variables, first, after);
  }

  /** Township staff and civil affairs: a page of the township's intake desk (not closed), newest first. */
  public Page<IntakeApi.DeskIntake> townshipIntakes(int first, String after) {
    return gateway.pageWith("townshipIntakes", "townshipIntakes", IntakeApi.DeskIntake.class, Map.of(), first, after);
  }

  /** The claimer: records an action on a task; the refusals, empty on success. */
  public List<UserError> recordTaskAction(String taskId, String note) {
    return gateway.call(graphQl -> graphQl.documentName("recordTaskAction").variable("id", taskId).variable("note", note)
        .retrieveSync("recordTaskAction.errors").toEntityList(UserError.class));
  }

  /** The claimer: hands a task back to the queue with a reason; the refusals, empty on success. */
  public List<UserError> handBackTask(String taskId, String reason) {
    return gateway.call(graphQl -> graphQl.documentName("handBackTask").variable("id", taskId).variable("reason", reason)
        .retrieveSync("handBackTask.errors").toEntityList(UserError.class));
  }

  /** Department staff: claims a task; the refusals, empty on success. */
  public List<UserError> claimTask(String taskId) {
    return gateway.call(graphQl -> graphQl.documentName("claimTask").variable("id", taskId)
        .retrieveSync("claimTask.errors").toEntityList(UserError.class));
  }

  /** The claimer: completes a task with an outcome; the refusals, empty on success. */
  public List<UserError> completeTask(String taskId, String outcome) {
    return gateway.call(graphQl -> graphQl.documentName("completeTask").variable("id", taskId).variable("outcome", outcome)
        .retrieveSync("completeTask.errors").toEntityList(UserError.class));
  }
}
