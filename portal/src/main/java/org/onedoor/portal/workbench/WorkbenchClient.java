package org.onedoor.portal.workbench;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.UserError;
import org.springframework.stereotype.Component;

/**
 * The departments' task queues and the township's intake desk. Calls and error translation go through {@link
 * GraphQlGateway}.
 */
@Component
public record WorkbenchClient(GraphQlGateway gateway) {

  /** Township staff and civil affairs: links an application or report to a child's file; the refusals. */
  public List<UserError> attachIntakeFile(String intakeId, String caseFileId) {
    return gateway.refusalsWith("attachIntakeFile", GraphQlGateway.variables("intakeId", intakeId, "caseFileId",
        caseFileId));
  }

  /**
   * Civil affairs: records the vetting and decides — approve (when the vetting suffices) or reject with a reason;
   * the refusals, empty on success.
   */
  public List<UserError> vetAndDecide(IntakeApi.Vetting vetting, boolean approve, String reason) {
    return gateway.call(graphQl -> {
      // The vetting record's components are the input's fields: it goes as it is.
      List<UserError> errors = graphQl.documentName("recordVetting").variable("input", vetting)
          .retrieveSync("recordVetting.errors").toEntityList(UserError.class);
      if (!errors.isEmpty()) {
        return errors;
      }
      return graphQl.documentName("decideSignUp").variable("input", new DecisionInput(vetting.intakeId(), approve,
          reason))
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
    return gateway.refusalsWith("recordTaskAction", GraphQlGateway.variables("id", taskId, "note", note));
  }

  /** The claimer: hands a task back to the queue with a reason; the refusals, empty on success. */
  public List<UserError> handBackTask(String taskId, String reason) {
    return gateway.refusalsWith("handBackTask", GraphQlGateway.variables("id", taskId, "reason", reason));
  }

  /** Department staff: claims a task; the refusals, empty on success. */
  public List<UserError> claimTask(String taskId) {
    return gateway.refusalsWith("claimTask", GraphQlGateway.variables("id", taskId));
  }

  /** The claimer: completes a task with an outcome; the refusals, empty on success. */
  public List<UserError> completeTask(String taskId, String outcome) {
    return gateway.refusalsWith("completeTask", GraphQlGateway.variables("id", taskId, "outcome", outcome));
  }

  /** The schema's DecideSignUpInput. */
  record DecisionInput(String intakeId, boolean approve, String reason) {
  }
}
