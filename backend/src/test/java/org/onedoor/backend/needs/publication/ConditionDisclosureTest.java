package org.onedoor.backend.needs.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionDisclosureTest {

  private final ConditionDisclosure disclosure = new ConditionDisclosure(new AnonymitySettings(5));

  @Test
  void a_rare_condition_is_published_only_as_its_broad_category() {
    assertThat(disclosure.disclosed("成骨不全症", "肢体残疾", 1)).isEqualTo("肢体残疾");
    assertThat(disclosure.disclosed("脑瘫", "肢体残疾", 5)).isEqualTo("脑瘫");
  }
}
