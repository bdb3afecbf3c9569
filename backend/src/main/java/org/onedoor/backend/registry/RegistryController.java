package org.onedoor.backend.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.needs.PublicNeed;
import org.onedoor.backend.needs.PublicStatistics;
import org.onedoor.backend.platform.graphql.Batches;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.onedoor.backend.registry.RegisterInputs.SaveCaringFamilyInput;
import org.onedoor.backend.registry.RegisterInputs.SaveChildrenHomeInput;
import org.onedoor.backend.registry.RegisterInputs.SaveOrganisationInput;
import org.onedoor.backend.registry.RegisterInputs.SaveVolunteerInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
record RegistryController(Registers registers, RegisterEditing editing, Geography geography, GraphQlLimits limits) {

  @QueryMapping
  List<ChildrenHome> childrenHomes(@Argument String townshipId) {
    return registers.childrenHomes(townshipId);
  }

  @QueryMapping
  List<Organisation> organisations(@Argument OrganisationType type) {
    return registers.organisations(type);
  }

  @QueryMapping
  Connection<Volunteer> volunteers(@Argument String townshipId, @Argument Integer first, @Argument String after) {
    return registers.volunteers(townshipId, limits.pageSize(first), after);
  }

  @QueryMapping
  Connection<CaringFamily> caringFamilies(@Argument String townshipId, @Argument Integer first,
      @Argument String after) {
    return registers.caringFamilies(townshipId, limits.pageSize(first), after);
  }

  @SchemaMapping(typeName = "Statistics")
  List<Registers.CareNetworkCount> careNetwork(PublicStatistics.Statistics statistics) {
    return registers.careNetwork();
  }

  @MutationMapping
  SavePayload<ChildrenHome> saveChildrenHome(@Argument SaveChildrenHomeInput input, Locale locale) {
    return editing.saveChildrenHome(input, locale);
  }

  @MutationMapping
  SavePayload<Organisation> saveOrganisation(@Argument SaveOrganisationInput input, Locale locale) {
    return editing.saveOrganisation(input, locale);
  }

  @MutationMapping
  SavePayload<Volunteer> saveVolunteer(@Argument SaveVolunteerInput input, Locale locale) {
    return editing.saveVolunteer(input, locale);
  }

  @MutationMapping
  SavePayload<CaringFamily> saveCaringFamily(@Argument SaveCaringFamilyInput input, Locale locale) {
    return editing.saveCaringFamily(input, locale);
  }

  @SchemaMapping(typeName = "SaveChildrenHomePayload")
  Object childrenHome(SavePayload<?> payload) {
    return payload.entry();
  }

  @SchemaMapping(typeName = "SaveOrganisationPayload")
  Object organisation(SavePayload<?> payload) {
    return payload.entry();
  }

  @SchemaMapping(typeName = "SaveVolunteerPayload")
  Object volunteer(SavePayload<?> payload) {
    return payload.entry();
  }

  @SchemaMapping(typeName = "SaveCaringFamilyPayload")
  Object caringFamily(SavePayload<?> payload) {
    return payload.entry();
  }

  @BatchMapping(typeName = "ChildrenHome")
  Map<ChildrenHome, Township> township(List<ChildrenHome> homes) {
    return geography.townshipOf(homes, ChildrenHome::townshipId);
  }

  @BatchMapping(typeName = "Volunteer", field = "township")
  Map<Volunteer, Township> volunteerTownship(List<Volunteer> volunteers) {
    return geography.townshipOf(volunteers, Volunteer::townshipId);
  }

  @BatchMapping(typeName = "CaringFamily", field = "township")
  Map<CaringFamily, Township> familyTownship(List<CaringFamily> families) {
    return geography.townshipOf(families, CaringFamily::townshipId);
  }

  @BatchMapping(typeName = "CareNetworkCount", field = "township")
  Map<Registers.CareNetworkCount, Township> careNetworkTownship(List<Registers.CareNetworkCount> cells) {
    return geography.townshipOf(cells, Registers.CareNetworkCount::townshipId);
  }

  @BatchMapping(typeName = "Need", field = "childrenHome")
  Map<PublicNeed, ChildrenHome> needChildrenHome(List<PublicNeed> needs) {
    return Batches.resolve(needs, PublicNeed::townshipId, registers::workStationsOf);
  }

  @BatchMapping(typeName = "Organisation")
  Map<Organisation, Registers.Contact> contact(List<Organisation> organisations) {
    return Batches.resolve(organisations, Organisation::id, registers::contactsOf);
  }

  @BatchMapping(typeName = "Organisation")
  Map<Organisation, List<Township>> area(List<Organisation> organisations) {
    var byId = geography.townshipsById(organisations.stream().flatMap(o -> o.townshipIds().stream()).distinct()
        .toList());
    Map<Organisation, List<Township>> result = new HashMap<>();
    organisations.forEach(o -> result.put(o, o.townshipIds().stream().map(byId::get)
        .filter(java.util.Objects::nonNull).toList()));
    return result;
  }
}
