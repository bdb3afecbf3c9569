package org.onedoor.backend.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onedoor.backend.identity.Accounts;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.IntakePayloads.SubmitIntakePayload;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Phones;
import org.onedoor.backend.platform.events.DomainEvents;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.registry.RegisterInputs;
import org.onedoor.backend.registry.RegistrationNumber;
import org.onedoor.backend.registry.Registers;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sign-ups through the one door: a volunteer, a caring family or an organisation submits its details and chooses a
 * username and password; the account exists but cannot sign in. Civil affairs vet the sign-up (certificate and
 * safeguarding training; home visit and checklist; registration) and decide: approval enables the account with its
 * role and enters the register; rejection gives the reason. Until then the applicant follows it by receipt code.
 */
@Service
public class SignUps {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,29}");

  private final MongoTemplate mongo;
  private final Intakes intakes;
  private final Routing routing;
  private final Accounts accounts;
  private final Registers registers;
  private final Messages messages;
  private final Clock clock;
  private final DomainEvents events;

  SignUps(MongoTemplate mongo, Intakes intakes, Routing routing, Accounts accounts, Registers registers,
      Messages messages, Clock clock, DomainEvents events) {
    this.events = events;
    this.mongo = mongo;
    this.intakes = intakes;
    this.routing = routing;
    this.accounts = accounts;
    this.registers = registers;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * A sign-up, as submitted.
   *
   * @param idempotencyKey the client's key for this submission
   * @param kind who signs up
   * @param username the account's username
   * @param password the account's password
   * @param displayName the name shown
   * @param phone contact phone
   * @param townshipId where they serve or live
   * @param skills a volunteer's skills
   * @param availability a volunteer's availability
   * @param offers what a family offers
   * @param householdMembers a family's household size
   * @param capacity how many children a family can take in
   * @param organisationName an organisation's name
   * @param organisationType an organisation's type
   * @param registrationNumber an organisation's unified social credit code
   * @param nationalId a volunteer's or a family's contact's national ID number (for the record check)
   * @param home a family's home, in words
   * @param monthlyIncomeYuan a family's monthly household income
   * @param experience a family's experience with children
   * @param childAgeMin the youngest child a family would take in
   * @param childAgeMax the oldest child a family would take in
   * @param childSex the sex of child a family prefers, or null for either
   */
  record SubmitSignUpInput(String idempotencyKey, SignUpKind kind, String username, String password,
      String displayName, String phone, String townshipId, List<org.onedoor.backend.registry.VolunteerSkill> skills,
      String availability, List<org.onedoor.backend.registry.CareKind> offers, Integer householdMembers,
      Integer capacity, String organisationName, org.onedoor.backend.registry.OrganisationType organisationType,
      String registrationNumber, String nationalId, String home, Integer monthlyIncomeYuan, String experience,
      Integer childAgeMin, Integer childAgeMax, org.onedoor.backend.casefiles.Sex childSex) {
  }

  /** Anyone: signs up; the account can sign in only once civil affairs approve. */
  @PreAuthorize(Roles.PUBLIC)
  public SubmitIntakePayload submit(SubmitSignUpInput input, String clientAddress, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    FieldChecks checks = new FieldChecks(messages, locale, errors);
    String key = intakes.idempotencyKey(input.idempotencyKey(), errors, locale);
    if (input.kind() == null) {
      errors.add(messages.userError("SIGN_UP_KIND_REQUIRED", "kind", locale));
    }
    String username = input.username() == null ? "" : input.username().strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      errors.add(messages.userError("USERNAME_INVALID", "username", locale));
    }
    org.onedoor.backend.identity.Passwords.problem(input.password(), username).ifPresent(problem ->
        errors.add(new UserError("PASSWORD_WEAK", "password", messages.get(problem, locale,
            org.onedoor.backend.identity.Passwords.MIN_LENGTH))));
    String displayName = checks.required(input.displayName(), 50, "displayName");
    String phone = Phones.normalised(input.phone());
    if (phone == null) {
      errors.add(messages.userError("PHONE_INVALID", "phone", locale));
    }
    intakes.checkPlace(input.townshipId(), null, false, errors, locale);
    String registrationNumber = null;
    if (input.kind() == SignUpKind.VOLUNTEER && (input.skills() == null || input.skills().isEmpty())) {
      errors.add(messages.userError("SKILLS_REQUIRED", "skills", locale));
    }
    String nationalId = null;
    if (input.kind() == SignUpKind.VOLUNTEER || input.kind() == SignUpKind.FAMILY) {
      nationalId = adultNationalId(input.nationalId());
      if (nationalId == null) {
        errors.add(messages.userError("ADULT_NATIONAL_ID_INVALID", "nationalId", locale));
      }
    }
    String home = null;
    String experience = null;
    if (input.kind() == SignUpKind.FAMILY) {
      home = checks.required(input.home(), 200, "home");
      if (input.monthlyIncomeYuan() == null || input.monthlyIncomeYuan() < 0
          || input.monthlyIncomeYuan() > 10_000_000) {
        errors.add(messages.userError("INCOME_INVALID", "monthlyIncomeYuan", locale));
      }
      experience = checks.optional(input.experience(), 500, "experience");
      int ageMin = input.childAgeMin() == null ? 0 : input.childAgeMin();
      int ageMax = input.childAgeMax() == null ? 17 : input.childAgeMax();
      if (ageMin < 0 || ageMax > 17 || ageMin > ageMax) {
        errors.add(messages.userError("AGE_RANGE_INVALID", "childAgeMax", locale));
      }
      if (input.offers() == null || input.offers().isEmpty()) {
        errors.add(messages.userError("OFFERS_REQUIRED", "offers", locale));
      }
      if (input.capacity() == null || input.capacity() < 1 || input.capacity() > 10) {
        errors.add(messages.userError("FAMILY_CAPACITY_INVALID", "capacity", locale));
      }
      if (input.householdMembers() == null || input.householdMembers() < 1 || input.householdMembers() > 30) {
        errors.add(messages.userError("HOUSEHOLD_INVALID", "householdMembers", locale));
      }
    }
    if (input.kind() == SignUpKind.ORGANISATION) {
      checks.required(input.organisationName(), 60, "organisationName");
      if (input.organisationType() == null) {
        errors.add(messages.userError("TYPE_REQUIRED", "organisationType", locale));
      }
      registrationNumber = RegistrationNumber.normalised(input.registrationNumber());
      if (registrationNumber == null) {
        errors.add(messages.userError("REGISTRATION_NUMBER_INVALID", "registrationNumber", locale));
      }
    }
    String scoped = intakes.scopedKey(key, IntakeKind.SIGN_UP, List.of(String.valueOf(input.kind()), username,
        String.valueOf(displayName), String.valueOf(phone), String.valueOf(input.townshipId())));
    Optional<IntakeReceipt> replay = errors.isEmpty() ? intakes.replay(scoped, locale) : Optional.empty();
    if (replay.isPresent()) {
      return new SubmitIntakePayload(replay.get(), List.of());
    }
    if (!errors.isEmpty()) {
      return new SubmitIntakePayload(null, errors);
    }
    // The limit first: asking whether a username is taken is what an enumeration repeats.
    if (!intakes.withinLimit(clientAddress)) {
      return new SubmitIntakePayload(null, List.of(messages.userError("RATE_LIMITED", null, locale)));
    }
    if (!accounts.usernameFree(username)) {
      return new SubmitIntakePayload(null, List.of(messages.userError("USERNAME_TAKEN", "username", locale)));
    }
    if (!accounts.openPending(username, input.password(), displayName, input.townshipId())) {
      return new SubmitIntakePayload(null, List.of(messages.userError("USERNAME_TAKEN", "username", locale)));
    }
    IntakeContent.SignUp content = new IntakeContent.SignUp(input.kind(), username, displayName, phone,
        input.skills() == null ? List.of() : List.copyOf(input.skills()), checks.optional(input.availability(), 100,
            "availability"),
        input.offers() == null ? List.of() : List.copyOf(input.offers()), input.householdMembers(), input.capacity(),
        input.organisationName() == null ? null : input.organisationName().strip(), input.organisationType(),
        registrationNumber, nationalId, home, input.kind() == SignUpKind.FAMILY ? input.monthlyIncomeYuan() : null,
        experience, input.kind() == SignUpKind.FAMILY ? input.childAgeMin() : null,
        input.kind() == SignUpKind.FAMILY ? input.childAgeMax() : null,
        input.kind() == SignUpKind.FAMILY ? input.childSex() : null);
    return new SubmitIntakePayload(intakes.store(scoped, IntakeKind.SIGN_UP, input.townshipId(), null, content,
        routing.route(IntakeKind.SIGN_UP, List.of(), List.of()), locale).receipt(), List.of());
  }

  /** The normalised national ID number of an adult (18 or over today), or null when it is not one. */
  private String adultNationalId(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      String value = org.onedoor.backend.casefiles.NationalId.of(text).value();
      java.time.LocalDate born = java.time.LocalDate.parse(value.substring(6, 10) + "-" + value.substring(10, 12)
          + "-" + value.substring(12, 14));
      java.time.LocalDate today = CityTime.today(clock);
      return born.plusYears(18).isAfter(today) ? null : value;
    } catch (IllegalArgumentException | java.time.DateTimeException invalid) {
      return null;
    }
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
        new Update().set("status", IntakeStatus.CLOSED).set("outcome", outcome).set("closedAt", clock.instant()),
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
        accounts.approve(signUp.username(), Roles.VOLUNTEER);
        registers.saveVolunteer(new RegisterInputs.SaveVolunteerInput(null, null, signUp.displayName(),
            signUp.phone(), townshipId, signUp.skills(), signUp.availability(), true), locale);
      }
      case FAMILY -> {
        accounts.approve(signUp.username(), Roles.FAMILY);
        registers.saveCaringFamily(new RegisterInputs.SaveCaringFamilyInput(null, null, signUp.displayName(),
            signUp.phone(), townshipId, null, signUp.offers(), signUp.capacity(), true), locale);
      }
      case ORGANISATION -> {
        accounts.approve(signUp.username(), Roles.CHARITY);
        registers.saveOrganisation(new RegisterInputs.SaveOrganisationInput(null, null, signUp.organisationName(),
            signUp.organisationType(), signUp.registrationNumber(), true, List.of(townshipId), List.of(),
            signUp.displayName(), signUp.phone()), locale);
      }
    }
  }
}
