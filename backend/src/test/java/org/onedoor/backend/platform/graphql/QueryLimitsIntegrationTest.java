package org.onedoor.backend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class QueryLimitsIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void a_query_deeper_than_the_limit_is_refused_before_it_runs() {
    String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(14) + "{ name }" + " }".repeat(14)
        + " } } } }";

    for (int attempt = 0; attempt < 2; attempt++) { // the second time from the parsed documents kept
      var response = GraphQlHttp.at(port).post(deep);

      assertThat(response.data().isNull() || response.data().isMissingNode()).as(response.body()).isTrue();
      assertThat(response.errors().get(0).path("message").asString()).containsIgnoringCase("depth");
    }
  }

  @Test
  void a_document_refused_by_validation_is_refused_again_and_a_valid_one_still_runs() {
    for (int attempt = 0; attempt < 2; attempt++) {
      var refused = GraphQlHttp.at(port).post("{ townships { id noSuchField } }");
      assertThat(refused.errors().get(0).path("extensions").path("classification").asString()).as(refused.body())
          .isEqualTo("ValidationError");
      var valid = GraphQlHttp.at(port).post("{ townships { id } }");
      assertThat(valid.data().path("townships").size()).as(valid.body()).isPositive();
    }
  }

  @Test
  void a_query_more_complex_than_the_limit_is_refused() {
    StringBuilder wide = new StringBuilder("{");
    for (int i = 0; i < 120; i++) {
      wide.append(" t").append(i).append(": townships { id name nameEn }");
    }
    String document = wide.append(" }").toString();
    for (int attempt = 0; attempt < 2; attempt++) {
      var response = GraphQlHttp.at(port).post(document);

      assertThat(response.errors().get(0).path("message").asString()).as(response.body())
          .containsIgnoringCase("complexity");
    }
  }

  @Test
  void a_document_with_more_tokens_than_the_parser_limit_is_refused() {
    String huge = "{ townships { " + "id ".repeat(6000) + "} }";

    var response = GraphQlHttp.at(port).post(huge);

    assertThat(response.errors().get(0).path("message").asString()).as(response.body()).contains("tokens");
    assertThat(response.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("InvalidSyntax");
    assertThat(response.data().isNull() || response.data().isMissingNode()).isTrue();
  }

  @Test
  void the_standard_introspection_query_used_by_graphiql_fits_the_limits_in_the_demo_profile() {
    var response = GraphQlHttp.at(port).post(IntrospectionQuery.INTROSPECTION_QUERY);

    assertThat(response.errors().isMissingNode()).as(response.body()).isTrue();
    assertThat(response.data().path("__schema").path("queryType").path("name").asString()).isEqualTo("Query");
  }
}
