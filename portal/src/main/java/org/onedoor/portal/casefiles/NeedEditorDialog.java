package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.NeedCategories;
import org.onedoor.portal.api.StaffApi.FileNeed;
import org.onedoor.portal.api.StaffApi.NeedDraft;
import org.onedoor.portal.api.StaffApi.PublicationCheck;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Findings;

/**
 * Drafts a need for a child and shows the publication check before anything is public: which rule blocks, which
 * text triggered the guard, and how the need would be generalised. The first check saves one draft; every later
 * check changes that same draft (against its revision). Publish is enabled only while the form holds exactly what
 * the last clean check saw — any change to any field disables it until checked again. Closed unpublished, the draft
 * stays on the child's file to be taken up again.
 */
public final class NeedEditorDialog extends Dialog {

  private static final int MONTHS_AHEAD = 24;

  private final CaseFilesClient api;
  private final String fileId;
  private final Runnable changed;
  private final ComboBox<String> category = new ComboBox<>();
  private final TextField title = new TextField();
  private final TextArea description = new TextArea();
  private final ComboBox<String> urgency = new ComboBox<>();
  private final ComboBox<YearMonth> deadline = new ComboBox<>();
  private final IntegerField amount = new IntegerField();
  private final TextField goods = new TextField();
  private final IntegerField hours = new IntegerField();
  private final Checkbox placement = new Checkbox();
  private final Div result = new Div();
  private final Button check = new Button();
  private final Button publish = new Button();
  private final Map<String, HasValidation> fields;
  private String needId;
  private int revision;
  /** The content the last clean check saw; null when there was none (or it failed). */
  private NeedDraft checked;
  private boolean published;

  /** A new need for a child. */
  public static NeedEditorDialog newNeed(CaseFilesClient api, String fileId, String childName, Runnable changed) {
    return new NeedEditorDialog(api, fileId, childName, null, null, changed);
  }

  /** The child's draft need, to change, check and publish. */
  public static NeedEditorDialog editDraft(CaseFilesClient api, String fileId, String childName, FileNeed draft,
      Runnable changed) {
    return new NeedEditorDialog(api, fileId, childName, draft.id(), draft, changed);
  }

  /** A new draft filled from a need withdrawn or expired, to publish again (with what it showed counted). */
  public static NeedEditorDialog draftFrom(CaseFilesClient api, String fileId, String childName, FileNeed old,
      Runnable changed) {
    return new NeedEditorDialog(api, fileId, childName, null, old, changed);
  }

  private NeedEditorDialog(CaseFilesClient api, String fileId, String childName, String needId, FileNeed from,
      Runnable changed) {
    this.api = api;
    this.fileId = fileId;
    this.needId = needId;
    this.revision = from == null || needId == null ? 0 : from.revision();
    this.changed = changed;
    setId("need-editor");
    setWidth("min(48rem, 96vw)");
    setHeaderTitle(getTranslation(needId == null ? "editor.title" : "editor.editTitle", childName));
    category.setId("editor-category");
    category.setLabel(getTranslation("needs.category"));
    category.setItems(NeedCategories.CATEGORIES);
    category.setItemLabelGenerator(c -> getTranslation("needCategory." + c));
    urgency.setId("editor-urgency");
    urgency.setLabel(getTranslation("needs.urgency"));
    urgency.setItems(NeedCategories.URGENCIES);
    urgency.setItemLabelGenerator(u -> getTranslation("urgency." + u));
    title.setId("editor-title");
    title.setLabel(getTranslation("editor.needTitle"));
    description.setId("editor-description");
    description.setLabel(getTranslation("editor.description"));
    deadline.setId("editor-deadline");
    deadline.setLabel(getTranslation("editor.deadline"));
    deadline.setHelperText(getTranslation("editor.deadlineHelp"));
    YearMonth thisMonth = YearMonth.from(CityTime.today());
    deadline.setItems(Stream.iterate(thisMonth, m -> m.plusMonths(1)).limit(MONTHS_AHEAD).toList());
    deadline.setItemLabelGenerator(m -> getTranslation("editor.month", m.getYear(), m.getMonthValue()));
    deadline.setClearButtonVisible(true);
    amount.setId("editor-amount");
    amount.setLabel(getTranslation("editor.amount"));
    amount.setMin(1);
    goods.setId("editor-goods");
    goods.setLabel(getTranslation("editor.goods"));
    hours.setId("editor-hours");
    hours.setLabel(getTranslation("editor.hours"));
    hours.setMin(1);
    placement.setId("editor-placement");
    placement.setLabel(getTranslation("editor.placement"));
    fill(from);
    fields = ApiErrors.fields("title", title, "description", description, "deadlineMonth", deadline,
        "amountYuan", amount, "serviceHours", hours, "goods", goods);
    FormLayout form = new FormLayout(category, urgency, title, deadline, amount, hours, goods, placement,
        description);
    form.setColspan(description, 2);
    form.setColspan(title, 2);
    result.setId("publication-check");
    add(form, result);
    // Whatever changes, the last check no longer speaks for the form.
    List.<HasValue<?, ?>>of(category, urgency, title, description, deadline, amount, goods, hours, placement)
        .forEach(field -> field.addValueChangeListener(change -> publish.setEnabled(!published && checked != null
            && checked.equals(content()))));

    check.setText(getTranslation("editor.check"));
    check.setId("editor-check");
    check.addClickListener(click -> check());
    publish.setText(getTranslation("editor.publish"));
    publish.setId("editor-publish");
    publish.addThemeVariants(ButtonVariant.PRIMARY);
    publish.setEnabled(false);
    publish.addClickListener(click -> publish());
    Button close = new Button(getTranslation("needs.close"), click -> close());
    close.setId("editor-close");
    getFooter().add(close, check, publish);
    addOpenedChangeListener(opened -> {
      if (!opened.isOpened() && this.needId != null && !published) {
        Notification.show(getTranslation("editor.keptAsDraft"), 5000, Notification.Position.BOTTOM_CENTER)
            .setId("editor-kept");
        changed.run();
      }
    });
  }

  private void fill(FileNeed from) {
    category.setValue(from == null ? "BASIC_LIVING" : from.category());
    urgency.setValue(from == null ? "NORMAL" : from.urgency());
    if (from == null) {
      return;
    }
    title.setValue(from.title());
    description.setValue(from.description());
    if (from.deadlineMonth() != null) {
      YearMonth month = YearMonth.parse(from.deadlineMonth());
      // A month already past is left out: a need drafted again from an expired one needs a new deadline.
      if (!month.isBefore(YearMonth.from(CityTime.today()))) {
        deadline.setValue(month);
      }
    }
    amount.setValue(from.amountYuan());
    goods.setValue(String.join(getTranslation("punctuation.list").strip(), from.goods()));
    hours.setValue(from.serviceHours());
    placement.setValue(from.placement());
  }

  private NeedDraft content() {
    List<String> goodsList = Arrays.stream(goods.getValue().split("[,，、]")).map(String::strip)
        .filter(g -> !g.isEmpty()).toList();
    return new NeedDraft(category.getValue(), title.getValue(), description.getValue(), urgency.getValue(),
        deadline.getValue() == null ? null : deadline.getValue().toString(), amount.getValue(), goodsList,
        hours.getValue(), placement.getValue());
  }

  private void check() {
    fields.values().forEach(field -> field.setInvalid(false));
    if (amount.isInvalid() || hours.isInvalid()) {
      return;
    }
    NeedDraft content = content();
    CaseFilesClient.DraftCheck saved;
    try {
      saved = api.saveAndCheck(fileId, needId, revision, content);
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    needId = saved.needId();
    revision = saved.revision();
    PublicationCheck outcome = saved.check();
    checked = outcome.publishable() ? content : null;
    publish.setEnabled(checked != null);
    show(outcome);
  }

  private void show(PublicationCheck outcome) {
    result.removeAll();
    if (outcome.publishable()) {
      Paragraph ok = new Paragraph(getTranslation("editor.checkPassed"));
      ok.setId("check-passed");
      result.add(ok);
      outcome.generalisations().forEach(g -> result.add(new Paragraph(getTranslation("generalisation." + g))));
      return;
    }
    for (UserError error : outcome.errors()) {
      HasValidation field = error.field() == null ? null : fields.get(error.field());
      if (field != null) {
        field.setErrorMessage(error.message());
        field.setInvalid(true);
      }
      Paragraph p = new Paragraph(error.message());
      p.addClassName("check-error");
      result.add(p);
    }
    outcome.findings().forEach(finding -> {
      Paragraph p = new Paragraph(Findings.describe(this, finding));
      p.addClassName("check-finding");
      result.add(p);
    });
  }

  private void publish() {
    List<UserError> refusals;
    try {
      refusals = api.publishNeed(needId, revision);
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    result.removeAll();
    if (refusals.isEmpty()) {
      published = true;
      Paragraph done = new Paragraph(getTranslation("editor.published"));
      done.setId("published");
      result.add(done);
      publish.setEnabled(false);
      check.setEnabled(false);
      changed.run();
    } else {
      checked = null;
      publish.setEnabled(false);
      refusals.forEach(r -> {
        Paragraph p = new Paragraph(r.message());
        p.addClassName("check-error");
        result.add(p);
      });
    }
  }
}
