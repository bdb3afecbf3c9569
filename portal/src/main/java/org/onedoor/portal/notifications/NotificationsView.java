package org.onedoor.portal.notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import org.onedoor.portal.layout.Links;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.Notification;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.KeysetPager;

/**
 * The notification centre (消息通知): new tasks for the user's department, overdue tasks, decisions on the user's
 * sign-up, the user's help approved and delivered — newest first, unread ones marked — with "mark all read". Each names a receipt code, never personal data;
 * the code opens where it stands.
 */
@Route("notifications")
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CityTime.ZONE);

  NotificationsView(NotificationsClient api) {
    add(new H2(getTranslation("notifications.title")));
    Checkbox unreadOnly = new Checkbox(getTranslation("notifications.unreadOnly"));
    unreadOnly.setId("notifications-unread-only");
    Grid<Notification> grid = new Grid<>();
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.setId("notifications");
    grid.addComponentColumn(n -> {
      Span state = new Span(getTranslation(n.read() ? "notifications.read" : "notifications.unread"));
      state.getElement().getThemeList().add(n.read() ? "badge contrast" : "badge primary");
      return state;
    }).setAutoWidth(true);
    grid.addColumn(n -> MINUTES.format(Instant.parse(n.createdAt()))).setHeader(getTranslation("notifications.at"))
        .setAutoWidth(true);
    grid.addColumn(this::text).setHeader(getTranslation("notifications.what")).setFlexGrow(3);
    grid.addComponentColumn(this::link).setHeader(getTranslation("track.code")).setAutoWidth(true);
    grid.setAllRowsVisible(true);
    KeysetPager<Notification> pager = new KeysetPager<>(this, grid, "notifications-more", 20,
        (first, after) -> api.notifications(unreadOnly.getValue(), first, after));
    unreadOnly.addValueChangeListener(change -> pager.reload());
    Button markAll = new Button(getTranslation("notifications.markAll"), click -> {
      try {
        api.markNotificationsRead(List.of());
        pager.reload();
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    markAll.setId("notifications-mark-all");
    HorizontalLayout tools = new HorizontalLayout(unreadOnly, markAll);
    tools.setAlignItems(Alignment.BASELINE);
    add(new Paragraph(getTranslation("notifications.intro")), tools, grid, pager.moreButton());
    pager.reload();
  }

  /**
   * Where a notification leads: staff to their work on it (the task in the workbench or the township desk, the
   * safety chain, the round of visits), a helper to their help, a submitter to the public tracking page.
   */
  private Component link(Notification n) {
    String code = n.reference();
    boolean township = PortalRoles.has(RoleNames.TOWNSHIP_STAFF);
    Anchor link = switch (n.kind()) {
      case "HELP_APPROVED", "HELP_DELIVERED" -> Links.route("my-help", getTranslation("nav.myHelp"));
      case "NEW_TASK", "TASK_OVERDUE" -> township && !PortalRoles.has(RoleNames.CIVIL_AFFAIRS)
          ? Links.route("intakes", code)
          : Links.route("workbench?code=" + encoded(code), code);
      case "REPORT_IN_AREA", "SAFETY_STEP_OVERDUE", "SAFETY_PART_GIVEN" ->
          Links.route("safety?receipt=" + encoded(code), code);
      case "VISIT_SCHEDULE_SET" -> Links.route("visits", getTranslation("nav.visits"));
      default -> Links.route("track/" + encoded(code), code);
    };
    link.addClassName("notification-link");
    return link;
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The notification in words: its kind, and its detail (an intake kind, a department or a decision) labelled. */
  private String text(Notification notification) {
    String detail = notification.detail();
    switch (notification.kind()) {
      case "REPORT_IN_AREA" -> {
        return getTranslation("notificationKind.REPORT_IN_AREA", "IMMEDIATE_DANGER".equals(detail)
            ? getTranslation("notifications.danger") : "");
      }
      case "SAFETY_PART_GIVEN" -> {
        return getTranslation("notificationKind.SAFETY_PART_GIVEN", detail == null ? ""
            : getTranslation("safetyStep." + detail));
      }
      case "SAFETY_STEP_OVERDUE" -> {
        return getTranslation("notificationKind.SAFETY_STEP_OVERDUE", detail == null ? ""
            : getTranslation("safetyStep." + detail));
      }
      case "VISIT_SCHEDULE_SET" -> {
        String[] parts = detail == null ? new String[0] : detail.split("\\|");
        return getTranslation("notificationKind.VISIT_SCHEDULE_SET", parts.length < 2 ? ""
            : getTranslation("notifications.visitSchedule", parts[0], parts[1]));
      }
      default -> {
      }
    }
    String label = "";
    if (detail != null) {
      // Help is about a need's category (EDUCATION is a department's name too); everything else as before.
      List<String> prefixes = notification.kind().startsWith("HELP_") ? List.of("needCategory.")
          : List.of("intakeKind.", "department.", "decision.");
      for (String prefix : prefixes) {
        String candidate = getTranslation(prefix + detail);
        if (!candidate.startsWith("!")) {
          label = candidate;
          break;
        }
      }
    }
    return getTranslation("notificationKind." + notification.kind(), label);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("notifications.pageTitle");
  }
}
