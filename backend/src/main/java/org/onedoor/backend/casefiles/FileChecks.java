package org.onedoor.backend.casefiles;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onedoor.backend.identity.Accounts;
import org.onedoor.backend.platform.graphql.FieldChecks;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.UserError;

/**
 * Field-by-field checks of a file (name, birth date, ID number, causes, risk tier, and the sections: guardianship,
 * condition, schooling, supervisor), each refusal with
 * the path of the field it concerns and a localised message; never with the value itself.
 */
final class FileChecks {

  static final int MAX_NAME = 50;
  static final int MAX_TEXT = 100;
  static final int MAX_SHORT = 50;
  static final int MAX_GUARDIANS = 6;

  private final Messages messages;
  private final Locale locale;
  private final List<UserError> errors;

  FileChecks(Messages messages, Locale locale, List<UserError> errors) {
    this.messages = messages;
    this.locale = locale;
    this.errors = errors;
  }

  /** The child's name: required, at most {@value #MAX_NAME} characters. */
  String name(String text) {
    String name = text == null ? "" : text.strip();
    if (name.isEmpty()) {
      errors.add(messages.userError("NAME_REQUIRED", "name", locale));
    } else if (name.length() > MAX_NAME) {
      errors.add(messages.userError("NAME_TOO_LONG", "name", locale, MAX_NAME));
    }
    return name;
  }

  /** A child's birth date (yyyy-MM-dd): not in the future and under 18 today; null when refused. */
  LocalDate birthDate(String text, LocalDate today) {
    try {
      LocalDate date = LocalDate.parse(text == null ? "" : text.strip());
      if (date.isAfter(today) || Period.between(date, today).getYears() >= 18) {
        errors.add(messages.userError("NOT_A_CHILD", "birthDate", locale));
        return null;
      }
      return date;
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("BIRTH_DATE_INVALID", "birthDate", locale));
      return null;
    }
  }

  /** An optional national ID number, normalised; it must be valid and agree with the birth date. */
  String nationalId(String text, LocalDate birthDate) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String normalised = NationalId.normalise(text);
    if (!NationalId.isValid(normalised)) {
      errors.add(messages.userError("NATIONAL_ID_INVALID", "nationalId", locale));
      return null;
    }
    NationalId id = new NationalId(normalised);
    if (birthDate != null && !id.birthDate().equals(birthDate)) {
      errors.add(messages.userError("NATIONAL_ID_BIRTH_DATE_MISMATCH", "nationalId", locale));
    }
    return id.value();
  }

  /** At least one cause. */
  void causes(List<Cause> causes) {
    if (causes == null || causes.isEmpty()) {
      errors.add(messages.userError("CAUSES_REQUIRED", "causes", locale));
    }
  }

  /** A risk tier from 1 (highest) to 4. */
  void riskTier(Integer tier) {
    if (tier == null || tier < 1 || tier > 4) {
      errors.add(messages.userError("RISK_TIER_INVALID", "riskTier", locale));
    }
  }

  String text(String value, int max, String field) {
    return new FieldChecks(messages, locale, errors).optional(value, max, field);
  }

  Guardianship guardianship(Guardianship input) {
    if (input == null) {
      return null;
    }
    if (input.parents() == null) {
      errors.add(messages.userError("PARENTS_SITUATION_REQUIRED", "guardianship.parents", locale));
    }
    if (input.guardians().size() > MAX_GUARDIANS) {
      errors.add(messages.userError("TOO_MANY_GUARDIANS", "guardianship.guardians", locale, MAX_GUARDIANS));
    }
    List<Guardian> guardians = new ArrayList<>();
    for (int i = 0; i < input.guardians().size(); i++) {
      Guardian guardian = input.guardians().get(i);
      String path = "guardianship.guardians[" + i + "].";
      String name = text(guardian.name(), MAX_SHORT, path + "name");
      if (name == null) {
        errors.add(messages.userError("GUARDIAN_NAME_REQUIRED", path + "name", locale));
      }
      String relationship = text(guardian.relationship(), 20, path + "relationship");
      if (relationship == null) {
        errors.add(messages.userError("GUARDIAN_RELATIONSHIP_REQUIRED", path + "relationship", locale));
      }
      guardians.add(new Guardian(name, relationship, phone(guardian.phone(), path + "phone")));
    }
    return new Guardianship(input.parents(), guardians, input.capability());
  }

  String phone(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String digits = org.onedoor.backend.platform.Phones.normalised(value);
    if (digits == null) {
      errors.add(messages.userError("PHONE_INVALID", field, locale));
    }
    return digits;
  }

  Condition condition(Condition input) {
    if (input == null) {
      return null;
    }
    if (input.category() == null) {
      errors.add(messages.userError("CONDITION_CATEGORY_REQUIRED", "condition.category", locale));
      return null;
    }
    Integer grade = input.grade();
    if (input.category().disability() ? grade != null && (grade < 1 || grade > 4) : grade != null) {
      errors.add(messages.userError("DISABILITY_GRADE_INVALID", "condition.grade", locale));
    }
    return new Condition(input.category(), text(input.type(), 30, "condition.type"), grade);
  }

  Schooling schooling(Schooling input) {
    if (input == null) {
      return null;
    }
    if (input.status() == null) {
      errors.add(messages.userError("SCHOOLING_STATUS_REQUIRED", "schooling.status", locale));
    }
    return new Schooling(text(input.school(), MAX_SHORT, "schooling.school"),
        text(input.grade(), 20, "schooling.grade"), input.status());
  }

  /** The supervisor must be an account with the supervisor role for the file's village. */
  String supervisor(String supervisorId, String villageId, Accounts accounts) {
    if (supervisorId == null || supervisorId.isBlank()) {
      return null;
    }
    String id = supervisorId.strip();
    if (!accounts.isSupervisorOf(id, villageId)) {
      errors.add(messages.userError("SUPERVISOR_INVALID", "supervisorId", locale));
      return null;
    }
    return id;
  }
}
