package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.FileCodes;
import org.onedoor.portal.api.StaffApi;
import org.onedoor.portal.layout.ApiErrors;

/**
 * The editors of a file's sections — basic facts, guardianship, condition, schooling, assistance, supervisor — each
 * filled with what the file holds and saved against the version read ({@link FileSectionDialog}).
 */
final class FileSections {

  private final Component context;
  private final CaseFilesClient api;
  private final StaffApi.CaseFileDetail file;
  private final Runnable saved;

  FileSections(Component context, CaseFilesClient api, StaffApi.CaseFileDetail file, Runnable saved) {
    this.context = context;
    this.api = api;
    this.file = file;
    this.saved = saved;
  }

  private String t(String key, Object... parameters) {
    return context.getTranslation(key, parameters);
  }

  /** Household registration, address, causes and risk tier. */
  FileSectionDialog basics() {
    TextField registration = new TextField(t("file.householdRegistration"));
    registration.setId("edit-household-registration");
    registration.setValue(orEmpty(file.householdRegistration()));
    TextField address = new TextField(t("file.address"));
    address.setId("edit-address");
    address.setValue(orEmpty(file.address()));
    CheckboxGroup<String> causes = new CheckboxGroup<>(t("file.causes"), FileCodes.CAUSES);
    causes.setId("edit-causes");
    causes.setItemLabelGenerator(c -> t("cause." + c));
    causes.setValue(new java.util.HashSet<>(file.causes()));
    Select<Integer> tier = new Select<>();
    tier.setLabel(t("file.riskTier"));
    tier.setId("edit-risk-tier");
    tier.setItems(1, 2, 3, 4);
    tier.setItemLabelGenerator(x -> t("newFile.tier." + x));
    tier.setValue(file.riskTier());
    FormLayout form = new FormLayout(registration, address, causes, tier);
    return dialog("basics", form, ApiErrors.fields("householdRegistration", registration, "address", address,
        "causes", causes, "riskTier", tier), () -> {
          Map<String, Object> changes = new HashMap<>();
          changes.put("householdRegistration", registration.getValue());
          changes.put("address", address.getValue());
          changes.put("causes", FileCodes.CAUSES.stream().filter(causes.getValue()::contains).toList());
          changes.put("riskTier", tier.getValue());
          return changes;
        });
  }

  /** The parents' situation, the guardians (up to six) and their assessed capability. */
  FileSectionDialog guardianship() {
    StaffApi.Guardianship now = file.guardianship();
    Select<String> parents = new Select<>();
    parents.setLabel(t("file.parents"));
    parents.setId("edit-parents");
    parents.setItems(FileCodes.PARENTS);
    parents.setItemLabelGenerator(p -> t("parents." + p));
    parents.setValue(now == null ? "AT_HOME" : now.parents());
    Select<String> capability = new Select<>();
    capability.setLabel(t("file.capability"));
    capability.setId("edit-capability");
    capability.setItems(FileCodes.CAPABILITIES);
    capability.setItemLabelGenerator(c -> c == null ? t("fileEdit.notAssessed") : t("capability." + c));
    capability.setEmptySelectionAllowed(true);
    capability.setEmptySelectionCaption(t("fileEdit.notAssessed"));
    capability.setValue(now == null ? null : now.capability());
    Map<String, HasValidation> fields = new LinkedHashMap<>();
    fields.put("guardianship.parents", parents);
    fields.put("guardianship.capability", capability);
    VerticalLayout rows = new VerticalLayout();
    rows.setPadding(false);
    rows.setSpacing(false);
    rows.setId("edit-guardians");
    List<GuardianRow> guardians = new ArrayList<>();
    Button add = new Button(t("fileEdit.addGuardian"));
    add.setId("edit-add-guardian");
    add.addThemeVariants(ButtonVariant.TERTIARY);
    Runnable[] addRow = new Runnable[1];
    addRow[0] = () -> {
      GuardianRow row = new GuardianRow(guardians.size());
      guardians.add(row);
      rows.add(row.layout);
      add.setEnabled(guardians.size() < FileCodes.MAX_GUARDIANS);
    };
    add.addClickListener(click -> addRow[0].run());
    if (now != null) {
      now.guardians().forEach(g -> {
        addRow[0].run();
        guardians.getLast().fill(g);
      });
    }
    if (guardians.isEmpty()) {
      addRow[0].run();
    }
    FormLayout form = new FormLayout(parents, capability);
    com.vaadin.flow.component.html.Paragraph help = new com.vaadin.flow.component.html.Paragraph(
        t("fileEdit.guardiansHelp"));
    VerticalLayout layout = new VerticalLayout(form, help, rows, add);
    layout.setPadding(false);
    return dialog("guardianship", layout, new GuardianFields(fields, guardians), () -> {
      Map<String, Object> section = new HashMap<>();
      section.put("parents", parents.getValue());
      section.put("capability", capability.getValue());
      section.put("guardians", guardians.stream().filter(g -> !g.blank()).map(GuardianRow::input).toList());
      return Map.of("guardianship", section);
    });
  }

  /** A guardian's line: name, relationship, phone; a blank line is left out. */
  private final class GuardianRow {
    private final TextField name = new TextField(t("fileEdit.guardianName"));
    private final TextField relationship = new TextField(t("consent.relationship"));
    private final TextField phone = new TextField(t("fileEdit.guardianPhone"));
    private final Div layout;

    GuardianRow(int index) {
      name.setId("edit-guardian-name-" + index);
      relationship.setId("edit-guardian-relationship-" + index);
      phone.setId("edit-guardian-phone-" + index);
      FormLayout line = new FormLayout(name, relationship, phone);
      line.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
      layout = new Div(line);
      layout.setWidthFull();
    }

    void fill(StaffApi.Guardian guardian) {
      name.setValue(orEmpty(guardian.name()));
      relationship.setValue(orEmpty(guardian.relationship()));
      phone.setValue(orEmpty(guardian.phone()));
    }

    boolean blank() {
      return name.isEmpty() && relationship.isEmpty() && phone.isEmpty();
    }

    Map<String, Object> input() {
      Map<String, Object> guardian = new HashMap<>();
      guardian.put("name", name.getValue());
      guardian.put("relationship", relationship.getValue());
      guardian.put("phone", phone.isEmpty() ? null : phone.getValue());
      return guardian;
    }
  }

  /**
   * The guardianship form's fields by the API's names, the guardians' lines included ({@code
   * guardianship.guardians[i].name}); the lines are counted among the non-blank ones, as the API numbers them.
   */
  private static final class GuardianFields extends java.util.AbstractMap<String, HasValidation> {
    private final Map<String, HasValidation> fixed;
    private final List<GuardianRow> rows;

    GuardianFields(Map<String, HasValidation> fixed, List<GuardianRow> rows) {
      this.fixed = fixed;
      this.rows = rows;
    }

    @Override
    public java.util.Set<Entry<String, HasValidation>> entrySet() {
      Map<String, HasValidation> all = new LinkedHashMap<>(fixed);
      List<GuardianRow> filled = rows.stream().filter(r -> !r.blank()).toList();
      for (int i = 0; i < filled.size(); i++) {
        all.put("guardianship.guardians[" + i + "].name", filled.get(i).name);
        all.put("guardianship.guardians[" + i + "].relationship", filled.get(i).relationship);
        all.put("guardianship.guardians[" + i + "].phone", filled.get(i).phone);
      }
      all.put("guardianship.guardians", rows.getFirst().name);
      return all.entrySet();
    }
  }

  /** The child's disability or illness, or none. */
  FileSectionDialog condition() {
    StaffApi.Condition now = file.condition();
    RadioButtonGroup<Boolean> has = new RadioButtonGroup<>(t("file.condition"), List.of(false, true));
    has.setId("edit-has-condition");
    has.setItemLabelGenerator(x -> t(x ? "fileEdit.conditionYes" : "fileEdit.conditionNo"));
    has.setValue(now != null);
    Select<String> category = new Select<>();
    category.setLabel(t("fileEdit.conditionCategory"));
    category.setId("edit-condition-category");
    category.setItems(FileCodes.CONDITIONS);
    category.setItemLabelGenerator(c -> t("condition." + c));
    category.setValue(now == null ? "PHYSICAL" : now.category());
    TextField type = new TextField(t("fileEdit.conditionType"));
    type.setId("edit-condition-type");
    type.setValue(now == null ? "" : orEmpty(now.type()));
    Select<Integer> grade = new Select<>();
    grade.setLabel(t("fileEdit.conditionGrade"));
    grade.setId("edit-condition-grade");
    grade.setItems(1, 2, 3, 4);
    grade.setItemLabelGenerator(g -> g == null ? t("fileEdit.noGrade") : t("file.grade", g));
    grade.setEmptySelectionAllowed(true);
    grade.setEmptySelectionCaption(t("fileEdit.noGrade"));
    grade.setValue(now == null ? null : now.grade());
    Runnable shown = () -> List.<com.vaadin.flow.component.HasEnabled>of(category, type, grade)
        .forEach(f -> f.setEnabled(has.getValue()));
    has.addValueChangeListener(change -> shown.run());
    shown.run();
    FormLayout form = new FormLayout(has, category, type, grade);
    form.setColspan(has, 2);
    return dialog("condition", form, ApiErrors.fields(field("condition", "category"), category,
        field("condition", "type"), type, field("condition", "grade"), grade), () -> {
          if (!has.getValue()) {
            return Map.of("clear", List.of("CONDITION"));
          }
          Map<String, Object> section = new HashMap<>();
          section.put("category", category.getValue());
          section.put("type", type.isEmpty() ? null : type.getValue());
          section.put("grade", grade.getValue());
          return Map.of("condition", section);
        });
  }

  /** Where the child stands with school. */
  FileSectionDialog schooling() {
    StaffApi.Schooling now = file.schooling();
    Select<String> status = new Select<>();
    status.setLabel(t("fileEdit.schoolingStatus"));
    status.setId("edit-schooling-status");
    status.setItems(FileCodes.SCHOOLING);
    status.setItemLabelGenerator(s -> t("schooling." + s));
    status.setValue(now == null ? "ENROLLED" : now.status());
    TextField school = new TextField(t("fileEdit.school"));
    school.setId("edit-school");
    school.setValue(now == null ? "" : orEmpty(now.school()));
    TextField grade = new TextField(t("fileEdit.schoolGrade"));
    grade.setId("edit-school-grade");
    grade.setValue(now == null ? "" : orEmpty(now.grade()));
    FormLayout form = new FormLayout(status, school, grade);
    return dialog("schooling", form, ApiErrors.fields(field("schooling", "status"), status,
        field("schooling", "school"), school, field("schooling", "grade"), grade), () -> {
          Map<String, Object> section = new HashMap<>();
          section.put("status", status.getValue());
          section.put("school", school.isEmpty() ? null : school.getValue());
          section.put("grade", grade.isEmpty() ? null : grade.getValue());
          return Map.of("schooling", section);
        });
  }

  /** The assistance received. */
  FileSectionDialog benefits() {
    CheckboxGroup<String> benefits = new CheckboxGroup<>(t("file.benefits"), FileCodes.BENEFITS);
    benefits.setId("edit-benefits");
    benefits.setItemLabelGenerator(b -> t("benefit." + b));
    benefits.setValue(new java.util.HashSet<>(file.benefits()));
    return dialog("benefits", benefits, ApiErrors.fields("benefits", benefits),
        () -> Map.of("benefits", FileCodes.BENEFITS.stream().filter(benefits.getValue()::contains).toList()));
  }

  /** The supervisor in charge: one of the village's supervisors, or none. */
  FileSectionDialog supervisor() {
    ComboBox<StaffApi.Choice> supervisor = new ComboBox<>(t("file.supervisor"));
    supervisor.setId("edit-supervisor");
    supervisor.setItems(file.supervisorChoices());
    supervisor.setItemLabelGenerator(StaffApi.Choice::name);
    supervisor.setClearButtonVisible(true);
    supervisor.setHelperText(t("fileEdit.supervisorHelp"));
    if (file.supervisor() != null) {
      file.supervisorChoices().stream().filter(c -> c.id().equals(file.supervisor().id())).findFirst()
          .ifPresent(supervisor::setValue);
    }
    supervisor.setWidthFull();
    return dialog("supervisor", supervisor, ApiErrors.fields("supervisorId", supervisor),
        () -> supervisor.isEmpty() ? Map.of("clear", List.of("SUPERVISOR"))
            : Map.of("supervisorId", supervisor.getValue().id()));
  }

  private FileSectionDialog dialog(String section, Component form, Map<String, ? extends HasValidation> fields,
      java.util.function.Supplier<Map<String, Object>> changes) {
    return new FileSectionDialog(api, file, section, form, fields, changes, saved);
  }

  /** An input field's name inside a section, as the API's refusals give it (e.g. condition.grade). */
  private static String field(String section, String name) {
    return section + "." + name;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
