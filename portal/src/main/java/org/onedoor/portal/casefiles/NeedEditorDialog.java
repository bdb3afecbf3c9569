package org.onedoor.portal.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.NeedCategories;
import org.onedoor.portal.api.StaffApi.LedgerFile;
import org.onedoor.portal.api.StaffApi.NeedDraft;
import org.onedoor.portal.api.StaffApi.PublicationCheck;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Findings;

/**
 * Drafts a need for a child and shows the publication check before anything is public: which rule blocks, which
 * text triggered the guard, and how the need would be generalised. Publish is enabled only after a clean check of
 * the text as it stands.
 */
class NeedEditorDialog extends Dialog {

  private final LedgerClient api;
  private final LedgerFile file;
  private final ComboBox<String> category = new ComboBox<>();
  private final TextField title = new TextField();
  private final TextArea description = new TextArea();
  private final ComboBox<String> urgency = new ComboBox<>();
  private final IntegerField amount = new IntegerField();
  private final TextField goods = new TextField();
  private final IntegerField hours = new IntegerField();
  private final Div result = new Div();
  private final Button publish = new Button();
  private PublicationCheck lastCheck;

  NeedEditorDialog(LedgerClient api, LedgerFile file) {
    this.api = api;
    this.file = file;
    setId("need-editor");
    setWidth("min(48rem, 95vw)");
    setHeaderTitle(getTranslation("editor.title", file.name()));
    category.setId("editor-category");
    category.setLabel(getTranslation("needs.category"));
    category.setItems(NeedCategories.CATEGORIES);
    category.setItemLabelGenerator(c -> getTranslation("needCategory." + c));
    category.setValue("BASIC_LIVING");
    urgency.setId("editor-urgency");
    urgency.setLabel(getTranslation("needs.urgency"));
    urgency.setItems(NeedCategories.URGENCIES);
    urgency.setItemLabelGenerator(u -> getTranslation("urgency." + u));
    urgency.setValue("NORMAL");
    title.setId("editor-title");
    title.setLabel(getTranslation("editor.needTitle"));
    description.setId("editor-description");
    description.setLabel(getTranslation("editor.description"));
    amount.setId("editor-amount");
    amount.setLabel(getTranslation("editor.amount"));
    goods.setId("editor-goods");
    goods.setLabel(getTranslation("editor.goods"));
    hours.setId("editor-hours");
    hours.setLabel(getTranslation("editor.hours"));
    FormLayout form = new FormLayout(category, urgency, title, amount, goods, hours, description);
    form.setColspan(description, 2);
    form.setColspan(title, 2);
    result.setId("publication-check");
    add(form, result);
    List.of(title, goods).forEach(field -> field.addValueChangeListener(change -> invalidate()));
    description.addValueChangeListener(change -> invalidate());

    Button check = new Button(getTranslation("editor.check"), click -> check());
    check.setId("editor-check");
    publish.setText(getTranslation("editor.publish"));
    publish.setId("editor-publish");
    publish.addThemeVariants(ButtonVariant.PRIMARY);
    publish.setEnabled(false);
    publish.addClickListener(click -> publish());
    getFooter().add(new Button(getTranslation("needs.close"), click -> close()), check, publish);
  }

  private void invalidate() {
    publish.setEnabled(false);
  }

  private void check() {
    List<String> goodsList = Arrays.stream(goods.getValue().split("[,，、]")).map(String::strip)
        .filter(g -> !g.isEmpty()).toList();
    NeedDraft draft = new NeedDraft(file.id(), category.getValue(), title.getValue(), description.getValue(),
        urgency.getValue(), amount.getValue(), goodsList, hours.getValue());
    try {
      lastCheck = api.draftAndCheck(draft, lastCheck == null ? null : lastCheck.needId());
      show(lastCheck);
      publish.setEnabled(lastCheck.publishable());
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
  }

  private void show(PublicationCheck check) {
    result.removeAll();
    if (check.publishable()) {
      Paragraph ok = new Paragraph(getTranslation("editor.checkPassed"));
      ok.setId("check-passed");
      result.add(ok);
      check.generalisations().forEach(g -> result.add(new Paragraph(getTranslation("generalisation." + g))));
    } else {
      check.errors().forEach(error -> {
        Paragraph p = new Paragraph(error.message());
        p.addClassName("check-error");
        result.add(p);
      });
      check.findings().forEach(finding -> {
        Paragraph p = new Paragraph(Findings.describe(this, finding));
        p.addClassName("check-finding");
        result.add(p);
      });
    }
  }

  private void publish() {
    try {
      var refusals = api.publish(lastCheck.needId());
      result.removeAll();
      if (refusals.isEmpty()) {
        Paragraph done = new Paragraph(getTranslation("editor.published"));
        done.setId("published");
        result.add(done);
        publish.setEnabled(false);
      } else {
        refusals.forEach(r -> result.add(new Paragraph(r.message())));
      }
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
  }
}
