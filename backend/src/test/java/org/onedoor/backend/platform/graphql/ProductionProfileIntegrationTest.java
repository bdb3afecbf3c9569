package org.onedoor.backend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.OneDoorBackendApplication;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.TestStoreInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest(classes = OneDoorBackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@ContextConfiguration(initializers = TestStoreInitializer.class)
@TestPropertySource(properties = {"onedoor.admin.username=cityadmin",
    "onedoor.admin.initial-password=first-start-Passw0rd", "onedoor.identity.portal.client-secret=a-secret-of-this-test"})
class ProductionProfileIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void production_answers_no_introspection_and_serves_no_graphiql() throws Exception {
    var introspection = GraphQlHttp.at(port).post(IntrospectionQuery.INTROSPECTION_QUERY);
    var graphiql = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(introspection.errors().get(0).path("message").asString()).containsIgnoringCase("introspection");
    assertThat(graphiql.statusCode()).isEqualTo(404);
  }

  @Test
  void production_still_answers_public_queries_and_reports_health() throws Exception {
    var townships = GraphQlHttp.at(port).post("{ townships { id } }");
    var health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(townships.errors().isMissingNode()).as(townships.body()).isTrue();
    assertThat(townships.data().path("townships").isArray()).isTrue();
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }
}
