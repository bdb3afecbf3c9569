package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.identity.Department;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.schema.RoleNames;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The departments' worklists from the files: for each remit, the children whose file shows the department's
 * action is needed — with only what the remit needs (name, age, place, and the one fact that puts the child on the
 * list), every listed file logged as read — what the department recorded doing and when, and the recording of the
 * outcome on the file (back in school, registered, the benefit granted), after which the child leaves the list.
 * Department staff see their department's remits; civil affairs staff their own department's.
 */
@Service
public class Remits {

  static final String ACTIONS = "remit_actions";
  private static final int MAX_NOTE = 500;
  private static final Set<SchoolingStatus> BACK_IN_SCHOOL = EnumSet.of(SchoolingStatus.ENROLLED,
      SchoolingStatus.SPECIAL_SCHOOL, SchoolingStatus.HOME_TEACHING);

  private final MongoTemplate mongo;
  private final CaseFiles files;
  private final FileAccessLog accessLog;
  private final Messages messages;
  private final Clock clock;

  Remits(MongoTemplate mongo, CaseFiles files, FileAccessLog accessLog, Messages messages, Clock clock) {
    this.mongo = mongo;
    this.files = files;
    this.accessLog = accessLog;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * A child on a department's worklist.
   *
   * @param caseFileId the file
   * @param remit why the child is on the list
   * @param childName the child's name
   * @param age the child's age in years
   * @param townshipId the child's township
   * @param villageId the child's village
   * @param fact the one fact of the file that puts the child on the list (a schooling status, a condition's
   *     category, the parents' situation), or null
   * @param lastAction what the department last recorded, or null
   */
  public record RemitItem(String caseFileId, Remit remit, String childName, int age, String townshipId,
      String villageId, String fact, RemitAction lastAction) {
  }

  /**
   * What a department recorded doing for a child.
   *
   * @param id the record's id
   * @param caseFileId the file
   * @param remit the remit
   * @param department the department
   * @param doneOn the day it was done
   * @param note what was done
   * @param resolved whether it settled the matter (and the file was changed to show it)
   * @param recordedAt when it was recorded
   * @param recordedBy the recorder's subject
   * @param recordedByName the recorder's name
   */
  @org.springframework.data.mongodb.core.mapping.Document(ACTIONS)
  @org.springframework.data.mongodb.core.index.CompoundIndex(name = "file_remit",
      def = "{'caseFileId': 1, 'remit': 1, 'recordedAt': -1}")
  public record RemitAction(String id, String caseFileId, Remit remit, Department department, LocalDate doneOn,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String note, boolean resolved, Instant recordedAt,
          String recordedBy, String recordedByName) {
  }

  /**
   * A count of children per remit.
   *
   * @param remit the remit
   * @param children how many children need action
   */
  public record RemitCount(Remit remit, long children) {
  }

  /** The caller's department, whose remits they work. */
  private static Department departmentOf(Caller caller) {
    if (caller.roles().contains(RoleNames.DEPARTMENT_STAFF) && caller.department() != null) {
      return caller.department();
    }
    if (caller.roles().contains(RoleNames.CIVIL_AFFAIRS)) {
      return Department.CIVIL_AFFAIRS;
    }
    throw new AccessDeniedException("no department");
  }

  /** Department staff and civil affairs: the remits of their department, each with how many children need action. */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public List<RemitCount> myRemits() {
    Department department = departmentOf(CaseFiles.caller());
    LocalDate today = files.today();
    return Remit.of(department).stream()
        .map(r -> new RemitCount(r, mongo.count(new Query(r.needingAction(today)), CaseFile.class))).toList();
  }

  /**
   * Department staff and civil affairs: the children of one of their department's remits who need action, place by
   * place; keyset paged. Every file listed is logged as read (its identity, place and circumstances).
   */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public Connection<RemitItem> worklist(Remit remit, PageSize size, String after) {
    Caller caller = CaseFiles.caller();
    if (remit == null || remit.department() != departmentOf(caller)) {
      throw new AccessDeniedException("not this department's remit");
    }
    LocalDate today = files.today();
    Criteria criteria = remit.needingAction(today);
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 3);
      // Both hold an $or: joined with $and, neither replaces the other.
      criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(where("townshipId").gt(key[0]),
          where("townshipId").is(key[0]).and("villageId").gt(key[1]),
          where("townshipId").is(key[0]).and("villageId").is(key[1]).and("_id").gt(key[2])));
    }
    Query query = new Query(criteria);
    // Place by place (names are encrypted at rest: the store cannot order by them).
    query.with(Sort.by("townshipId", "villageId", "_id")).limit(size.value() + 1);
    List<CaseFile> found = mongo.find(query, CaseFile.class);
    List<CaseFile> page = found.subList(0, Math.min(found.size(), size.value()));
    accessLog.recordAll(caller, page.stream().map(CaseFile::id).toList(),
        EnumSet.of(FieldGroup.IDENTITY, FieldGroup.LOCATION, FieldGroup.CIRCUMSTANCES));
    Map<String, RemitAction> last = lastActions(page.stream().map(CaseFile::id).toList(), remit);
    List<RemitItem> items = found.stream().map(f -> new RemitItem(f.id(), remit, f.name(),
        Period.between(f.birthDate(), today).getYears(), f.townshipId(), f.villageId(), fact(remit, f),
        last.get(f.id()))).toList();
    return Connection.of(items, size, i -> Cursors.encode(i.townshipId(), i.villageId(), i.caseFileId()), i -> i);
  }

  private Map<String, RemitAction> lastActions(List<String> fileIds, Remit remit) {
    Map<String, RemitAction> last = new LinkedHashMap<>();
    if (!fileIds.isEmpty()) {
      mongo.find(query(where("caseFileId").in(fileIds).and("remit").is(remit))
              .with(Sort.by(Sort.Direction.DESC, "recordedAt")), RemitAction.class)
          .forEach(a -> last.putIfAbsent(a.caseFileId(), a));
    }
    return last;
  }

  /** The one fact of the file that puts the child on the remit's list. */
  private static String fact(Remit remit, CaseFile file) {
    return switch (remit) {
      case DROPPED_OUT, SPECIAL_EDUCATION -> file.schooling() == null ? null : file.schooling().status().name();
      case REHABILITATION_UNDER_7, MEDICAL_ASSISTANCE, MEDICAL_INSURANCE ->
          file.condition() == null ? null : file.condition().category().name();
      case ORPHAN_ALLOWANCE -> file.guardianship() == null ? null : file.guardianship().parents().name();
      case HOUSEHOLD_REGISTRATION -> null;
    };
  }

  /**
   * The outcome a department records on the file.
   *
   * @param schoolingStatus back in school how (DROPPED_OUT, SPECIAL_EDUCATION)
   * @param school the school, if any
   * @param grade the grade or class, if any
   * @param householdRegistration where the child is now registered (HOUSEHOLD_REGISTRATION)
   */
  public record Resolution(SchoolingStatus schoolingStatus, String school, String grade,
      String householdRegistration) {
  }

  /**
   * Records what the department did for a child of its remit, and when; when it settles the matter, the file is
   * changed to show it (back in school, registered, the benefit granted — a change by the caller in the file's
   * history), and the child leaves the list. Every invalid field is reported and nothing is stored unless all are
   * valid. A child not (or no longer) on the list is refused as NOT_IN_REMIT.
   */
  @PreAuthorize(Roles.TASK_HANDLERS)
  public RemitPayload record(String caseFileId, Remit remit, String doneOn, String note, boolean resolved,
      Resolution resolution, Locale locale) {
    Caller caller = CaseFiles.caller();
    if (remit == null || remit.department() != departmentOf(caller)) {
      throw new AccessDeniedException("not this department's remit");
    }
    LocalDate today = files.today();
    CaseFile file = caseFileId == null ? null
        : mongo.findOne(new Query(where("_id").is(caseFileId)).addCriteria(remit.needingAction(today)),
            CaseFile.class);
    if (file == null) {
      return RemitPayload.refused(List.of(messages.userError("NOT_IN_REMIT", "caseFileId", locale)));
    }
    List<UserError> errors = new ArrayList<>();
    LocalDate day = null;
    try {
      day = LocalDate.parse(doneOn == null ? "" : doneOn.strip());
      if (day.isAfter(today)) {
        errors.add(messages.userError("DATE_IN_FUTURE", "doneOn", locale));
      } else if (day.isBefore(today.minusYears(1))) {
        errors.add(messages.userError("DATE_TOO_OLD", "doneOn", locale));
      }
    } catch (DateTimeParseException invalid) {
      errors.add(messages.userError("DATE_INVALID", "doneOn", locale));
    }
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      errors.add(messages.userError("NOTE_REQUIRED", "note", locale));
    } else if (text.length() > MAX_NOTE) {
      errors.add(messages.userError("TEXT_TOO_LONG", "note", locale, MAX_NOTE));
    }
    Map<String, Object> change = resolved ? change(remit, file, resolution, errors, locale) : Map.of();
    if (!errors.isEmpty()) {
      return RemitPayload.refused(errors);
    }
    if (!change.isEmpty() && !files.recordRemitOutcome(file, change)) {
      return RemitPayload.refused(List.of(messages.userError("STALE_VERSION", "caseFileId", locale)));
    }
    RemitAction action = new RemitAction(UUID.randomUUID().toString(), file.id(), remit, remit.department(), day,
        text, resolved, clock.instant(), caller.subject(),
        caller.displayName() == null ? caller.subject() : caller.displayName());
    mongo.insert(action);
    return new RemitPayload(action, List.of());
  }

  /** The file's change that shows the remit done. */
  private Map<String, Object> change(Remit remit, CaseFile file, Resolution resolution, List<UserError> errors,
      Locale locale) {
    Map<String, Object> change = new LinkedHashMap<>();
    switch (remit) {
      case DROPPED_OUT, SPECIAL_EDUCATION -> {
        SchoolingStatus status = resolution == null ? null : resolution.schoolingStatus();
        if (status == null || !BACK_IN_SCHOOL.contains(status)) {
          errors.add(messages.userError("SCHOOLING_NOT_RESOLVED", "resolution.schoolingStatus", locale));
          return Map.of();
        }
        String school = blankToNull(resolution.school());
        String grade = blankToNull(resolution.grade());
        if (school != null && school.length() > FileChecks.MAX_TEXT || grade != null && grade.length() > 20) {
          errors.add(messages.userError("TEXT_TOO_LONG", school != null && school.length() > FileChecks.MAX_TEXT
              ? "resolution.school" : "resolution.grade", locale, school != null
              && school.length() > FileChecks.MAX_TEXT ? FileChecks.MAX_TEXT : 20));
          return Map.of();
        }
        change.put("schooling", new Schooling(school, grade, status));
      }
      case HOUSEHOLD_REGISTRATION -> {
        String registration = resolution == null ? null : blankToNull(resolution.householdRegistration());
        if (registration == null) {
          errors.add(messages.userError("REGISTRATION_REQUIRED", "resolution.householdRegistration", locale));
          return Map.of();
        }
        if (registration.length() > FileChecks.MAX_TEXT) {
          errors.add(messages.userError("TEXT_TOO_LONG", "resolution.householdRegistration", locale,
              FileChecks.MAX_TEXT));
          return Map.of();
        }
        change.put("householdRegistration", registration);
      }
      default -> {
        Set<Benefit> benefits = file.benefits().isEmpty() ? EnumSet.noneOf(Benefit.class)
            : EnumSet.copyOf(file.benefits());
        benefits.add(remit.benefit());
        change.put("benefits", benefits);
      }
    }
    return change;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The result of recordRemitAction.
   *
   * @param action the action recorded; null when refused
   * @param errors the refusals, field by field; empty on success
   */
  public record RemitPayload(RemitAction action, List<UserError> errors) {

    static RemitPayload refused(List<UserError> errors) {
      return new RemitPayload(null, List.copyOf(errors));
    }
  }
}
