package org.onedoor.backend.identity;

import java.time.Clock;
import java.util.Set;
import org.onedoor.backend.platform.graphql.Messages;
import org.onedoor.schema.RoleNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Every start with the embedded issuer: when no enabled administrator exists, the one configured in
 * {@link AdminSettings} is created with its initial password, which must be changed at the first sign-in. A
 * production start ({@code prod}) with no administrator and none configured, or with a weak initial password, stops
 * with a message saying what to set ({@link NoAdministratorException}). Runs after the demo accounts.
 */
@Component
@Conditional(EmbeddedIssuerCondition.class)
@Order(3)
record FirstAdministrator(MongoTemplate mongo, AdminSettings settings, PasswordEncoder passwords, Clock clock,
    Environment environment, Messages messages) implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  @Override
  public void run(ApplicationArguments args) {
    boolean production = environment.acceptsProfiles(Profiles.of("prod"));
    if (mongo.exists(Query.query(Criteria.where("roles").is(RoleNames.ADMIN).and("enabled").is(true)), Account.class)) {
      return;
    }
    if (!settings.configured()) {
      if (production) {
        throw new NoAdministratorException("No administrator account exists and none is configured.");
      }
      log.warn("No administrator account exists: set ONEDOOR_ADMIN_USERNAME and ONEDOOR_ADMIN_INITIAL_PASSWORD");
      return;
    }
    String username = settings.username().trim();
    var weak = Passwords.problem(settings.initialPassword(), username);
    if (weak.isPresent()) {
      throw new NoAdministratorException("The initial administrator password (ONEDOOR_ADMIN_INITIAL_PASSWORD) is "
          + "refused: " + messages.get(weak.get(), java.util.Locale.ENGLISH, Passwords.MIN_LENGTH));
    }
    if (mongo.findById(username, Account.class) != null) {
      throw new NoAdministratorException("ONEDOOR_ADMIN_USERNAME '" + username + "' names an existing account that "
          + "is not an enabled administrator; choose another username.");
    }
    mongo.insert(new Account(username, passwords.encode(settings.initialPassword()), "系统管理员",
        Set.of(RoleNames.ADMIN), null, null, null, null, true, clock.instant(), true));
    log.info("First administrator '{}' created; the initial password must be changed at the first sign-in", username);
  }

  /** A start that cannot have an administrator; reported by {@link NoAdministratorFailureAnalyzer}. */
  static final class NoAdministratorException extends IllegalStateException {
    NoAdministratorException(String message) {
      super(message);
    }
  }
}
