package org.onedoor.backend.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.onedoor.backend.platform.Roles;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.schema.RoleNames;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The caller's own account: who they are and their preferences. */
@Service
public class Accounts {

  private static final String COLLECTION = "accounts";

  private final MongoTemplate mongo;
  private final Messages messages;
  private final Clock clock;
  private final org.springframework.security.crypto.password.PasswordEncoder passwords;

  Accounts(MongoTemplate mongo, Messages messages, Clock clock,
      org.springframework.security.crypto.password.PasswordEncoder passwords) {
    this.passwords = passwords;
    this.mongo = mongo;
    this.messages = messages;
    this.clock = clock;
  }

  /** The signed-in caller's account: identity from the token, preferences from the store. */
  @PreAuthorize(Roles.SIGNED_IN)
  public Me me() {
    Caller caller = caller();
    return view(caller, storedLanguage(caller.subject()));
  }

  /**
   * Changes the caller's preferences with one atomic update, so concurrent changes never lose each other's fields.
   * An account of an external issuer gets a preferences-only record (no password, not enabled for local sign-in).
   */
  @PreAuthorize(Roles.SIGNED_IN)
  public UpdateMyPreferencesPayload updateMyPreferences(UpdateMyPreferencesInput input, Locale locale) {
    Caller caller = caller();
    if (input == null || input.preferredLanguage() == null) {
      return UpdateMyPreferencesPayload.refused(messages.userError("NOTHING_TO_CHANGE", null, locale));
    }
    Update update = new Update()
        .set("preferredLanguage", input.preferredLanguage().name())
        .setOnInsert("displayName", caller.displayName())
        .setOnInsert("roles", List.of())
        .setOnInsert("enabled", false)
        .setOnInsert("createdAt", clock.instant());
    mongo.upsert(query(where("_id").is(caller.subject())), update, COLLECTION);
    return UpdateMyPreferencesPayload.success(view(caller, input.preferredLanguage()));
  }

  /**
   * For other features (casefiles): whether the account holds the supervisor role for this village. The caller
   * authorizes; nothing of the account but the answer leaves this feature.
   */
  public boolean isSupervisorOf(String accountId, String villageId) {
    if (accountId == null || villageId == null) {
      return false;
    }
    Account account = mongo.findById(accountId, Account.class);
    return account != null && account.roles().contains(RoleNames.SUPERVISOR) && villageId.equals(account.villageId());
  }

  /**
   * For other features (casefiles): display names by account id, in one query that reads nothing else. The caller
   * authorizes; ids not found are absent.
   */
  public java.util.Map<String, String> displayNames(java.util.Collection<String> accountIds) {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    if (!accountIds.isEmpty()) {
      var q = query(where("_id").in(accountIds));
      q.fields().include("displayName");
      mongo.find(q, Document.class, COLLECTION)
          .forEach(a -> names.put(a.getString("_id"), a.getString("displayName")));
    }
    return names;
  }

  /**
   * For other features (casefiles): the enabled supervisor accounts of each village, id to display name, by name,
   * in one query that reads nothing else. The caller authorizes.
   */
  public java.util.Map<String, java.util.Map<String, String>> supervisorsOf(java.util.Collection<String> villageIds) {
    java.util.Map<String, java.util.Map<String, String>> supervisors = new java.util.LinkedHashMap<>();
    if (!villageIds.isEmpty()) {
      var q = query(where("villageId").in(villageIds).and("roles").is(RoleNames.SUPERVISOR).and("enabled").is(true))
          .with(org.springframework.data.domain.Sort.by("displayName", "_id"));
      q.fields().include("displayName").include("villageId");
      mongo.find(q, Document.class, COLLECTION).forEach(a -> supervisors
          .computeIfAbsent(a.getString("villageId"), v -> new java.util.LinkedHashMap<>())
          .put(a.getString("_id"), a.getString("displayName")));
    }
    return supervisors;
  }

  private Language storedLanguage(String subject) {
    var q = query(where("_id").is(subject));
    q.fields().include("preferredLanguage");
    Document stored = mongo.findOne(q, Document.class, COLLECTION);
    String language = stored == null ? null : stored.getString("preferredLanguage");
    return language == null ? Language.ZH_CN : Language.valueOf(language);
  }

  private static Me view(Caller caller, Language language) {
    return new Me(caller.subject(), caller.displayName(), caller.roles(), caller.department(),
        caller.townshipId(), caller.villageId(), language);
  }

  private static Caller caller() {
    return Caller.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
  }

  /**
   * Opens an account for a sign-up: disabled and without roles, so it cannot sign in until approved. Returns false
   * when the username is taken (nothing is stored then).
   */
  @org.springframework.security.access.prepost.PreAuthorize(Roles.PUBLIC)
  public boolean openPending(String username, String password, String displayName, String townshipId) {
    try {
      mongo.insert(new Account(username, passwords.encode(password), displayName, java.util.Set.of(), null,
          townshipId, null, Language.ZH_CN, false, clock.instant(), false));
      return true;
    } catch (org.springframework.dao.DuplicateKeyException taken) {
      return false;
    }
  }

  /**
   * For the retention rules (intake, which authorizes and audits): deletes the accounts of these usernames that were
   * opened for a sign-up and never approved — disabled, without a role — with the name and password they held, each
   * only if it was opened before the given instant (the sign-up's decision: a newer account of the same name is
   * someone else's). An approved account is never touched. How many were deleted.
   */
  public long discardNeverApproved(java.util.Map<String, java.time.Instant> openedBefore) {
    long deleted = 0;
    for (var entry : openedBefore.entrySet()) {
      deleted += mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
          org.springframework.data.mongodb.core.query.Criteria.where("_id").is(entry.getKey()).and("enabled").is(false)
              .and("roles").size(0).and("createdAt").lt(entry.getValue())), Account.class).getDeletedCount();
    }
    return deleted;
  }

  /** Whether a username is free. */
  @org.springframework.security.access.prepost.PreAuthorize(Roles.PUBLIC)
  public boolean usernameFree(String username) {
    return mongo.findById(username, Account.class) == null;
  }

  /** Civil affairs and administrators: enables an approved sign-up's account with its role. */
  @org.springframework.security.access.prepost.PreAuthorize(Roles.AUDITORS)
  public void approve(String username, String role) {
    mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("_id").is(username)),
        new org.springframework.data.mongodb.core.query.Update().set("enabled", true).set("roles",
            java.util.Set.of(role)), Account.class);
  }
}
