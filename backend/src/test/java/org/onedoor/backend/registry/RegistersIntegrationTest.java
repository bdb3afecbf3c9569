package org.onedoor.backend.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class RegistersIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void the_public_reads_the_childrens_homes_of_a_township_with_their_township() {
    var answer = GraphQlHttp.at(port).post(
        "query($t: ID) { childrenHomes(townshipId: $t) { name type township { name } capacity services } }",
        Map.of("t", "hutou-town"));

    var homes = answer.data().path("childrenHomes");
    assertThat(homes.size()).as(answer.body()).isEqualTo(2);
    assertThat(homes.toString()).contains("虎头村儿童之家", "虎头镇儿童工作站", "CHILDRENS_HOME");
    homes.forEach(h -> assertThat(h.path("township").path("name").asString()).isEqualTo("虎头镇"));
  }

  @Test
  void organisations_show_their_public_profile_and_nothing_staff_only() {
    var answer = GraphQlHttp.at(port).post(
        "{ organisations { name type registrationNumber verified area { name } fieldsOfService } }");
    var staffField = GraphQlHttp.at(port).post("{ organisations { contactPhone } }");

    assertThat(answer.data().path("organisations").size()).as(answer.body()).isEqualTo(5);
    assertThat(answer.body()).contains("虎林市慈善总会", "阿北乡").doesNotContain("0467-5824001", "刘会长");
    assertThat(staffField.errors().get(0).path("extensions").path("classification").asString())
        .isEqualTo("ValidationError");
  }
}
