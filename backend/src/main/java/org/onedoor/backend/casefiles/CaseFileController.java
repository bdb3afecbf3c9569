package org.onedoor.backend.casefiles;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
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
  Map<String, Object> caseFiles(@Argument CaseFiles.LedgerFilter filter, @Argument Integer first,
      @Argument String after, DataFetchingFieldSelectionSet selection) {
    List<String> fields = selection.getFields("edges/node/*").stream()
        .filter(f -> f.getQualifiedName().split("/").length == 3).map(SelectedField::getName).toList();
    CaseFiles.LedgerPage page = files.ledger(filter, limits.pageSize(first), after, FileAccessLog.groupsOf(fields));
    List<Map<String, Object>> edges = page.entries().stream()
        .map(e -> Map.<String, Object>of("cursor", e.cursor(), "node", e.file())).toList();
    Map<String, Object> pageInfo = new HashMap<>();
    pageInfo.put("hasNextPage", page.hasNextPage());
    pageInfo.put("endCursor", page.entries().isEmpty() ? null : page.entries().getLast().cursor());
    return Map.of("edges", edges, "pageInfo", pageInfo);
  }

  @QueryMapping
  Map<String, Object> fileAccessLog(@Argument String fileId, @Argument String actor, @Argument Integer first,
      @Argument String after) {
    var size = limits.pageSize(first);
    List<FileAccessLog.Entry> entries = files.accessLog(fileId, actor, size, after);
    List<FileAccessLog.Entry> page = entries.stream().limit(size.value()).toList();
    Map<String, Object> pageInfo = new HashMap<>();
    pageInfo.put("hasNextPage", entries.size() > size.value());
    pageInfo.put("endCursor", page.isEmpty() ? null : page.getLast().id());
    return Map.of("edges", page.stream().map(e -> Map.<String, Object>of("cursor", e.id(), "node", e)).toList(),
        "pageInfo", pageInfo);
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
    var byId = geography.villagesById(caseFiles.stream().map(CaseFile::villageId).distinct().toList());
    Map<CaseFile, Village> result = new HashMap<>();
    caseFiles.forEach(f -> result.put(f, byId.get(f.villageId())));
    return result;
  }
}
