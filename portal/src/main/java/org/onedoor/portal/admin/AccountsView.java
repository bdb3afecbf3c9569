package org.onedoor.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.onedoor.portal.api.AdminApi.NewStaffAccount;
import org.onedoor.portal.api.AdminApi.StaffAccount;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.api.Village;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.portal.layout.PlaceFields;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;

/**
 * 账号管理: administrators open staff accounts with a role, the scope the role needs and an initial password the user
 * must change at the first sign-in; disable and re-enable them (disabling ends the account's sessions); and set a new
 * initial password. Every change is audited by the backend; no password is ever shown again.
 */
@Route("admin/accounts")
@RolesAllowed(RoleNames.ADMIN)
@Menu(order = 20, title = "nav.accounts", icon = "vaadin:users")
class AccountsView extends VerticalLayout implements HasDynamicTitle {

  private static final int PAGE_SIZE = 50;
  static final List<String> STAFF_ROLES = PortalRoles.STAFF;
  private static final List<String> DEPARTMENTS = List.of("CIVIL_AFFAIRS", "WOMENS_FEDERATION", "EDUCATION",
      "PUBLIC_SECURITY", "HUMAN_RESOURCES_SOCIAL_SECURITY", "HEALTH", "DISABLED_PERSONS_FEDERATION", "JUDICIARY",
      "COURT", "PROCURATORATE");

  private final AdminClient api;
  private final GeographyClient places;
  private final Grid<StaffAccount> grid = new Grid<>();
  private final KeysetPager<StaffAccount> pager;
  private final boolean english = Language.of(getLocale()) == Language.EN;

  AccountsView(AdminClient api, GeographyClient places) {
    this.places = places;
    this.api = api;
    add(new H2(getTranslation("accounts.title")), new Paragraph(getTranslation("accounts.intro")));
    Button create = new Button(getTranslation("accounts.new"), click -> openForm(null));
    create.setId("accounts-new");
    create.addThemeVariants(ButtonVariant.PRIMARY);
    grid.setId("staff-accounts");
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.addColumn(StaffAccount::username).setHeader(getTranslation("accounts.username")).setAutoWidth(true);
    grid.addColumn(StaffAccount::displayName).setHeader(getTranslation("accounts.displayName")).setAutoWidth(true);
    grid.addColumn(a -> a.roles().stream().map(r -> getTranslation("role." + r)).collect(Collectors.joining(getTranslation("punctuation.list"))))
        .setHeader(getTranslation("accounts.roles")).setAutoWidth(true);
    grid.addColumn(this::scope).setHeader(getTranslation("accounts.scope")).setAutoWidth(true);
    grid.addComponentColumn(this::state).setHeader(getTranslation("accounts.state")).setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader(getTranslation("accounts.actions")).setAutoWidth(true);
    grid.setAllRowsVisible(true);
    pager = new KeysetPager<>(this, grid, "accounts-more", PAGE_SIZE, api::staffAccounts);
    add(create, grid, pager.moreButton());
    pager.reload();
  }

  private String scope(StaffAccount account) {
    if (account.department() != null) {
      return getTranslation("department." + account.department());
    }
    String township = name(account.township());
    String village = name(account.village());
    return village == null ? (township == null ? getTranslation("accounts.city") : township)
        : township + " · " + village;
  }

  private String name(Village place) {
    return place == null ? null : english ? place.nameEn() : place.name();
  }

  private Span state(StaffAccount account) {
    boolean locked = account.lockedUntil() != null;
    Span state = new Span(!account.enabled() ? getTranslation("accounts.disabled")
        : locked ? getTranslation("accounts.locked", localTime(account.lockedUntil()))
        : getTranslation(account.mustChangePassword() ? "accounts.mustChange" : "accounts.active"));
    state.getElement().getThemeList().add(account.enabled() && !locked ? "badge" : "badge error");
    return state;
  }

  /** An instant as the city's local time of day (HH:mm). */
  private static String localTime(String instant) {
    return java.time.Instant.parse(instant).atZone(CityTime.ZONE).toLocalTime()
        .withSecond(0).withNano(0).toString();
  }

  private HorizontalLayout actions(StaffAccount account) {
    Button toggle = new Button(getTranslation(account.enabled() ? "accounts.disable" : "accounts.enable"), click -> {
      try {
        List<UserError> errors = api.setStaffAccountEnabled(account.username(), !account.enabled());
        errors.forEach(error -> ApiErrors.show(error.message()));
        if (errors.isEmpty()) {
          Notification.show(getTranslation(account.enabled() ? "accounts.disabledNow" : "accounts.enabledNow",
              account.username()));
          pager.reload();
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    toggle.setId("staff-toggle-" + account.username());
    Button reset = new Button(getTranslation("accounts.reset"), click -> openReset(account));
    reset.setId("staff-reset-" + account.username());
    Button edit = new Button(getTranslation("accounts.edit"), click -> openForm(account));
    edit.setId("staff-edit-" + account.username());
    HorizontalLayout actions = new HorizontalLayout(edit, toggle, reset);
    if (account.lockedUntil() != null) {
      Button unlock = new Button(getTranslation("accounts.unlock"), click -> {
        try {
          List<UserError> errors = api.unlockStaffSignIn(account.username());
          errors.forEach(error -> ApiErrors.show(error.message()));
          if (errors.isEmpty()) {
            Notification.show(getTranslation("accounts.unlockedNow", account.username()));
            pager.reload();
          }
        } catch (ApiException failure) {
          ApiErrors.show(this, failure);
        }
      });
      unlock.setId("staff-unlock-" + account.username());
      actions.add(unlock);
    }
    return actions;
  }

  /** A new account (no account given) or a change of an account's name, role and scope against its version. */
  private void openForm(StaffAccount existing) {
    Dialog dialog = new Dialog(getTranslation(existing == null ? "accounts.new" : "accounts.edit"));
    TextField username = new TextField(getTranslation("accounts.username"));
    username.setId("staff-username");
    username.setHelperText(getTranslation("accounts.usernameHelp"));
    TextField displayName = new TextField(getTranslation("accounts.displayName"));
    displayName.setId("staff-display-name");
    Select<String> role = new Select<>();
    role.setLabel(getTranslation("accounts.role"));
    role.setId("staff-role");
    role.setItems(STAFF_ROLES);
    role.setItemLabelGenerator(r -> getTranslation("role." + r));
    Select<String> department = new Select<>();
    department.setLabel(getTranslation("accounts.department"));
    department.setId("staff-department");
    department.setItems(DEPARTMENTS);
    department.setItemLabelGenerator(d -> getTranslation("department." + d));
    PlaceFields place = new PlaceFields(this, places, "staff", true);
    PasswordField password = new PasswordField(getTranslation("accounts.initialPassword"));
    password.setId("staff-password");
    password.setHelperText(getTranslation("accounts.initialPasswordHelp"));
    Runnable showScope = () -> {
      String chosen = role.getValue();
      department.setVisible(RoleNames.DEPARTMENT_STAFF.equals(chosen));
      place.township().setVisible(RoleNames.TOWNSHIP_STAFF.equals(chosen)
          || RoleNames.SUPERVISOR.equals(chosen));
      place.village().setVisible(RoleNames.SUPERVISOR.equals(chosen));
    };
    role.addValueChangeListener(change -> showScope.run());
    role.setValue(RoleNames.TOWNSHIP_STAFF);
    // An account holding several roles (e.g. administrator and civil affairs) keeps them: only its name changes here.
    boolean singleRole = existing == null || existing.roles().size() == 1;
    if (existing != null) {
      username.setValue(existing.username());
      username.setReadOnly(true);
      displayName.setValue(existing.displayName());
      role.setValue(existing.roles().getFirst());
      role.setEnabled(singleRole);
      if (existing.department() != null) {
        department.setValue(existing.department());
      }
      place.select(existing.township() == null ? null : existing.township().id(),
          existing.village() == null ? null : existing.village().id());
      password.setVisible(false);
    }
    showScope.run();
    FormLayout form = new FormLayout(username, displayName, role, department, place.township(), place.village(),
        password);
    dialog.add(form);
    Button save = new Button(getTranslation("accounts.save"), click -> {
      String chosen = role.getValue();
      NewStaffAccount account = new NewStaffAccount(username.getValue().trim(), displayName.getValue().trim(),
          chosen, department.isVisible() ? department.getValue() : null,
          place.township().isVisible() ? place.townshipId() : null,
          place.village().isVisible() ? place.villageId() : null, password.getValue());
      try {
        List<UserError> errors = existing == null ? api.createStaffAccount(account)
            : api.updateStaffAccount(existing.username(), existing.version(), account.displayName(),
                singleRole ? account.role() : null, account.department(), account.townshipId(), account.villageId());
        if (errors.isEmpty()) {
          dialog.close();
          Notification.show(getTranslation(existing == null ? "accounts.created" : "accounts.changed",
              account.username()));
          pager.reload();
        } else {
          ApiErrors.mark(errors, Map.of("username", username, "displayName", displayName, "roles", role,
              "department", department, "townshipId", place.township(), "villageId", place.village(),
              "initialPassword", password));
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    save.setId("staff-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), save);
    dialog.open();
  }

  private void openReset(StaffAccount account) {
    Dialog dialog = new Dialog(getTranslation("accounts.resetTitle", account.username()));
    PasswordField password = new PasswordField(getTranslation("accounts.initialPassword"));
    password.setId("staff-reset-password");
    password.setHelperText(getTranslation("accounts.initialPasswordHelp"));
    dialog.add(new Paragraph(getTranslation("accounts.resetIntro")), password);
    Button save = new Button(getTranslation("accounts.reset"), click -> {
      try {
        List<UserError> errors = api.resetStaffPassword(account.username(), password.getValue());
        if (errors.isEmpty()) {
          dialog.close();
          Notification.show(getTranslation("accounts.resetDone", account.username()));
          pager.reload();
        } else {
          ApiErrors.mark(errors, Map.of("newPassword", password));
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
    });
    save.setId("staff-reset-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), save);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("accounts.pageTitle");
  }
}
