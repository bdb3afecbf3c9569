package org.onedoor.backend.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.intake.IntakeInputs.ClaimTaskInput;
import org.onedoor.backend.intake.IntakeInputs.CompleteTaskInput;
import org.onedoor.backend.intake.IntakeInputs.SubmitAssistanceApplicationInput;
import org.onedoor.backend.intake.IntakeInputs.SubmitMandatoryReportInput;
import org.onedoor.backend.intake.IntakePayloads.SubmitIntakePayload;
import org.onedoor.backend.intake.IntakePayloads.TaskPayload;
import org.onedoor.backend.platform.graphql.Batches;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.onedoor.backend.platform.graphql.RequestContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record IntakeController(Intakes intakes, HandlingTasks tasks, TownshipDesk desk, SignUps signUps,
    SignUpDecisions decisions, Escalations escalations, Geography geography, GraphQlLimits limits) {

  @MutationMapping
  SubmitIntakePayload submitAssistanceApplication(@Argument SubmitAssistanceApplicationInput input,
      @ContextValue(name = RequestContext.CLIENT_ADDRESS, required = false) String client,
      Locale locale) {
    return intakes.apply(input, client, locale);
  }

  @MutationMapping
  SubmitIntakePayload submitMandatoryReport(@Argument SubmitMandatoryReportInput input,
      @ContextValue(name = RequestContext.CLIENT_ADDRESS, required = false) String client,
      Locale locale) {
    return intakes.report(input, client, locale);
  }

  @MutationMapping
  SubmitIntakePayload submitSignUp(@Argument SignUps.SubmitSignUpInput input,
      @ContextValue(name = RequestContext.CLIENT_ADDRESS, required = false) String client, Locale locale) {
    return signUps.submit(input, client, locale);
  }

  @MutationMapping
  SignUpDecisions.SignUpPayload recordVetting(@Argument SignUpDecisions.RecordVettingInput input, Locale locale) {
    return decisions.vet(input, locale);
  }

  @MutationMapping
  SignUpDecisions.SignUpPayload decideSignUp(@Argument SignUpDecisions.DecideSignUpInput input, Locale locale) {
    return decisions.decide(input, locale);
  }

  @QueryMapping
  IntakeReceipt intakeStatus(@Argument String receiptCode, Locale locale) {
    return intakes.receipt(receiptCode, locale);
  }

  @QueryMapping
  Connection<HandlingTask> handlingTasks(@Argument Department department, @Argument TaskStatus status,
      @Argument Boolean claimedByMe, @Argument String receiptCode, @Argument Integer first, @Argument String after) {
    return tasks.queue(department, status, Boolean.TRUE.equals(claimedByMe), receiptCode, limits.pageSize(first),
        after);
  }

  @QueryMapping
  Connection<Intake> townshipIntakes(@Argument String townshipId, @Argument IntakeStatus status,
      @Argument Integer first, @Argument String after) {
    return desk.townshipDesk(townshipId, status, limits.pageSize(first), after);
  }

  @MutationMapping
  IntakePayloads.IntakePayload attachIntakeFile(@Argument IntakeInputs.AttachIntakeFileInput input, Locale locale) {
    return desk.attachFile(input.intakeId(), input.caseFileId(), locale);
  }

  @BatchMapping(typeName = "Intake")
  Map<Intake, List<HandlingTask>> tasks(List<Intake> list) {
    return Batches.resolveMany(list, Intake::id, tasks::tasksOf);
  }

  @BatchMapping(typeName = "Intake", field = "township")
  Map<Intake, Township> intakeTownship(List<Intake> list) {
    return geography.townshipOf(list, Intake::townshipId);
  }

  @QueryMapping
  Connection<Escalations.Escalation> escalations(@Argument Integer first, @Argument String after) {
    return escalations.escalations(limits.pageSize(first), after);
  }

  @BatchMapping(typeName = "Escalation", field = "township")
  Map<Escalations.Escalation, Township> escalationTownship(List<Escalations.Escalation> list) {
    return geography.townshipOf(list, Escalations.Escalation::townshipId);
  }

  @MutationMapping
  TaskPayload claimTask(@Argument ClaimTaskInput input, Locale locale) {
    return tasks.claim(input.taskId(), locale);
  }

  @MutationMapping
  TaskPayload recordTaskAction(@Argument IntakeInputs.RecordTaskActionInput input, Locale locale) {
    return tasks.recordAction(input.taskId(), input.note(), locale);
  }

  @MutationMapping
  TaskPayload handBackTask(@Argument IntakeInputs.HandBackTaskInput input, Locale locale) {
    return tasks.handBack(input.taskId(), input.reason(), locale);
  }

  @MutationMapping
  TaskPayload completeTask(@Argument CompleteTaskInput input, Locale locale) {
    return tasks.complete(input.taskId(), input.outcome(), locale);
  }

  @BatchMapping(typeName = "HandlingTask")
  Map<HandlingTask, Intake> intake(List<HandlingTask> handlingTasks) {
    return Batches.resolve(handlingTasks, HandlingTask::intakeId, tasks::intakesOf);
  }

  @BatchMapping(typeName = "HandlingTask", field = "township")
  Map<HandlingTask, Township> taskTownship(List<HandlingTask> tasks) {
    return geography.townshipOf(tasks, HandlingTask::townshipId);
  }

  @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "TaskAction")
  String byName(HandlingTask.Action action) {
    return action.byName() == null ? action.by() : action.byName();
  }

  @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "HandlingTask")
  String claimedByName(HandlingTask task) {
    return task.claimedBy() == null ? null : task.claimedByName() == null ? task.claimedBy() : task.claimedByName();
  }
}
