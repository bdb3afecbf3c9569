package org.onedoor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SDLDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The schema is the contract: it must parse, and read like the domain glossary (every element described). */
class SchemaContractTest {

  private static TypeDefinitionRegistry registry;

  @BeforeAll
  static void parseAllSchemaFiles() throws IOException {
    Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls");
    assertThat(files).as("schema files on the classpath").isNotEmpty();
    registry = new TypeDefinitionRegistry();
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        registry.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
  }

  @Test
  void schema_builds_into_an_executable_schema_with_query_and_mutation() {
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.MOCKED_WIRING);
    assertThat(schema.getQueryType().getFieldDefinition("townships")).isNotNull();
    assertThat(schema.getQueryType().getFieldDefinition("me")).isNotNull();
    assertThat(schema.getMutationType().getFieldDefinition("updateMyPreferences")).isNotNull();
  }

  @Test
  void every_type_field_argument_and_enum_value_has_a_description() {
    List<String> undescribed = new ArrayList<>();
    List<TypeDefinition<?>> everything = new ArrayList<>();
    registry.types().values().forEach(everything::add);
    registry.objectTypeExtensions().values().forEach(everything::addAll);
    for (TypeDefinition<?> type : everything) {
      if (!(type instanceof graphql.language.ObjectTypeExtensionDefinition)) {
        check(type.getName(), description(type), undescribed);
      }
      switch (type) {
        case ObjectTypeDefinition object -> object.getFieldDefinitions()
            .forEach(f -> checkField(type.getName(), f, undescribed));
        case InterfaceTypeDefinition iface -> iface.getFieldDefinitions()
            .forEach(f -> checkField(type.getName(), f, undescribed));
        case InputObjectTypeDefinition input -> input.getInputValueDefinitions()
            .forEach(v -> check(type.getName() + "." + v.getName(), v.getDescription(), undescribed));
        case EnumTypeDefinition enumType -> enumType.getEnumValueDefinitions()
            .forEach(v -> check(type.getName() + "." + v.getName(), v.getDescription(), undescribed));
        default -> { }
      }
    }
    assertThat(undescribed).as("schema elements without a description").isEmpty();
  }

  @Test
  void fields_added_by_type_extensions_are_checked_too() {
    assertThat(registry.objectTypeExtensions().get("Query")).isNotEmpty();
  }

  @Test
  void mutations_take_an_input_and_return_a_payload_with_errors() {
    List<FieldDefinition> mutations = new ArrayList<>(
        ((ObjectTypeDefinition) registry.getType("Mutation").orElseThrow()).getFieldDefinitions());
    registry.objectTypeExtensions().getOrDefault("Mutation", List.of())
        .forEach(extension -> mutations.addAll(extension.getFieldDefinitions()));
    assertThat(mutations).extracting(FieldDefinition::getName).contains("updateMyPreferences", "createCaseFile");
    for (FieldDefinition field : mutations) {
      String capitalised = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
      assertThat(field.getInputValueDefinitions()).as(field.getName() + " arguments").hasSize(1);
      assertThat(field.getInputValueDefinitions().getFirst().getType().toString())
          .contains(capitalised + "Input");
      assertThat(field.getType().toString()).contains(capitalised + "Payload");
      ObjectTypeDefinition payload = (ObjectTypeDefinition) registry.getType(capitalised + "Payload").orElseThrow();
      assertThat(payload.getFieldDefinitions()).extracting(FieldDefinition::getName).contains("errors");
    }
  }

  private static void checkField(String owner, FieldDefinition field, List<String> undescribed) {
    check(owner + "." + field.getName(), field.getDescription(), undescribed);
    field.getInputValueDefinitions().forEach(
        arg -> check(owner + "." + field.getName() + "(" + arg.getName() + ")", arg.getDescription(), undescribed));
  }

  private static Description description(SDLDefinition<?> definition) {
    return definition instanceof TypeDefinition<?> type && type instanceof graphql.language.AbstractDescribedNode<?> d
        ? d.getDescription() : null;
  }

  private static void check(String name, Description description, List<String> undescribed) {
    if (description == null || description.getContent().isBlank()) {
      undescribed.add(name);
    }
  }

  @Test
  void the_roles_vocabulary_is_exactly_the_role_enum() {
    List<String> schemaRoles = registry.getType("Role", EnumTypeDefinition.class).orElseThrow()
        .getEnumValueDefinitions().stream().map(graphql.language.EnumValueDefinition::getName).toList();

    assertThat(RoleNames.ALL).containsExactlyElementsOf(schemaRoles);
  }
}
