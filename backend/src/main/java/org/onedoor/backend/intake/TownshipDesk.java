package org.onedoor.backend.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Locale;
import org.onedoor.backend.casefiles.CaseFileId;
import org.onedoor.backend.casefiles.IntakeFiles;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A township's intake desk (乡镇受理台账): the applications and reports concerning the township, and linking each to
 * the child's file.
 */
@Service
class TownshipDesk {

  private final MongoTemplate mongo;
  private final Messages messages;
  private final IntakeFiles intakeFiles;
  private final Geography geography;

  TownshipDesk(MongoTemplate mongo, Messages messages, IntakeFiles intakeFiles, Geography geography) {
    this.mongo = mongo;
    this.messages = messages;
    this.intakeFiles = intakeFiles;
    this.geography = geography;
  }

  /**
   * A township's intake desk (乡镇受理台账): the applications and reports concerning the township, newest first,
   * keyset paged. Township staff see their own township's, civil affairs and administrators any township's (or all,
   * without a township).
   *
   * @param townshipId the township (township staff: theirs, by default)
   * @param status only intakes in this status, or null for those not closed
   */
  @PreAuthorize(Roles.INTAKE_DESKS)
  public Connection<Intake> townshipDesk(String townshipId, IntakeStatus status, PageSize size, String after) {
    Caller caller = Caller.current().orElseThrow();
    String township = townshipId;
    if (!caller.roles().contains(RoleNames.CIVIL_AFFAIRS)) {
      if (township == null) {
        township = caller.townshipId();
      }
      if (township == null || !township.equals(caller.townshipId())) {
        throw new AccessDeniedException("another township's intakes");
      }
    }
    Query query = new Query(where("kind").in(IntakeKind.ASSISTANCE_APPLICATION, IntakeKind.MANDATORY_REPORT));
    if (township != null) {
      query.addCriteria(where("townshipId").is(township));
    }
    query.addCriteria(status == null ? where("status").ne(IntakeStatus.CLOSED) : where("status").is(status));
    Cursors.pageByInstant(query, "submittedAt", true, after, size);
    return Connection.of(mongo.find(query, Intake.class), size,
        i -> Cursors.encode(i.submittedAt().toEpochMilli(), i.id()), i -> i);
  }

  /**
   * A township's desk or civil affairs: links an application or a report to the child's file — one the caller keeps,
   * found or just opened during the response. The file's history records the link (the receipt code); the
   * submitter's receipt never shows it.
   */
  @PreAuthorize(Roles.INTAKE_DESKS)
  public IntakePayloads.IntakePayload attachFile(String intakeId, String caseFileId, Locale locale) {
    Caller caller = Caller.current().orElseThrow();
    Intake intake = intakeId == null ? null : mongo.findById(intakeId, Intake.class);
    if (intake == null || intake.kind() != IntakeKind.ASSISTANCE_APPLICATION
        && intake.kind() != IntakeKind.MANDATORY_REPORT) {
      return new IntakePayloads.IntakePayload(null, List.of(messages.userError("INTAKE_NOT_FOUND", "intakeId",
          locale)));
    }
    boolean cityWide = caller.roles().contains(RoleNames.CIVIL_AFFAIRS);
    if (!cityWide && !intake.townshipId().equals(caller.townshipId())) {
      throw new AccessDeniedException("another township's intake");
    }
    if (!intakeFiles.keeps(caller, CaseFileId.of(caseFileId))) {
      return new IntakePayloads.IntakePayload(null, List.of(messages.userError("FILE_NOT_FOUND", "caseFileId",
          locale)));
    }
    Intake linked = mongo.findAndModify(query(where("_id").is(intakeId)), new Update().set("caseFileId", caseFileId),
        FindAndModifyOptions.options().returnNew(true), Intake.class);
    intakeFiles.recordLink(caller, caseFileId, intake.receiptCode());
    return new IntakePayloads.IntakePayload(linked, List.of());
  }
}
