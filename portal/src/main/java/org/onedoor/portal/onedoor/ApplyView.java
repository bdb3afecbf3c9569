package org.onedoor.portal.onedoor;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.api.NeedCategories;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.Village;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.PlaceFields;

/**
 * Apply for help for a child (申请救助) through the one door, in three steps: who applies, the child, what help is
 * needed. A guardian, the village's supervisor or the child's school may apply, signed in or not. The application
 * goes to the departments its causes and categories route it to, and attaches to the child's file (or opens a draft
 * one for the township); the applicant follows it by receipt code and never learns whether a file matched.
 */
@Route("apply")
@AnonymousAllowed
@Menu(order = 2.4, title = "nav.apply", icon = "vaadin:file-add")
class ApplyView extends VerticalLayout implements HasDynamicTitle {

  static final List<String> APPLICANT_KINDS = List.of("GUARDIAN", "SUPERVISOR", "SCHOOL");
  static final List<String> CAUSES = List.of("POVERTY", "DISABILITY_ILLNESS", "GUARDIANSHIP");

  private final String idempotencyKey = UUID.randomUUID().toString();

  ApplyView(IntakeClient api, GeographyClient places) {
    add(new H2(getTranslation("apply.title")), new Paragraph(getTranslation("apply.intro")));

    RadioButtonGroup<String> applicantKind = new RadioButtonGroup<>(getTranslation("apply.applicantKind"),
        APPLICANT_KINDS);
    applicantKind.setId("apply-applicant-kind");
    applicantKind.setItemLabelGenerator(k -> getTranslation("applicantKind." + k));
    applicantKind.setRequired(true);
    TextField applicantName = new TextField(getTranslation("apply.applicantName"));
    applicantName.setId("apply-applicant-name");
    applicantName.setRequired(true);
    TextField applicantPhone = new TextField(getTranslation("apply.applicantPhone"));
    applicantPhone.setId("apply-applicant-phone");
    applicantPhone.setHelperText(getTranslation("apply.phoneHelp"));
    applicantPhone.setRequired(true);

    TextField childName = new TextField(getTranslation("apply.childName"));
    childName.setId("apply-child-name");
    childName.setRequired(true);
    RadioButtonGroup<String> childSex = new RadioButtonGroup<>(getTranslation("apply.childSex"),
        NeedCategories.SEXES);
    childSex.setId("apply-child-sex");
    childSex.setItemLabelGenerator(x -> getTranslation("sex." + x));
    childSex.setRequired(true);
    DatePicker birthDate = new DatePicker(getTranslation("apply.childBirthDate"));
    birthDate.setId("apply-child-birth-date");
    org.onedoor.portal.layout.DateFields.birthDate(birthDate);
    birthDate.setMin(CityTime.today().minusYears(18).plusDays(1));
    birthDate.setRequired(true);
    PlaceFields place = new PlaceFields(this, places, "apply", true);
    ComboBox<Township> township = place.township();
    ComboBox<Village> village = place.village();

    CheckboxGroup<String> causes = new CheckboxGroup<>(getTranslation("apply.causes"), CAUSES);
    causes.setId("apply-causes");
    causes.setItemLabelGenerator(c -> getTranslation("cause." + c));
    causes.setRequired(true);
    CheckboxGroup<String> categories = new CheckboxGroup<>(getTranslation("apply.categories"),
        NeedCategories.CATEGORIES);
    categories.setId("apply-categories");
    categories.setItemLabelGenerator(c -> getTranslation("needCategory." + c));
    categories.setRequired(true);
    TextArea description = new TextArea(getTranslation("apply.description"));
    description.setId("apply-description");
    description.setWidthFull();
    description.setMaxLength(2000);
    description.setRequired(true);

    Button submit = new Button(getTranslation("apply.submit"));
    submit.setId("apply-submit");
    submit.addThemeVariants(ButtonVariant.PRIMARY);
    Steps steps = new Steps("apply", List.of(
        new Steps.Step("apply.step.applicant", List.of(applicantKind, applicantName, applicantPhone)),
        new Steps.Step("apply.step.child", List.of(childName, childSex, birthDate, township, village)),
        new Steps.Step("apply.step.help", List.of(causes, categories, description))), submit);
    Map<String, HasValidation> fields = new HashMap<>(Map.of("applicantKind", applicantKind, "applicantName",
        applicantName, "applicantPhone", applicantPhone, "childName", childName, "childSex", childSex,
        "childBirthDate", birthDate, "townshipId", township, "villageId", village, "causes", causes,
        "categories", categories));
    fields.put("description", description);
    Div receipt = new Div();
    receipt.setId("apply-receipt");
    submit.addClickListener(click -> Submissions.submit(this, () -> api.submitApplication(new IntakeApi.Application(
        idempotencyKey, applicantKind.getValue(), applicantName.getValue(), applicantPhone.getValue(),
        childName.getValue(), childSex.getValue(), birthDate.getValue() == null ? null : birthDate.getValue()
            .toString(), place.townshipId(), place.villageId(), List.copyOf(causes.getValue()),
        List.copyOf(categories.getValue()), description.getValue())), fields, receipt, "apply.received",
        "apply-code", submit, steps::showFirstInvalid));
    add(steps, receipt);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("apply.pageTitle");
  }
}
