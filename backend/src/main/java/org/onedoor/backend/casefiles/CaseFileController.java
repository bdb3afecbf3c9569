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
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CaseFileController {

  private final CaseFiles files;
  private final Geography geography;

  CaseFileController(CaseFiles files, Geography geography) {
    this.files = files;
    this.geography = geography;
  }

  @QueryMapping
  CaseFile caseFile(@Argument String id, DataFetchingFieldSelectionSet selection) {
    List<String> fields = selection.getImmediateFields().stream().map(SelectedField::getName).toList();
    return files.read(id, FileAccessLog.groupsOf(fields));
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
    var byId = geography.townshipsById(caseFiles.stream().map(CaseFile::townshipId).distinct().toList());
    Map<CaseFile, Township> result = new HashMap<>();
    caseFiles.forEach(f -> result.put(f, byId.get(f.townshipId())));
    return result;
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, Village> village(List<CaseFile> caseFiles) {
    var byId = geography.villagesById(caseFiles.stream().map(CaseFile::villageId).distinct().toList());
    Map<CaseFile, Village> result = new HashMap<>();
    caseFiles.forEach(f -> result.put(f, byId.get(f.villageId())));
    return result;
  }
}
