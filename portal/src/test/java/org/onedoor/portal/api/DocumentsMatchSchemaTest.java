package org.onedoor.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every document the portal sends is valid against the schema module's contract (types, fields, nullability). */
public class DocumentsMatchSchemaTest {

  private static final GraphQLSchema SCHEMA = schema();

  /** The values of one of the contract's enums (for tests that check each has a label). */
  public static List<String> enumValues(String enumName) {
    return SCHEMA.getTypeAs(enumName) instanceof graphql.schema.GraphQLEnumType type
        ? type.getValues().stream().map(graphql.schema.GraphQLEnumValueDefinition::getName).toList()
        : List.of();
  }

  private static GraphQLSchema schema() {
    try {
      TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
      for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
        registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
      }
      return new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.MOCKED_WIRING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Resource> documents() throws IOException {
    Resource[] documents = new PathMatchingResourcePatternResolver()
        .getResources("classpath:graphql-documents/*.graphql");
    assertThat(documents).hasSizeGreaterThan(10);
    return Stream.of(documents);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void the_document_is_valid_against_the_schema(Resource document) throws IOException {
    Document parsed = Parser.parse(document.getContentAsString(StandardCharsets.UTF_8));

    List<ValidationError> errors = new Validator().validateDocument(SCHEMA, parsed, Locale.ENGLISH);

    assertThat(errors).as(document.getFilename()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void the_forms_offer_every_value_of_the_files_coded_fields_and_no_other() {
    assertThat(FileCodes.CAUSES).containsExactlyElementsOf(enumValues("Cause"));
    assertThat(FileCodes.PARENTS).containsExactlyElementsOf(enumValues("ParentsSituation"));
    assertThat(FileCodes.CAPABILITIES).containsExactlyElementsOf(enumValues("GuardianCapability"));
    assertThat(FileCodes.CONDITIONS).containsExactlyElementsOf(enumValues("ConditionCategory"));
    assertThat(FileCodes.SCHOOLING).containsExactlyElementsOf(enumValues("SchoolingStatus"));
    assertThat(FileCodes.BENEFITS).containsExactlyElementsOf(enumValues("Benefit"));
    assertThat(NeedCategories.CATEGORIES).containsExactlyElementsOf(enumValues("NeedCategory"));
    assertThat(NeedCategories.URGENCIES).containsExactlyElementsOf(enumValues("Urgency"));
    assertThat(org.onedoor.portal.safety.SafetyApi.PLACEMENTS).containsExactlyElementsOf(enumValues("PlacementKind"));
    assertThat(org.onedoor.portal.safety.SafetyApi.MEASURES)
        .containsExactlyElementsOf(enumValues("InterventionMeasure"));
  }
}
