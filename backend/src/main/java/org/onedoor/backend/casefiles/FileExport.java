package org.onedoor.backend.casefiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.identity.Accounts;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Messages;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * A child's file as a readable text, for a guardian's request to see what OneDoor holds (PIPL art. 45): every
 * section, the consents, the home visits, the remit actions, the history of changes and who read the file when. The
 * export is itself a read of the whole file, logged as such. Other features add their parts (needs, matches).
 */
@Component
public class FileExport {

  /** History entries that say an intake was linked to the file, or opened it. */
  private static final java.util.Set<String> INTAKE_LINKS = java.util.Set.of("intakeLinked", "openedFromIntake");

  private final CaseFiles files;
  private final HomeVisits visits;
  private final MongoTemplate mongo;
  private final Messages messages;
  private final Geography geography;
  private final Accounts accounts;

  FileExport(CaseFiles files, HomeVisits visits, MongoTemplate mongo, Messages messages, Geography geography,
      Accounts accounts) {
    this.files = files;
    this.visits = visits;
    this.mongo = mongo;
    this.messages = messages;
    this.geography = geography;
    this.accounts = accounts;
  }

  /** The file's part of the export, as lines of text in the caller's language; FORBIDDEN out of the caller's scope. */
  @PreAuthorize(Roles.FILE_KEEPERS)
  public List<String> linesOf(CaseFileId id, Locale locale) {
    CaseFile file = files.read(id, EnumSet.allOf(FieldGroup.class));
    List<String> lines = new ArrayList<>();
    if (file == null) {
      return lines;
    }
    boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    Township township = geography.townshipsById(List.of(file.townshipId())).get(file.townshipId());
    Village village = geography.villagesById(List.of(file.villageId())).get(file.villageId());
    heading(lines, "export.file", locale);
    line(lines, "ledger.id", file.id(), locale);
    line(lines, "ledger.name", file.name(), locale);
    line(lines, "ledger.sex", messages.label(file.sex(), locale), locale);
    line(lines, "ledger.birthDate", file.birthDate(), locale);
    line(lines, "export.nationalId", file.nationalId(), locale);
    line(lines, "export.householdRegistration", file.householdRegistration(), locale);
    line(lines, "ledger.township", township == null ? file.townshipId() : english ? township.nameEn()
        : township.name(), locale);
    line(lines, "ledger.village", village == null ? file.villageId() : english ? village.nameEn() : village.name(),
        locale);
    line(lines, "export.address", file.address(), locale);
    line(lines, "ledger.causes", file.causes().stream().sorted().map(c -> messages.label(c, locale))
        .collect(Collectors.joining("、")), locale);
    line(lines, "ledger.riskTier", file.riskTier(), locale);
    if (file.guardianship() != null) {
      line(lines, "ledger.parents", messages.label(file.guardianship().parents(), locale), locale);
      line(lines, "ledger.capability", messages.label(file.guardianship().capability(), locale), locale);
      for (Guardian guardian : file.guardianship().guardians()) {
        line(lines, "export.guardian", String.join(" ", nonNull(guardian.name(), guardian.relationship(),
            guardian.phone())), locale);
      }
    }
    if (file.condition() != null) {
      line(lines, "ledger.condition", String.join(" ", nonNull(messages.label(file.condition().category(), locale),
          file.condition().type(), file.condition().grade() == null ? null : String.valueOf(file.condition().grade()))),
          locale);
    }
    if (file.schooling() != null) {
      line(lines, "ledger.schooling", String.join(" ", nonNull(messages.label(file.schooling().status(), locale),
          file.schooling().school(), file.schooling().grade())), locale);
    }
    line(lines, "ledger.benefits", file.benefits().stream().sorted().map(b -> messages.label(b, locale))
        .collect(Collectors.joining("、")), locale);
    line(lines, "ledger.lastVisitOn", file.lastVisitOn(), locale);
    line(lines, "ledger.nextVisitDue", file.nextVisitDue(), locale);

    heading(lines, "export.consents", locale);
    for (Consent consent : file.consents()) {
      lines.add(String.join(" ", nonNull(consent.givenBy(), consent.relationship(), String.valueOf(
          consent.givenAt()), "→ " + consent.validUntil(), consent.withdrawnAt() == null ? null
          : messages.get("export.withdrawn", locale, consent.withdrawnAt()))));
    }
    heading(lines, "export.visits", locale);
    for (HomeVisit visit : visits.visitsOf(List.of(file.id())).getOrDefault(file.id(), List.of())) {
      lines.add(String.join(" ", nonNull(String.valueOf(visit.visitedOn()), visit.visitorName(), visit.findings(),
          visit.followUp())));
    }
    heading(lines, "export.remits", locale);
    for (Remits.RemitAction action : mongo.find(query(where("caseFileId").is(file.id()))
        .with(Sort.by("recordedAt")), Remits.RemitAction.class)) {
      lines.add(String.join(" ", nonNull(String.valueOf(action.doneOn()), messages.label(action.department(),
          locale), messages.label(action.remit(), locale), action.note())));
    }
    heading(lines, "export.history", locale);
    for (FileChange change : files.historyOf(List.of(file.id())).getOrDefault(file.id(), List.of())) {
      // A report or an application linked to the file is not the guardian's to learn of (a reporter is protected).
      List<String> fields = change.changes().stream().map(FileChange.FieldChange::field)
          .filter(field -> !INTAKE_LINKS.contains(field)).toList();
      if (!fields.isEmpty()) {
        lines.add(change.at() + " " + change.actorName() + "：" + String.join("、", fields));
      }
    }
    heading(lines, "export.reads", locale);
    lines.add(messages.get("export.readsNote", locale));
    // The township's and civil affairs' reads; departments reading for their duties (police, procuratorate, court,
    // …) and the one door's own look-ups when a report or an application came in are left out.
    List<Document> reads = mongo.find(query(where("fileId").is(file.id())).with(Sort.by("at")), Document.class,
        FileAccessLog.COLLECTION).stream().filter(r -> !String.valueOf(r.getString("actor")).startsWith("system:")
            && !r.getList("roles", String.class, List.of()).contains(org.onedoor.schema.RoleNames.DEPARTMENT_STAFF))
        .toList();
    Map<String, String> names = accounts.displayNames(reads.stream().map(r -> r.getString("actor")).distinct()
        .toList());
    for (Document read : reads) {
      lines.add(read.getDate("at").toInstant() + " " + names.getOrDefault(read.getString("actor"),
          read.getString("actor")) + " " + messages.get(read.getBoolean("granted", false) ? "export.granted"
          : "export.refused", locale));
    }
    return lines;
  }

  private void heading(List<String> lines, String key, Locale locale) {
    if (!lines.isEmpty()) {
      lines.add("");
    }
    lines.add("【" + messages.get(key, locale) + "】");
  }

  private void line(List<String> lines, String key, Object value, Locale locale) {
    if (value != null && !String.valueOf(value).isBlank()) {
      lines.add(messages.get(key, locale) + "：" + value);
    }
  }

  private static List<String> nonNull(String... parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        present.add(part);
      }
    }
    return present;
  }
}
