package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.onedoor.backend.identity.Department;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The work the policy gives each department from the children's files (职责清单): which children need its action,
 * read from the files, and what in the file shows the action done. A child leaves the list when the file shows it.
 */
public enum Remit {
  /** Education: a child who dropped out is brought back to school (控辍保学). */
  DROPPED_OUT(Department.EDUCATION),
  /** Education: a disabled child of compulsory-school age gets schooling: a special school or teaching at home. */
  SPECIAL_EDUCATION(Department.EDUCATION),
  /** Public security: a child without household registration is registered (户籍登记). */
  HOUSEHOLD_REGISTRATION(Department.PUBLIC_SECURITY),
  /** Disabled persons' federation: a disabled child under 7 gets rehabilitation assistance (康复救助). */
  REHABILITATION_UNDER_7(Department.DISABLED_PERSONS_FEDERATION),
  /** Health: a seriously or chronically ill child gets medical assistance (医疗救助). */
  MEDICAL_ASSISTANCE(Department.HEALTH),
  /** Human resources and social security: a child with a disability or illness is insured (城乡居民医保). */
  MEDICAL_INSURANCE(Department.HUMAN_RESOURCES_SOCIAL_SECURITY),
  /** Civil affairs: an orphan gets the orphan allowance (孤儿基本生活费). */
  ORPHAN_ALLOWANCE(Department.CIVIL_AFFAIRS);

  private static final List<String> DISABILITIES = Arrays.stream(ConditionCategory.values())
      .filter(ConditionCategory::disability).map(Enum::name).toList();
  private static final List<String> ILLNESSES = Arrays.stream(ConditionCategory.values())
      .filter(c -> !c.disability()).map(Enum::name).toList();
  private static final List<String> IN_SCHOOL = List.of(SchoolingStatus.ENROLLED.name(),
      SchoolingStatus.SPECIAL_SCHOOL.name(), SchoolingStatus.HOME_TEACHING.name());

  private final Department department;

  Remit(Department department) {
    this.department = department;
  }

  /** The department whose remit it is. */
  public Department department() {
    return department;
  }

  /** The remits of a department. */
  public static List<Remit> of(Department department) {
    return Arrays.stream(values()).filter(r -> r.department == department).toList();
  }

  /** The files in this remit that need action on a day (confirmed files only). */
  Criteria needingAction(LocalDate today) {
    // Confirmed files, not reduced by the retention rules (a reduced file has no registration, and needs no action).
    Criteria confirmed = where("draft").ne(true).and("reducedAt").is(null);
    return switch (this) {
      case DROPPED_OUT -> confirmed.and("schooling.status").is(SchoolingStatus.DROPPED_OUT.name());
      case SPECIAL_EDUCATION -> confirmed.and("condition.category").in(DISABILITIES)
          // Compulsory-school age: 6 to 15 (born between 16 years ago, exclusive, and 6 years ago).
          .and("birthDate").gt(today.minusYears(16)).lte(today.minusYears(6))
          .and("schooling.status").nin(IN_SCHOOL);
      // Encrypted when present (a blank one is never stored): only its absence is asked for.
      case HOUSEHOLD_REGISTRATION -> confirmed.and("householdRegistration").is(null);
      case REHABILITATION_UNDER_7 -> confirmed.and("condition.category").in(DISABILITIES)
          .and("birthDate").gt(today.minusYears(7)).and("benefits").ne(Benefit.REHABILITATION_ASSISTANCE.name());
      case MEDICAL_ASSISTANCE -> confirmed.and("condition.category").in(ILLNESSES)
          .and("benefits").ne(Benefit.MEDICAL_ASSISTANCE.name());
      case MEDICAL_INSURANCE -> confirmed.and("condition.category").exists(true)
          .and("benefits").ne(Benefit.BASIC_MEDICAL_INSURANCE.name());
      case ORPHAN_ALLOWANCE -> confirmed.and("guardianship.parents")
          .is(ParentsSituation.BOTH_DECEASED_OR_MISSING.name()).and("benefits").ne(Benefit.ORPHAN_ALLOWANCE.name());
    };
  }

  /** The benefit whose record on the file shows the remit done, if it is one. */
  Benefit benefit() {
    return switch (this) {
      case REHABILITATION_UNDER_7 -> Benefit.REHABILITATION_ASSISTANCE;
      case MEDICAL_ASSISTANCE -> Benefit.MEDICAL_ASSISTANCE;
      case MEDICAL_INSURANCE -> Benefit.BASIC_MEDICAL_INSURANCE;
      case ORPHAN_ALLOWANCE -> Benefit.ORPHAN_ALLOWANCE;
      case DROPPED_OUT, SPECIAL_EDUCATION, HOUSEHOLD_REGISTRATION -> null;
    };
  }
}
