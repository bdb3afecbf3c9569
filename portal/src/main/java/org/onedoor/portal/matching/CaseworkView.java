package org.onedoor.portal.matching;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.MatchingApi;
import org.onedoor.portal.api.MatchingApi.MatchContact;
import org.onedoor.portal.api.MatchingApi.StaffMatch;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Findings;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.schema.RoleNames;

/**
 * The caseworker's deliveries (帮扶交付): approved help for the children of the township, delivered through the
 * caseworker or the children's home, then confirmed as met, partly met or not met with a thank-you for the offerer
 * (the text guard refuses one that identifies the child, and shows what it found). The caseworker also records
 * whether the child's family agrees to learn who helped: once the offerer agreed too, the offerer's name and phone
 * show here to pass on — and only then.
 */
@Route("casework")
@RolesAllowed({RoleNames.TOWNSHIP_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.9, title = "nav.casework", icon = "vaadin:truck")
class CaseworkView extends VerticalLayout implements HasDynamicTitle {

  private final MatchingClient api;
  private final KeysetPager<StaffMatch> pager;

  CaseworkView(MatchingClient api) {
    this.api = api;
    add(new H2(getTranslation("casework.title")), new Paragraph(getTranslation("casework.intro")));
    ComboBox<String> status = new ComboBox<>(getTranslation("track.status"), List.of("OPEN", "CONFIRMED"));
    status.setId("casework-status");
    status.setItemLabelGenerator(s -> getTranslation("casework.show." + s));
    status.setValue("OPEN");
    Grid<StaffMatch> grid = MatchColumns.grid(this, "casework");
    // Which child the help is for: the caseworker hands it over.
    grid.addComponentColumn(m -> {
      if (m.child() == null) {
        return new Span("—");
      }
      var link = org.onedoor.portal.layout.Links.route("files/" + m.child().caseFileId(), m.child().name());
      link.addClassName("casework-child");
      return link;
    }).setHeader(getTranslation("casework.child")).setAutoWidth(true);
    grid.getColumns().getLast().setKey("child");
    grid.setColumnOrder(java.util.stream.Stream.concat(java.util.stream.Stream.of(grid.getColumnByKey("child")),
        grid.getColumns().stream().filter(c -> !"child".equals(c.getKey()))).toList());
    grid.addComponentColumn(m -> MatchColumns.ofNeed(contact(m), m.need().title())).setHeader(getTranslation("contact.header"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader(getTranslation("ledger.actions")).setAutoWidth(true);
    pager = new KeysetPager<>(this, grid, "casework-more", 20, (first, after) -> api.caseworkMatches(
        "CONFIRMED".equals(status.getValue()) ? "CONFIRMED" : null, first, after));
    status.addValueChangeListener(change -> pager.reload());
    add(status, grid, pager.moreButton());
    pager.reload();
  }

  /** The contact agreement: each side's answer, the family's buttons, and the offerer's name and phone once both agree. */
  private Component contact(StaffMatch match) {
    if ("PLACEMENT".equals(match.offer().kind())) {
      // A placement is arranged by civil affairs in person: no names or phones are exchanged here.
      Span placement = new Span(getTranslation("contact.placement"));
      placement.addClassName("casework-contact-placement");
      return placement;
    }
    MatchContact contact = match.contact();
    boolean offerer = contact != null && Boolean.TRUE.equals(contact.offererAgreed());
    boolean family = contact != null && Boolean.TRUE.equals(contact.familyAgreed());
    VerticalLayout cell = new VerticalLayout();
    cell.setPadding(false);
    cell.setSpacing(false);
    if (offerer && family && contact.offererName() != null) {
      Span pass = new Span(getTranslation("contact.passOn", contact.offererName(), contact.offererPhone()));
      pass.addClassName("casework-contact");
      cell.add(pass);
    } else {
      Span state = new Span(getTranslation(offerer ? "contact.offererAgreed" : "contact.offererNot") + getTranslation("punctuation.semicolon")
          + getTranslation(family ? "contact.familyAgreed" : "contact.familyNot"));
      state.addClassName("casework-contact-state");
      cell.add(state);
    }
    Button answer = new Button(getTranslation(family ? "contact.familyWithdraws" : "contact.familyAgrees"),
        click -> {
          try {
            api.recordFamilyContactConsent(match.id(), !family).forEach(e -> ApiErrors.show(e.message()));
            pager.reload();
          } catch (ApiException failure) {
            ApiErrors.show(this, failure);
          }
        });
    answer.addClassName(family ? "casework-family-withdraws" : "casework-family-agrees");
    answer.addThemeVariants(ButtonVariant.SMALL);
    cell.add(answer);
    return cell;
  }

  private Component actions(StaffMatch match) {
    if ("CONFIRMED".equals(match.status())) {
      return new Span(match.outcome() == null ? "" : getTranslation("outcome." + match.outcome()));
    }
    if ("APPROVED".equals(match.status())) {
      Button deliver = new Button(getTranslation("casework.deliver"), click -> {
        try {
          api.recordDelivery(match.id()).forEach(e -> ApiErrors.show(e.message()));
          pager.reload();
        } catch (ApiException failure) {
          ApiErrors.show(this, failure);
        }
      });
      deliver.addClassName("casework-deliver");
      deliver.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
      return deliver;
    }
    Button confirm = new Button(getTranslation("casework.confirm"), click -> confirm(match));
    confirm.addClassName("casework-confirm");
    confirm.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
    return confirm;
  }

  private void confirm(StaffMatch match) {
    Dialog dialog = new Dialog();
    dialog.setId("confirm-dialog");
    dialog.setHeaderTitle(match.need().title());
    RadioButtonGroup<String> outcome = new RadioButtonGroup<>(getTranslation("myHelp.outcome"),
        List.of("MET", "PARTLY_MET", "NOT_MET"));
    outcome.setId("confirm-outcome");
    outcome.setItemLabelGenerator(o -> getTranslation("outcome." + o));
    outcome.setValue("MET");
    TextArea note = new TextArea(getTranslation("casework.note"));
    note.setId("confirm-note");
    note.setHelperText(getTranslation("casework.noteHelp"));
    note.setWidth("28em");
    TextArea thankYou = new TextArea(getTranslation("myHelp.thankYou"));
    thankYou.setId("confirm-thank-you");
    thankYou.setHelperText(getTranslation("casework.thankYouHelp"));
    thankYou.setMaxLength(500);
    thankYou.setWidth("28em");
    VerticalLayout findings = new VerticalLayout();
    findings.setId("confirm-findings");
    findings.setPadding(false);
    Button send = new Button(getTranslation("casework.confirm"), click -> {
      try {
        MatchingApi.Confirmed confirmed = api.confirmFulfilment(match.id(), outcome.getValue(), note.getValue(),
            thankYou.getValue());
        if (confirmed.errors().isEmpty()) {
          dialog.close();
          pager.reload();
          return;
        }
        thankYou.setErrorMessage(confirmed.errors().getFirst().message());
        thankYou.setInvalid(true);
        findings.removeAll();
        confirmed.findings().forEach(f -> findings.add(new Span(Findings.describe(this, f))));
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    send.setId("confirm-send");
    send.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(new VerticalLayout(outcome, note, thankYou, findings));
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), send);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("casework.pageTitle");
  }
}
