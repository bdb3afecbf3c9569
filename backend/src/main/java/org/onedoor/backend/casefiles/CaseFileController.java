package org.onedoor.backend.casefiles;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class CaseFileController {

  private final CaseFiles files;
  private final Geography geography;
  private final GraphQlLimits limits;

  CaseFileController(CaseFiles files, Geography geography, GraphQlLimits limits) {
    this.files = files;
    this.geography = geography;
    this.limits = limits;
  }

  @QueryMapping
  CaseFile caseFile(@Argument String id, DataFetchingFieldSelectionSet selection) {
    List<String> fields = selection.getImmediateFields().stream().map(SelectedField::getName).toList();
    return files.read(id, FileAccessLog.groupsOf(fields));
  }

  @QueryMapping
  Connection<CaseFile> caseFiles(@Argument CaseFiles.LedgerFilter filter, @Argument Integer first,
      @Argument String after, DataFetchingFieldSelectionSet selection) {
    List<String> fields = selection.getFields("edges/node/*").stream()
        .filter(f -> f.getQualifiedName().split("/").length == 3).map(SelectedField::getName).toList();
    return files.ledger(filter, limits.pageSize(first), after, FileAccessLog.groupsOf(fields));
  }

  @QueryMapping
  Connection<FileAccessLog.Entry> fileAccessLog(@Argument String fileId, @Argument String actor,
      @Argument Integer first, @Argument String after) {
    return files.accessLog(fileId, actor, limits.pageSize(first), after);
  }

  @SchemaMapping(typeName = "CaseFile")
  boolean consentInForce(CaseFile file) {
    return file.currentConsent(files.today()).isPresent();
  }

  @MutationMapping
  CaseFilePayload createCaseFile(@Argument CreateCaseFileInput input, Locale locale) {
    return files.create(input, locale);
  }

  @MutationMapping
  CaseFilePayload updateCaseFile(@Argument UpdateCaseFileInput input, Locale locale) {
    return files.update(input, locale);
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
