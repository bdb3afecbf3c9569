package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.onedoor.backend.identity.Caller;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.PageSize;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The ledger (台账): the files in the caller's scope, narrowed by a filter, highest risk first, keyset paged or
 * exported whole; every file listed or exported is logged as read. And the access log itself, for auditors.
 */
@Service
class Ledger {

  /** The ledger's order: highest risk first, then by village, then a stable tie-break. */
  private static final org.springframework.data.domain.Sort LEDGER_ORDER =
      org.springframework.data.domain.Sort.by("riskTier", "villageId", "_id");

  private final MongoTemplate mongo;
  private final FileAccessLog accessLog;

  Ledger(MongoTemplate mongo, FileAccessLog accessLog) {
    this.mongo = mongo;
    this.accessLog = accessLog;
  }

  /**
   * The ledger: files in the caller's scope (narrowed by the filter), highest risk first, then village by village,
   * keyset paged. Every file listed is logged as read. (Not by name: names are encrypted at rest, so the store cannot
   * order by them; a name is found by searching it whole.)
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public Connection<CaseFile> ledger(LedgerFilter filter, PageSize size, String after, Set<FieldGroup> groups) {
    Caller caller = CaseFiles.caller();
    var parts = ledgerCriteria(caller, filter);
    if (after != null && !after.isBlank()) {
      String[] key = Cursors.decode(after, 3);
      long riskTier = Cursors.number(key[0]);
      parts.add(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
          where("riskTier").gt(riskTier),
          where("riskTier").is(riskTier).and("villageId").gt(key[1]),
          where("riskTier").is(riskTier).and("villageId").is(key[1]).and("_id").gt(key[2])));
    }
    var query = org.onedoor.backend.platform.mongo.AllOf.query(parts);
    query.with(LEDGER_ORDER).limit(size.value() + 1);
    Connection<CaseFile> page = Connection.of(mongo.find(query, CaseFile.class), size,
        f -> Cursors.encode(f.riskTier(), f.villageId(), f.id()), f -> f);
    accessLog.recordAll(caller, page.edges().stream().map(e -> e.node().id()).toList(), groups);
    return page;
  }

  /**
   * The whole ledger in the caller's scope (narrowed by the filter), in ledger order, one file at a time, for an
   * export; every file handed out is logged as read, in batches. {@code start} runs once the caller is known to be
   * allowed, before the first file.
   */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public void exportLedger(LedgerFilter filter, Set<FieldGroup> groups, Runnable start,
      java.util.function.Consumer<CaseFile> sink) {
    Caller caller = CaseFiles.caller();
    start.run();
    var query = org.onedoor.backend.platform.mongo.AllOf.query(ledgerCriteria(caller, filter))
        .with(LEDGER_ORDER);
    List<String> exported = new ArrayList<>();
    try (var stream = mongo.stream(query, CaseFile.class)) {
      stream.forEach(file -> {
        exported.add(file.id());
        if (exported.size() == 500) {
          accessLog.recordAll(caller, List.copyOf(exported), groups);
          exported.clear();
        }
        sink.accept(file);
      });
    } finally {
      accessLog.recordAll(caller, exported, groups);
    }
  }

  /** The caller's scope and the filter: a filter on the scope's own field narrows it (see AllOf). */
  private List<org.springframework.data.mongodb.core.query.Criteria> ledgerCriteria(Caller caller,
      LedgerFilter filter) {
    List<org.springframework.data.mongodb.core.query.Criteria> parts =
        new ArrayList<>(List.of(CaseFiles.scope(caller)));
    if (filter != null) {
      if (filter.townshipId() != null) {
        parts.add(where("townshipId").is(filter.townshipId()));
      }
      if (filter.villageId() != null) {
        parts.add(where("villageId").is(filter.villageId()));
      }
      String search = filter.search() == null ? "" : filter.search().strip();
      if (!search.isEmpty()) {
        // Equality only (an ID number or a whole name): what stays possible once these fields are encrypted.
        String id = NationalId.normalise(search);
        String receipt = receiptCode(search);
        if (NationalId.isValid(id)) {
          parts.add(where("nationalId").is(id));
        } else if (receipt != null) {
          // A receipt code: the files it was attached to, as their history records it.
          java.util.Set<String> files = new java.util.HashSet<>();
          mongo.find(query(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
              where("changes.openedFromIntake").is(receipt), where("changes.intakeLinked").is(receipt))),
              org.bson.Document.class, CaseFiles.HISTORY).forEach(d -> files.add(d.getString("fileId")));
          parts.add(where("_id").in(files));
        } else {
          parts.add(where("name").is(search));
        }
      }
      if (filter.cause() != null) {
        parts.add(where("causes").is(filter.cause()));
      }
      if (filter.riskTier() != null) {
        parts.add(where("riskTier").is(filter.riskTier()));
      }
    }
    return parts;
  }

  private static final String RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  /** The one door's receipt code the text is (as the one door writes them), or null. */
  static String receiptCode(String text) {
    String compact = text.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    if (compact.length() != 12 || compact.chars().anyMatch(c -> RECEIPT_ALPHABET.indexOf(c) < 0)) {
      return null;
    }
    return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
  }

  /** The file access log for auditors, newest first, keyset paged. */
  @PreAuthorize(Roles.AUDITORS)
  public Connection<FileAccessLog.Entry> accessLog(String fileId, String actor, PageSize size, String after) {
    return Connection.of(accessLog.page(fileId, actor, size.value() + 1, after), size, FileAccessLog.Entry::id,
        e -> e);
  }
}
