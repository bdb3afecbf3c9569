package org.onedoor.backend.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A production start on a store that once ran the demo (a demonstration on the same volume, say) disables the demo
 * accounts, whose password the README prints: those marked when seeded, and any account with a demo username that
 * still has the demo password. Their sessions end. Runs before {@link FirstAdministrator}, which then creates the
 * configured administrator if no other is left. {@code onedoor.demo.allow-in-production=true} keeps them.
 */
@Component
@Profile("prod")
@Order(2)
record DemoAccountsInProduction(MongoTemplate mongo, PasswordEncoder passwords,
    Environment environment) implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoAccountsInProduction.class);

  @Override
  public void run(ApplicationArguments args) {
    if (environment.getProperty("onedoor.demo.allow-in-production", Boolean.class, false)) {
      return;
    }
    List<String> demoNames = DemoAccounts.all().stream().map(DemoAccounts.Demo::id).toList();
    List<String> found = mongo.find(query(where("enabled").is(true)), Document.class, "accounts").stream()
        .filter(account -> account.getBoolean("demo", false) || demoNames.contains(account.getString("_id"))
            && account.getString("passwordHash") != null
            && passwords.matches(DemoAccounts.PASSWORD, account.getString("passwordHash")))
        .map(account -> account.getString("_id")).toList();
    if (found.isEmpty()) {
      return;
    }
    mongo.updateMulti(query(where("_id").in(found)), new Update().set("enabled", false), "accounts");
    mongo.remove(query(where("principalName").in(found)), MongoAuthorizationService.COLLECTION);
    log.warn("Production start: {} demo accounts with the published password disabled: {}", found.size(), found);
  }
}
