package org.onedoor.backend.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.onedoor.backend.support.PublicAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

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

  private static final Pattern EXACT_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{4}年\\d{1,2}月\\d{1,2}日");
  private static final Set<String> PLACE_REGISTERS = Set.of("townships", "childrenHomes");

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Test
  void no_public_answer_holds_anything_from_a_file() {
    List<CaseFile> files = mongo.find(new Query(), CaseFile.class);
    assertThat(files).hasSize(600);
    List<String> needIds = new ArrayList<>();
    Map<String, List<String>> answers = PublicAnswers.walk(GraphQlHttp.at(port),
        files.stream().limit(20).map(CaseFile::id).toList(), needIds);

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
}
