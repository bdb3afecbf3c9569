package org.onedoor.backend.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.onedoor.backend.support.TestTokens;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.annotation.Autowired;
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

  @Autowired
  TestTokens tokens;

  @Test
  void organisations_show_their_public_profile_and_nothing_staff_only() {
    String everything = "{ organisations { name type registrationNumber verified area { name } fieldsOfService"
        + " contact { person phone } } }";
    var anonymous = GraphQlHttp.at(port).post(everything);
    var civilAffairs = GraphQlHttp.at(port)
        .withToken(tokens.token("civil-reader", "民政局", List.of(RoleNames.CIVIL_AFFAIRS), Map.of())).post(everything);

    var organisations = anonymous.data().path("organisations");
    assertThat(organisations.size()).as(anonymous.body()).isEqualTo(5);
    assertThat(anonymous.body()).contains("虎林市慈善总会", "阿北乡").doesNotContain("0467-5824001", "刘会长");
    organisations.forEach(o -> assertThat(o.path("contact").isNull()).as(anonymous.body()).isTrue());
    assertThat(anonymous.errors().size()).as("one refusal per organisation's contact").isEqualTo(5);
    anonymous.errors().forEach(e -> assertThat(e.path("extensions").path("classification").asString())
        .isIn("UNAUTHORIZED", "FORBIDDEN"));
    // The same selection by staff shows the contact: the public answer above really selected it.
    assertThat(civilAffairs.errors().isMissingNode() || civilAffairs.errors().isEmpty()).as(civilAffairs.body())
        .isTrue();
    assertThat(civilAffairs.body()).contains("0467-5824001", "刘会长");
  }
}
