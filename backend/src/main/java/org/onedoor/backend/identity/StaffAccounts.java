package org.onedoor.backend.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bson.Document;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.Cursors;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.backend.platform.graphql.PageSize;
import org.onedoor.backend.platform.graphql.UserError;
import org.onedoor.schema.RoleNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Staff accounts kept by administrators (账号管理): opened with a role, a scope that fits it and an initial password
 * the user must change; changed against the version read; disabled (which ends the account's sessions) and enabled
 * again; given a new initial password. Every change is audited in {@code account_audit} — who, when, what changed,
 * never a password. The last enabled administrator can neither be disabled nor lose the role.
 *
 * <p>Why almost 400 lines: every change to a staff account (create, update, enable, new password, unlock) goes
 * through the same version check, scope rule, last-administrator guard and audit; one class keeps them from being
 * applied by one path and forgotten by another.
 */
@Service
class StaffAccounts {

  static final String COLLECTION = "accounts";
  static final String AUDIT = "account_audit";
  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,29}");
  static final Set<String> STAFF_ROLES = Set.of(RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF,
      RoleNames.CIVIL_AFFAIRS, RoleNames.OVERSIGHT, RoleNames.ADMIN);
  private static final Set<String> SCOPED = Set.of(RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF);
  private static final int MAX_DISPLAY_NAME = 40;

  /** A staff account as administrators see it. */
  public record View(String username, String displayName, List<String> roles, Department department,
      String townshipId, String villageId, boolean enabled, boolean mustChangePassword, int version) {
  }

  /** One audited change. */
  public record Change(String actor, String at, String action, List<String> changes) {
  }

  /** The result of a mutation: the account now, or why not. */
  public record Payload(View account, List<UserError> errors) {
    static Payload refused(List<UserError> errors) {
      return new Payload(null, errors);
    }
  }

  /** A new account. */
  public record CreateInput(String username, String displayName, List<String> roles, Department department,
      String townshipId, String villageId, String initialPassword) {
  }

  /** Changes; absent fields keep their value. */
  public record UpdateInput(String username, Integer expectedVersion, String displayName, List<String> roles,
      Department department, String townshipId, String villageId) {
  }

  private final MongoTemplate mongo;
  private final Geography geography;
  private final PasswordEncoder passwords;
  private final Messages messages;
  private final Clock clock;
  private final ObjectProvider<SessionRegistry> signedIn;
  private final SignInThrottle throttle;

  StaffAccounts(MongoTemplate mongo, Geography geography, PasswordEncoder passwords, Messages messages, Clock clock,
      ObjectProvider<SessionRegistry> signedIn, SignInThrottle throttle) {
    this.signedIn = signedIn;
    this.throttle = throttle;
    this.mongo = mongo;
    this.geography = geography;
    this.passwords = passwords;
    this.messages = messages;
    this.clock = clock;
  }

  @PreAuthorize(Roles.ADMINISTRATORS)
  public Connection<View> list(String role, String townshipId, PageSize size, String after) {
    if (role != null && !STAFF_ROLES.contains(role)) {
      return Connection.of(List.<Document>of(), size, d -> "", StaffAccounts::view);
    }
    Criteria criteria = where("roles").in(role == null ? STAFF_ROLES : Set.of(role));
    if (townshipId != null) {
      criteria = criteria.and("townshipId").is(townshipId);
    }
    if (after != null) {
      criteria = criteria.and("_id").gt(Cursors.decode(after, 1)[0]);
    }
    Query page = query(criteria).with(Sort.by("_id")).limit(size.value() + 1);
    return Connection.of(mongo.find(page, Document.class, COLLECTION), size, d -> Cursors.encode(d.getString("_id")),
        StaffAccounts::view);
  }

  @PreAuthorize(Roles.ADMINISTRATORS)
  public Payload create(CreateInput input, Locale locale) {
    List<UserError> errors = new ArrayList<>();
    String username = input.username() == null ? "" : input.username().trim();
    if (!USERNAME.matcher(username).matches()) {
      errors.add(messages.userError("USERNAME_INVALID", "username", locale));
    }
    displayName(input.displayName(), errors, locale);
    Scope scope = scope(input.roles(), input.department(), input.townshipId(), input.villageId(), errors, locale);
    Passwords.problem(input.initialPassword(), username).ifPresent(problem -> errors.add(new UserError(
        "PASSWORD_WEAK", "initialPassword", messages.get(problem, locale, Passwords.MIN_LENGTH))));
    if (errors.isEmpty() && mongo.exists(query(where("_id").is(username)), COLLECTION)) {
      errors.add(messages.userError("USERNAME_TAKEN", "username", locale));
    }
    if (!errors.isEmpty()) {
      return Payload.refused(errors);
    }
    Document account = new Document("_id", username)
        .append("passwordHash", passwords.encode(input.initialPassword()))
        .append("displayName", input.displayName().trim())
        .append("roles", List.copyOf(new TreeSet<>(scope.roles())))
        .append("department", scope.department() == null ? null : scope.department().name())
        .append("townshipId", scope.townshipId())
        .append("villageId", scope.villageId())
        .append("preferredLanguage", Language.ZH_CN.name())
        .append("enabled", true)
        .append("createdAt", Date.from(clock.instant()))
        .append("mustChangePassword", true)
        .append("version", 1);
    try {
      mongo.insert(account, COLLECTION);
    } catch (DuplicateKeyException taken) {
      return Payload.refused(List.of(messages.userError("USERNAME_TAKEN", "username", locale)));
    }
    audit(username, "CREATED", describe(new Document(), account));
    return new Payload(view(account), List.of());
  }

  @PreAuthorize(Roles.ADMINISTRATORS)
  public Payload update(UpdateInput input, Locale locale) {
    Document current = input.username() == null ? null : mongo.findById(input.username(), Document.class, COLLECTION);
    if (current == null || !isStaff(current)) {
      return Payload.refused(List.of(messages.userError("ACCOUNT_NOT_FOUND", "username", locale)));
    }
    List<UserError> errors = new ArrayList<>();
    if (input.displayName() != null) {
      displayName(input.displayName(), errors, locale);
    }
    Update update = new Update().inc("version", 1);
    Document changed = new Document(current);
    if (input.displayName() != null) {
      update.set("displayName", input.displayName().trim());
      changed.put("displayName", input.displayName().trim());
    }
    boolean adminTaken = false;
    if (input.roles() != null && Caller.current().map(Caller::subject).orElse("").equals(input.username())) {
      // Least privilege: an administrator cannot grant itself a casework role (or drop its own administrator role).
      return Payload.refused(List.of(messages.userError("OWN_ROLES", "roles", locale)));
    }
    if (input.roles() != null) {
      Scope scope = scope(input.roles(), input.department(), input.townshipId(), input.villageId(), errors, locale);
      if (errors.isEmpty()) {
        List<String> roles = List.copyOf(new TreeSet<>(scope.roles()));
        update.set("roles", roles).set("department", scope.department() == null ? null : scope.department().name())
            .set("townshipId", scope.townshipId()).set("villageId", scope.villageId());
        changed.put("roles", roles);
        changed.put("department", scope.department() == null ? null : scope.department().name());
        changed.put("townshipId", scope.townshipId());
        changed.put("villageId", scope.villageId());
        adminTaken = roles(current).contains(RoleNames.ADMIN) && !roles.contains(RoleNames.ADMIN);
      }
    }
    if (!errors.isEmpty()) {
      return Payload.refused(errors);
    }
    Document updated = mongo.findAndModify(atVersion(input.username(), input.expectedVersion()), update,
        FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    if (updated == null) {
      return Payload.refused(List.of(messages.userError("ACCOUNT_STALE", "expectedVersion", locale)));
    }
    if (adminTaken && !anEnabledAdministratorRemains()) {
      mongo.updateFirst(query(where("_id").is(input.username())), new Update().set("roles", roles(current))
          .set("department", current.get("department")).set("townshipId", current.get("townshipId"))
          .set("villageId", current.get("villageId")).inc("version", 1), COLLECTION);
      return Payload.refused(List.of(messages.userError("LAST_ADMINISTRATOR", "roles", locale)));
    }
    audit(input.username(), "UPDATED", describe(current, changed));
    return new Payload(view(updated), List.of());
  }

  @PreAuthorize(Roles.ADMINISTRATORS)
  public Payload setEnabled(String username, boolean enabled, Locale locale) {
    Document current = username == null ? null : mongo.findById(username, Document.class, COLLECTION);
    if (current == null || !isStaff(current)) {
      return Payload.refused(List.of(messages.userError("ACCOUNT_NOT_FOUND", "username", locale)));
    }
    Document updated = mongo.findAndModify(query(where("_id").is(username)),
        new Update().set("enabled", enabled).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
        Document.class, COLLECTION);
    if (!enabled && roles(current).contains(RoleNames.ADMIN) && !anEnabledAdministratorRemains()) {
      mongo.updateFirst(query(where("_id").is(username)), new Update().set("enabled", true).inc("version", 1),
          COLLECTION);
      return Payload.refused(List.of(messages.userError("LAST_ADMINISTRATOR", "enabled", locale)));
    }
    if (!enabled) {
      endSessions(username);
    }
    if (current.getBoolean("enabled", false) != enabled) {
      audit(username, enabled ? "ENABLED" : "DISABLED", List.of("enabled: " + !enabled + " → " + enabled));
    }
    return new Payload(view(updated), List.of());
  }

  @PreAuthorize(Roles.ADMINISTRATORS)
  public Payload resetPassword(String username, String newPassword, Locale locale) {
    Document current = username == null ? null : mongo.findById(username, Document.class, COLLECTION);
    if (current == null || !isStaff(current)) {
      return Payload.refused(List.of(messages.userError("ACCOUNT_NOT_FOUND", "username", locale)));
    }
    var weak = Passwords.problem(newPassword, username);
    if (weak.isPresent()) {
      return Payload.refused(List.of(new UserError("PASSWORD_WEAK", "newPassword",
          messages.get(weak.get(), locale, Passwords.MIN_LENGTH))));
    }
    Document updated = mongo.findAndModify(query(where("_id").is(username)),
        new Update().set("passwordHash", passwords.encode(newPassword)).set("mustChangePassword", true)
            .inc("version", 1), FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    endSessions(username);
    audit(username, "PASSWORD_RESET", List.of("password reset"));
    return new Payload(view(updated), List.of());
  }

  /**
   * Lifts an account's sign-in lock (after too many wrong passwords) at once and forgets its failures; audited.
   * Refused for an account that is not locked.
   */
  @PreAuthorize(Roles.ADMINISTRATORS)
  public Payload unlockSignIn(String username, Locale locale) {
    Document current = username == null ? null : mongo.findById(username, Document.class, COLLECTION);
    if (current == null || !isStaff(current)) {
      return Payload.refused(List.of(messages.userError("ACCOUNT_NOT_FOUND", "username", locale)));
    }
    if (!throttle.unlock(username)) {
      return Payload.refused(List.of(messages.userError("NOT_LOCKED", "username", locale)));
    }
    audit(username, "SIGN_IN_UNLOCKED", List.of("sign-in lock lifted"));
    return new Payload(view(current), List.of());
  }

  /** Until when each account's sign-in is locked (only those locked), in one query. */
  @PreAuthorize(Roles.ADMINISTRATORS)
  public Map<View, String> locksOf(Collection<View> accounts) {
    Map<String, java.time.Instant> locks = throttle.locks(accounts.stream().map(View::username).toList());
    Map<View, String> result = new LinkedHashMap<>();
    accounts.forEach(a -> result.put(a, locks.containsKey(a.username()) ? locks.get(a.username()).toString() : null));
    return result;
  }

  /** Each account's audited changes, newest first, in one query. */
  @PreAuthorize(Roles.ADMINISTRATORS)
  public Map<View, List<Change>> historyOf(Collection<View> accounts) {
    Map<String, List<Change>> byUser = new LinkedHashMap<>();
    mongo.find(query(where("username").in(accounts.stream().map(View::username).toList()))
            .with(Sort.by(Sort.Direction.DESC, "at")), Document.class, AUDIT)
        .forEach(d -> byUser.computeIfAbsent(d.getString("username"), k -> new ArrayList<>()).add(new Change(
            d.getString("actor"), d.getDate("at").toInstant().toString(), d.getString("action"),
            d.getList("changes", String.class, List.of()))));
    Map<View, List<Change>> result = new LinkedHashMap<>();
    accounts.forEach(a -> result.put(a, byUser.getOrDefault(a.username(), List.of())));
    return result;
  }

  private record Scope(Set<String> roles, Department department, String townshipId, String villageId) {
  }

  /** The roles and the scope they need, exactly: a scope field a role does not use is refused too. */
  private Scope scope(List<String> requested, Department department, String townshipId, String villageId,
      List<UserError> errors, Locale locale) {
    Set<String> roles = requested == null ? Set.of() : Set.copyOf(requested);
    if (roles.isEmpty() || !STAFF_ROLES.containsAll(roles)) {
      errors.add(messages.userError("ROLE_NOT_STAFF", "roles", locale));
      return new Scope(roles, null, null, null);
    }
    long scoped = roles.stream().filter(SCOPED::contains).count();
    if (scoped > 1) {
      errors.add(messages.userError("SCOPE_MISMATCH", "roles", locale));
    }
    boolean needsDepartment = roles.contains(RoleNames.DEPARTMENT_STAFF);
    boolean needsTownship = roles.contains(RoleNames.TOWNSHIP_STAFF) || roles.contains(RoleNames.SUPERVISOR);
    boolean needsVillage = roles.contains(RoleNames.SUPERVISOR);
    if (needsDepartment != (department != null)) {
      errors.add(messages.userError("SCOPE_MISMATCH", "department", locale));
    }
    if (needsTownship != (townshipId != null)) {
      errors.add(messages.userError("SCOPE_MISMATCH", "townshipId", locale));
    } else if (townshipId != null && geography.townshipsById(List.of(townshipId)).isEmpty()) {
      errors.add(messages.userError("TOWNSHIP_UNKNOWN", "townshipId", locale));
    }
    if (needsVillage != (villageId != null)) {
      errors.add(messages.userError("SCOPE_MISMATCH", "villageId", locale));
    } else if (villageId != null && townshipId != null && !geography.villageInTownship(villageId, townshipId)) {
      errors.add(messages.userError("VILLAGE_NOT_IN_TOWNSHIP", "villageId", locale));
    }
    return new Scope(roles, department, townshipId, villageId);
  }

  private void displayName(String name, List<UserError> errors, Locale locale) {
    if (name == null || name.isBlank() || name.trim().length() > MAX_DISPLAY_NAME) {
      errors.add(messages.userError("DISPLAY_NAME_INVALID", "displayName", locale, MAX_DISPLAY_NAME));
    }
  }

  private static Query atVersion(String username, Integer expected) {
    int version = expected == null ? -1 : expected;
    Criteria atVersion = version == 0
        ? new Criteria().orOperator(where("version").is(0), where("version").exists(false))
        : where("version").is(version);
    return query(where("_id").is(username).andOperator(atVersion));
  }

  private boolean anEnabledAdministratorRemains() {
    return mongo.exists(query(where("roles").is(RoleNames.ADMIN).and("enabled").is(true)), COLLECTION);
  }

  /**
   * Ends the account's sessions: its refresh tokens (and codes, and sign-ins in progress) stop working, and its
   * signed-in browser sessions at the issuer of this instance expire. (Another instance's issuer session cannot get
   * a token while the account is disabled or must change its password: see AuthorizationServerConfiguration.)
   */
  private void endSessions(String username) {
    mongo.remove(query(where("principalName").is(username)), MongoAuthorizationService.COLLECTION);
    SessionRegistry registry = signedIn.getIfAvailable();
    if (registry != null) {
      registry.getAllPrincipals().stream()
          .filter(p -> p instanceof UserDetails user && user.getUsername().equals(username))
          .forEach(p -> registry.getAllSessions(p, false).forEach(SessionInformation::expireNow));
    }
  }

  private void audit(String username, String action, List<String> changes) {
    String actor = Caller.current().map(Caller::subject).orElse("system");
    mongo.insert(new Document("username", username).append("actor", actor).append("at", Date.from(clock.instant()))
        .append("action", action).append("changes", changes), AUDIT);
  }

  /** "field: old → new" for the fields that differ; never the password. */
  private static List<String> describe(Document before, Document after) {
    List<String> changes = new ArrayList<>();
    for (String field : List.of("displayName", "roles", "department", "townshipId", "villageId", "enabled")) {
      Object was = before.get(field);
      Object now = after.get(field);
      if (!Objects.equals(was, now)) {
        changes.add(field + ": " + (was == null ? "—" : was) + " → " + (now == null ? "—" : now));
      }
    }
    return changes;
  }

  private static boolean isStaff(Document account) {
    List<String> roles = roles(account);
    return !roles.isEmpty() && STAFF_ROLES.containsAll(roles);
  }

  private static List<String> roles(Document account) {
    return account.getList("roles", String.class, List.of());
  }

  private static View view(Document d) {
    String department = d.getString("department");
    return new View(d.getString("_id"), d.getString("displayName"), roles(d),
        department == null ? null : Department.valueOf(department), d.getString("townshipId"),
        d.getString("villageId"), d.getBoolean("enabled", false), d.getBoolean("mustChangePassword", false),
        d.getInteger("version", 0));
  }
}
