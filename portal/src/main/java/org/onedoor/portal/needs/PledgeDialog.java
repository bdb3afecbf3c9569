package org.onedoor.portal.needs;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.MatchingApi;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.layout.ApiErrors;

/**
 * Pledge on a need (认捐): money, goods or a monthly sponsorship. The pledge waits for civil affairs; what the pledger
 * follows in "my help" is the anonymised need, the status and, at the end, the caseworker's thank-you.
 */
final class PledgeDialog extends Dialog {

  private final String idempotencyKey = UUID.randomUUID().toString();

  PledgeDialog(NeedsClient api, PublicNeed need) {
    setId("pledge-dialog");
    setHeaderTitle(getTranslation("pledge.title") + "：" + need.title());
    RadioButtonGroup<String> kind = new RadioButtonGroup<>(getTranslation("pledge.kind"),
        List.of("MONEY", "GOODS", "SPONSORSHIP"));
    kind.setId("pledge-kind");
    kind.setItemLabelGenerator(k -> getTranslation("offerKind." + k));
    kind.setValue(need.goods().isEmpty() ? "MONEY" : "GOODS");
    IntegerField amount = new IntegerField(getTranslation("pledge.amount"));
    amount.setId("pledge-amount");
    amount.setMin(1);
    amount.setValue(need.amountYuan());
    TextField goods = new TextField(getTranslation("pledge.goods"));
    goods.setId("pledge-goods");
    goods.setHelperText(getTranslation("pledge.goodsHelp"));
    goods.setValue(String.join("、", need.goods()));
    TextArea description = new TextArea(getTranslation("pledge.description"));
    description.setId("pledge-description");
    description.setMaxLength(1000);
    description.setWidth("28em");
    Runnable showFields = () -> {
      amount.setVisible(!"GOODS".equals(kind.getValue()));
      goods.setVisible("GOODS".equals(kind.getValue()));
    };
    kind.addValueChangeListener(change -> showFields.run());
    showFields.run();
    VerticalLayout result = new VerticalLayout();
    result.setId("pledge-result");
    result.setPadding(false);
    Map<String, HasValidation> fields = Map.of("kind", kind, "amountYuan", amount, "goods", goods,
        "description", description);
    Button send = new Button(getTranslation("pledge.send"));
    send.setId("pledge-send");
    send.addThemeVariants(ButtonVariant.PRIMARY);
    send.addClickListener(click -> {
      fields.values().forEach(f -> f.setInvalid(false));
      try {
        MatchingApi.Pledged pledged = api.pledge(new MatchingApi.Pledge(idempotencyKey, need.id(), kind.getValue(),
            "GOODS".equals(kind.getValue()) ? null : amount.getValue(), "GOODS".equals(kind.getValue())
                ? Arrays.stream(goods.getValue().split("[、,，;；]")).map(String::strip).filter(g -> !g.isEmpty())
                    .toList() : null, description.getValue()));
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
    add(new VerticalLayout(new Paragraph(getTranslation("pledge.intro")), kind, amount, goods, description, result));
    getFooter().add(new Button(getTranslation("needs.close"), click -> close()), send);
  }
}
