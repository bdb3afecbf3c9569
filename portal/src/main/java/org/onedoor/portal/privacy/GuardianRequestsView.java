package org.onedoor.portal.privacy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Cards;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;

/**
 * Guardians' requests to see, correct or erase what OneDoor holds about their child (PIPL art. 45–47), recorded on
 * the child's file: each with the day it is due (overdue ones marked), what is asked and how it ended. Whoever
 * carried out a request to see or correct closes it; civil affairs produce the export for a request to see (a
 * disclosure the request records), carry out an erasure, or refuse a request with the reason.
 */
@Route("guardian-requests")
@RolesAllowed({RoleNames.TOWNSHIP_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.9, title = "nav.guardianRequests", icon = "vaadin:user-card")
class GuardianRequestsView extends VerticalLayout implements HasDynamicTitle {

  private final GuardianRequestsClient api;
  private final Select<String> status = new Select<>();
  private final Cards cards = new Cards("guardian-requests");
  private final KeysetPager<GuardianRequestsClient.Request> pager;

  GuardianRequestsView(GuardianRequestsClient api) {
    this.api = api;
    add(new H2(getTranslation("guardianRequests.title")), new Paragraph(getTranslation("guardianRequests.intro")));
    status.setId("guardian-requests-status");
    status.setLabel(getTranslation("guardianRequests.status"));
    status.setItems("OPEN", "DONE", "REFUSED", "ALL");
    status.setItemLabelGenerator(s -> s == null ? "" : getTranslation("guardianRequest.status." + s));
    status.setValue("OPEN");
    pager = new KeysetPager<>(this, this::show, "guardian-requests-more", 20, (first, after) -> api.requests(
        "ALL".equals(status.getValue()) ? null : status.getValue(), first, after));
    status.addValueChangeListener(change -> pager.reload());
    add(status, cards, pager.moreButton());
    pager.reload();
  }

  private void show(List<GuardianRequestsClient.Request> requests) {
    cards.removeAll();
    boolean civil = PortalRoles.has(RoleNames.CIVIL_AFFAIRS);
    for (GuardianRequestsClient.Request request : requests) {
      String child = request.childName() == null ? getTranslation("guardianRequest.fileErased")
          : request.childName();
      Cards.Card card = new Cards.Card(getTranslation("guardianRequest.kind." + request.kind()) + " · " + child,
          request.childName() == null ? null : "files/" + request.caseFileId())
          .badge(getTranslation("guardianRequest.status." + request.status()), "OPEN".equals(request.status())
              ? "badge" : "badge success");
      if (Boolean.TRUE.equals(request.overdue())) {
        card.badge(getTranslation("guardianRequest.overdue"), "badge error primary");
      }
      card.line(getTranslation("guardianRequest.requester"), request.requesterName() + "（"
              + request.relationship() + "）")
          .line(getTranslation("guardianRequest.receivedOn"), request.receivedOn())
          .line(getTranslation("guardianRequest.dueOn"), request.dueOn())
          .line(getTranslation("guardianRequest.details"), request.details())
          .line(getTranslation("guardianRequest.outcome"), request.outcome())
          .line(getTranslation("guardianRequest.disclosures"), request.disclosures() == null ? null
              : request.disclosures().stream().map(d -> minutes(d.at()) + " " + d.byName())
                  .collect(Collectors.joining(getTranslation("punctuation.list"))));
      if ("OPEN".equals(request.status())) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (civil && "SEE".equals(request.kind())) {
          actions.add(action("guardian-request-export", "guardianRequest.export", ButtonVariant.PRIMARY,
              () -> export(request)));
        }
        // A request to see is done once its export was handed over (civil affairs may also close one answered in
        // person, for a child under protection, who gets no export).
        if ("CORRECT".equals(request.kind()) || "SEE".equals(request.kind()) && (civil
            || request.disclosures() != null && !request.disclosures().isEmpty())) {
          actions.add(action("guardian-request-complete", "guardianRequest.complete", ButtonVariant.PRIMARY,
              () -> close(request, "completeGuardianRequest")));
        }
        if (civil && "ERASE".equals(request.kind())) {
          actions.add(action("guardian-request-erase", "guardianRequest.erase", ButtonVariant.ERROR,
              () -> close(request, "eraseForGuardianRequest")));
        }
        if (civil) {
          actions.add(action("guardian-request-refuse", "guardianRequest.refuse", ButtonVariant.TERTIARY,
              () -> close(request, "refuseGuardianRequest")));
        }
        card.footer(actions);
      }
      card.addClassName("guardian-request");
      card.getElement().setAttribute("data-request", request.id());
      cards.add(card);
    }
    cards.emptyText(getTranslation("guardianRequests.none"));
  }

  private static String minutes(String instant) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(java.time.Instant.parse(instant)
        .atZone(CityTime.ZONE));
  }

  private Button action(String className, String labelKey, ButtonVariant variant, Runnable run) {
    Button button = new Button(getTranslation(labelKey), click -> run.run());
    button.addClassName(className);
    button.addThemeVariants(ButtonVariant.SMALL, variant);
    return button;
  }

  /** Produces the export once (a disclosure), shows it and offers it as a text file to hand over. */
  private void export(GuardianRequestsClient.Request request) {
    GuardianRequestsClient.Export export;
    try {
      export = api.export(request.id());
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    if (!export.refusals().isEmpty()) {
      export.refusals().forEach(refusal -> ApiErrors.show(refusal.message()));
      return;
    }
    String text = export.text();
    Dialog dialog = new Dialog();
    dialog.setId("guardian-export-dialog");
    dialog.setHeaderTitle(getTranslation("guardianRequest.exportTitle", request.childName()));
    dialog.setWidth("min(48rem, 96vw)");
    Div shown = new Div(text);
    shown.setId("guardian-export-text");
    shown.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String fileName = getTranslation("guardianRequest.exportFile") + "-" + CityTime.today() + ".txt";
    Anchor download = new Anchor(event -> {
      event.setFileName(fileName);
      event.setContentType("text/plain;charset=UTF-8");
      try (java.io.OutputStream out = event.getOutputStream()) {
        out.write(bytes);
      }
    }, getTranslation("guardianRequest.download"));
    download.setId("guardian-export-download");
    dialog.add(new Paragraph(getTranslation("guardianRequest.exportIntro")), shown);
    Button close = new Button(getTranslation("needs.close"), click -> dialog.close());
    close.setId("guardian-export-close");
    dialog.getFooter().add(download, close);
    dialog.addOpenedChangeListener(opened -> {
      if (!opened.isOpened()) {
        pager.refresh();
      }
    });
    dialog.open();
  }

  /** Completes, erases or refuses a request, with what was done or why not. */
  private void close(GuardianRequestsClient.Request request, String mutation) {
    Dialog dialog = new Dialog();
    dialog.setId("guardian-close-dialog");
    dialog.setHeaderTitle(getTranslation("guardianRequest.closeTitle." + mutation, request.childName() == null
        ? "" : request.childName()));
    dialog.setWidth("min(36rem, 96vw)");
    TextArea outcome = new TextArea(getTranslation("guardianRequest.outcome." + mutation));
    outcome.setId("guardian-close-outcome");
    outcome.setMaxLength(1000);
    outcome.setWidthFull();
    dialog.add(new Paragraph(getTranslation("guardianRequest.closeIntro." + mutation)), outcome);
    Button confirm = new Button(getTranslation("guardianRequest.confirm." + mutation), click -> {
      outcome.setInvalid(false);
      List<UserError> refusals;
      try {
        refusals = api.close(mutation, request.id(), outcome.getValue());
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
        return;
      }
      if (refusals.isEmpty()) {
        Notification.show(getTranslation("guardianRequest.closed." + mutation), 5000,
            Notification.Position.BOTTOM_CENTER).setId("guardian-request-closed");
        dialog.close();
        pager.refresh();
      } else {
        ApiErrors.mark(refusals, ApiErrors.fields("outcome", outcome));
      }
    });
    confirm.setId("guardian-close-confirm");
    confirm.addThemeVariants(ButtonVariant.PRIMARY, "eraseForGuardianRequest".equals(mutation)
        ? ButtonVariant.ERROR : ButtonVariant.PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), confirm);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("guardianRequests.pageTitle");
  }
}
