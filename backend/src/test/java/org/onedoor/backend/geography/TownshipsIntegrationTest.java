package org.onedoor.backend.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.onedoor.backend.support.GraphQlHttp;
import org.onedoor.backend.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TownshipsIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void the_public_sees_the_eleven_townships_of_hulin_in_official_order_with_villages_and_coordinates() {
    var response = GraphQlHttp.at(port).post(GraphQlHttp.document("townships"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.errors().isMissingNode()).as(response.body()).isTrue();
    List<String> names = new ArrayList<>();
    for (JsonNode township : response.data().path("townships")) {
      names.add(township.path("name").asString());
      assertThat(township.path("villages").size()).as(township.path("name").asString()).isGreaterThanOrEqualTo(3);
      assertThat(township.path("coordinates").path("latitude").asDouble()).isBetween(45.0, 47.0);
      assertThat(township.path("coordinates").path("longitude").asDouble()).isBetween(132.0, 134.5);
      assertThat(township.path("nameEn").asString()).isNotBlank();
    }
    assertThat(names).containsExactly("虎林镇", "东方红镇", "迎春镇", "虎头镇", "杨岗镇", "东诚镇", "宝东镇",
        "新乐乡", "伟光乡", "珍宝岛乡", "阿北乡");
  }
}
