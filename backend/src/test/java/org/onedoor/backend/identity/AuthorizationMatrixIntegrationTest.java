package org.onedoor.backend.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The role × operation matrix (issue 14): every query and mutation of the schema, and the ledger export, called as
 * anonymous and as every role, must answer as {@code authorization-matrix.txt} says — A allowed (whatever the payload
 * says), U UNAUTHORIZED, F FORBIDDEN — and never with a server error. An operation with no row fails the test, so a
 * new operation cannot ship without its row. Filters inside and outside a caller's scope are exercised by
 * ScopedFiltersIntegrationTest.
 */
@IntegrationTest
// Its own store: the calls as administrator create places and registers other tests would count.
@org.springframework.test.context.TestPropertySource(properties = "onedoor.test.own-store=matrix")
class AuthorizationMatrixIntegrationTest {

  /** The callers, in the matrix's column order. */
  private static final List<String> CALLERS = List.of("anonymous", RoleNames.VOLUNTEER, RoleNames.FAMILY, RoleNames.CHARITY,
      RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF, RoleNames.CIVIL_AFFAIRS, RoleNames.OVERSIGHT,
      RoleNames.ADMIN);

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  private GraphQlHttp as(String caller) {
    if (caller.equals("anonymous")) {
      return GraphQlHttp.at(port);
    }
    return GraphQlHttp.at(port).withToken(token(caller));
  }

  private String token(String role) {
    Map<String, String> scope = switch (role) {
      case RoleNames.SUPERVISOR -> Map.of("township", "hulin-town", "village", "hulin-town-xinhua");
      case RoleNames.TOWNSHIP_STAFF -> Map.of("township", "hulin-town");
      case RoleNames.DEPARTMENT_STAFF -> Map.of("department", "HEALTH");
      default -> Map.of();
    };
    return tokens.token("matrix-" + role.toLowerCase(), "矩阵 " + role, List.of(role), scope);
  }

  @Test
  void every_operation_answers_every_caller_as_the_matrix_says() throws IOException {
    Map<String, String> expected = matrix();
    JsonNode schema = GraphQlHttp.at(port).post(INTROSPECTION).data().path("__schema");
    Map<String, JsonNode> types = new HashMap<>();
    schema.path("types").forEach(t -> types.put(t.path("name").asString(), t));
    Map<String, String> observed = new LinkedHashMap<>();
    List<String> serverErrors = new ArrayList<>();
    int requests = 0;
    for (String root : List.of("Query", "Mutation")) {
      for (JsonNode field : types.get(root).path("fields")) {
        String name = field.path("name").asString();
        String document = document(root.equals("Query") ? "query" : "mutation", field, types);
        StringBuilder row = new StringBuilder();
        for (String caller : CALLERS) {
          var answer = as(caller).post(document, variables(field, types));
          requests++;
          String outcome = "A";
          for (JsonNode error : answer.errors()) {
            switch (error.path("extensions").path("classification").asString()) {
              case "UNAUTHORIZED" -> outcome = "U";
              case "FORBIDDEN" -> outcome = "F";
              case "INTERNAL_ERROR" -> serverErrors.add(name + " as " + caller + ": " + answer.body());
              default -> { }
            }
          }
          row.append(row.isEmpty() ? "" : " ").append(outcome);
        }
        observed.put(name, row.toString());
      }
    }
    for (String path : List.of("/api/ledger/export?format=CSV", "/api/oversight/report")) {
      StringBuilder row = new StringBuilder();
      for (String caller : CALLERS) {
        row.append(row.isEmpty() ? "" : " ").append(getOutcome(path, caller));
        requests++;
      }
      observed.put("GET " + path.replaceAll("\\?.*", ""), row.toString());
    }

    List<String> missing = observed.keySet().stream().filter(op -> !expected.containsKey(op))
        .map(op -> op + "  " + observed.get(op)).toList();
    assertThat(missing).as("operations without a row in authorization-matrix.txt (observed outcomes shown)")
        .isEmpty();
    assertThat(serverErrors).isEmpty();
    Map<String, String> differing = new LinkedHashMap<>();
    observed.forEach((op, row) -> {
      if (!row.equals(expected.get(op))) {
        differing.put(op, "expected " + expected.get(op) + ", got " + row);
      }
    });
    assertThat(differing).isEmpty();
    assertThat(expected.keySet()).as("rows for operations that no longer exist").isSubsetOf(observed.keySet());
    org.slf4j.LoggerFactory.getLogger(AuthorizationMatrixIntegrationTest.class).warn(
        "Authorization matrix: {} operations × {} callers, {} requests", observed.size(), CALLERS.size(), requests);
  }

  private String getOutcome(String path, String caller) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
      if (!caller.equals("anonymous")) {
        request.header("Authorization", "Bearer " + token(caller));
      }
      int status = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
      assertThat(status).as(path + " as " + caller).isLessThan(500);
      return switch (status) {
        case 401 -> "U";
        case 403 -> "F";
        default -> "A";
      };
    } catch (IOException | InterruptedException failed) {
      throw new IllegalStateException(failed);
    }
  }

  private static Map<String, String> matrix() throws IOException {
    try (InputStream in = AuthorizationMatrixIntegrationTest.class.getResourceAsStream(
        "/authorization-matrix.txt")) {
      Map<String, String> rows = new LinkedHashMap<>();
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .forEach(l -> {
            String[] parts = l.strip().split("\\s{2,}");
            rows.put(parts[0], parts[1]);
          });
      return rows;
    }
  }

  private static String document(String operation, JsonNode field, Map<String, JsonNode> types) {
    StringBuilder declared = new StringBuilder();
    StringBuilder passed = new StringBuilder();
    for (JsonNode arg : field.path("args")) {
      if (arg.path("type").path("kind").asString().equals("NON_NULL")) {
        String name = arg.path("name").asString();
        declared.append(declared.isEmpty() ? "" : ", ").append('$').append(name).append(": ").append(typeName(
            arg.path("type")));
        passed.append(passed.isEmpty() ? "" : ", ").append(name).append(": $").append(name);
      }
    }
    JsonNode named = named(field.path("type"));
    String kind = types.get(named.path("name").asString()).path("kind").asString();
    String selection = kind.equals("OBJECT") || kind.equals("UNION") || kind.equals("INTERFACE")
        ? " { __typename }" : "";
    return operation + (declared.isEmpty() ? "" : "(" + declared + ")") + " { " + field.path("name").asString()
        + (passed.isEmpty() ? "" : "(" + passed + ")") + selection + " }";
  }

  private static Map<String, Object> variables(JsonNode field, Map<String, JsonNode> types) {
    Map<String, Object> variables = new HashMap<>();
    for (JsonNode arg : field.path("args")) {
      if (arg.path("type").path("kind").asString().equals("NON_NULL")) {
        variables.put(arg.path("name").asString(), value(arg.path("type"), types, 0));
      }
    }
    return variables;
  }

  private static Object value(JsonNode type, Map<String, JsonNode> types, int depth) {
    switch (type.path("kind").asString()) {
      case "NON_NULL" -> {
        return value(type.path("ofType"), types, depth);
      }
      case "LIST" -> {
        return List.of();
      }
      default -> {
      }
    }
    JsonNode definition = types.get(type.path("name").asString());
    return switch (definition.path("kind").asString()) {
      case "ENUM" -> definition.path("enumValues").get(0).path("name").asString();
      case "INPUT_OBJECT" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        if (depth < 4) {
          definition.path("inputFields").forEach(f -> {
            if (f.path("type").path("kind").asString().equals("NON_NULL")) {
              object.put(f.path("name").asString(), value(f.path("type"), types, depth + 1));
            }
          });
        }
        yield object;
      }
      default -> switch (type.path("name").asString()) {
        case "Int" -> 1;
        case "Float" -> 1.0;
        case "Boolean" -> true;
        default -> "matrix-x";
      };
    };
  }

  private static String typeName(JsonNode type) {
    return switch (type.path("kind").asString()) {
      case "NON_NULL" -> typeName(type.path("ofType")) + "!";
      case "LIST" -> "[" + typeName(type.path("ofType")) + "]";
      default -> type.path("name").asString();
    };
  }

  private static JsonNode named(JsonNode type) {
    JsonNode named = type;
    while (named.path("ofType").isObject() && !named.path("ofType").isNull()) {
      named = named.path("ofType");
    }
    return named;
  }

  private static final String INTROSPECTION = """
      { __schema { types { name kind enumValues { name }
          fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
            args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
          inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
      } } }""";
}
