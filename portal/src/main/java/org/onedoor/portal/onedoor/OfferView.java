package org.onedoor.portal.onedoor;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.MatchingApi;
import org.onedoor.portal.api.NeedCategories;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.PlaceFields;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;

/**
 * Offer help (我要帮扶) through the one door, in three steps: what is offered, what it holds, where and until when.
 * Anyone may give money, goods or a monthly sponsorship (without an account: with a name and phone); a vetted
 * volunteer or an organisation a service; an organisation a project; an approved caring family foster or entrusted
 * care. The form offers only what the user's role may offer (the backend holds the same rule). The offer goes to
 * civil affairs, enters the matching and shows in "my help"; it is followed by receipt code like every submission.
 */
@Route("offer")
@AnonymousAllowed
@Menu(order = 2.45, title = "nav.offer", icon = "vaadin:handshake")
class OfferView extends VerticalLayout implements HasDynamicTitle {

  static final List<String> SKILLS = SignUpView.SKILLS;

  private final String idempotencyKey = UUID.randomUUID().toString();

  OfferView(IntakeClient api, GeographyClient places) {
    Set<String> roles = roles();
    boolean anonymous = roles == null;
    // A visitor is told what they can give here, and where the rest (a service, a project, care) starts.
    Paragraph intro = new Paragraph(getTranslation(anonymous ? "offer.introVisitor" : "offer.intro"));
    intro.setId("offer-intro");
    add(new H2(getTranslation("offer.title")), intro);
    if (anonymous) {
      com.vaadin.flow.component.html.Anchor signUp = org.onedoor.portal.layout.Links.route("sign-up",
          getTranslation("offer.signUpFirst"));
      signUp.setId("offer-sign-up");
      add(signUp);
    }

    RadioButtonGroup<String> kind = new RadioButtonGroup<>(getTranslation("offer.kind"), kinds(roles));
    kind.setId("offer-kind");
    kind.setItemLabelGenerator(k -> getTranslation("offerKind." + k));
    kind.setRequired(true);
    TextField name = new TextField(getTranslation("offer.name"));
    name.setId("offer-name");
    name.setMaxLength(50);
    name.setRequired(anonymous);
    name.setVisible(anonymous);
    TextField phone = new TextField(getTranslation("offer.phone"));
    phone.setId("offer-phone");
    phone.setHelperText(getTranslation(anonymous ? "apply.phoneHelp" : "offer.phoneOptional"));
    phone.setRequired(anonymous);

    CheckboxGroup<String> categories = new CheckboxGroup<>(getTranslation("offer.categories"),
        NeedCategories.CATEGORIES);
    categories.setId("offer-categories");
    categories.setItemLabelGenerator(c -> getTranslation("needCategory." + c));
    IntegerField amount = new IntegerField();
    amount.setId("offer-amount");
    amount.setMin(1);
    TextField goods = new TextField(getTranslation("pledge.goods"));
    goods.setId("offer-goods");
    goods.setHelperText(getTranslation("pledge.goodsHelp"));
    ComboBox<String> skill = new ComboBox<>(getTranslation("offer.skill"), SKILLS);
    skill.setId("offer-skill");
    skill.setItemLabelGenerator(s -> getTranslation("skill." + s));
    IntegerField hours = number("offer.hoursPerWeek", "offer-hours", 1, 40);
    TextField availability = new TextField(getTranslation("signUp.availability"));
    availability.setId("offer-availability");
    availability.setMaxLength(200);
    RadioButtonGroup<String> careKind = new RadioButtonGroup<>(getTranslation("offer.careKind"),
        List.of("FOSTER", "ENTRUSTED_CARE"));
    careKind.setId("offer-care-kind");
    careKind.setItemLabelGenerator(c -> getTranslation("careKind." + c));
    IntegerField ageMin = number("offer.childAgeMin", "offer-age-min", 0, 17);
    IntegerField ageMax = number("offer.childAgeMax", "offer-age-max", 0, 17);
    RadioButtonGroup<String> childSex = new RadioButtonGroup<>(getTranslation("offer.childSex"),
        List.of("", "FEMALE", "MALE"));
    childSex.setId("offer-child-sex");
    childSex.setItemLabelGenerator(x -> x.isEmpty() ? getTranslation("offer.eitherSex") : getTranslation("sex." + x));
    childSex.setValue("");
    TextArea description = new TextArea(getTranslation("offer.description"));
    description.setId("offer-description");
    description.setWidthFull();
    description.setMaxLength(1000);

    PlaceFields place = new PlaceFields(this, places, "offer", false);
    ComboBox<Township> township = place.township();
    township.setClearButtonVisible(true);
    place.village().setVisible(false);
    IntegerField capacity = new IntegerField(getTranslation("offer.capacity"));
    capacity.setId("offer-capacity");
    capacity.setHelperText(getTranslation("offer.capacityHelp"));
    capacity.setMin(1);
    capacity.setValue(1);
    capacity.setRequired(true);
    DatePicker validUntil = org.onedoor.portal.layout.DateFields.localised(new DatePicker(getTranslation("myHelp.validUntil")));
    validUntil.setId("offer-valid-until");
    LocalDate today = CityTime.today();
    validUntil.setMin(today);
    validUntil.setMax(today.plusYears(3));
    validUntil.setValue(today.plusYears(1));
    validUntil.setRequired(true);

    Runnable fit = () -> {
      String k = kind.getValue() == null ? "" : kind.getValue();
      boolean money = k.equals("MONEY") || k.equals("SPONSORSHIP");
      boolean service = k.equals("SERVICE");
      boolean placement = k.equals("PLACEMENT");
      categories.setVisible(!placement);
      categories.setRequired(!placement);
      amount.setVisible(money || k.equals("PROJECT"));
      amount.setRequired(money);
      amount.setLabel(getTranslation(k.equals("SPONSORSHIP") ? "offer.monthly" : "offer.amount"));
      goods.setVisible(k.equals("GOODS"));
      goods.setRequired(k.equals("GOODS"));
      for (Component field : List.of(skill, hours, availability)) {
        field.setVisible(service);
      }
      skill.setRequired(service);
      hours.setRequired(service);
      for (Component field : List.of(careKind, ageMin, ageMax, childSex)) {
        field.setVisible(placement);
      }
      careKind.setRequired(placement);
      description.setRequired(k.equals("PROJECT"));
      // A service or a placement happens somewhere: the township is required; anything else may serve the city.
      township.setRequired(service || placement);
      township.setHelperText(service || placement ? null : getTranslation("offer.cityWide"));
      capacity.setMax(placement ? 10 : 1000);
      capacity.setHelperText(getTranslation(placement ? "offer.capacityHelpPlacement" : "offer.capacityHelp"));
    };
    kind.addValueChangeListener(change -> fit.run());
    kind.setValue(kinds(roles).getFirst());
    fit.run();

    Button submit = new Button(getTranslation("offer.submit"));
    submit.setId("offer-submit");
    submit.addThemeVariants(ButtonVariant.PRIMARY);
    Steps steps = new Steps("offer", List.of(
        new Steps.Step("offer.step.kind", List.of(kind, name, phone)),
        new Steps.Step("offer.step.content", List.of(categories, amount, goods, skill, hours, availability, careKind,
            ageMin, ageMax, childSex, description)),
        new Steps.Step("offer.step.where", List.of(township, capacity, validUntil))), submit);
    Map<String, HasValidation> fields = ApiErrors.fields(
        "kind", kind, "offererName", name, "phone", phone, "categories", categories, "amountYuan", amount,
        "goods", goods, "skill", skill, "hoursPerWeek", hours, "availability", availability,
        "careKind", careKind, "childAgeMin", ageMin, "childAgeMax", ageMax, "childSex", childSex,
        "description", description, "townshipId", township, "capacity", capacity, "validUntil", validUntil);
    Div receipt = new Div();
    receipt.setId("offer-receipt");
    submit.addClickListener(click -> {
      String k = kind.getValue();
      boolean placement = "PLACEMENT".equals(k);
      Submissions.submit(this, () -> api.submitOffer(new MatchingApi.OfferForm(idempotencyKey, k,
          placement ? null : List.copyOf(categories.getValue()), place.townshipId(),
          anonymous ? name.getValue() : null, phone.getValue(), amount.isVisible() ? amount.getValue() : null,
          goods.isVisible() ? items(goods.getValue()) : null, skill.isVisible() ? skill.getValue() : null,
          hours.isVisible() ? hours.getValue() : null, availability.isVisible() ? availability.getValue() : null,
          placement ? careKind.getValue() : null, placement ? ageMin.getValue() : null,
          placement ? ageMax.getValue() : null, placement && !childSex.getValue().isEmpty() ? childSex.getValue()
              : null, capacity.getValue(), validUntil.getValue() == null ? null : validUntil.getValue().toString(),
          description.getValue())), visibleOnly(fields), receipt, "offer.received", "offer-code", submit,
          steps::showFirstInvalid);
    });
    add(steps, receipt);
  }

  /**
   * What the user's roles may offer — the backend's rule, by the kind of offerer the roles make (a family first,
   * then a volunteer, then an organisation; anyone else a donor): null roles for a visitor without an account.
   */
  static List<String> kinds(Set<String> roles) {
    List<String> kinds = new ArrayList<>();
    if (roles != null && roles.contains(RoleNames.FAMILY)) {
      kinds.add("PLACEMENT");
    } else if (roles != null && roles.contains(RoleNames.VOLUNTEER)) {
      kinds.add("SERVICE");
    } else if (roles != null && roles.contains(RoleNames.CHARITY)) {
      kinds.addAll(List.of("PROJECT", "SERVICE"));
    }
    kinds.addAll(List.of("MONEY", "GOODS", "SPONSORSHIP"));
    return kinds;
  }

  /** The signed-in user's roles, or null for a visitor. */
  private static Set<String> roles() {
    return PortalRoles.signedIn() ? PortalRoles.current() : null;
  }

  private IntegerField number(String labelKey, String id, int min, int max) {
    IntegerField field = new IntegerField(getTranslation(labelKey));
    field.setId(id);
    field.setMin(min);
    field.setMax(max);
    return field;
  }

  /** Goods typed as one line, split at the usual separators. */
  private static List<String> items(String text) {
    return Arrays.stream(text.split("[、,，;；]")).map(String::strip).filter(g -> !g.isEmpty()).toList();
  }

  /** The fields the chosen kind shows: only they are checked for being filled in and marked when refused. */
  private static Map<String, HasValidation> visibleOnly(Map<String, HasValidation> fields) {
    Map<String, HasValidation> shown = new HashMap<>();
    fields.forEach((name, field) -> {
      if (((Component) field).isVisible()) {
        shown.put(name, field);
      }
    });
    return shown;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("offer.pageTitle");
  }
}
