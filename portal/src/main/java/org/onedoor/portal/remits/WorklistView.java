package org.onedoor.portal.remits;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Cards;
import org.onedoor.portal.layout.DateFields;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.schema.RoleNames;

/**
 * A department's worklist from the children's files (职责清单): for each of its remits, the children who need its
 * action — name, age, place and the one fact that puts them on the list — with what the department last did. The
 * department records what it did and when; when that settles the matter the file is changed to show it (back in
 * school, registered, the benefit granted) and the child leaves the list.
 */
@Route("worklist")
@RolesAllowed({RoleNames.DEPARTMENT_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.8, title = "nav.worklist", icon = "vaadin:clipboard-check")
class WorklistView extends VerticalLayout implements HasDynamicTitle {

  private static final List<String> BACK_IN_SCHOOL = List.of("ENROLLED", "SPECIAL_SCHOOL", "HOME_TEACHING");

  private final RemitsClient api;
  private final Select<RemitsClient.RemitCount> remit = new Select<>();
  private final Cards cards = new Cards("worklist");
  private final KeysetPager<RemitsClient.RemitItem> pager;

  WorklistView(RemitsClient api) {
    this.api = api;
    add(new H2(getTranslation("worklist.title")), new Paragraph(getTranslation("worklist.intro")));
    remit.setId("worklist-remit");
    remit.setLabel(getTranslation("worklist.remit"));
    remit.setItemLabelGenerator(r -> getTranslation("worklist.remitCount", getTranslation("remit." + r.remit()),
        r.children()));
    pager = new KeysetPager<>(this, this::show, "worklist-more", 20, (first, after) -> remit.getValue() == null
        ? new org.onedoor.portal.api.Page<>(List.of(), false, null)
        : api.worklist(remit.getValue().remit(), first, after));
    remit.addValueChangeListener(change -> {
      if (change.isFromClient()) {
        pager.reload();
      }
    });
    add(remit, cards, pager.moreButton());
    counts(null);
  }

  /** Reads the remits with their counts again, keeping the one chosen, and the list. */
  private void counts(String keep) {
    List<RemitsClient.RemitCount> remits;
    try {
      remits = api.myRemits();
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    remit.setItems(remits);
    remits.stream().filter(r -> r.remit().equals(keep)).findFirst()
        .or(() -> remits.stream().findFirst()).ifPresent(remit::setValue);
    pager.reload();
  }

  private void show(List<RemitsClient.RemitItem> items) {
    cards.removeAll();
    boolean english = Language.of(getLocale()) == Language.EN;
    for (RemitsClient.RemitItem item : items) {
      Cards.Card card = new Cards.Card(item.childName(), null)
          .badge(getTranslation("worklist.age", item.age()), "badge")
          .line(getTranslation("worklist.place"), (english ? item.township().nameEn() : item.township().name())
              + " · " + (english ? item.village().nameEn() : item.village().name()))
          .line(getTranslation("worklist.fact"), fact(item))
          .line(getTranslation("worklist.lastAction"), item.lastAction() == null ? null
              : item.lastAction().doneOn() + " · " + item.lastAction().recordedByName()
                  + getTranslation("punctuation.colon") + item.lastAction().note());
      Button record = new Button(getTranslation("worklist.record"), click -> record(item));
      record.addClassName("worklist-record");
      record.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
      card.footer(record);
      card.addClassName("worklist-card");
      card.getElement().setAttribute("data-file", item.caseFileId());
      cards.add(card);
    }
    cards.emptyText(getTranslation("worklist.none"));
  }

  private String fact(RemitsClient.RemitItem item) {
    if (item.fact() == null) {
      return "HOUSEHOLD_REGISTRATION".equals(item.remit()) ? getTranslation("worklist.noRegistration") : null;
    }
    for (String prefix : List.of("schooling.", "condition.", "parents.")) {
      String label = getTranslation(prefix + item.fact());
      if (!label.startsWith("!")) {
        return label;
      }
    }
    return null;
  }

  /** What the department did for a child, and when; with "settled", how the file shows it. */
  private void record(RemitsClient.RemitItem item) {
    Dialog dialog = new Dialog();
    dialog.setId("worklist-dialog");
    dialog.setHeaderTitle(getTranslation("worklist.recordTitle", item.childName()));
    dialog.setWidth("min(36rem, 96vw)");
    DatePicker doneOn = DateFields.localised(new DatePicker(getTranslation("worklist.doneOn"), CityTime.today()));
    doneOn.setId("worklist-done-on");
    doneOn.setMax(CityTime.today());
    doneOn.setMin(CityTime.today().minusYears(1));
    TextArea note = new TextArea(getTranslation("worklist.note"));
    note.setId("worklist-note");
    note.setMaxLength(500);
    Checkbox resolved = new Checkbox(getTranslation("worklist.resolved." + item.remit()));
    resolved.setId("worklist-resolved");
    Select<String> status = new Select<>();
    status.setId("worklist-schooling-status");
    status.setLabel(getTranslation("fileEdit.schoolingStatus"));
    status.setItems(BACK_IN_SCHOOL);
    status.setItemLabelGenerator(s -> s == null ? "" : getTranslation("schooling." + s));
    TextField school = new TextField(getTranslation("fileEdit.school"));
    school.setId("worklist-school");
    TextField grade = new TextField(getTranslation("fileEdit.schoolGrade"));
    grade.setId("worklist-grade");
    TextField registration = new TextField(getTranslation("file.householdRegistration"));
    registration.setId("worklist-registration");
    boolean schooling = List.of("DROPPED_OUT", "SPECIAL_EDUCATION").contains(item.remit());
    boolean household = "HOUSEHOLD_REGISTRATION".equals(item.remit());
    Runnable shown = () -> {
      List.<com.vaadin.flow.component.Component>of(status, school, grade).forEach(f -> f.setVisible(schooling && resolved.getValue()));
      registration.setVisible(household && resolved.getValue());
    };
    resolved.addValueChangeListener(change -> shown.run());
    shown.run();
    FormLayout form = new FormLayout(doneOn, note, resolved, status, school, grade, registration);
    form.setColspan(note, 2);
    form.setColspan(resolved, 2);
    dialog.add(form);
    Map<String, HasValidation> fields = ApiErrors.fields("doneOn", doneOn, "note", note,
        "resolution.schoolingStatus", status, "resolution.householdRegistration", registration);
    Button save = new Button(getTranslation("worklist.save"), click -> {
      fields.values().forEach(f -> f.setInvalid(false));
      if (!DateFields.check(doneOn)) {
        return;
      }
      Map<String, Object> input = new HashMap<>();
      input.put("caseFileId", item.caseFileId());
      input.put("remit", item.remit());
      input.put("doneOn", doneOn.getValue() == null ? "" : doneOn.getValue().toString());
      input.put("note", note.getValue());
      input.put("resolved", resolved.getValue());
      if (resolved.getValue()) {
        Map<String, Object> resolution = new HashMap<>();
        resolution.put("schoolingStatus", status.getValue());
        resolution.put("school", school.getValue());
        resolution.put("grade", grade.getValue());
        resolution.put("householdRegistration", registration.getValue());
        input.put("resolution", resolution);
      }
      List<UserError> refusals;
      try {
        refusals = api.record(input);
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
        return;
      }
      if (refusals.isEmpty()) {
        Notification.show(getTranslation(resolved.getValue() ? "worklist.settled" : "worklist.recorded",
            item.childName()), 5000, Notification.Position.BOTTOM_CENTER).setId("worklist-saved");
        dialog.close();
        counts(item.remit());
      } else {
        ApiErrors.mark(refusals, fields);
      }
    });
    save.setId("worklist-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), save);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("worklist.pageTitle");
  }
}
