package org.onedoor.backend.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"onedoor.demo.children=2000", "onedoor.demo.seed=7"})
class DemoRegisterTest {

  @LocalServerPort
  int port;

  @Autowired
  MongoTemplate mongo;

  @Test
  void the_demo_register_is_generated_and_its_needs_go_through_the_publication_rules_without_leaking() {
    List<CaseFile> files = mongo.findAll(CaseFile.class);
    var board = GraphQlHttp.at(port).post(GraphQlHttp.document("publicNeeds"), Map.of("first", 100));

    assertThat(files).hasSize(2000);
    assertThat(files.stream().map(CaseFile::townshipId).distinct().count()).isGreaterThan(8);
    assertThat(mongo.count(new Query(), "needs")).isGreaterThan(50);
    int published = board.data().path("needs").path("edges").size();
    assertThat(published).as(board.body()).isGreaterThan(10);
    String answer = board.body();
    files.forEach(file -> assertThat(answer).doesNotContain(file.name(), file.address(), file.id()));
  }
}
