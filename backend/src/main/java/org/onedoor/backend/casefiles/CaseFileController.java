package org.onedoor.backend.casefiles;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.platform.graphql.Batches;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
record CaseFileController(CaseFiles files, Ledger ledger, HomeVisits visits, Geography geography,
    GraphQlLimits limits) {

  private static final int DEFAULT_DAYS_AHEAD = 14;

  @QueryMapping
  CaseFile caseFile(@Argument String id, DataFetchingFieldSelectionSet selection) {
    List<String> fields = selection.getImmediateFields().stream().map(SelectedField::getName).toList();
    return files.read(CaseFileId.of(id), FileAccessLog.groupsOf(fields));
  }

  @QueryMapping
  Connection<CaseFile> caseFiles(@Argument LedgerFilter filter, @Argument Integer first,
      @Argument String after, DataFetchingFieldSelectionSet selection) {
    return ledger.ledger(filter, limits.pageSize(first), after, nodeGroups(selection));
  }

  @QueryMapping
  Connection<CaseFile> overdueVisits(@Argument OverdueVisitsFilter filter, @Argument Integer first,
      @Argument String after, DataFetchingFieldSelectionSet selection) {
    return visits.overdue(filter == null ? null : filter.townshipId(), filter == null ? null : filter.supervisorId(),
        limits.pageSize(first), after, nodeGroups(selection));
  }

  @QueryMapping
  Connection<CaseFile> visitsDue(@Argument VisitsDueFilter filter, @Argument Integer first,
      @Argument String after, DataFetchingFieldSelectionSet selection) {
    int within = filter == null || filter.withinDays() == null ? DEFAULT_DAYS_AHEAD : filter.withinDays();
    return visits.due(within, filter == null ? null : filter.townshipId(),
        filter == null ? null : filter.supervisorId(), limits.pageSize(first), after, nodeGroups(selection));
  }

  /**
   * The visits-due list's filter.
   *
   * @param withinDays how many days ahead
   * @param townshipId township
   * @param supervisorId supervisor
   */
  record VisitsDueFilter(Integer withinDays, String townshipId, String supervisorId) {
  }

  /**
   * The overdue list's filter.
   *
   * @param townshipId township
   * @param supervisorId supervisor
   */
  record OverdueVisitsFilter(String townshipId, String supervisorId) {
  }

  /**
   * The field groups a mutation's payload returns of the file (its {@code caseFile} field): what the access log
   * must record as read, since the payload hands them to the caller. The record itself is always read.
   */
  private static java.util.Set<FieldGroup> payloadGroups(DataFetchingFieldSelectionSet selection) {
    List<String> fields = selection.getFields("caseFile/*").stream()
        .filter(f -> f.getQualifiedName().split("/").length == 2).map(SelectedField::getName).toList();
    java.util.Set<FieldGroup> groups = java.util.EnumSet.of(FieldGroup.RECORD);
    groups.addAll(FileAccessLog.groupsOf(fields));
    return groups;
  }

  private static java.util.Set<FieldGroup> nodeGroups(DataFetchingFieldSelectionSet selection) {
    List<String> fields = selection.getFields("edges/node/*").stream()
        .filter(f -> f.getQualifiedName().split("/").length == 3).map(SelectedField::getName).toList();
    return FileAccessLog.groupsOf(fields);
  }

  @MutationMapping
  RecordHomeVisitPayload recordHomeVisit(@Argument RecordHomeVisitInput input, Locale locale,
      DataFetchingFieldSelectionSet selection) {
    java.util.Set<FieldGroup> groups = payloadGroups(selection);
    if (selection.contains("visit/findings") || selection.contains("visit/followUp")) {
      groups.add(FieldGroup.CIRCUMSTANCES); // what the visitor found is about the child's circumstances
    }
    return visits.record(input, groups, locale);
  }

  @SchemaMapping(typeName = "CaseFile")
  long visitOverdueDays(CaseFile file) {
    return visits.daysOverdue(file);
  }

  @SchemaMapping(typeName = "HomeVisit")
  String visitor(HomeVisit visit) {
    return visit.visitorName();
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, List<HomeVisit>> visits(List<CaseFile> caseFiles) {
    return Batches.resolveMany(caseFiles, CaseFile::id, visits::visitsOf);
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, List<FileChange>> history(List<CaseFile> caseFiles) {
    return Batches.resolveMany(caseFiles, CaseFile::id, files::historyOf);
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, Supervisor> supervisor(List<CaseFile> caseFiles) {
    return Batches.resolve(caseFiles, CaseFile::supervisorId, files::supervisorsById);
  }

  @QueryMapping
  Connection<FileAccessLog.Entry> fileAccessLog(@Argument String fileId, @Argument String actor,
      @Argument Integer first, @Argument String after) {
    return ledger.accessLog(fileId, actor, limits.pageSize(first), after);
  }

  @SchemaMapping(typeName = "CaseFile")
  boolean consentInForce(CaseFile file) {
    return file.currentConsent(files.today()).isPresent();
  }

  @SchemaMapping(typeName = "CaseFile")
  List<Consent> consents(CaseFile file) {
    return file.consents().reversed();
  }

  @SchemaMapping(typeName = "Consent")
  String id(Consent consent) {
    return consent.consentId();
  }

  @SchemaMapping(typeName = "Consent")
  boolean inForce(Consent consent) {
    return consent.currentOn(files.today());
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, List<Supervisor>> supervisorChoices(List<CaseFile> caseFiles) {
    return Batches.resolveMany(caseFiles, CaseFile::id, ids -> files.supervisorChoices(caseFiles));
  }

  @MutationMapping
  CaseFilePayload createCaseFile(@Argument CreateCaseFileInput input, Locale locale) {
    return files.create(input, locale);
  }

  @MutationMapping
  CaseFilePayload updateCaseFile(@Argument UpdateCaseFileInput input, Locale locale,
      DataFetchingFieldSelectionSet selection) {
    java.util.Set<FieldGroup> groups = payloadGroups(selection);
    if (selection.contains("changesSince")) {
      groups.add(FieldGroup.CIRCUMSTANCES); // the history's coded changes (causes, risk tier, benefits)
    }
    return files.update(input, groups, locale);
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, Township> township(List<CaseFile> caseFiles) {
    return geography.townshipOf(caseFiles, CaseFile::townshipId);
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, Village> village(List<CaseFile> caseFiles) {
    return geography.villageOf(caseFiles, CaseFile::villageId);
  }
}
