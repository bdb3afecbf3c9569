package org.onedoor.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.casefiles.Consent;
import org.onedoor.backend.casefiles.Guardian;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The public side never gives a file away. An anonymous client discovers every query of the schema by
 * introspection, asks each for every field it can reach (needs paged to the end, each need also by its id), and no
 * answer holds a child's or guardian's name, an ID number, a phone number, a school, an exact date, or — outside the
 * public registers of places (townships and their villages, children's homes) — the name of a child's village or
 * address. (A township's villages are selected only under the townships query: the gazetteer is public.)
 */
@IntegrationTest
@TestPropertySource(properties = "onedoor.demo.children=600")
class PublicAnswersLeakIntegrationTest {

  private static final int MAX_DEPTH = 5;
  private static final Pattern EXACT_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{4}年\\d{1,2}月\\d{1,2}日");
  private static final Set<String> PLACE_REGISTERS = Set.of("townships", "childrenHomes");

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Test
  void no_public_answer_holds_anything_from_a_file() {
    GraphQlHttp anonymous = GraphQlHttp.at(port);
    JsonNode schema = anonymous.post(INTROSPECTION).data().path("__schema");
    Map<String, JsonNode> types = new HashMap<>();
    schema.path("types").forEach(t -> types.put(t.path("name").asString(), t));
    List<CaseFile> files = mongo.find(new Query(), CaseFile.class);
    assertThat(files).hasSize(600);

    Map<String, List<String>> answers = new LinkedHashMap<>();
    List<String> needIds = new ArrayList<>();
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
        // Every required argument is an id: ask with the board's public ids and with real file ids.
        List<String> ids = new ArrayList<>(needIds.isEmpty() ? List.of("x") : needIds);
        files.stream().limit(20).forEach(f -> ids.add(f.id()));
        for (String id : ids) {
          String arguments = requiredArguments(field).stream().map(a -> a + ": \"" + id + "\"")
              .reduce((a, b) -> a + ", " + b).orElseThrow();
          bodies.add(anonymous.post("{ " + name + "(" + arguments + ") " + selection + " }").body());
        }
      }
    }

    assertThat(answers).containsKeys("needs", "need", "statistics", "childrenHomes", "organisations", "townships");
    assertThat(needIds).as("the demo register publishes needs").hasSizeGreaterThan(10);
    assertThat(answers.get("need")).anySatisfy(body -> assertThat(body).contains("\"title\""));
    Map<String, String> villageNames = new HashMap<>();
    mongo.findAll(Township.class).forEach(t -> t.villages().forEach(v -> villageNames.put(v.id(), v.name())));
    Set<String> anywhere = new HashSet<>();
    Set<String> outsidePlaceRegisters = new HashSet<>();
    for (CaseFile file : files) {
      anywhere.add(file.name());
      anywhere.add(file.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
      if (file.nationalId() != null) {
        anywhere.add(file.nationalId());
      }
      if (file.guardianship() != null) {
        for (Guardian guardian : file.guardianship().guardians()) {
          anywhere.add(guardian.name());
          if (guardian.phone() != null) {
            anywhere.add(guardian.phone());
          }
        }
      }
      file.consents().stream().map(Consent::givenBy).forEach(anywhere::add);
      if (file.schooling() != null && file.schooling().school() != null) {
        outsidePlaceRegisters.add(file.schooling().school());
      }
      outsidePlaceRegisters.add(villageNames.get(file.villageId()));
      if (file.address() != null) {
        outsidePlaceRegisters.add(file.address());
      }
    }
    answers.forEach((query, bodies) -> bodies.forEach(body -> {
      String compact = body.replace(" ", "");
      assertThat(anywhere.stream().filter(compact::contains).toList()).as(query).isEmpty();
      assertThat(EXACT_DATE.matcher(body).find()).as(query + ": no exact date").isFalse();
      if (!PLACE_REGISTERS.contains(query)) {
        assertThat(outsidePlaceRegisters.stream().filter(compact::contains).toList()).as(query).isEmpty();
      }
    }));
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
