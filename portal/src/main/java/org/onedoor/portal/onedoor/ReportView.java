package org.onedoor.portal.onedoor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.api.Village;
import org.onedoor.portal.layout.PlaceFields;

/**
 * The one door's report form (强制报告): anyone, anonymous allowed, reports a child at risk. The form makes one
 * idempotency key, so a double click or a retry after a lost answer files one report. The reporter gets a receipt code
 * to follow it on the tracking page.
 */
@Route("report")
@AnonymousAllowed
@Menu(order = 2.5, title = "nav.report", icon = "vaadin:exclamation-circle")
class ReportView extends VerticalLayout implements HasDynamicTitle {

  static final List<String> REPORTER_KINDS = List.of("NEIGHBOUR", "SCHOOL", "HOSPITAL", "POLICE", "OTHER");

  private final IntakeClient api;
  private final GeographyClient places;
  private final String idempotencyKey = UUID.randomUUID().toString();

  ReportView(IntakeClient api, GeographyClient places) {
    this.places = places;
    this.api = api;
    add(new H2(getTranslation("report.title")), new Paragraph(getTranslation("report.intro")));
    ComboBox<String> kind = new ComboBox<>(getTranslation("report.reporterKind"), REPORTER_KINDS);
    kind.setId("report-reporter-kind");
    kind.setItemLabelGenerator(k -> getTranslation("reporterKind." + k));
    kind.setRequired(true);
    TextField name = new TextField(getTranslation("report.reporterName"));
    name.setId("report-reporter-name");
    name.setHelperText(getTranslation("report.anonymousHelp"));
    TextField phone = new TextField(getTranslation("report.reporterPhone"));
    phone.setId("report-reporter-phone");
    PlaceFields where = new PlaceFields(this, places, "report", false);
    ComboBox<Township> township = where.township();
    ComboBox<Village> village = where.village();
    TextField place = new TextField(getTranslation("report.place"));
    place.setId("report-place");
    place.setWidthFull();
    place.setRequired(true);
    TextField childName = new TextField(getTranslation("report.childName"));
    childName.setId("report-child-name");
    TextArea description = new TextArea(getTranslation("report.description"));
    description.setId("report-description");
    description.setWidthFull();
    description.setRequired(true);
    Checkbox danger = new Checkbox(getTranslation("report.immediateDanger"));
    danger.setId("report-danger");
    Div receipt = new Div();
    receipt.setId("report-receipt");
    Button submit = new Button(getTranslation("report.submit"));
    submit.setId("report-submit");
    submit.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
    Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("reporterKind", kind, "reporterName", name,
        "reporterPhone", phone, "townshipId", township, "villageId", village, "place", place, "childName", childName,
        "description", description);
    submit.addClickListener(click -> Submissions.submit(this, () -> api.submitReport(new IntakeApi.Report(
        idempotencyKey, kind.getValue(), name.getValue(), phone.getValue(),
        where.townshipId(), where.villageId(), place.getValue(), childName.getValue(),
        description.getValue(), danger.getValue())), fields, receipt, "report.received", "receipt-code", submit));
    add(kind, name, phone, township, village, place, childName, description, danger, submit, receipt);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("report.pageTitle");
  }
}
