package org.onedoor.portal.onedoor;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
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
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.Network;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.layout.ApiErrors;

/**
 * Sign up as volunteer, caring family or organisation (志愿者、爱心家庭、社会组织报名), in three steps — account, contact,
 * what one offers: the applicant chooses a username and password, which work only once civil affairs have vetted and approved the sign-up; until then the receipt code
 * shows where it stands.
 */
@Route("sign-up")
@AnonymousAllowed
@Menu(order = 2.7, title = "nav.signUp", icon = "vaadin:handshake")
class SignUpView extends VerticalLayout implements HasDynamicTitle {

  static final List<String> KINDS = List.of("VOLUNTEER", "FAMILY", "ORGANISATION");
  static final List<String> SKILLS = List.of("COUNSELLING", "TUTORING", "LEGAL_AID", "MEDICAL", "COMPANIONSHIP",
      "OTHER");
  static final List<String> OFFERS = List.of("FOSTER", "ENTRUSTED_CARE", "SPONSORSHIP");

  private final String idempotencyKey = UUID.randomUUID().toString();

  SignUpView(IntakeClient api, GeographyClient places) {
    boolean english = Language.of(getLocale()) == Language.EN;
    add(new H2(getTranslation("signUp.title")), new Paragraph(getTranslation("signUp.intro")));
    ComboBox<String> kind = new ComboBox<>(getTranslation("signUp.kind"), KINDS);
    kind.setId("sign-up-kind");
    kind.setRequired(true);
    kind.setItemLabelGenerator(k -> getTranslation("signUpKind." + k));
    TextField username = new TextField(getTranslation("signUp.username"));
    username.setId("sign-up-username");
    username.setRequired(true);
    username.setHelperText(getTranslation("signUp.usernameHelp"));
    PasswordField password = new PasswordField(getTranslation("signUp.password"));
    password.setId("sign-up-password");
    password.setRequired(true);
    TextField displayName = new TextField(getTranslation("signUp.displayName"));
    displayName.setId("sign-up-display-name");
    displayName.setRequired(true);
    TextField phone = new TextField(getTranslation("signUp.phone"));
    phone.setId("sign-up-phone");
    phone.setRequired(true);
    ComboBox<Township> township = new ComboBox<>(getTranslation("needs.township"));
    township.setId("sign-up-township");
    township.setRequired(true);
    township.setItemLabelGenerator(t -> english ? t.nameEn() : t.name());
    try {
      township.setItems(places.townships());
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
    CheckboxGroup<String> skills = new CheckboxGroup<>(getTranslation("signUp.skills"), SKILLS);
    skills.setId("sign-up-skills");
    skills.setItemLabelGenerator(s -> getTranslation("skill." + s));
    TextField availability = new TextField(getTranslation("signUp.availability"));
    availability.setId("sign-up-availability");
    CheckboxGroup<String> offers = new CheckboxGroup<>(getTranslation("signUp.offers"), OFFERS);
    offers.setId("sign-up-offers");
    offers.setItemLabelGenerator(o -> getTranslation("careKind." + o));
    IntegerField household = new IntegerField(getTranslation("signUp.householdMembers"));
    household.setId("sign-up-household");
    IntegerField capacity = new IntegerField(getTranslation("signUp.capacity"));
    capacity.setId("sign-up-capacity");
    TextField organisationName = new TextField(getTranslation("signUp.organisationName"));
    organisationName.setId("sign-up-organisation-name");
    ComboBox<String> organisationType = new ComboBox<>(getTranslation("network.type"),
        Network.ORGANISATION_TYPES);
    organisationType.setId("sign-up-organisation-type");
    organisationType.setItemLabelGenerator(t -> getTranslation("organisationType." + t));
    TextField registrationNumber = new TextField(getTranslation("signUp.registrationNumber"));
    registrationNumber.setId("sign-up-registration-number");
    TextField nationalId = new TextField(getTranslation("signUp.nationalId"));
    nationalId.setId("sign-up-national-id");
    nationalId.setHelperText(getTranslation("signUp.nationalIdHelp"));
    nationalId.setVisible(false);
    TextArea home = new TextArea(getTranslation("signUp.home"));
    home.setId("sign-up-home");
    home.setHelperText(getTranslation("signUp.homeHelp"));
    home.setMaxLength(200);
    home.setWidth("28em");
    IntegerField income = new IntegerField(getTranslation("signUp.monthlyIncome"));
    income.setId("sign-up-income");
    income.setMin(0);
    TextArea experience = new TextArea(getTranslation("signUp.experience"));
    experience.setId("sign-up-experience");
    experience.setMaxLength(500);
    experience.setWidth("28em");
    IntegerField ageMin = new IntegerField(getTranslation("signUp.childAgeMin"));
    ageMin.setId("sign-up-age-min");
    ageMin.setMin(0);
    ageMin.setMax(17);
    IntegerField ageMax = new IntegerField(getTranslation("signUp.childAgeMax"));
    ageMax.setId("sign-up-age-max");
    ageMax.setMin(0);
    ageMax.setMax(17);
    ComboBox<String> preferredSex = new ComboBox<>(getTranslation("signUp.childSex"),
        org.onedoor.portal.api.NeedCategories.SEXES);
    preferredSex.setId("sign-up-child-sex");
    preferredSex.setItemLabelGenerator(x -> getTranslation("sex." + x));
    preferredSex.setHelperText(getTranslation("signUp.childSexHelp"));
    preferredSex.setClearButtonVisible(true);
    VerticalLayout volunteerPart = new VerticalLayout(skills, availability);
    VerticalLayout familyPart = new VerticalLayout(offers, household, capacity, home, income, experience,
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(ageMin, ageMax, preferredSex));
    VerticalLayout organisationPart = new VerticalLayout(organisationName, organisationType, registrationNumber);
    List.of(volunteerPart, familyPart, organisationPart).forEach(part -> {
      part.setPadding(false);
      part.setVisible(false);
    });
    kind.addValueChangeListener(change -> {
      nationalId.setVisible("VOLUNTEER".equals(change.getValue()) || "FAMILY".equals(change.getValue()));
      volunteerPart.setVisible("VOLUNTEER".equals(change.getValue()));
      familyPart.setVisible("FAMILY".equals(change.getValue()));
      organisationPart.setVisible("ORGANISATION".equals(change.getValue()));
    });
    Map<String, HasValidation> fields = new HashMap<>(Map.of("kind", kind, "username", username, "password",
        password, "displayName", displayName, "phone", phone, "townshipId", township, "skills", skills,
        "offers", offers, "householdMembers", household, "capacity", capacity));
    fields.putAll(Map.of("organisationName", organisationName, "organisationType", organisationType,
        "registrationNumber", registrationNumber, "availability", availability, "nationalId", nationalId,
        "home", home, "monthlyIncomeYuan", income, "experience", experience, "childAgeMax", ageMax));
    Div receipt = new Div();
    receipt.setId("sign-up-receipt");
    Button submit = new Button(getTranslation("signUp.submit"));
    submit.setId("sign-up-submit");
    submit.addThemeVariants(ButtonVariant.PRIMARY);
    Steps steps = new Steps("sign-up", List.of(
        new Steps.Step("signUp.step.account", List.of(kind, username, password)),
        new Steps.Step("signUp.step.contact", List.of(displayName, phone, township, nationalId)),
        new Steps.Step("signUp.step.details", List.of(volunteerPart, familyPart, organisationPart))), submit);
    submit.addClickListener(click -> Submissions.submit(this, () -> api.submitSignUp(new IntakeApi.SignUp(
        idempotencyKey, kind.getValue(), username.getValue(), password.getValue(), displayName.getValue(),
        phone.getValue(), township.getValue() == null ? null : township.getValue().id(),
        List.copyOf(skills.getValue()), availability.getValue(), List.copyOf(offers.getValue()), household.getValue(),
        capacity.getValue(), organisationName.getValue(), organisationType.getValue(),
        registrationNumber.getValue(), nationalId.getValue(), "FAMILY".equals(kind.getValue())
            ? new IntakeApi.FamilyDetails(home.getValue(), income.getValue(), experience.getValue(), ageMin.getValue(),
                ageMax.getValue(), preferredSex.getValue()) : null)), fields, receipt, "signUp.received",
        "sign-up-code", submit,
        steps::showFirstInvalid));
    add(steps, receipt);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("signUp.pageTitle");
  }
}
