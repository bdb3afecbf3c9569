package org.onedoor.backend.needs.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onedoor.backend.casefiles.Condition;
import org.onedoor.backend.casefiles.ConditionCategory;
import org.onedoor.backend.needs.publication.TextGuard.Rule;
import org.onedoor.backend.needs.publication.TextGuard.Token;

/**
 * How much of a child's disability or illness a need that reveals it may name. The specific type is shown only when
 * at least k children of the published class share it, else only its broad category, and that only when at least k
 * children of the class share the category; else nothing beyond the cause. What is not shown may not appear in the
 * public text either: the hidden type (and the hidden category's usual names) become text-guard tokens.
 */
public final class ConditionDisclosure {

  private static final Map<ConditionCategory, List<String>> CATEGORY_NAMES = Map.of(
      ConditionCategory.VISUAL, List.of("视力残疾", "视障", "盲"),
      ConditionCategory.HEARING, List.of("听力残疾", "听障", "聋"),
      ConditionCategory.SPEECH, List.of("言语残疾", "语言障碍"),
      ConditionCategory.PHYSICAL, List.of("肢体残疾", "肢残"),
      ConditionCategory.INTELLECTUAL, List.of("智力残疾", "智障"),
      ConditionCategory.MENTAL, List.of("精神残疾", "精神障碍"),
      ConditionCategory.MULTIPLE, List.of("多重残疾"),
      ConditionCategory.SERIOUS_ILLNESS, List.of("重病", "重大疾病"),
      ConditionCategory.CHRONIC_ILLNESS, List.of("慢性病"));

  private final int k;

  public ConditionDisclosure(AnonymitySettings settings) {
    this.k = settings.k();
  }

  /**
   * The condition to show.
   *
   * @param condition the child's condition, or null
   * @param classWithType how many children of the published class have the specific type
   * @param classWithCategory how many children of the published class have the broad category
   */
  public Optional<PublicCondition> disclosed(Condition condition, long classWithType, long classWithCategory) {
    if (condition == null || condition.category() == null) {
      return Optional.empty();
    }
    if (condition.type() != null && classWithType >= k) {
      return Optional.of(new PublicCondition(condition.category(), condition.type()));
    }
    return classWithCategory >= k ? Optional.of(new PublicCondition(condition.category(), null)) : Optional.empty();
  }

  /** What the public text must not name: the parts of the condition that are not shown. */
  public List<Token> hiddenTokens(Condition condition, Optional<PublicCondition> shown) {
    List<Token> tokens = new ArrayList<>();
    if (condition == null || condition.category() == null) {
      return tokens;
    }
    if (condition.type() != null && condition.type().strip().length() >= 2
        && shown.map(PublicCondition::type).isEmpty()) {
      tokens.add(new Token(Rule.RARE_CONDITION, condition.type().strip()));
    }
    if (shown.isEmpty()) {
      CATEGORY_NAMES.get(condition.category()).stream().filter(name -> name.length() >= 2)
          .forEach(name -> tokens.add(new Token(Rule.RARE_CONDITION, name)));
    }
    return tokens;
  }

  /**
   * A condition as published.
   *
   * @param category the broad category
   * @param type the specific type, or null when it is rare in the class
   */
  public record PublicCondition(ConditionCategory category, String type) {
  }
}
