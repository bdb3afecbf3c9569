package org.onedoor.portal.workbench;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.portal.api.IntakeApi.Content;

/**
 * What an application, a report or an offer says, field by field in the user's language, as the departments' task
 * dialog and the township desk show it whole: each field the document read and the content holds, and a badge when
 * the child was in danger right then.
 */
final class IntakeTexts {

  private IntakeTexts() {
  }

  /** The content's lines (none for a missing content). */
  static List<Component> lines(Component context, Content c) {
    List<Component> lines = new ArrayList<>();
    if (c == null) {
      return lines;
    }
    String separator = context.getTranslation("punctuation.list");
    java.util.function.BiConsumer<String, String> line = (key, value) -> {
      if (value != null && !value.isBlank()) {
        Paragraph p = new Paragraph(context.getTranslation(key) + context.getTranslation("punctuation.colon")
            + value);
        p.getStyle().set("margin", "0.2em 0").set("white-space", "pre-wrap");
        lines.add(p);
      }
    };
    line.accept("workbench.reporterKind", c.reporterKind() == null ? null
        : context.getTranslation("reporterKind." + c.reporterKind()));
    line.accept("workbench.reporter", c.reporterName());
    line.accept("workbench.phone", c.reporterPhone());
    line.accept("report.place", c.place());
    line.accept("apply.applicantKind", c.applicantKind() == null ? null
        : context.getTranslation("applicantKind." + c.applicantKind()));
    line.accept("apply.applicantName", c.applicantName());
    line.accept("workbench.phone", c.applicantPhone());
    line.accept("apply.childName", c.childName() != null ? c.childName() : c.reportedChildName());
    line.accept("apply.childSex", c.childSex() == null ? null : context.getTranslation("sex." + c.childSex()));
    line.accept("apply.childBirthDate", c.childBirthDate());
    line.accept("apply.causes", c.causes() == null ? null
        : String.join(separator, c.causes().stream().map(x -> context.getTranslation("cause." + x)).toList()));
    line.accept("apply.categories", c.categories() == null ? null : String.join(separator,
        c.categories().stream().map(x -> context.getTranslation("needCategory." + x)).toList()));
    line.accept("apply.description", c.description());
    line.accept("workbench.offerKind", c.offerKind() == null ? null
        : context.getTranslation("offerKind." + c.offerKind()));
    line.accept("workbench.offerer", c.offererName());
    line.accept("workbench.phone", c.phone());
    if (Boolean.TRUE.equals(c.immediateDanger())) {
      Span danger = new Span(context.getTranslation("workbench.danger"));
      danger.getElement().getThemeList().add("badge error primary");
      danger.addClassName("intake-danger");
      lines.add(danger);
    }
    return lines;
  }
}
