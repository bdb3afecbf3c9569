package org.onedoor.backend.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The gazetteer file that a first start loads: Hulin City's as shipped, and what a replacement must satisfy. */
class GazetteerLoaderTest {

  @Test
  void the_shipped_gazetteer_holds_hulin_citys_eleven_townships_in_official_order_with_their_villages()
      throws Exception {
    List<Township> townships = GazetteerLoader.read("hulin-city.json",
        new ClassPathResource("gazetteer/hulin-city.json").getInputStream());

    assertThat(townships).extracting(Township::name).containsExactly("虎林镇", "东方红镇", "迎春镇", "虎头镇", "杨岗镇",
        "东诚镇", "宝东镇", "新乐乡", "伟光乡", "珍宝岛乡", "阿北乡");
    assertThat(townships).extracting(Township::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(townships).allSatisfy(t -> assertThat(t.villages()).hasSize(3));
    assertThat(townships.get(0).villages()).extracting(Village::id)
        .containsExactly("hulin-town-xingfu", "hulin-town-xinhua", "hulin-town-shengli");
    assertThat(townships.get(3).coordinates()).isEqualTo(new Coordinates(45.977, 133.666));
  }

  @Test
  void a_replacement_that_is_not_a_valid_gazetteer_is_refused_naming_the_entry_at_fault() {
    assertThatThrownBy(() -> read("{\"format\":\"onedoor-gazetteer/1\",\"townships\":[" + town("a-town",
        "{\"id\":\"a-town\",\"name\":\"甲村\",\"nameEn\":\"Jia\",\"latitude\":1,\"longitude\":1}") + "]}"))
        .hasMessageContaining("x.json").hasMessageContaining("village a-town").hasMessageContaining("used twice");
    assertThatThrownBy(() -> read("{\"format\":\"onedoor-gazetteer/1\",\"townships\":[" + town("b-town",
        "{\"id\":\"b-town-1\",\"name\":\"乙村\",\"nameEn\":\"Yi\",\"latitude\":1}") + "]}"))
        .hasMessageContaining("village b-town-1").hasMessageContaining("longitude");
    assertThatThrownBy(() -> read("{\"format\":\"onedoor-gazetteer/1\",\"townships\":[" + town("Bad Id",
        "{\"id\":\"v-1\",\"name\":\"丙村\",\"nameEn\":\"Bing\",\"latitude\":1,\"longitude\":1}") + "]}"))
        .hasMessageContaining("township 1 (Bad Id)").hasMessageContaining("lower-case");
    assertThatThrownBy(() -> read("{\"format\":\"something-else\",\"townships\":[]}"))
        .hasMessageContaining("something-else");
    assertThatThrownBy(() -> read("{\"format\":\"onedoor-gazetteer/1\",\"townships\":[]}"))
        .hasMessageContaining("no township");
    assertThatThrownBy(() -> read("not json")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> read("{\"format\":\"onedoor-gazetteer/1\",\"townsips\":[]}"))
        .hasMessageContaining("not valid JSON");
  }

  private static String town(String id, String village) {
    return "{\"id\":\"" + id + "\",\"name\":\"某镇\",\"nameEn\":\"Mou\",\"latitude\":45,\"longitude\":133,"
        + "\"villages\":[" + village + "]}";
  }

  private static List<Township> read(String json) {
    return GazetteerLoader.read("x.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
