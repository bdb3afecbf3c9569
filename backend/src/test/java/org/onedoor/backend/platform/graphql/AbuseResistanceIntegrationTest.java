package org.onedoor.backend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Cost and bad input (issue 14): aliasing an expensive field is refused before anything runs, and no mutation answers
 * any well-typed but bad input — empty, blank, huge, malformed, negative, unknown ids — with INTERNAL_ERROR, for
 * anonymous callers and for staff.
 */
@IntegrationTest
// Its own store: the calls as administrator create places and registers other tests would count.
@org.springframework.test.context.TestPropertySource(properties = "onedoor.test.own-store=abuse")
class AbuseResistanceIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  TestTokens tokens;

  @Test
  void a_thousand_aliases_of_any_expensive_field_are_refused_before_execution() {
    GraphQlHttp civil = GraphQlHttp.at(port).withToken(tokens.token("civil-abuse", "民政", List.of(
        RoleNames.CIVIL_AFFAIRS), Map.of()));
    for (String field : GraphQlLimitsConfiguration.COSTS.keySet()) {
      String selection = switch (field) {
        case "statistics" -> "statistics { children { count } }";
        case "offersForNeed" -> "offersForNeed(needId: \"x\") { score }";
        case "needsForOffer" -> "needsForOffer(offerId: \"x\") { score }";
        case "latestAllocationRun" -> "latestAllocationRun { id }";
        default -> field + " { edges { cursor } }";
      };
      StringBuilder document = new StringBuilder("{");
      for (int i = 0; i < 1000; i++) {
        document.append(" a").append(i).append(": ").append(selection);
      }
      var answer = civil.post(document.append(" }").toString());

      assertThat(answer.errors()).as(field + ": " + answer.body().substring(0, Math.min(300, answer.body().length())))
          .isNotEmpty();
      assertThat(answer.data().isMissingNode() || answer.data().isNull()).as(field + ": nothing ran").isTrue();
    }
  }

  @Test
  void a_few_aliases_of_the_statistics_are_refused_by_their_cost_while_one_is_answered() {
    var one = GraphQlHttp.at(port).post("{ statistics { children { count } } }");
    StringBuilder six = new StringBuilder("{");
    for (int i = 0; i < 6; i++) {
      six.append(" s").append(i).append(": statistics { children { count } }");
    }
    var refused = GraphQlHttp.at(port).post(six.append(" }").toString());

    assertThat(one.errors()).as(one.body()).isEmpty();
    assertThat(refused.errors().toString()).as(refused.body()).containsIgnoringCase("complexity");
  }

  @Test
  void no_mutation_answers_bad_input_with_an_internal_error() {
    JsonNode schema = GraphQlHttp.at(port).post(INTROSPECTION).data().path("__schema");
    Map<String, JsonNode> types = new HashMap<>();
    schema.path("types").forEach(t -> types.put(t.path("name").asString(), t));
    List<GraphQlHttp> callers = List.of(GraphQlHttp.at(port),
        GraphQlHttp.at(port).withToken(tokens.token("civil-fuzz", "民政", List.of(RoleNames.CIVIL_AFFAIRS), Map.of())),
        GraphQlHttp.at(port).withToken(tokens.token("township-fuzz", "乡镇", List.of(RoleNames.TOWNSHIP_STAFF),
            Map.of("township", "hulin-town"))),
        GraphQlHttp.at(port).withToken(tokens.token("admin-fuzz", "管理员", List.of(RoleNames.ADMIN), Map.of())),
        GraphQlHttp.at(port).withToken(tokens.token("charity-fuzz", "公益", List.of(RoleNames.CHARITY), Map.of())));
    int requests = 0;
    List<String> internal = new ArrayList<>();
    for (JsonNode mutation : types.get("Mutation").path("fields")) {
      String name = mutation.path("name").asString();
      JsonNode inputArgument = mutation.path("args").get(0);
      String inputType = named(inputArgument.path("type")).path("name").asString();
      String payload = named(mutation.path("type")).path("name").asString();
      String document = "mutation($input: " + inputType + "!) { " + name + "(input: $input) { errors { code } } }";
      if (!types.get(payload).path("fields").toString().contains("\"errors\"")) {
        continue;
      }
      for (int variant = 0; variant < BAD.size(); variant++) {
        Object input = value(inputArgument.path("type"), types, variant, 0);
        for (GraphQlHttp caller : callers) {
          var answer = caller.post(document, Map.of("input", input));
          requests++;
          for (JsonNode error : answer.errors()) {
            if (error.path("extensions").path("classification").asString().equals("INTERNAL_ERROR")) {
              internal.add(name + " variant " + variant + ": " + answer.body());
            }
          }
          assertThat(answer.status()).as(name).isLessThan(500);
        }
      }
    }
    org.slf4j.LoggerFactory.getLogger(AbuseResistanceIntegrationTest.class)
        .warn("Bad-input run: {} requests over every mutation, {} internal errors", requests, internal.size());
    assertThat(requests).isGreaterThan(500);
    assertThat(internal).isEmpty();
  }

  /** The bad values every scalar takes in turn, by variant. */
  private static final List<Map<String, Object>> BAD = List.of(
      Map.of("String", "", "ID", "", "Int", 0, "Float", 0.0),
      Map.of("String", "   ", "ID", "no-such-id", "Int", -1, "Float", -1.5),
      Map.of("String", "长".repeat(5000), "ID", "x".repeat(300), "Int", Integer.MAX_VALUE, "Float", 1e308),
      Map.of("String", "2026-13-45", "ID", "../../etc/passwd", "Int", Integer.MIN_VALUE, "Float", -0.0),
      Map.of("String", "\u0000\u200b<script>alert(1)</script>' OR 1=1 --", "ID", "{\"$gt\": \"\"}", "Int", 1,
          "Float", 3.5),
      Map.of("String", "😀😀😀", "ID", "😀", "Int", 99999, "Float", 99999.0));

  private static JsonNode named(JsonNode type) {
    JsonNode named = type;
    while (named.path("ofType").isObject() && !named.path("ofType").isNull()) {
      named = named.path("ofType");
    }
    return named;
  }

  private static Object value(JsonNode type, Map<String, JsonNode> types, int variant, int depth) {
    if (type.path("kind").asString().equals("NON_NULL")) {
      return value(type.path("ofType"), types, variant, depth);
    }
    if (type.path("kind").asString().equals("LIST")) {
      return variant % 2 == 0 ? List.of() : List.of(value(type.path("ofType"), types, variant, depth));
    }
    String name = type.path("name").asString();
    JsonNode definition = types.get(name);
    return switch (definition.path("kind").asString()) {
      case "ENUM" -> {
        JsonNode values = definition.path("enumValues");
        yield values.get(variant % values.size()).path("name").asString();
      }
      case "INPUT_OBJECT" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        if (depth < 4) {
          definition.path("inputFields").forEach(f -> object.put(f.path("name").asString(),
              value(f.path("type"), types, variant, depth + 1)));
        }
        yield object;
      }
      case "SCALAR" -> name.equals("Boolean") ? variant % 2 == 0 : BAD.get(variant).getOrDefault(name, "");
      default -> null;
    };
  }

  private static final String INTROSPECTION = """
      { __schema { types { name kind enumValues { name }
          fields { name type { kind name ofType { kind name ofType { kind name } } }
            args { name type { kind name ofType { kind name ofType { kind name } } } } }
          inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
      } } }""";
}
