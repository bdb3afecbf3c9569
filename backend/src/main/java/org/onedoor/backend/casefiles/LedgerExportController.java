package org.onedoor.backend.casefiles;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.platform.export.TableWriter;
import org.onedoor.backend.platform.graphql.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger (台账) as a CSV or XLSX file: the files in the caller's scope with the ledger's filters, in ledger order,
 * with localised headers and labels. Minimised: no ID number, address, guardians, phones or school. Every file
 * exported is logged as read. Authorisation is the service's ({@link Ledger#exportLedger}).
 */
@RestController
record LedgerExportController(CaseFiles files, Ledger ledger, HomeVisits visits, Geography geography,
    Messages messages) {

  private static final List<String> COLUMNS = List.of("id", "name", "sex", "birthDate", "township", "village",
      "causes", "riskTier", "parents", "capability", "condition", "grade", "schooling", "benefits", "supervisor",
      "lastVisitOn", "nextVisitDue", "overdueDays", "consent");

  @GetMapping("/api/ledger/export")
  void export(@RequestParam(defaultValue = "CSV") TableWriter.Format format,
      @RequestParam(required = false) String townshipId, @RequestParam(required = false) String villageId,
      @RequestParam(required = false) Cause cause, @RequestParam(required = false) Integer riskTier,
      @RequestParam(required = false) String search, Locale locale, HttpServletResponse response) throws IOException {
    Map<String, Township> townships = geography.townships().stream()
        .collect(Collectors.toMap(Township::id, t -> t));
    Map<String, Village> villages = new HashMap<>();
    townships.values().forEach(t -> t.villages().forEach(v -> villages.put(v.id(), v)));
    Map<String, String> supervisors = new HashMap<>();
    String fileName = messages.get("ledger.file", locale) + "-" + files.today() + "." + format.extension();
    TableWriter[] table = new TableWriter[1];
    ledger.exportLedger(new LedgerFilter(townshipId, villageId, cause, riskTier, search),
        EnumSet.allOf(FieldGroup.class), () -> unchecked(() -> {
          response.setContentType(format.mediaType());
          response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + files.today()
              + "." + format.extension() + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName,
                  StandardCharsets.UTF_8).replace("+", "%20"));
          response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
          table[0] = TableWriter.of(format, response.getOutputStream(), messages.get("ledger.sheet", locale));
          table[0].header(COLUMNS.stream().map(c -> messages.get("ledger." + c, locale)).toList());
        }), file -> unchecked(() -> table[0].row(row(file, townships, villages, supervisors, locale))));
    table[0].close();
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void unchecked(IoAction action) {
    try {
      action.run();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private List<Object> row(CaseFile file, Map<String, Township> townships, Map<String, Village> villages,
      Map<String, String> supervisors, Locale locale) {
    List<Object> row = new ArrayList<>();
    row.add(file.id());
    row.add(file.name());
    row.add(messages.label(file.sex(), locale));
    row.add(file.birthDate());
    row.add(name(townships.get(file.townshipId()), locale));
    Village village = villages.get(file.villageId());
    row.add(village == null ? null : Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
        ? village.nameEn() : village.name());
    row.add(file.causes().stream().sorted().map(c -> messages.label(c, locale)).collect(Collectors.joining("、")));
    row.add(file.riskTier());
    row.add(file.guardianship() == null ? null : messages.label(file.guardianship().parents(), locale));
    row.add(file.guardianship() == null ? null : messages.label(file.guardianship().capability(), locale));
    row.add(file.condition() == null ? null : messages.label(file.condition().category(), locale));
    row.add(file.condition() == null ? null : file.condition().grade());
    row.add(file.schooling() == null ? null : messages.label(file.schooling().status(), locale));
    row.add(file.benefits().stream().sorted().map(b -> messages.label(b, locale))
        .collect(Collectors.joining("、")));
    row.add(file.supervisorId() == null ? null : supervisors.computeIfAbsent(file.supervisorId(),
        id -> files.supervisorsById(List.of(id)).getOrDefault(id, new Supervisor(id, id)).name()));
    row.add(file.lastVisitOn());
    row.add(file.nextVisitDue());
    row.add(visits.daysOverdue(file));
    row.add(messages.get(file.currentConsent(files.today()).isPresent() ? "ledger.yes" : "ledger.no", locale));
    return row;
  }

  private static String name(Township township, Locale locale) {
    if (township == null) {
      return null;
    }
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? township.nameEn() : township.name();
  }
}
