package org.onedoor.portal.onedoor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.layout.ApiErrors;

/** Anyone with a receipt code follows their report, application or sign-up: status, next step, departments, outcome. */
@Route("track")
@AnonymousAllowed
@Menu(order = 2.6, title = "nav.track", icon = "vaadin:search")
public class TrackView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

  private final IntakeClient api;
  private final TextField code = new TextField();
  private final Div result = new Div();

  TrackView(IntakeClient api) {
    this.api = api;
    add(new H2(getTranslation("track.title")), new Paragraph(getTranslation("track.intro")));
    code.setLabel(getTranslation("track.code"));
    code.setId("track-code");
    Button look = new Button(getTranslation("track.look"), click -> show());
    look.setId("track-look");
    result.setId("track-result");
    HorizontalLayout form = new HorizontalLayout(code, look);
    form.setDefaultVerticalComponentAlignment(Alignment.END);
    add(form, result);
  }

  @Override
  public void setParameter(BeforeEvent event, @OptionalParameter String receiptCode) {
    if (receiptCode != null && !receiptCode.isBlank()) {
      code.setValue(receiptCode);
      show();
    }
  }

  private void show() {
    result.removeAll();
    IntakeApi.Receipt receipt;
    try {
      receipt = api.intakeStatus(code.getValue());
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    if (receipt == null) {
      result.add(new Paragraph(getTranslation("track.unknown")));
      return;
    }
    result.add(new Paragraph(getTranslation("track.kind") + getTranslation("punctuation.colon") + getTranslation("intakeKind." + receipt.kind())
        + (receipt.emergency() ? " · " + getTranslation("track.emergency") : "")));
    result.add(new Paragraph(getTranslation("track.status") + getTranslation("punctuation.colon") + getTranslation("intakeStatus."
        + receipt.status())));
    result.add(new Paragraph(getTranslation("track.submittedOn") + getTranslation("punctuation.colon") + receipt.submittedOn()));
    result.add(new Paragraph(receipt.nextStep()));
    Grid<IntakeApi.DepartmentStatus> departments = new Grid<>();
    departments.setEmptyStateText(getTranslation("list.empty"));
    departments.setId("track-departments");
    departments.addColumn(d -> getTranslation("department." + d.department()))
        .setHeader(getTranslation("track.department"));
    departments.addColumn(d -> getTranslation("taskStatus." + d.status())).setHeader(getTranslation("track.status"));
    departments.setItems(receipt.departments());
    departments.setAllRowsVisible(true);
    result.add(departments);
    if (receipt.outcome() != null) {
      result.add(new Paragraph(getTranslation("track.outcome") + getTranslation("punctuation.colon") + receipt.outcome()));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("track.pageTitle");
  }
}
