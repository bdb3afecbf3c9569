package org.onedoor.backend.casefiles;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.casefiles.Remits.RemitItem;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.geography.Village;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record RemitController(Remits remits, Geography geography, GraphQlLimits limits) {

  @QueryMapping
  List<Remits.RemitCount> myRemits() {
    return remits.myRemits();
  }

  @QueryMapping
  Connection<RemitItem> remitWorklist(@Argument Remit remit, @Argument Integer first, @Argument String after) {
    return remits.worklist(remit, limits.pageSize(first), after);
  }

  @MutationMapping
  Remits.RemitPayload recordRemitAction(@Argument RecordRemitActionInput input, Locale locale) {
    return remits.record(input.caseFileId(), input.remit(), input.doneOn(), input.note(),
        Boolean.TRUE.equals(input.resolved()), input.resolution(), locale);
  }

  @BatchMapping(typeName = "RemitItem")
  Map<RemitItem, Township> township(List<RemitItem> items) {
    return geography.townshipOf(items, RemitItem::townshipId);
  }

  @BatchMapping(typeName = "RemitItem")
  Map<RemitItem, Village> village(List<RemitItem> items) {
    return geography.villageOf(items, RemitItem::villageId);
  }

  /**
   * What a department did for a child.
   *
   * @param caseFileId the file
   * @param remit the remit
   * @param doneOn yyyy-MM-dd
   * @param note what was done
   * @param resolved whether it settles the matter
   * @param resolution the outcome on the file
   */
  record RecordRemitActionInput(String caseFileId, Remit remit, String doneOn, String note, Boolean resolved,
      Remits.Resolution resolution) {
  }
}
