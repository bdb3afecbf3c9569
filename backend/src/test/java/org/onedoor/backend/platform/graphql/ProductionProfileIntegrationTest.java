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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest(classes = OneDoorBackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@ContextConfiguration(initializers = TestStoreInitializer.class)
@TestPropertySource(properties = {"onedoor.admin.username=cityadmin",
    "onedoor.admin.initial-password=first-start-Passw0rd", "onedoor.identity.portal.client-secret=a-secret-of-this-test",
    // Shown here to check what readiness includes; production shows nothing on the public port.
    "management.endpoint.health.group.readiness.show-components=always"})
class ProductionProfileIntegrationTest {

  @LocalServerPort
  int port;

  @LocalManagementPort
  int managementPort;

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
  void production_still_answers_public_queries_and_reports_readiness_including_the_store() throws Exception {
    var townships = GraphQlHttp.at(port).post("{ townships { id } }");
    var ready = get(port, "/readyz");

    assertThat(townships.errors().isMissingNode()).as(townships.body()).isTrue();
    assertThat(townships.data().path("townships").isArray()).isTrue();
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"status\":\"UP\"").contains("mongo").contains("readinessState");
    assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
  }

  @Test
  void metrics_and_health_details_are_for_operators_on_the_management_port_never_on_the_public_one()
      throws Exception {
    assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
    assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);

    var metrics = get(managementPort, "/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
    var health = get(managementPort, "/actuator/health");
    assertThat(health.body()).contains("\"mongo\"", "\"store\":\"embedded\"");
  }

  @Test
  void every_answer_carries_a_request_id_and_a_proxy_s_id_is_kept() throws Exception {
    var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/graphql")).header("Content-Type", "application/json").header("X-Request-Id", "proxy-4711-abcd")
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ townships { id } }\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.headers().firstValue("X-Request-Id")).contains("proxy-4711-abcd");
    assertThat(get(port, "/readyz").headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
