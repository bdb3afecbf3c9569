package org.onedoor.portal.needs;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.MatchingApi;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;

/**
 * Pledge on a need (认捐): money, goods, a monthly sponsorship or — for a vetted volunteer or an organisation — a
 * service of so many hours a week in a township. Only the kinds that can meet what the need asks are offered (a need
 * asking for tutoring hours takes a service). The pledge waits for civil affairs; what the pledger follows in "my
 * help" is the anonymised need, the status and, at the end, the caseworker's thank-you.
 */
final class PledgeDialog extends Dialog {

  private static final String SERVICE = "SERVICE";

  private final String idempotencyKey = UUID.randomUUID().toString();

  PledgeDialog(NeedsClient api, PublicNeed need, List<Township> townships) {
    setId("pledge-dialog");
    setHeaderTitle(getTranslation("pledge.title") + getTranslation("punctuation.colon") + need.title());
    boolean english = Language.of(getLocale()) == Language.EN;
    RadioButtonGroup<String> kind = new RadioButtonGroup<>(getTranslation("pledge.kind"), kinds(need));
    kind.setId("pledge-kind");
    kind.setItemLabelGenerator(k -> getTranslation("offerKind." + k));
    kind.setValue(kinds(need).getFirst());
    IntegerField amount = new IntegerField(getTranslation("pledge.amount"));
    amount.setId("pledge-amount");
    amount.setMin(1);
    amount.setValue(need.amountYuan());
    TextField goods = new TextField(getTranslation("pledge.goods"));
    goods.setId("pledge-goods");
    goods.setHelperText(getTranslation("pledge.goodsHelp"));
    goods.setValue(String.join(english ? ", " : "、", need.goods()));
    Select<String> skill = new Select<>();
    skill.setLabel(getTranslation("pledge.skill"));
    skill.setId("pledge-skill");
    skill.setItems("TUTORING", "COUNSELLING", "LEGAL_AID", "MEDICAL", "COMPANIONSHIP", "OTHER");
    skill.setItemLabelGenerator(s -> getTranslation("skill." + s));
    skill.setValue(skillFor(need.category()));
    IntegerField hours = new IntegerField(getTranslation("pledge.hours"));
    hours.setId("pledge-hours");
    hours.setMin(1);
    hours.setMax(40);
    hours.setStepButtonsVisible(true);
    hours.setValue(need.serviceHours() == null ? 2 : Math.min(40, need.serviceHours()));
    ComboBox<Township> township = new ComboBox<>(getTranslation("pledge.township"));
    township.setId("pledge-township");
    township.setItems(townships);
    township.setItemLabelGenerator(t -> english ? t.nameEn() : t.name());
    township.setHelperText(getTranslation("pledge.townshipHelp"));
    if (need.township() != null) {
      townships.stream().filter(t -> t.id().equals(need.township().id())).findFirst().ifPresent(township::setValue);
    }
    TextArea description = new TextArea(getTranslation("pledge.description"));
    description.setId("pledge-description");
    description.setMaxLength(1000);
    description.setWidthFull();
    Runnable showFields = () -> {
      String chosen = kind.getValue();
      amount.setVisible("MONEY".equals(chosen) || "SPONSORSHIP".equals(chosen));
      goods.setVisible("GOODS".equals(chosen));
      skill.setVisible(SERVICE.equals(chosen));
      hours.setVisible(SERVICE.equals(chosen));
      township.setVisible(SERVICE.equals(chosen));
    };
    kind.addValueChangeListener(change -> showFields.run());
    showFields.run();
    VerticalLayout result = new VerticalLayout();
    result.setId("pledge-result");
    result.setPadding(false);
    Map<String, HasValidation> fields = new LinkedHashMap<>();
    fields.put("kind", kind);
    fields.put("amountYuan", amount);
    fields.put("goods", goods);
    fields.put("skill", skill);
    fields.put("hoursPerWeek", hours);
    fields.put("townshipId", township);
    fields.put("description", description);
    Button send = new Button(getTranslation("pledge.send"));
    send.setId("pledge-send");
    send.addThemeVariants(ButtonVariant.PRIMARY);
    send.addClickListener(click -> {
      fields.values().forEach(f -> f.setInvalid(false));
      String chosen = kind.getValue();
      boolean service = SERVICE.equals(chosen);
      try {
        MatchingApi.Pledged pledged = api.pledge(new MatchingApi.Pledge(idempotencyKey, need.id(), chosen,
            amount.isVisible() ? amount.getValue() : null,
            "GOODS".equals(chosen) ? Arrays.stream(goods.getValue().split("[、,，;；]")).map(String::strip)
                .filter(g -> !g.isEmpty()).toList() : null,
            service ? skill.getValue() : null, service ? hours.getValue() : null,
            service && township.getValue() != null ? township.getValue().id() : null, description.getValue()));
        if (!pledged.errors().isEmpty()) {
          ApiErrors.mark(pledged.errors(), fields);
          return;
        }
        result.removeAll();
        result.add(new Paragraph(getTranslation("pledge.sent")),
            new RouterLink(getTranslation("nav.myHelp"), org.onedoor.portal.matching.MyHelpView.class));
        send.setEnabled(false);
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("pledge.intro")), kind, amount, goods,
        skill, hours, township, description, result);
    body.setPadding(false);
    add(body);
    setMaxWidth("36rem");
    setWidth("100%");
    getFooter().add(new Button(getTranslation("needs.close"), click -> close()), send);
  }

  /**
   * The kinds that can meet what the need asks (the API refuses others as NOT_COMPATIBLE): money for a sum, goods
   * (or money) for goods, a service for hours — a service only for volunteers and organisations, whom vetting gave
   * the right to offer one.
   */
  static List<String> kinds(PublicNeed need) {
    boolean serves = PortalRoles.has(RoleNames.VOLUNTEER) || PortalRoles.has(RoleNames.CHARITY);
    List<String> kinds = new ArrayList<>();
    if (need.amountYuan() != null) {
      kinds.addAll(List.of("MONEY", "SPONSORSHIP"));
    } else if (need.goods() != null && !need.goods().isEmpty()) {
      kinds.addAll(List.of("GOODS", "MONEY"));
    } else if (need.serviceHours() != null) {
      if (serves) {
        kinds.add(SERVICE);
      }
    } else {
      kinds.addAll(List.of("MONEY", "GOODS", "SPONSORSHIP"));
      if (serves) {
        kinds.add(SERVICE);
      }
    }
    return kinds;
  }

  private static String skillFor(String category) {
    return switch (category) {
      case "EDUCATION" -> "TUTORING";
      case "PSYCHOLOGICAL" -> "COUNSELLING";
      case "LEGAL_AID" -> "LEGAL_AID";
      case "MEDICAL", "REHABILITATION" -> "MEDICAL";
      default -> "COMPANIONSHIP";
    };
  }
}
