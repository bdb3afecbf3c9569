package org.onedoor.backend.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class RegistryController {

  private final Registers registers;
  private final Geography geography;

  RegistryController(Registers registers, Geography geography) {
    this.registers = registers;
    this.geography = geography;
  }

  @QueryMapping
  List<ChildrenHome> childrenHomes(@Argument String townshipId) {
    return registers.childrenHomes(townshipId);
  }

  @QueryMapping
  List<Organisation> organisations(@Argument OrganisationType type) {
    return registers.organisations(type);
  }

  @BatchMapping(typeName = "ChildrenHome")
  Map<ChildrenHome, Township> township(List<ChildrenHome> homes) {
    return geography.townshipOf(homes, ChildrenHome::townshipId);
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
