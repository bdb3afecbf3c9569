package org.onedoor.backend.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.intake.Intake;
import org.onedoor.backend.platform.graphql.Batches;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.onedoor.backend.safety.SafetyCases.SafetyPayload;
import org.onedoor.backend.safety.SafetyInputs.RecordSafetyStepInput;
import org.onedoor.backend.safety.SafetyInputs.SafetyCaseFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
record SafetyController(SafetyCases chains, Geography geography, GraphQlLimits limits) {

  @QueryMapping
  SafetyCase safetyCase(@Argument String id) {
    return chains.byId(id);
  }

  @QueryMapping
  Connection<SafetyCase> safetyCases(@Argument SafetyCaseFilter filter, @Argument Integer first,
      @Argument String after) {
    return chains.open(filter, limits.pageSize(first), after);
  }

  @MutationMapping
  SafetyPayload recordSafetyStep(@Argument RecordSafetyStepInput input, Locale locale) {
    return chains.record(input, locale);
  }

  @SchemaMapping(typeName = "SafetyCase")
  boolean overdue(SafetyCase chain) {
    return chains.overdue(chain);
  }

  @SchemaMapping(typeName = "SafetyCase")
  List<SafetyStep> allowedSteps(SafetyCase chain) {
    return SafetyCases.allowedNext(chain).stream().sorted().toList();
  }

  @SchemaMapping(typeName = "SafetyCase")
  List<PlaceChoice> placeChoices(SafetyCase chain) {
    return chains.placeChoices(chain);
  }

  @BatchMapping(typeName = "SafetyCase")
  Map<SafetyCase, Township> township(List<SafetyCase> cases) {
    return geography.townshipOf(cases, SafetyCase::townshipId);
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, List<SafetyCase>> safetyCases(List<CaseFile> files) {
    return Batches.resolveMany(files, CaseFile::id, chains::ofFiles);
  }

  @BatchMapping(typeName = "Intake")
  Map<Intake, SafetyCase> safetyCase(List<Intake> intakes) {
    return Batches.resolve(intakes, Intake::id, chains::ofIntakes);
  }
}
