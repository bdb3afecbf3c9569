package org.onedoor.backend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class RolesMatchSchemaTest {

  @Test
  void the_backend_knows_exactly_the_roles_of_the_schema() throws IOException {
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
      registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
    }

    assertThat(Roles.ALL).containsExactlyInAnyOrderElementsOf(registry.getType("Role", EnumTypeDefinition.class)
        .orElseThrow().getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
  }
}
