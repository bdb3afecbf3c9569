package org.onedoor.portal.onedoor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A form in steps (分步填写): one step shows at a time with "step 2 of 3" and back / next; the last step holds the
 * submit button. Each step is checked before the next one shows (required fields, dates); the backend validates
 * the whole form on submit; when it refuses fields, the form goes back to the
 * first step holding a refused field, so the user sees the message where it applies.
 */
final class Steps extends VerticalLayout {

  /**
   * One step.
   *
   * @param titleKey the translation key of its title
   * @param fields what it shows
   */
  record Step(String titleKey, List<Component> fields) {
  }

  private final List<Step> steps;
  private final List<VerticalLayout> pages = new ArrayList<>();
  private final Span position = new Span();
  private final H3 title = new H3();
  private final Button back;
  private final Button next;
  private final Button submit;
  private int current;

  Steps(String idPrefix, List<Step> steps, Button submit) {
    this.steps = List.copyOf(steps);
    this.submit = submit;
    setPadding(false);
    position.setId(idPrefix + "-step");
    position.getStyle().set("color", "var(--lumo-secondary-text-color)");
    add(position, title);
    for (Step step : steps) {
      VerticalLayout page = new VerticalLayout();
      page.setPadding(false);
      step.fields().forEach(page::add);
      pages.add(page);
      add(page);
    }
    back = new Button(getTranslation("steps.back"), click -> show(current - 1));
    back.setId(idPrefix + "-back");
    next = new Button(getTranslation("steps.next"), click -> {
      if (checkStep()) {
        show(current + 1);
      }
    });
    next.setId(idPrefix + "-next");
    next.addThemeVariants(ButtonVariant.PRIMARY);
    HorizontalLayout buttons = new HorizontalLayout(back, next, submit);
    buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(buttons);
    show(0);
  }

  /**
   * Checks the step shown before moving on: a required field left empty or a date that is no date is marked where
   * it is, rather than at the final submit.
   */
  private boolean checkStep() {
    boolean fine = true;
    for (Component field : steps.get(current).fields()) {
      if (field instanceof HasValidation validation) {
        validation.setInvalid(false);
      }
      fine &= org.onedoor.portal.layout.DateFields.check(field);
    }
    return fine;
  }

  /** Goes to the first step holding a field marked invalid, if any. */
  void showFirstInvalid() {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).fields().stream().anyMatch(Steps::invalid)) {
        show(i);
        return;
      }
    }
  }

  private static boolean invalid(Component component) {
    if (component instanceof HasValidation field && field.isInvalid()) {
      return true;
    }
    return component.getChildren().anyMatch(Steps::invalid);
  }

  private void show(int index) {
    current = Math.clamp(index, 0, steps.size() - 1);
    for (int i = 0; i < pages.size(); i++) {
      pages.get(i).setVisible(i == current);
    }
    position.setText(getTranslation("steps.position", current + 1, steps.size()));
    title.setText(getTranslation(steps.get(current).titleKey()));
    back.setEnabled(current > 0);
    boolean last = current == steps.size() - 1;
    next.setVisible(!last);
    submit.setVisible(last);
  }
}
