package org.onedoor.backend.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Every answer an anonymous caller can get: discovers every query of the schema by introspection and asks each for
 * every field it can reach (needs paged to the end, each need also by its id; queries that take required arguments
 * with the board's public ids and the given extra ids). A township's villages are selected only under the townships
 * query: the gazetteer is public.
 */
public final class PublicAnswers {

  private static final int MAX_DEPTH = 5;

  private PublicAnswers() {
  }

  /**
   * The answers by query, each body as received.
   *
   * @param anonymous a client without a token
   * @param extraIds ids to try, besides the board's, for queries with required arguments (e.g. real file ids)
   * @param needIds receives the board's public ids in board order
   */
  public static Map<String, List<String>> walk(GraphQlHttp anonymous, List<String> extraIds, List<String> needIds) {
    JsonNode schema = anonymous.post(INTROSPECTION).data().path("__schema");
    Map<String, JsonNode> types = new HashMap<>();
    schema.path("types").forEach(t -> types.put(t.path("name").asString(), t));
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (JsonNode field : types.get("Query").path("fields")) {
      String name = field.path("name").asString();
      String selection = selection(field.path("type"), types, 1, new HashSet<>(), name.equals("townships"));
      List<String> bodies = answers.computeIfAbsent(name, n -> new ArrayList<>());
      if (name.equals("needs")) {
        String after = null;
        do {
          Map<String, Object> variables = new HashMap<>();
          variables.put("after", after);
          var page = anonymous.post("query($after: String) { needs(first: 100, after: $after) " + selection + " }",
              variables);
          bodies.add(page.body());
          JsonNode connection = page.data().path("needs");
          connection.path("edges").forEach(e -> needIds.add(e.path("node").path("id").asString()));
          after = connection.path("pageInfo").path("hasNextPage").asBoolean()
              ? connection.path("pageInfo").path("endCursor").asString() : null;
        } while (after != null);
      } else if (requiredArguments(field).isEmpty()) {
        bodies.add(anonymous.post("{ " + name + " " + selection + " }").body());
      } else {
        // Every required argument is an id: ask with the board's public ids and with the extra ids.
        List<String> ids = new ArrayList<>(needIds.isEmpty() ? List.of("x") : needIds);
        ids.addAll(extraIds);
        for (String id : ids) {
          String arguments = requiredArguments(field).stream().map(a -> a + ": \"" + id + "\"")
              .reduce((a, b) -> a + ", " + b).orElseThrow();
          bodies.add(anonymous.post("{ " + name + "(" + arguments + ") " + selection + " }").body());
        }
      }
    }
    return answers;
  }

  private static List<String> requiredArguments(JsonNode field) {
    List<String> names = new ArrayList<>();
    field.path("args").forEach(a -> {
      if (a.path("type").path("kind").asString().equals("NON_NULL")) {
        names.add(a.path("name").asString());
      }
    });
    return names;
  }

  /** Every field reachable without required arguments, down to a depth; "" for a leaf. */
  private static String selection(JsonNode type, Map<String, JsonNode> types, int depth, Set<String> path,
      boolean withVillages) {
    JsonNode named = type;
    while (named.path("ofType").isObject() && !named.path("ofType").isNull()) {
      named = named.path("ofType");
    }
    JsonNode definition = types.get(named.path("name").asString());
    String kind = definition.path("kind").asString();
    if (!kind.equals("OBJECT")) {
      return "";
    }
    if (depth > MAX_DEPTH || path.contains(definition.path("name").asString())) {
      return null;
    }
    Set<String> deeper = new HashSet<>(path);
    deeper.add(definition.path("name").asString());
    StringBuilder fields = new StringBuilder();
    for (JsonNode field : definition.path("fields")) {
      if (!requiredArguments(field).isEmpty()
          || !withVillages && field.path("name").asString().equals("villages")) {
        continue; // a township's villages are the public gazetteer, asked for by the townships query itself
      }
      String sub = selection(field.path("type"), types, depth + 1, deeper, withVillages);
      if (sub != null) {
        fields.append(' ').append(field.path("name").asString()).append(' ').append(sub);
      }
    }
    return fields.isEmpty() ? null : "{" + fields + " }";
  }

  private static final String INTROSPECTION = """
      { __schema { types { name kind fields {
          name
          args { name type { kind name ofType { kind name } } }
          type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
      } } } }""";
}
