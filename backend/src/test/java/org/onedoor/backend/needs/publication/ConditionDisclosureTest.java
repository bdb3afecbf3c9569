package org.onedoor.backend.needs.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.backend.casefiles.Condition;
import org.onedoor.backend.casefiles.ConditionCategory;
import org.onedoor.backend.needs.publication.ConditionDisclosure.PublicCondition;
import org.onedoor.backend.needs.publication.TextGuard.Rule;
import org.onedoor.backend.needs.publication.TextGuard.Token;

class ConditionDisclosureTest {

  private final ConditionDisclosure disclosure = new ConditionDisclosure(new AnonymitySettings(5));
  private final Condition rare = new Condition(ConditionCategory.PHYSICAL, "成骨不全症", 2);
  private final Condition common = new Condition(ConditionCategory.PHYSICAL, "脑瘫", 1);

  @Test
  void a_rare_condition_is_published_only_as_its_broad_category() {
    assertThat(disclosure.disclosed(rare, 1, 12)).contains(new PublicCondition(ConditionCategory.PHYSICAL, null));
    assertThat(disclosure.disclosed(common, 5, 12)).contains(new PublicCondition(ConditionCategory.PHYSICAL, "脑瘫"));
  }

  @Test
  void a_category_too_rare_in_the_class_is_not_published_at_all() {
    assertThat(disclosure.disclosed(rare, 1, 4)).isEmpty();
    assertThat(disclosure.disclosed(null, 0, 0)).isEmpty();
  }

  @Test
  void what_is_not_shown_becomes_a_text_guard_token() {
    assertThat(disclosure.hiddenTokens(rare, disclosure.disclosed(rare, 1, 12)))
        .containsExactly(new Token(Rule.RARE_CONDITION, "成骨不全症"));
    assertThat(disclosure.hiddenTokens(common, disclosure.disclosed(common, 5, 12))).isEmpty();
    assertThat(disclosure.hiddenTokens(rare, Optional.empty()))
        .contains(new Token(Rule.RARE_CONDITION, "成骨不全症"), new Token(Rule.RARE_CONDITION, "肢体残疾"));
  }
}
