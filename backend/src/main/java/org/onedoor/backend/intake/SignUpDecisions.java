package org.onedoor.backend.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onedoor.backend.identity.Accounts;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.events.DomainEvents;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.registry.RegisterInputs;
import org.onedoor.backend.registry.RegisterEditing;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Civil affairs decide a sign-up: they record the vetting (criminal record, safeguarding training, home visit,
 * checklist, registration), then approve — the account is enabled and the volunteer, family or organisation enters
 * its register — or reject with a reason; the applicant is told either way.
 */
@Service
class SignUpDecisions {

  private final MongoTemplate mongo;
  private final Accounts accounts;
  private final RegisterEditing registers;
  private final Messages messages;
  private final Clock clock;
  private final DomainEvents events;

  SignUpDecisions(MongoTemplate mongo, Accounts accounts, RegisterEditing registers, Messages messages, Clock clock,
      DomainEvents events) {
    this.mongo = mongo;
    this.accounts = accounts;
    this.registers = registers;
    this.messages = messages;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Vetting to record.
   *
   * @param intakeId the sign-up
   * @param criminalRecordChecked certificate checked
   * @param safeguardingTrained training done
   * @param homeVisitDone home visit done
   * @param checklistPassed checklist passed
   * @param registrationVerified registration verified
   * @param note note
   */
  record RecordVettingInput(String intakeId, Boolean criminalRecordChecked, Boolean safeguardingTrained,
      Boolean homeVisitDone, Boolean checklistPassed, Boolean registrationVerified, String note) {
  }

  /**
   * A decision to take.
   *
   * @param intakeId the sign-up
   * @param approve approve or reject
   * @param reason the reason (required to reject)
   */
  record DecideSignUpInput(String intakeId, Boolean approve, String reason) {
  }

  /**
   * The result of vetting or deciding.
   *
   * @param intake the sign-up after the change; null when refused
   * @param errors why it was refused
   */
  record SignUpPayload(Intake intake, List<UserError> errors) {
  }

  /** Civil affairs: records (replaces) the vetting of an undecided sign-up. */
  @PreAuthorize(Roles.AUDITORS)
  public SignUpPayload vet(RecordVettingInput input, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String note = checks.optional(input.note(), 500, "note");
    if (!errors.isEmpty()) {
      return new SignUpPayload(null, errors);
    }
    Vetting vetting = new Vetting(Boolean.TRUE.equals(input.criminalRecordChecked()),
        Boolean.TRUE.equals(input.safeguardingTrained()), Boolean.TRUE.equals(input.homeVisitDone()),
        Boolean.TRUE.equals(input.checklistPassed()), Boolean.TRUE.equals(input.registrationVerified()), note,
        caller.subject(), clock.instant());
    Intake vetted = mongo.findAndModify(query(where("_id").is(input.intakeId()).and("kind").is(IntakeKind.SIGN_UP)
            .and("status").ne(IntakeStatus.CLOSED)), new Update().set("vetting", vetting)
            .set("status", IntakeStatus.IN_HANDLING),
        FindAndModifyOptions.options().returnNew(true), Intake.class);
    return vetted == null ? new SignUpPayload(null, List.of(messages.userError("SIGN_UP_NOT_OPEN", "intakeId",
        locale))) : new SignUpPayload(vetted, List.of());
  }

  /**
   * Civil affairs: approves a fully vetted sign-up — the account may sign in with its role and enters the register —
   * or rejects it with a reason. Decided once: a second decision is refused.
   */
  @PreAuthorize(Roles.AUDITORS)
  public SignUpPayload decide(DecideSignUpInput input, Locale locale) {
    Intake intake = mongo.findOne(query(where("_id").is(input.intakeId()).and("kind").is(IntakeKind.SIGN_UP)),
        Intake.class);
    if (intake == null || intake.status() == IntakeStatus.CLOSED) {
      return new SignUpPayload(null, List.of(messages.userError("SIGN_UP_NOT_OPEN", "intakeId", locale)));
    }
    IntakeContent.SignUp signUp = (IntakeContent.SignUp) intake.content();
    boolean approve = Boolean.TRUE.equals(input.approve());
    String reason = input.reason() == null ? "" : input.reason().strip();
    if (approve && (intake.vetting() == null || !intake.vetting().completeFor(signUp.kind()))) {
      return new SignUpPayload(null, List.of(messages.userError("VETTING_INCOMPLETE", "intakeId", locale)));
    }
    if (!approve && (reason.isEmpty() || reason.length() > 500)) {
      return new SignUpPayload(null, List.of(messages.userError("REASON_REQUIRED", "reason", locale)));
    }
    String outcome = approve ? messages.get("signUp.approved", locale) : messages.get("signUp.rejected", locale,
        reason);
    Intake closed = mongo.findAndModify(query(where("_id").is(intake.id()).and("status").ne(IntakeStatus.CLOSED)),
        new Update().set("status", IntakeStatus.CLOSED).set("outcome", outcome).set("closedAt", clock.instant())
            // The decision itself: retention deletes a rejected sign-up's account, never an approved one's.
            .set("approved", approve),
        FindAndModifyOptions.options().returnNew(true), Intake.class);
    if (closed == null) {
      return new SignUpPayload(null, List.of(messages.userError("SIGN_UP_NOT_OPEN", "intakeId", locale)));
    }
    mongo.updateMulti(query(where("intakeId").is(intake.id()).and("status").ne(TaskStatus.DONE)),
        new Update().set("status", TaskStatus.DONE).set("outcome", outcome).set("doneAt", clock.instant()),
        HandlingTask.class);
    if (approve) {
      enrol(signUp, intake.townshipId(), locale);
    }
    events.publish(new IntakeEvent.SignUpDecided(signUp.username(), intake.receiptCode(), approve));
    return new SignUpPayload(closed, List.of());
  }

  private void enrol(IntakeContent.SignUp signUp, String townshipId, Locale locale) {
    switch (signUp.kind()) {
      case VOLUNTEER -> {
        accounts.approve(signUp.username(), RoleNames.VOLUNTEER);
        registers.saveVolunteer(new RegisterInputs.SaveVolunteerInput(null, null, signUp.displayName(),
            signUp.phone(), townshipId, signUp.skills(), signUp.availability(), true), locale);
      }
      case FAMILY -> {
        accounts.approve(signUp.username(), RoleNames.FAMILY);
        registers.saveCaringFamily(new RegisterInputs.SaveCaringFamilyInput(null, null, signUp.displayName(),
            signUp.phone(), townshipId, null, signUp.offers(), signUp.capacity(), true), locale);
      }
      case ORGANISATION -> {
        accounts.approve(signUp.username(), RoleNames.CHARITY);
        registers.saveOrganisation(new RegisterInputs.SaveOrganisationInput(null, null, signUp.organisationName(),
            signUp.organisationType(), signUp.registrationNumber(), true, List.of(townshipId), List.of(),
            signUp.displayName(), signUp.phone()), locale);
      }
    }
  }
}
