package org.onedoor.backend.identity;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.onedoor.schema.RoleNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo profile: one account per role, all with the password {@value #PASSWORD}. Created only when missing, so
 * preferences changed through the API survive a restart. Listed in the README.
 */
@Component
@Profile("demo")
@Order(2)
record DemoAccounts(AccountRepository accounts, PasswordEncoder passwords, Clock clock,
    org.springframework.data.mongodb.core.MongoTemplate mongo) implements ApplicationRunner {

  static final String PASSWORD = "onedoor-demo";

  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

  @Override
  public void run(ApplicationArguments args) {
    List<Demo> missing = all().stream().filter(d -> !accounts.existsById(d.id())).toList();
    if (!missing.isEmpty()) {
      String hash = passwords.encode(PASSWORD);
      accounts.saveAll(missing.stream().map(d -> new Account(d.id(), hash, d.displayName(), Set.of(d.role()),
          d.department(), d.townshipId(), d.villageId(), null, true, clock.instant(), false)).toList());
      // Marked, so that a production start finds and disables them (DemoAccountsInProduction).
      mongo.updateMulti(org.springframework.data.mongodb.core.query.Query.query(
              org.springframework.data.mongodb.core.query.Criteria.where("_id").in(missing.stream().map(Demo::id)
                  .toList())),
          new org.springframework.data.mongodb.core.query.Update().set("demo", true), Account.class);
    }
    log.info("Demo accounts: {} added; sign in as {} with password {}", missing.size(),
        all().stream().map(Demo::id).toList(), PASSWORD);
  }

  static List<Demo> all() {
    return List.of(
        new Demo("volunteer", "志愿者 李明", RoleNames.VOLUNTEER, null, null, null),
        new Demo("family", "爱心家庭 张家", RoleNames.FAMILY, null, null, null),
        new Demo("charity", "虎林市慈善会", RoleNames.CHARITY, null, null, null),
        new Demo("supervisor", "督导员 王芳", RoleNames.SUPERVISOR, null, "hulin-town", "hulin-town-xinhua"),
        new Demo("township", "虎林镇 刘强", RoleNames.TOWNSHIP_STAFF, null, "hulin-town", null),
        new Demo("department", "教育局 陈静", RoleNames.DEPARTMENT_STAFF, Department.EDUCATION, null, null),
        new Demo("police", "公安局 孙涛", RoleNames.DEPARTMENT_STAFF, Department.PUBLIC_SECURITY, null, null),
        new Demo("judiciary", "司法局 吴律师", RoleNames.DEPARTMENT_STAFF, Department.JUDICIARY, null, null),
        new Demo("court", "人民法院 郑法官", RoleNames.DEPARTMENT_STAFF, Department.COURT, null, null),
        new Demo("civil", "民政局 赵伟", RoleNames.CIVIL_AFFAIRS, null, null, null),
        // A second officer: a placement with a family is approved by two different people.
        new Demo("civil2", "民政局 孙丽", RoleNames.CIVIL_AFFAIRS, null, null, null),
        new Demo("oversight", "市督导办 周敏", RoleNames.OVERSIGHT, null, null, null),
        new Demo("admin", "系统管理员", RoleNames.ADMIN, null, null, null));
  }

  record Demo(String id, String displayName, String role, Department department, String townshipId,
      String villageId) {
  }
}
