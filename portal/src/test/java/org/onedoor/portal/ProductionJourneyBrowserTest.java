package org.onedoor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A real deployment's first day in a real browser: the backend started with {@code prod} alone (no demo data), the
 * first administrator from configuration. The administrator signs in, must choose a new password, opens a township
 * account for 虎头镇 (then changes its name) and one for 虎林镇 in 账号管理, and adds a village to 虎头镇 in
 * 地名管理. 虎林镇's caseworker signs in, chooses a password and opens a file in 虎林镇; 虎头镇's does the same
 * first sign-in and then sees its own ledger — empty, without 虎林镇's child — and its scope, 虎头镇.
 */
class ProductionJourneyBrowserTest {

  private static final String SECRET = "a-client-secret-of-this-city";
  private static JourneySystem system;
  private static BackendProcess backend;
  private static Browser browser;
  private static int portalPort;

  @BeforeAll
  static void startSystem() throws Exception {
    system = JourneySystem.start(port -> BackendProcess.startProduction(port, "cityadmin", "First-Start-Pass-2026",
        SECRET), "--onedoor.portal.oidc.client-secret=" + SECRET);
    backend = system.backend;
    browser = system.browser;
    portalPort = system.portalPort;
  }

  @org.junit.jupiter.api.extension.RegisterExtension
  final org.junit.jupiter.api.extension.TestWatcher evidence = JourneySystem.evidence(() -> browser);

  @AfterAll
  static void stopSystem() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void the_first_administrator_opens_a_township_account_that_then_sees_only_its_townships_ledger() {
    String portalUrl = "http://localhost:" + portalPort;

    browser.open(portalUrl + "/admin/accounts");
    browser.awaitUrlStartingWith(backend.url() + "/login");
    signInAtIssuer("admin", "onedoor-demo");
    browser.awaitText("login-error", "用户名或密码不正确");

    signInAtIssuer("cityadmin", "First-Start-Pass-2026");
    browser.awaitText("password-account", "cityadmin");
    choosePassword("First-Start-Pass-2026", "Admin-Own-Choice-2026");
    browser.awaitText("password-changed", "密码已更改");
    signInAtIssuer("cityadmin", "Admin-Own-Choice-2026");
    browser.awaitUrlStartingWith(portalUrl);
    browser.open(portalUrl + "/admin/accounts");
    browser.awaitText("staff-accounts", "cityadmin");
    assertThat(browser.text("side-nav")).contains("账号管理").doesNotContain("儿童台账", "协同办理", "匹配审批");

    browser.click(browser.byId("accounts-new"));
    browser.type("staff-username", "hutou-lina");
    browser.type("staff-display-name", "虎头镇 李娜");
    browser.choose("staff-township", "虎头镇");
    browser.type("staff-password", "short");
    browser.click(browser.byId("staff-save"));
    browser.awaitPageText("密码至少需要12个字符");
    browser.type("staff-password", "Hutou-Initial-2026");
    browser.click(browser.byId("staff-save"));
    browser.awaitText("staff-accounts", "hutou-lina");
    assertThat(browser.text("staff-accounts")).contains("虎头镇 李娜", "乡镇工作人员", "虎头镇", "待改初始密码");
    browser.click(browser.byId("staff-edit-hutou-lina"));
    browser.type("staff-display-name", "虎头镇 李娜（社工）");
    browser.click(browser.byId("staff-save"));
    browser.awaitText("staff-accounts", "虎头镇 李娜（社工）");

    browser.click(browser.byId("accounts-new"));
    browser.type("staff-username", "hulin-wang");
    browser.type("staff-display-name", "虎林镇 王强");
    browser.choose("staff-township", "虎林镇");
    browser.type("staff-password", "Hulin-Initial-2026");
    browser.click(browser.byId("staff-save"));
    browser.awaitText("staff-accounts", "hulin-wang");

    browser.open(portalUrl + "/admin/places");
    browser.choose("places-township", "虎头镇");
    browser.awaitText("places-villages", "口岸村");
    browser.click(browser.byId("places-add-village"));
    browser.type("place-id", "hutou-town-xincun");
    browser.type("place-name", "新村");
    browser.type("place-name-en", "Xincun Village");
    browser.click(browser.byId("place-save"));
    browser.awaitText("places-villages", "新村");

    // 虎林镇's caseworker opens a file in 虎林镇 ...
    firstSignIn(portalUrl, "hulin-wang", "Hulin-Initial-2026", "Own-Choice-Of-Wang-2026");
    browser.open(portalUrl + "/ledger");
    browser.click(browser.byId("ledger-new-file"));
    browser.type("new-file-name", "小军");
    browser.pick("new-file-sex", "男");
    browser.type("new-file-birth-date", "2017/3/8\n");
    browser.choose("new-file-township", "虎林镇");
    browser.choose("new-file-village", "新华村");
    browser.pick("new-file-causes", "监护缺失");
    browser.click(browser.byId("new-file-save"));
    browser.awaitText("file-name", "小军");

    // ... which 虎头镇's does not see: its ledger is empty, its scope is 虎头镇.
    firstSignIn(portalUrl, "hutou-lina", "Hutou-Initial-2026", "Own-Choice-Of-Lina-2026");
    browser.open(portalUrl + "/ledger");
    browser.byId("ledger");
    browser.awaitCondition(() -> !browser.driver.findElements(By.id("ledger-filters")).isEmpty());
    assertThat(browser.driver.findElements(By.cssSelector("#ledger .ledger-name"))).as("an empty ledger").isEmpty();
    assertThat(browser.driver.getPageSource()).doesNotContain("小军");
    assertThat(browser.text("side-nav")).contains("儿童台账").doesNotContain("账号管理");

    browser.open(portalUrl + "/account");
    browser.awaitText("account-roles", "乡镇工作人员");
    assertThat(browser.text("account-township")).isEqualTo("虎头镇");
  }

  /** Signs out, then in with an initial password, chooses a new one and signs in with it. */
  private void firstSignIn(String portalUrl, String username, String initial, String chosen) {
    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/ledger");
    browser.awaitUrlStartingWith(backend.url() + "/login");
    signInAtIssuer(username, initial);
    browser.awaitText("password-account", username);
    choosePassword(initial, chosen);
    signInAtIssuer(username, chosen);
    browser.awaitUrlStartingWith(portalUrl);
  }

  private void signInAtIssuer(String username, String password) {
    browser.byId("username").sendKeys(username);
    browser.byId("password").sendKeys(password);
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  private void choosePassword(String current, String chosen) {
    browser.byId("current").sendKeys(current);
    browser.byId("password").sendKeys(chosen);
    browser.byId("repeat").sendKeys(chosen);
    browser.byId("password-submit").click();
  }
}
