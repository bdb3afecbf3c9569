package org.onedoor.portal.layout;

import com.vaadin.flow.component.Component;
import org.onedoor.portal.api.StaffApi.TextFinding;

/** A text-guard finding in words staff understand: the rule, the text as written, its form and the fact it gives. */
public final class Findings {

  private Findings() {
  }

  /** E.g. 儿童姓名：“Wang Xiaoming”（拼音写法，档案中为“王小明”）. */
  public static String describe(Component context, TextFinding finding) {
    String rule = context.getTranslation("rule." + finding.rule());
    String form = context.getTranslation("form." + finding.form());
    return finding.fact() == null
        ? context.getTranslation("finding.shape", rule, finding.text(), form)
        : context.getTranslation("finding.fact", rule, finding.text(), form, finding.fact());
  }
}
