package org.onedoor.backend.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onedoor.backend.identity.Accounts;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.intake.IntakePayloads.SubmitIntakePayload;
import org.onedoor.backend.platform.CityTime;
import org.onedoor.backend.platform.Phones;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.backend.registry.RegistrationNumber;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sign-ups through the one door: a volunteer, a caring family or an organisation submits its details and chooses a
 * username and password; the account exists but cannot sign in. Civil affairs vet the sign-up (certificate and
 * safeguarding training; home visit and checklist; registration) and decide: approval enables the account with its
 * role and enters the register; rejection gives the reason. Until then the applicant follows it by receipt code.
 */
@Service
class SignUps {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,29}");

  private final Intakes intakes;
  private final Routing routing;
  private final Accounts accounts;
  private final Messages messages;
  private final Clock clock;

  SignUps(Intakes intakes, Routing routing, Accounts accounts, Messages messages, Clock clock) {
    this.intakes = intakes;
    this.routing = routing;
    this.accounts = accounts;
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
}
