package org.onedoor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The skeleton's main journey in a real browser against the real backend: the public home page in Chinese,
 * the switch to English, sign-in through the issuer's login page, the account page with the right roles, the
 * preferred language kept by the account, and sign-out.
 */
class PortalJourneyBrowserTest {

  private static JourneySystem system;
  private static BackendProcess backend;
  private static int portalPort;
  private static Browser browser;

  @BeforeAll
  static void startSystem() throws Exception {
    system = JourneySystem.start(BackendProcess::start);
    backend = system.backend;
    portalPort = system.portalPort;
    browser = system.browser;
  }

  @org.junit.jupiter.api.extension.RegisterExtension
  final org.junit.jupiter.api.extension.TestWatcher evidence = JourneySystem.evidence(() -> browser);

  /** Every journey starts as a visitor: no session left by the journey before (their order is not fixed). */
  @org.junit.jupiter.api.BeforeEach
  void signedOut() {
    browser.open("http://localhost:" + portalPort + "/");
    browser.driver.manage().deleteAllCookies();
  }

  @AfterAll
  static void stopSystem() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void a_visitor_reads_townships_in_chinese_switches_to_english_signs_in_and_sees_their_roles() {
    String portalUrl = "http://localhost:" + portalPort;

    browser.open(portalUrl + "/");
    browser.awaitCondition(() -> browser.content("townships").contains("虎林镇"));
    assertThat(browser.content("townships")).as("the map's table of townships").contains("珍宝岛乡", "阿北乡");
    assertThat(browser.text("home-actions")).contains("我要帮扶", "报告儿童风险", "申请救助");
    assertThat(browser.text("home-figures")).contains("待帮扶需求", "在册儿童");
    assertThat(browser.driver.findElements(By.cssSelector("#home-urgent .need-card"))).isNotEmpty();
    everyChartShowsItsTable();
    assertThat(browser.text("language-switch")).isEqualTo("English");
    assertThat(browser.text("side-nav")).contains("首页");
    assertThat(browser.text("sign-in")).isEqualTo("登录");

    browser.byId("language-switch").click();
    browser.awaitCondition(() -> browser.content("townships").contains("Hulin Town"));
    assertThat(browser.content("townships")).contains("Zhenbaodao Township").doesNotContain("虎林镇");
    assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
    browser.open(portalUrl + "/needs");
    browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector("#needs .need-card")).isEmpty());
    assertThat(browser.text("needs")).as("English punctuation in English").contains("Category: ")
        .doesNotContain("：", "、", "；");
    browser.open(portalUrl + "/");
    assertThat(browser.text("side-nav")).contains("Home");
    assertThat(browser.text("language-switch")).isEqualTo("中文");

    browser.byId("sign-in").click();
    browser.awaitUrlStartingWith(backend.url() + "/login");
    // The issuer's sign-in page speaks the language the portal was in.
    assertThat(browser.driver.getTitle()).isEqualTo("Sign in to OneDoor");
    browser.byId("username").sendKeys("supervisor");
    browser.byId("password").sendKeys("onedoor-demo");
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    browser.awaitUrlStartingWith(portalUrl);
    // The sign-in lands once the portal shows who is signed in (not while its callback is still redirecting).
    browser.byId("signed-in-user");

    browser.open(portalUrl + "/account");
    // The account prefers Chinese (the default), and the account's preference wins after sign-in.
    browser.awaitText("account-roles", "儿童福利督导员");
    assertThat(browser.text("account-name")).isEqualTo("督导员 王芳");
    assertThat(browser.text("account-village")).isEqualTo("新华村");
    assertThat(browser.text("account-township")).isEqualTo("虎林镇");
    assertThat(browser.text("signed-in-user")).isEqualTo("督导员 王芳");

    browser.byId("language-switch").click();
    browser.awaitText("account-roles", "Child-welfare supervisor");
    assertThat(browser.text("account-language")).isEqualTo("English");

    browser.byId("sign-out").click();
    browser.awaitUrlStartingWith(portalUrl);
    browser.awaitText("sign-in", "Sign in");
    browser.open(portalUrl + "/account");
    browser.awaitUrlStartingWith(backend.url() + "/login");
    browser.byId("username").sendKeys("supervisor");
    browser.byId("password").sendKeys("wrong password");
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    browser.awaitText("login-error", "The username or password is not correct.");
  }

  @Test
  void when_the_backend_cannot_be_reached_the_home_page_says_so_in_chinese_without_technical_detail() throws Exception {
    int deadBackendPort = BackendProcess.freePort();
    int port = BackendProcess.freePort();
    try (ConfigurableApplicationContext orphan = JourneySystem.startPortal(port, "http://localhost:" + deadBackendPort)) {
      browser.driver.manage().deleteAllCookies();
      browser.open("http://localhost:" + port + "/");

      browser.awaitText("townships-unavailable", "暂时无法连接服务，请稍后再试。");
      assertThat(browser.driver.getPageSource()).doesNotContain("Exception", "Connection refused", "localhost:" + deadBackendPort);
    }
  }

  @Test
  void an_unexpected_failure_shows_a_localised_apology_without_exception_or_data() {
    browser.driver.manage().deleteAllCookies();
    browser.open("http://localhost:" + portalPort + "/test-only/failure");

    browser.awaitText("unexpected-error", "页面暂时无法显示");
    assertThat(browser.driver.getPageSource())
        .doesNotContain("IllegalStateException", "230381201001011234", "新华村", "Exception");
  }

  @Test
  void the_public_board_lists_anonymised_needs_filters_by_category_and_opens_one() throws Exception {
    browser.driver.manage().deleteAllCookies();
    browser.open("http://localhost:" + portalPort + "/needs");

    browser.awaitText("needs", "基本生活");
    assertThat(browser.text("side-nav")).contains("需求公示");
    browser.choose("filter-category", "基本生活");
    browser.awaitCondition(() -> !browser.text("needs").contains("康复") && !browser.text("needs").contains("教育"));
    assertThat(browser.text("needs")).contains("基本生活", "为困境儿童募集冬季生活费", "元");

    WebElement card = browser.driver.findElements(By.cssSelector("#needs .need-card")).stream()
        .filter(c -> c.getText().contains("为困境儿童募集冬季生活费")).findFirst().orElseThrow();
    browser.click(card.findElement(By.cssSelector(".od-card-title a")));
    browser.awaitPageText("家庭收入微薄");
    assertThat(browser.driver.getCurrentUrl()).as("the need has an address of its own").matches(".*/needs/[^/]+$");
    assertThat(browser.text("need-facts")).contains("发布于", "类别：基本生活", "乡镇：");
    String needUrl = browser.driver.getCurrentUrl();
    browser.click(browser.byId("need-back"));
    browser.awaitText("needs", "为困境儿童募集冬季生活费");

    // A link preview reads the first HTML and runs no script: the need's title and description are in its head.
    String head = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(needUrl)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertThat(head).contains("<html lang=\"zh-CN\"", "property=\"og:title\" content=\"为困境儿童募集冬季生活费\"",
        "property=\"og:type\" content=\"article\"", "property=\"og:url\" content=\"" + needUrl + "\"");
    assertThat(head).containsPattern("property=\"og:description\" content=\"基本生活 · [^\"]*岁[^\"]* · [^\"]*元");
    assertThat(head).contains("<title>为困境儿童募集冬季生活费 · ");
  }

  @Test
  void township_staff_record_consent_draft_a_need_see_the_guard_fix_the_text_and_publish_it() {
    String portalUrl = "http://localhost:" + portalPort;
    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/ledger");
    browser.awaitUrlStartingWith(backend.url() + "/login");
    browser.byId("username").sendKeys("township");
    browser.byId("password").sendKeys("onedoor-demo");
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    browser.awaitUrlStartingWith(portalUrl);
    browser.open(portalUrl + "/ledger");
    browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector(".record-consent")).isEmpty());
    assertThat(browser.text("side-nav")).contains("儿童台账");
    String childName = firstChildName();

    browser.driver.findElements(By.cssSelector(".record-consent")).getFirst().click();
    browser.byId("consent-given-by").findElement(By.cssSelector("input")).sendKeys("测试监护人");
    browser.byId("consent-relationship").findElement(By.cssSelector("input")).sendKeys("祖母");
    browser.byId("consent-save").click();
    browser.awaitCondition(() -> browser.driver.findElements(By.id("consent-dialog")).isEmpty());

    browser.driver.findElements(By.cssSelector(".new-need")).getFirst().click();
    browser.byId("editor-title").findElement(By.cssSelector("input")).sendKeys("冬季衣物");
    browser.choose("editor-urgency", "特急");
    browser.byId("editor-goods").findElement(By.cssSelector("input")).sendKeys("棉衣，棉鞋");
    browser.byId("editor-description").findElement(By.cssSelector("textarea"))
        .sendKeys(childName + "需要冬季衣物，联系电话13945671234。");
    browser.byId("editor-check").click();
    browser.awaitText("publication-check", childName);
    assertThat(browser.text("publication-check")).contains("儿童姓名", "疑似电话号码", "13945671234");
    assertThat(browser.byId("editor-publish").getDomAttribute("disabled")).as("publish disabled").isNotNull();

    var description = browser.byId("editor-description").findElement(By.cssSelector("textarea"));
    description.clear();
    description.sendKeys("孩子需要冬季衣物。");
    browser.byId("editor-check").click();
    browser.awaitText("publication-check", "检查通过");
    browser.awaitCondition(() -> browser.byId("editor-publish").getDomAttribute("disabled") == null);
    browser.byId("editor-publish").click();
    browser.awaitText("published", "已发布");

    browser.open(portalUrl + "/needs");
    browser.choose("filter-urgency", "特急");
    browser.awaitText("needs", "冬季衣物");
    assertThat(browser.text("needs")).doesNotContain(childName);
  }

  /**
   * The ledger's rows as name and address of the file, read at once in the page: the grid reuses its rows when it
   * reloads, so an element found a moment before may by then show another child.
   */
  @SuppressWarnings("unchecked")
  private List<List<String>> ledgerLinks() {
    return (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
        "return [...document.querySelectorAll('#ledger .ledger-name')].filter(l => l.textContent.trim())"
            + ".map(l => [l.textContent.trim(), l.getAttribute('href')]);");
  }

  /** The child's name in the first row of the ledger, as the staff member reads it. */
  private String firstChildName() {
    return browser.driver.findElements(By.cssSelector("#ledger .ledger-name")).getFirst().getText();
  }

  @Test
  void the_public_sees_the_protection_network_and_statistics_with_small_counts_suppressed() {
    browser.driver.manage().deleteAllCookies();
    browser.open("http://localhost:" + portalPort + "/network");

    browser.awaitText("children-homes", "虎林市儿童福利院");
    assertThat(browser.text("organisations")).contains("虎林市慈善总会", "已核验").doesNotContain("刘会长");
    assertThat(browser.text("statistics")).contains("虎林镇", "阿北乡", "全市合计");
    assertThat(browser.text("statistics")).contains("<5");
    assertThat(browser.text("statistics").lines()).as("no count below 5 is shown as a number")
        .noneMatch(line -> line.strip().matches("[0-4]"));
    assertThat(browser.text("care-network")).contains("志愿者", "家庭寄养", "虎头镇", "<5");
    assertThat(browser.text("care-network").lines()).noneMatch(line -> line.strip().matches("[0-4]"));
  }

  /** Signs in through the issuer's login page, starting from a protected portal page. */
  private static final java.util.regex.Pattern RECEIPT_CODE = java.util.regex.Pattern.compile(
      "[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");

  /**
   * On the workbench: narrows the queue to one receipt code, claims its task (again, when a click landed while the
   * grid was being redrawn) and opens it for handling.
   */
  private void claimAndHandle(String code) {
    narrowWorkbenchTo(code);
    browser.awaitCondition(() -> {
      var handles = browser.driver.findElements(By.cssSelector("#workbench .task-handle"));
      if (!handles.isEmpty()) {
        return true;
      }
      var claims = browser.driver.findElements(By.cssSelector("#workbench .task-claim"));
      if (!claims.isEmpty()) {
        try {
          claims.getFirst().click();
        } catch (org.openqa.selenium.WebDriverException redrawn) {
          // the grid was redrawn under the click: try again on the next poll
        }
      }
      return false;
    });
    browser.click(browser.driver.findElements(By.cssSelector("#workbench .task-handle")).getFirst());
    browser.byId("task-dialog");
  }

  /**
   * Every chart on the page shows the values of its own data table: each number in a row of the table is written on
   * the chart (a bar's or a point's label, or a place's "name value" on the map).
   */
  private void everyChartShowsItsTable() {
    Object mismatches = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
        "const out = [];"
            + "for (const figure of document.querySelectorAll('figure.chart')) {"
            + "  const texts = [...figure.querySelectorAll('svg text')].map(t => t.textContent.trim());"
            + "  for (const row of figure.querySelectorAll('tbody tr')) {"
            + "    const cells = [...row.children].map(c => c.textContent.trim());"
            + "    for (const value of cells.slice(1)) {"
            + "      if (!/^[0-9.]+$/.test(value)) { continue; }"
            + "      if (!texts.some(t => t === value || t.endsWith(' ' + value))) {"
            + "        out.push(figure.id + ': ' + cells.join(' | '));"
            + "      }"
            + "    }"
            + "  }"
            + "}"
            + "return out.join('\\n');");
    assertThat(String.valueOf(mismatches)).as("values in a chart's table that the chart does not show").isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("figure.chart tbody tr"))).isNotEmpty();
  }

  private void signIn(String username, String path) {
    signIn(username, "onedoor-demo", path);
  }

  private void signIn(String username, String password, String path) {
    String portalUrl = "http://localhost:" + portalPort;
    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + path);
    browser.awaitUrlStartingWith(backend.url() + "/login");
    browser.byId("username").sendKeys(username);
    browser.byId("password").sendKeys(password);
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    browser.awaitUrlStartingWith(portalUrl);
    browser.byId("signed-in-user");
    browser.open(portalUrl + path);
    // The account may prefer English (another journey chose it): these journeys read the portal in Chinese.
    if ("中文".equals(browser.text("language-switch"))) {
      browser.byId("language-switch").click();
      browser.awaitText("language-switch", "English");
    }
  }

  /**
   * From the ledger, as township staff: opens the file of a child of Xinhua village, lacking guardianship, named with
   * this prefix and two characters no other journey's child has; the file is shown.
   *
   * @return the child's name
   */
  private String openXinhuaFile(String prefix, String sex, String birthDate) {
    String childName = prefix + "甲乙丙丁戊己庚辛壬癸".charAt((int) (System.nanoTime() % 10))
        + "子丑寅卯辰巳午未申酉".charAt((int) (System.nanoTime() / 7 % 10));
    browser.clickId("ledger-new-file");
    browser.type("new-file-name", childName);
    browser.pick("new-file-sex", sex);
    browser.type("new-file-birth-date", birthDate + "\n");
    browser.choose("new-file-township", "虎林镇");
    browser.choose("new-file-village", "新华村");
    browser.pick("new-file-causes", "监护缺失");
    browser.clickId("new-file-save");
    browser.awaitText("file-name", childName);
    return childName;
  }

  /** Narrows the workbench's queue to the task of one receipt code. */
  private void narrowWorkbenchTo(String code) {
    WebElement codeField = browser.byId("workbench-code").findElement(By.cssSelector("input"));
    if (!code.equals(codeField.getAttribute("value"))) {
      codeField.sendKeys(code);
    }
    browser.awaitCondition(() -> {
      var codes = RECEIPT_CODE.matcher(browser.text("workbench")).results().map(m -> m.group()).toList();
      return !codes.isEmpty() && codes.stream().allMatch(code::equals);
    });
  }

  /**
   * Ends the user's sign-in behind the portal's back, as an expired or revoked session would: the token the portal
   * keeps for them is one the backend refuses. Signing in again replaces it.
   */
  private void revokeSignIn(String username) {
    var clients = system.portal.getBean(
        org.springframework.security.oauth2.client.OAuth2AuthorizedClientService.class);
    org.springframework.security.oauth2.client.OAuth2AuthorizedClient current = clients.loadAuthorizedClient(
        org.onedoor.portal.security.SignIn.REGISTRATION_ID, username);
    assertThat(current).as("the portal holds a token for " + username).isNotNull();
    java.time.Instant now = java.time.Instant.now();
    clients.saveAuthorizedClient(new org.springframework.security.oauth2.client.OAuth2AuthorizedClient(
        current.getClientRegistration(), username, new org.springframework.security.oauth2.core.OAuth2AccessToken(
            org.springframework.security.oauth2.core.OAuth2AccessToken.TokenType.BEARER, "revoked", now,
            now.plusSeconds(3600))),
        new org.springframework.security.authentication.TestingAuthenticationToken(username, null));
  }

  @Test
  void on_a_phone_a_supervisor_goes_round_opens_a_childs_file_with_the_address_records_the_visit_and_the_child_leaves_the_list() {
    signIn("supervisor", "/visits");
    browser.phone(390, 844);
    try {
      browser.open("http://localhost:" + portalPort + "/visits");
      By names = By.cssSelector("#overdue-visits .visit-card .od-card-title a");
      browser.awaitCondition(() -> !browser.driver.findElements(names).isEmpty());
      int overdue = browser.driver.findElements(names).size();
      assertThat(browser.text("overdue-visits")).contains("逾期", "新华村", "督导员 王芳", "住址");
      fitsThePhone();

      WebElement first = browser.driver.findElements(names).getFirst();
      String name = first.getText();
      browser.click(first);
      browser.awaitText("file-name", name);
      assertThat(browser.text("file-identity")).as("the address to visit").containsPattern("住址：[^—\\s]+");
      assertThat(browser.text("file-guardianship")).contains("父母情况", "实际监护人");
      assertThat(browser.text("file-circumstances")).contains("就学", "享受救助");
      assertThat(browser.text("file-next-visit")).contains("逾期");
      fitsThePhone();

      browser.type("visit-findings", "祖母身体欠佳，孩子按时上学。");
      browser.type("visit-follow-up", "下周联系村医");
      browser.clickId("visit-save");
      browser.awaitNotification("已记录走访");
      browser.awaitText("file-visits", "祖母身体欠佳，孩子按时上学。");
      assertThat(browser.text("file-visits")).contains("督导员 王芳", "下周联系村医");
      assertThat(browser.text("file-next-visit")).doesNotContain("逾期");
      assertThat(browser.text("file-history")).as("who, by name").contains("记录走访", "督导员 王芳");
      fitsThePhone();

      browser.open("http://localhost:" + portalPort + "/visits");
      browser.awaitCondition(() -> browser.driver.findElements(names).size() == overdue - 1);
    } finally {
      browser.desktop();
    }
  }

  /** Nothing scrolls sideways: not the page, not a list in it; the header keeps the user's name on one line. */
  private void fitsThePhone() {
    assertThat(browser.overflow()).as(browser.overflowing()).isZero();
    assertThat(browser.sidewaysScrolling()).isEmpty();
    Object nameHeight = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
        "const n = document.getElementById('signed-in-user');"
            + "return n && n.offsetParent ? n.getBoundingClientRect().height : 0;");
    assertThat(((Number) nameHeight).doubleValue()).as("the user's name on one line at most").isLessThan(40);
  }

  @Test
  void township_staff_export_the_ledger_as_csv_and_xlsx_from_the_ledger_page() {
    signIn("township", "/ledger");
    browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector("#ledger .ledger-name")).isEmpty());
    String childName = firstChildName();

    String csv = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.getElementById('ledger-export-csv').href).then(r => r.arrayBuffer())"
            + ".then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)));");
    Object xlsxHead = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.getElementById('ledger-export-xlsx').href).then(r => r.arrayBuffer())"
            + ".then(b => done(String.fromCharCode(...new Uint8Array(b).slice(0, 2)) + ':' + b.byteLength));");

    assertThat(csv).startsWith("\uFEFF档案编号,姓名,性别,出生日期,乡镇,村（社区）");
    assertThat(csv).contains(childName, "虎林镇").doesNotContain("东方红镇,");
    assertThat(csv.lines().count()).as("a header and one line per file of the township").isGreaterThan(2);
    assertThat(String.valueOf(xlsxHead)).startsWith("PK:");

    browser.choose("ledger-cause", "家庭贫困");
    browser.awaitCondition(() -> browser.text("ledger").lines().map(String::strip)
        .noneMatch(l -> List.of("监护缺失", "残疾或重病", "残疾或重病、监护缺失").contains(l)));
    String filtered = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.getElementById('ledger-export-csv').href).then(r => r.text()).then(done);");
    List<String> rows = filtered.lines().skip(1).toList();
    assertThat(rows).as("the export follows the ledger's filter").isNotEmpty()
        .allSatisfy(row -> assertThat(row).contains("家庭贫困"));
    assertThat((long) rows.size()).isLessThan(csv.lines().count() - 1);

    // One of 2,000 children, found by name rather than paged to (issue 18).
    String poorChild = firstChildName();
    browser.type("ledger-search", poorChild + "\n");
    try {
      browser.awaitCondition(() -> {
        List<String> shown = browser.driver.findElements(By.cssSelector("#ledger .ledger-name")).stream()
            .map(WebElement::getText).filter(name -> !name.isEmpty()).toList();
        return !shown.isEmpty() && shown.stream().allMatch(poorChild::equals);
      });
    } catch (org.openqa.selenium.TimeoutException notFound) {
      throw new AssertionError("searching " + poorChild + " left " + browser.driver.findElements(
          By.cssSelector("#ledger .ledger-name")).stream().map(WebElement::getText).toList(), notFound);
    }
  }

  @Test
  void a_caseworker_finds_a_child_by_name_edits_guardianship_and_schooling_withdraws_consent_and_the_needs_leave_the_board() {
    String portalUrl = "http://localhost:" + portalPort;
    signIn("township", "/ledger");
    browser.choose("ledger-cause", "家庭贫困");
    browser.awaitCondition(() -> browser.driver.findElements(By.cssSelector("#ledger .ledger-name")).stream()
        .map(WebElement::getText).filter(name -> !name.isEmpty()).count() > 1);
    String childName = browser.driver.findElements(By.cssSelector("#ledger .ledger-name")).stream()
        .map(WebElement::getText).filter(name -> !name.isEmpty()).toList().get(1);
    browser.type("ledger-search", childName + "\n");
    try {
      browser.awaitCondition(() -> {
        List<String> shown = browser.driver.findElements(By.cssSelector("#ledger .ledger-name")).stream()
            .map(WebElement::getText).filter(name -> !name.isEmpty()).toList();
        return !shown.isEmpty() && shown.stream().allMatch(childName::equals);
      });
    } catch (org.openqa.selenium.TimeoutException notFound) {
      throw new AssertionError("searching " + childName + " left " + browser.driver.findElements(
          By.cssSelector("#ledger .ledger-name")).stream().map(WebElement::getText).toList(), notFound);
    }
    browser.open(portalUrl + "/" + ledgerLinks().stream().filter(l -> childName.equals(l.get(0))).findFirst()
        .orElseThrow().get(1));
    browser.awaitText("file-name", childName);
    String fileUrl = browser.driver.getCurrentUrl();

    // Guardianship, edited while a colleague changes the schooling in another tab: the save is stale.
    browser.clickId("file-edit-guardianship");
    browser.select("edit-capability", "监护能力不足");
    int rows = browser.driver.findElements(By.cssSelector("[id^=edit-guardian-name-]")).size();
    browser.clickId("edit-add-guardian");
    browser.type("edit-guardian-name-" + rows, "周桂芝");
    browser.type("edit-guardian-relationship-" + rows, "外祖母");
    browser.type("edit-guardian-phone-" + rows, "13812345678");
    String firstTab = browser.driver.getWindowHandle();
    browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    browser.open(fileUrl);
    browser.clickId("file-edit-schooling");
    browser.select("edit-schooling-status", "辍学");
    browser.clickId("edit-save");
    browser.awaitText("file-circumstances", "辍学");
    browser.driver.close();
    browser.driver.switchTo().window(firstTab);
    browser.clickId("edit-save");
    browser.awaitText("edit-stale", "虎林镇 刘强");
    assertThat(browser.text("edit-stale")).as("who changed what meanwhile").contains("就学");
    assertThat(browser.byId("edit-guardian-name-" + rows).findElement(By.cssSelector("input"))
        .getDomProperty("value")).as("the user's input is kept").isEqualTo("周桂芝");
    browser.clickId("edit-save");
    browser.awaitText("file-guardianship", "周桂芝");
    assertThat(browser.text("file-guardianship")).contains("外祖母", "监护能力不足");
    assertThat(browser.text("file-circumstances")).as("the colleague's change stands").contains("辍学");
    assertThat(browser.text("file-history")).contains("虎林镇 刘强", "监护情况", "就学");

    // The child returns to school.
    browser.clickId("file-edit-schooling");
    browser.select("edit-schooling-status", "在校");
    browser.type("edit-school", "虎林镇中心小学");
    browser.clickId("edit-save");
    browser.awaitText("file-circumstances", "在校 · 虎林镇中心小学");

    // A consent, and a need drafted with a deadline, checked, changed, checked again and published.
    browser.clickId("file-record-consent");
    browser.type("consent-given-by", "周桂芝");
    browser.clickId("consent-save");
    browser.awaitText("consent-dialog", "请填写表示同意的人与儿童的关系");
    browser.type("consent-relationship", "外祖母");
    browser.clickId("consent-save");
    browser.awaitText("file-consents", "有效");
    String title = "冬季棉被与保暖内衣";
    browser.clickId("file-new-need");
    browser.type("editor-title", title);
    browser.type("editor-goods", "棉被，保暖内衣");
    browser.type("editor-description", "孩子需要过冬的棉被和保暖内衣。");
    java.time.YearMonth next = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1);
    browser.choose("editor-deadline", next.getYear() + "年" + next.getMonthValue() + "月");
    browser.clickId("editor-check");
    browser.awaitText("publication-check", "检查通过");
    browser.choose("editor-urgency", "紧急");
    browser.awaitCondition(() -> browser.byId("editor-publish").getDomAttribute("disabled") != null);
    browser.clickId("editor-check");
    browser.awaitCondition(() -> browser.byId("editor-publish").getDomAttribute("disabled") == null);
    browser.clickId("editor-publish");
    browser.awaitText("published", "已发布");
    browser.clickId("editor-close");
    browser.awaitText("file-needs", title);
    assertThat(browser.text("file-needs")).as("one need, checked twice: no withdrawn drafts")
        .contains("已发布").doesNotContain("已撤回", "草稿");

    // On the board (among the urgent basic-living needs, page after page), with its own address.
    browser.open(portalUrl + "/needs");
    browser.choose("filter-category", "基本生活");
    browser.choose("filter-urgency", "紧急");
    String[] link = new String[1];
    browser.awaitCondition(() -> {
      var card = browser.driver.findElements(By.cssSelector("#needs .need-card")).stream()
          .filter(c -> c.getText().contains(title)).findFirst();
      if (card.isPresent()) {
        link[0] = card.get().findElement(By.cssSelector("a")).getDomProperty("href");
        return true;
      }
      browser.driver.findElements(By.id("needs-more")).stream().filter(WebElement::isDisplayed)
          .filter(WebElement::isEnabled).findFirst().ifPresent(WebElement::click);
      return false;
    });
    String needUrl = link[0];
    browser.open(needUrl);
    browser.awaitText("need-title", title);

    browser.open(fileUrl);
    browser.click(browser.byId("file-consents").findElement(By.cssSelector(".withdraw-consent")));
    By confirm = By.cssSelector("#confirm-withdraw-consent [slot=confirm-button]");
    browser.awaitCondition(() -> !browser.driver.findElements(confirm).isEmpty());
    browser.click(browser.driver.findElement(confirm));
    browser.awaitNotification("1 条已发布的需求已撤下");
    browser.awaitText("file-needs", "已撤回");
    assertThat(browser.text("file-consents")).contains("已撤回");
    browser.open(needUrl);
    browser.awaitText("need-title", "这条需求已不再公示");
    assertThat(browser.driver.getPageSource()).as("the withdrawn need is gone from the public").doesNotContain(title);
  }

  @Test
  void a_report_of_a_child_left_alone_is_seen_kept_safe_with_a_relative_assessed_and_the_supervisor_gets_the_visits() {
    String portalUrl = "http://localhost:" + portalPort;
    // A child of Xinhua village, on file with her grandmother (a name no other child of the township has).
    signIn("township", "/ledger");
    String childName = openXinhuaFile("留守", "女", "2018/4/9");
    browser.clickId("file-edit-guardianship");
    browser.select("edit-parents", "双方外出务工（留守）");
    browser.type("edit-guardian-name-0", "孟秀兰");
    browser.type("edit-guardian-relationship-0", "祖母");
    browser.clickId("edit-save");
    browser.awaitText("file-guardianship", "孟秀兰");
    browser.clickId("file-edit-supervisor");
    browser.choose("edit-supervisor", "督导员 王芳");
    browser.clickId("edit-save");
    browser.awaitText("file-schedule", "督导员 王芳");
    String guardian = "孟秀兰";

    // An anonymous neighbour reports the child left alone.
    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/report");
    browser.choose("report-reporter-kind", "邻居");
    browser.choose("report-township", "虎林镇");
    browser.choose("report-village", "新华村");
    browser.type("report-place", "新华村村西");
    browser.type("report-child-name", childName);
    browser.type("report-description", "孩子独自在家好几天了，没有大人。");
    browser.clickId("report-submit");
    browser.awaitText("report-receipt", "报告已收到");
    String code = browser.text("receipt-code");

    // The police see the child and record it.
    signIn("police", "/safety?receipt=" + code);
    browser.awaitText("safety-chains", code);
    browser.click(browser.driver.findElement(By.cssSelector("#safety-chains .safety-card a")));
    browser.awaitText("safety-title", code);
    String chainUrl = browser.driver.getCurrentUrl();
    assertThat(browser.text("safety-facts")).contains("公安局", "见到儿童");
    browser.type("safety-seen-by", "虎林镇派出所 孙警官");
    browser.type("safety-seen-note", "孩子饥饿，无外伤。");
    browser.clickId("safety-save");
    browser.awaitText("safety-steps", "虎林镇派出所 孙警官");

    // Civil affairs: temporary care with the relative on the register, then the assessment.
    signIn("civil", chainUrl.substring(portalUrl.length()));
    browser.awaitText("safety-title", code);
    browser.pick("safety-placement", "亲属临时照料");
    browser.chooseStartingWith("safety-place", guardian + "（");
    browser.clickId("safety-save");
    browser.awaitText("safety-steps", guardian);
    browser.awaitText("safety-facts", "评估");
    browser.select("safety-capability", "无监护能力");
    browser.select("safety-risk-tier", "1级（最高）");
    browser.type("safety-risks", "父母外出务工，无人照看。");
    browser.pick("safety-needs", "基本生活");
    browser.clickId("safety-save");
    browser.awaitText("safety-steps", "父母外出务工，无人照看。");
    assertThat(browser.text("safety-steps")).contains("见到儿童", "临时安全安置", "评估", "民政局 赵伟");

    // The supervisor hears of it and has the child on the round within a week.
    signIn("supervisor", "/notifications");
    browser.awaitText("notifications", "走访计划已更新");
    assertThat(browser.text("notifications")).contains("辖区内有新的强制报告");
    assertThat(browser.driver.findElements(By.cssSelector("#notifications .notification-link")).stream()
        .map(link -> link.getDomAttribute("href")).toList())
        .as("staff notifications lead to the work, not to the public tracking page")
        .contains("safety?receipt=" + code, "visits").noneMatch(href -> href.startsWith("track"));
    browser.open(portalUrl + "/visits");
    browser.select("visits-ahead", "未来一周内到期");
    String child = childName;
    browser.awaitCondition(() -> {
      if (browser.text("overdue-visits").contains(child)) {
        return true;
      }
      browser.driver.findElements(By.id("visits-more")).stream().filter(WebElement::isDisplayed)
          .filter(WebElement::isEnabled).findFirst().ifPresent(WebElement::click);
      return false;
    });

    // The file's timeline shows the chain, and the basic-living need waits as a draft.
    signIn("township", "/ledger?township=hulin-town");
    browser.type("ledger-search", childName + "\n");
    browser.awaitCondition(() -> ledgerLinks().stream().anyMatch(l -> child.equals(l.get(0))));
    browser.open(portalUrl + "/" + ledgerLinks().stream().filter(l -> child.equals(l.get(0))).findFirst()
        .orElseThrow().get(1));
    browser.awaitText("file-safety", code);
    assertThat(browser.text("file-safety")).contains("见到儿童", "临时安全安置", "评估");
    assertThat(browser.text("file-identity")).contains("风险等级：1");
    assertThat(browser.text("file-needs")).contains("基本生活帮扶", "草稿");
    assertThat(browser.text("file-history")).as("the assessment in the history, labelled")
        .contains("安全评估", "民政局 赵伟").doesNotContain("!history");
  }

  @Test
  void education_sees_a_drop_out_from_the_files_records_the_return_to_school_and_the_child_leaves_the_list() {
    // The township learns that a child has stopped going to school and records it on the file.
    signIn("township", "/ledger");
    browser.awaitCondition(() -> browser.driver.findElements(By.cssSelector("#ledger .ledger-name")).stream()
        .anyMatch(n -> !n.getText().isEmpty()));
    // Name and address read at once: the grid reuses its rows when it reloads.
    @SuppressWarnings("unchecked")
    List<String> nameAndLink = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
        "const a = [...document.querySelectorAll('#ledger .ledger-name')].find(l => l.textContent.trim());"
            + "return [a.textContent.trim(), a.getAttribute('href')];");
    String picked = nameAndLink.get(0);
    browser.open("http://localhost:" + portalPort + "/" + nameAndLink.get(1));
    browser.awaitText("file-name", picked);
    String fileId = browser.driver.getCurrentUrl().replaceAll(".*/files/", "");
    String name = browser.text("file-name");
    browser.clickId("file-edit-schooling");
    browser.select("edit-schooling-status", "辍学");
    browser.clickId("edit-save");
    browser.awaitText("file-circumstances", "辍学");

    signIn("department", "/worklist");
    By cards = By.cssSelector("#worklist .worklist-card");
    By card = By.cssSelector("#worklist .worklist-card[data-file='" + fileId + "']");
    browser.awaitCondition(() -> {
      if (!browser.driver.findElements(card).isEmpty()) {
        return true;
      }
      browser.driver.findElements(By.id("worklist-more")).stream().filter(WebElement::isDisplayed)
          .filter(WebElement::isEnabled).findFirst().ifPresent(WebElement::click);
      return false;
    });
    int before = dropOuts();
    assertThat(before).isPositive();
    WebElement first = browser.driver.findElement(card);
    assertThat(first.getText()).as("only what education needs").contains(name, "辍学", "岁")
        .doesNotContain("监护", "低保");

    browser.click(first.findElement(By.cssSelector(".worklist-record")));
    browser.type("worklist-note", "家访动员，孩子同意返校。");
    browser.tick("worklist-resolved");
    browser.clickId("worklist-save");
    browser.awaitText("worklist-dialog", "请选择返校情况");
    browser.select("worklist-schooling-status", "在校");
    browser.type("worklist-school", "虎林镇中心小学");
    browser.clickId("worklist-save");
    browser.awaitNotification("已办结");
    browser.awaitCondition(() -> browser.driver.findElements(card).isEmpty());
    browser.awaitCondition(() -> dropOuts() == before - 1);

    signIn("civil", "/files/" + fileId);
    browser.awaitText("file-name", name);
    assertThat(browser.text("file-circumstances")).contains("在校 · 虎林镇中心小学");
    assertThat(browser.text("file-history")).contains("教育局 陈静", "就学");
  }

  /** How many drop-outs education's worklist counts, as its remit list says. */
  private int dropOuts() {
    java.util.regex.Matcher count = java.util.regex.Pattern.compile("辍学返校（(\\d+) 人）")
        .matcher(browser.text("worklist-remit"));
    return count.find() ? Integer.parseInt(count.group(1)) : -1;
  }

  @Test
  void the_oversight_office_opens_the_dashboard_drills_into_a_township_and_downloads_the_monthly_report() {
    signIn("oversight", "/oversight");
    browser.awaitCondition(() -> browser.driver.findElements(By.cssSelector("#oversight figure.chart svg")).size()
        >= 6);
    assertThat(browser.text("side-nav")).as("staff see their work first, no citizens' forms, no sign-up")
        .startsWith("督导考核").contains("需求公示").doesNotContain("儿童台账", "走访提醒", "我要帮扶", "申请救助", "报名");
    assertThat(browser.text("oversight")).contains("部门协同", "乡镇建档与走访", "保障覆盖", "社会力量参与");
    everyChartShowsItsTable();
    assertThat(browser.driver.findElements(By.cssSelector(".oversight-to-ledger")))
        .as("the oversight office opens no list of children").isEmpty();
    WebElement map = browser.byId("chart-map");
    assertThat(map.findElement(By.cssSelector("svg")).getAttribute("aria-label")).contains("在册儿童");
    String mapTable = map.findElement(By.cssSelector("table")).getAttribute("textContent");
    assertThat(mapTable).contains("虎林镇", "虎头镇", "珍宝岛乡");
    WebElement hulinDrill = browser.driver.findElements(By.cssSelector("#oversight-township-grid .oversight-drill"))
        .stream().filter(b -> b.getText().equals("虎林镇")).findFirst().orElseThrow();
    String hulinFiles = browser.driver.findElements(By.cssSelector("#chart-map tbody tr")).stream()
        .filter(r -> r.getAttribute("textContent").startsWith("虎林镇")).findFirst().orElseThrow()
        .findElement(By.cssSelector("td")).getAttribute("textContent");
    assertThat(Integer.parseInt(hulinFiles)).as("the demo register has children in 虎林镇").isPositive();

    browser.click(hulinDrill);
    browser.awaitText("oversight-scope", "虎林镇");
    assertThat(browser.driver.getCurrentUrl()).contains("township=hulin-town");
    browser.awaitCondition(() -> browser.driver.findElements(By.cssSelector("#chart-map tbody tr")).size() == 1);
    assertThat(browser.byId("chart-map").findElement(By.cssSelector("tbody")).getAttribute("textContent"))
        .isEqualTo("虎林镇" + hulinFiles);
    everyChartShowsItsTable();

    Object report = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.getElementById('oversight-report').href).then(r => r.arrayBuffer())"
            + ".then(b => done(String.fromCharCode(...new Uint8Array(b).slice(0, 2)) + ':' + b.byteLength));");
    assertThat(String.valueOf(report)).as("an XLSX workbook").startsWith("PK:");
    assertThat(Integer.parseInt(String.valueOf(report).substring(3))).isGreaterThan(3000);

    // In English the headers are longer: none is cut off.
    browser.byId("language-switch").click();
    browser.awaitText("language-switch", "中文");
    browser.awaitCondition(() -> browser.driver.findElements(By.cssSelector("#oversight figure.chart svg")).size()
        >= 6);
    Object cut = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
        "return [...document.querySelectorAll('vaadin-grid-cell-content')]"
            + ".filter(c => c.assignedSlot && c.assignedSlot.closest('th') && c.textContent.trim()"
            + "  && c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim()).join(' | ');");
    assertThat(String.valueOf(cut)).as("column headers cut off in English").isEmpty();
    browser.byId("language-switch").click();
    browser.awaitText("language-switch", "English");
  }

  /** The public pages, as a visitor reaches them (the need page through the board). */
  private static final List<String> PUBLIC_PAGES = List.of("/", "/needs", "/network", "/apply", "/report",
      "/sign-up", "/offer", "/track");

  @Test
  void every_public_page_fits_a_phone_390_px_wide_without_sideways_scrolling() {
    browser.phone(390, 844);
    try {
      java.util.Map<String, String> tooWide = new java.util.LinkedHashMap<>();
      for (String page : PUBLIC_PAGES) {
        browser.open("http://localhost:" + portalPort + page);
        // On a phone the navigation sits in the closed drawer: wait for it to exist, then for the view.
        browser.awaitCondition(() -> !browser.driver.findElements(By.id("side-nav")).isEmpty()
            && !browser.driver.findElements(By.cssSelector("vaadin-app-layout > *:not([slot])")).isEmpty());
        // Nothing scrolls sideways, the document included, and nothing is cut off at the right edge (a wide
        // grid scrolls inside itself: its cells past the edge are what a phone user cannot see).
        String cutOff = browser.overflowing();
        if (browser.overflow() > 0 || !cutOff.isEmpty()) {
          tooWide.put(page, browser.overflow() + " px wider; past the edge: " + cutOff);
        }
      }
      browser.open("http://localhost:" + portalPort + "/needs");
      browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector("#needs .need-card")).isEmpty());
      browser.click(browser.driver.findElements(By.cssSelector("#needs .need-card .od-card-title a")).getFirst());
      browser.byId("need-facts");
      if (browser.overflow() > 0 || !browser.overflowing().isEmpty()) {
        tooWide.put("/needs/<id>", browser.overflow() + " px wider; past the edge: " + browser.overflowing());
      }
      assertThat(tooWide).as("pages wider than a 390 px phone").isEmpty();

      browser.open("http://localhost:" + portalPort + "/");
      browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector("#home-actions .od-cta")).isEmpty());
      Object lines = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
          "const r = document.createRange(); r.selectNodeContents(document.getElementById('sign-in'));"
              + "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;");
      assertThat(((Number) lines).intValue()).as("the sign-in link's text stays on one line").isEqualTo(1);
      assertThat(browser.driver.findElement(By.id("sign-in")).getRect().getHeight()).as("touch-sized")
          .isGreaterThanOrEqualTo(44);
      for (WebElement action : browser.driver.findElements(By.cssSelector("#home-actions .od-cta"))) {
        assertThat(action.getRect().getHeight()).as("a touch-sized call to action").isGreaterThanOrEqualTo(44);
      }
    } finally {
      browser.desktop();
    }
  }

  @Test
  void axe_finds_no_serious_or_critical_accessibility_violation_on_the_public_pages() {
    java.util.Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
    for (String page : PUBLIC_PAGES) {
      browser.open("http://localhost:" + portalPort + page);
      browser.byId("side-nav");
      List<String> found = browser.seriousAccessibilityViolations();
      if (!found.isEmpty()) {
        violations.put(page, found);
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void a_volunteer_pledges_two_hours_a_week_of_tutoring_on_an_education_need_and_sees_it_approved_in_my_help() {
    String portalUrl = "http://localhost:" + portalPort;
    signIn("volunteer", "/my-help");
    browser.open(portalUrl + "/needs");
    browser.choose("filter-category", "教育");
    browser.awaitCondition(() -> {
      List<String> shown = browser.driver.findElements(By.cssSelector("#needs .need-card")).stream()
          .map(WebElement::getText).toList();
      return !shown.isEmpty() && shown.stream().allMatch(t -> t.contains("类别：教育"))
          && shown.stream().anyMatch(t -> t.contains("课业辅导志愿服务"));
    });
    WebElement tutoring = browser.driver.findElements(By.xpath("//div[contains(@class,'need-card')]"
        + "[contains(., '课业辅导志愿服务')][contains(., '待帮扶')]//a")).getFirst();
    browser.click(tutoring);
    browser.awaitText("need-facts", "小时服务");
    String needUrl = browser.driver.getCurrentUrl();
    browser.click(browser.byId("need-pledge"));
    assertThat(browser.text("pledge-kind")).as("only a service meets a need for tutoring hours")
        .contains("志愿服务").doesNotContain("捐款", "捐物");
    assertThat(browser.byId("pledge-skill").getText()).contains("学业辅导");
    browser.type("pledge-hours", "2");
    if (browser.byId("pledge-township").findElement(By.cssSelector("input")).getDomProperty("value").isBlank()) {
      browser.choose("pledge-township", "虎林镇");
    }
    browser.type("pledge-description", "每周六上午辅导数学");
    browser.click(browser.byId("pledge-send"));
    browser.awaitText("pledge-result", "认捐已提交");

    signIn("civil", "/matching");
    browser.awaitText("pending-matches", "课业辅导志愿服务");
    assertThat(browser.text("pending-matches")).contains("志愿服务");
    browser.click(browser.driver.findElements(By.cssSelector(
        "#pending-matches [data-need='课业辅导志愿服务'].match-approve")).getFirst());
    browser.awaitCondition(() -> !browser.text("pending-matches").contains("课业辅导志愿服务"));

    signIn("volunteer", "/my-help");
    browser.awaitText("my-help", "课业辅导志愿服务");
    assertThat(browser.text("my-help")).contains("已批准");
    browser.awaitText("my-offers", "志愿服务");
    assertThat(browser.text("my-offers")).contains("志愿服务：学业辅导，每周2小时", "名额已满")
        .doesNotContain("可匹配");
    browser.open(portalUrl + "/notifications");
    browser.awaitText("notifications", "您的帮扶已经民政部门批准（教育）");
    assertThat(needUrl).contains("/needs/");
  }

  @Test
  void a_guardian_is_stopped_where_something_is_missing_writes_the_birth_date_as_usual_and_on_a_phone_sees_the_code() {
    String portalUrl = "http://localhost:" + portalPort;
    try {
      browser.open(portalUrl + "/apply");
      browser.awaitText("apply-step", "第1步，共3步");
      browser.click(browser.byId("apply-next"));
      assertThat(browser.text("apply-step")).as("a step missing a required field stays").contains("第1步");
      assertThat(browser.byId("apply-applicant-name").getDomAttribute("invalid")).isNotNull();
      browser.pick("apply-applicant-kind", "监护人");
      browser.type("apply-applicant-name", "韩桂芬");
      browser.type("apply-applicant-phone", "+86 139 0467 1234");
      browser.click(browser.byId("apply-next"));
      browser.awaitText("apply-step", "第2步，共3步");

      browser.type("apply-child-name", "韩小雨");
      browser.pick("apply-child-sex", "女");
      browser.type("apply-child-birth-date", "明年春天\n");
      browser.choose("apply-township", "虎林镇");
      browser.choose("apply-village", "新华村");
      browser.click(browser.byId("apply-next"));
      browser.awaitCondition(() -> browser.byId("apply-child-birth-date").getDomAttribute("invalid") != null);
      assertThat(browser.text("apply-step")).contains("第2步");
      assertThat(browser.byId("apply-child-birth-date").getText()).as("no date, said as much")
          .contains("不是有效的日期").doesNotContain("请填写此项");
      browser.type("apply-child-birth-date", "2015年3月12日\n");
      browser.awaitCondition(() -> "2015-03-12".equals(browser.byId("apply-child-birth-date")
          .findElement(By.cssSelector("input")).getDomProperty("value")));
      browser.click(browser.byId("apply-next"));
      browser.awaitText("apply-step", "第3步，共3步");

      // The last step is sent from a phone (the calendar of a phone's date field opens full screen, typed above).
      browser.phone(390, 844);
      browser.pick("apply-causes", "家庭贫困");
      browser.pick("apply-categories", "基本生活");
      browser.type("apply-description", "母亲患病，家中缺少冬季取暖费用。");
      browser.click(browser.byId("apply-submit"));
      browser.byId("apply-code");
      browser.awaitCondition(() -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
          "const r = document.getElementById('apply-code').getBoundingClientRect();"
              + "return r.top >= 0 && r.bottom <= window.innerHeight;"));
    } finally {
      browser.desktop();
    }
  }

  @Test
  void an_unknown_address_and_a_page_the_role_may_not_open_show_a_localised_page_in_the_menu() {
    String portalUrl = "http://localhost:" + portalPort;
    browser.open(portalUrl + "/no-such-page");
    browser.awaitText("not-found", "找不到这个页面");
    assertThat(browser.driver.getCurrentUrl()).as("a visitor is not sent to sign in").doesNotContain("/login");
    assertThat(browser.text("side-nav")).contains("首页", "需求公示");

    signIn("supervisor", "/oversight");
    browser.awaitText("not-found", "找不到这个页面");
    assertThat(browser.driver.getPageSource()).doesNotContain("Could not navigate");
    assertThat(browser.text("side-nav")).contains("儿童台账").doesNotContain("督导考核");
  }

  @Test
  void switching_the_language_keeps_a_half_filled_form_in_the_other_language() {
    browser.open("http://localhost:" + portalPort + "/report");
    browser.byId("report-description").findElement(By.cssSelector("textarea")).sendKeys("孩子独自在家多日。");
    browser.choose("report-township", "虎林镇");
    browser.byId("language-switch").click();
    browser.awaitText("language-switch", "中文");
    browser.awaitCondition(() -> "孩子独自在家多日。".equals(browser.byId("report-description")
        .findElement(By.cssSelector("textarea")).getDomProperty("value")));
    assertThat(browser.byId("report-township").findElement(By.cssSelector("input")).getDomProperty("value"))
        .isEqualTo("Hulin Town");
    browser.byId("language-switch").click();
    browser.awaitText("language-switch", "English");
  }

  @Test
  void a_charity_sees_its_pledge_with_sum_date_and_code_and_withdraws_it_while_it_waits() {
    String[] pledged = pledgeOnAHulinNeed("300", false);
    browser.open("http://localhost:" + portalPort + "/my-help");
    browser.awaitText("my-help", pledged[0]);
    assertThat(browser.text("my-help")).contains("待审核", "捐款：300元", java.time.LocalDate.now(
        org.onedoor.portal.i18n.CityTime.ZONE).toString().substring(0, 7));
    assertThat(browser.text("my-help")).containsPattern("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    browser.click(browser.driver.findElements(By.cssSelector("#my-help .my-pledge-withdraw")).getFirst());
    browser.click(browser.byId("withdraw-offer-confirm"));
    browser.awaitText("my-help", "已撤回");
  }

  @Test
  void on_a_phone_a_visitor_filters_the_board_in_its_drawer_opens_a_need_reports_a_child_and_follows_the_report() {
    String portalUrl = "http://localhost:" + portalPort;
    browser.phone(390, 844);
    try {
      browser.open(portalUrl + "/needs");
      browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector("#needs .need-card")).isEmpty());
      assertThat(browser.driver.findElement(By.id("needs-filters")).getDomAttribute("opened"))
          .as("on a phone the filters wait in a closed drawer").isNull();
      browser.click(browser.driver.findElement(By.cssSelector("#needs-filters vaadin-details-summary")));
      browser.choose("filter-category", "基本生活");
      browser.awaitCondition(() -> browser.driver.findElements(By.cssSelector("#needs .need-card")).stream()
          .allMatch(c -> c.getText().contains("类别：基本生活")));
      browser.click(browser.driver.findElements(By.cssSelector("#needs .need-card .od-card-title a")).getFirst());
      browser.awaitText("need-facts", "类别：基本生活");
      assertThat(browser.byId("need-share").getRect().getHeight()).as("touch-sized").isGreaterThanOrEqualTo(44);
      assertThat(browser.overflowing()).isEmpty();

      browser.open(portalUrl + "/report");
      browser.choose("report-reporter-kind", "邻居");
      browser.choose("report-township", "虎林镇");
      browser.type("report-place", "新华村村口小卖部旁");
      browser.type("report-description", "孩子常常一个人在外面，晚上没有人照看。");
      browser.click(browser.byId("report-submit"));
      browser.byId("receipt-code");
      browser.awaitCondition(() -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
          .executeScript("const r = document.getElementById('receipt-code').getBoundingClientRect();"
              + "return r.top >= 0 && r.bottom <= window.innerHeight;"));
      String code = browser.text("receipt-code");
      assertThat(browser.overflowing()).isEmpty();

      browser.open(portalUrl + "/track/" + code);
      browser.awaitText("track-result", "强制报告");
      assertThat(browser.text("track-result")).contains("已受理", "公安局");
      assertThat(browser.overflowing()).as("the departments' table fits").isEmpty();
    } finally {
      browser.desktop();
    }
  }

  @Test
  void an_anonymous_report_reaches_police_and_civil_affairs_as_an_emergency_and_the_reporter_follows_it() {
    String portalUrl = "http://localhost:" + portalPort;
    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/report");
    browser.choose("report-reporter-kind", "邻居");
    browser.choose("report-township", "虎林镇");
    browser.byId("report-place").findElement(By.cssSelector("input")).sendKeys("虎头村东头第三户");
    browser.byId("report-description").findElement(By.cssSelector("textarea")).sendKeys("孩子独自在家多日，身上有伤。");
    browser.click(browser.byId("report-danger"));
    browser.click(browser.byId("report-submit"));
    browser.awaitText("report-receipt", "报告已收到");
    String code = browser.text("receipt-code");
    assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    assertThat(browser.text("report-receipt")).as("the danger ticked changes what the reporter is told")
        .contains("此刻有危险", "110");

    browser.open(portalUrl + "/track/" + code);
    browser.awaitText("track-result", "强制报告");
    assertThat(browser.text("track-result")).contains("紧急", "已受理", "公安局", "民政局", "待认领")
        .doesNotContain("虎头村", "身上有伤");

    // The child has no file: the township opens one from its desk, and the report is linked to it.
    signIn("township", "/intakes");
    browser.awaitText("intake-desk", code);
    browser.click(browser.driver.findElements(By.cssSelector("#intake-desk .desk-new-file")).getFirst());
    browser.type("new-file-name", "小军");
    browser.pick("new-file-sex", "男");
    browser.type("new-file-birth-date", "2017/3/8\n");
    browser.choose("new-file-village", "新华村");
    browser.pick("new-file-causes", "监护缺失");
    browser.click(browser.byId("new-file-save"));
    browser.awaitText("file-name", "小军");
    browser.awaitPageText("关联受理事项");

    signIn("police", "/workbench");
    browser.awaitText("workbench", "虎头村东头第三户");
    assertThat(browser.text("workbench")).contains("紧急", "此刻有危险", code);
    assertThat(browser.text("notification-bell")).as("a new task for the department").matches("\\d+\\+?");
    // The sign-in expires while the officer looks at the queue: claiming says so and claims nothing.
    narrowWorkbenchTo(code);
    revokeSignIn("police");
    browser.click(browser.driver.findElements(By.cssSelector("#workbench .task-claim")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElseThrow());
    browser.awaitNotification("登录已过期，请重新登录。");
    assertThat(browser.driver.findElements(By.cssSelector("#workbench .task-handle")).stream()
        .filter(WebElement::isDisplayed)).as("not claimed").isEmpty();
    signIn("police", "/workbench");
    claimAndHandle(code);
    assertThat(browser.text("task-details")).contains("虎头村东头第三户", "孩子独自在家多日", "邻居");
    assertThat(browser.text("task-details")).as("the reporter's kind as staff read it; danger a badge, no '：！'")
        .contains("报告人身份", "此刻有危险").doesNotContain("您的身份", "：！");
    assertThat(browser.byId("task-safety").getDomAttribute("href")).as("the report's safety chain, one click away")
        .startsWith("safety-chain/");
    browser.byId("task-note").findElement(By.cssSelector("textarea")).sendKeys("民警已到现场。");
    browser.byId("task-record").click();
    browser.awaitNotification("已记录办理情况");
    browser.awaitCondition(() -> browser.driver.findElements(By.id("task-dialog")).isEmpty());
    browser.click(browser.driver.findElements(By.cssSelector("#workbench .task-handle")).getFirst());
    browser.awaitText("task-actions", "民警已到现场。");
    assertThat(browser.text("task-actions")).as("the officer by name, not the login").contains("公安局 孙涛")
        .doesNotContain(" police");
    browser.byId("complete-outcome").findElement(By.cssSelector("textarea")).sendKeys("已出警，孩子安全。");
    browser.byId("complete-save").click();
    browser.awaitNotification("已办结");
    browser.awaitCondition(() -> browser.driver.findElements(By.id("task-dialog")).isEmpty());

    browser.open(portalUrl + "/track/" + code);
    browser.awaitText("track-result", "公安已办结");
    assertThat(browser.text("track-result")).as("the police are done: only civil affairs are handling it")
        .contains("公安已办结；民政正在办理").doesNotContain("公安、民政正在办理");

    signIn("civil", "/workbench");
    browser.awaitText("workbench", code);
    claimAndHandle(code);
    browser.byId("complete-outcome").findElement(By.cssSelector("textarea")).sendKeys("已安排临时照料。");
    browser.byId("complete-save").click();
    browser.awaitCondition(() -> browser.driver.findElements(By.id("task-dialog")).isEmpty());

    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/track/" + code);
    browser.awaitText("track-result", "已办结");
    assertThat(browser.text("track-result")).contains("已出警，孩子安全。", "已安排临时照料。");
  }

  @Test
  void a_volunteer_signs_up_civil_affairs_vet_and_approve_and_the_volunteer_then_signs_in_with_the_role() {
    String portalUrl = "http://localhost:" + portalPort;
    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/sign-up");
    browser.choose("sign-up-kind", "志愿者");
    browser.byId("sign-up-username").findElement(By.cssSelector("input")).sendKeys("zhaolei");
    browser.byId("sign-up-password").findElement(By.cssSelector("input")).sendKeys("volunteer-pass-1");
    browser.click(browser.byId("sign-up-next"));
    browser.awaitText("sign-up-step", "第2步，共3步");
    browser.byId("sign-up-display-name").findElement(By.cssSelector("input")).sendKeys("志愿者 赵磊");
    browser.byId("sign-up-phone").findElement(By.cssSelector("input")).sendKeys("13604672222");
    browser.choose("sign-up-township", "迎春镇");
    browser.type("sign-up-national-id", "230381199001011237");
    browser.click(browser.byId("sign-up-next"));
    browser.awaitText("sign-up-step", "第3步，共3步");
    browser.click(browser.byId("sign-up-skills").findElements(By.cssSelector("vaadin-checkbox")).stream()
        .filter(box -> box.getText().contains("学业辅导")).findFirst().orElseThrow());
    browser.click(browser.byId("sign-up-submit"));
    browser.awaitText("sign-up-receipt", "报名已收到");

    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/account");
    browser.awaitUrlStartingWith(backend.url() + "/login");
    browser.byId("username").sendKeys("zhaolei");
    browser.byId("password").sendKeys("volunteer-pass-1");
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    browser.awaitText("login-error", "用户名或密码不正确");

    signIn("civil", "/workbench");
    browser.awaitText("workbench", "志愿者 赵磊");
    browser.driver.findElements(By.cssSelector("#workbench .task-vet")).getFirst().click();
    assertThat(browser.text("vet-details")).as("identity for the record check").contains("230381199001011237");
    assertThat(browser.text("vet-details")).as("what the volunteer offers").contains("服务技能", "学业辅导");
    browser.byId("vet-approve").click();
    browser.awaitPageText("审核尚未完成");
    browser.byId("vet-certificate").click();
    browser.byId("vet-training").click();
    browser.byId("vet-approve").click();
    browser.awaitCondition(() -> browser.driver.findElements(By.id("vet-dialog")).isEmpty());

    signIn("zhaolei", "volunteer-pass-1", "/account");
    browser.awaitText("account-roles", "志愿者");
    assertThat(browser.text("account-name")).isEqualTo("志愿者 赵磊");
  }

  @Test
  void a_guardian_applies_in_three_steps_the_township_desk_sees_it_and_civil_affairs_handle_it_to_the_end() {
    String portalUrl = "http://localhost:" + portalPort;
    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/apply");
    browser.awaitText("apply-step", "第1步，共3步");
    browser.pick("apply-applicant-kind", "监护人");
    browser.type("apply-applicant-name", "韩桂芬");
    browser.type("apply-applicant-phone", "12345");
    browser.click(browser.byId("apply-next"));
    browser.type("apply-child-name", "韩小雪");
    browser.pick("apply-child-sex", "女");
    browser.type("apply-child-birth-date", "2016/5/20\n");
    browser.choose("apply-township", "虎林镇");
    browser.choose("apply-village", "新华村");
    browser.click(browser.byId("apply-next"));
    browser.awaitText("apply-step", "第3步，共3步");
    browser.pick("apply-causes", "家庭贫困");
    browser.pick("apply-categories", "基本生活");
    browser.type("apply-description", "父亲病故，母亲无业，冬季取暖困难。");
    browser.click(browser.byId("apply-submit"));
    browser.awaitText("apply-step", "第1步，共3步");
    assertThat(browser.byId("apply-applicant-phone").getAttribute("invalid")).as("the refused field, shown")
        .isNotNull();
    assertThat(browser.driver.findElements(By.id("apply-code"))).isEmpty();
    browser.type("apply-applicant-phone", "13904675678");
    browser.click(browser.byId("apply-next"));
    browser.click(browser.byId("apply-next"));
    browser.click(browser.byId("apply-submit"));
    browser.awaitText("apply-receipt", "申请已收到");
    String code = browser.text("apply-code");

    signIn("township", "/intakes");
    browser.awaitText("intake-desk", code);
    assertThat(browser.text("intake-desk")).contains("救助申请", "韩小雪", "民政局：待认领");
    browser.click(browser.driver.findElements(By.cssSelector("#intake-desk .desk-read-whole")).getFirst());
    browser.awaitCondition(() -> browser.driver.findElements(By.cssSelector("#intake-desk .desk-whole")).stream()
        .anyMatch(whole -> whole.getText().contains("13904675678") && whole.getText().contains("申请人")));
    browser.click(browser.driver.findElements(By.cssSelector("#intake-desk .desk-file")).getFirst());
    browser.awaitText("file-name", "韩小雪");
    assertThat(browser.text("file-draft")).as("correct it first, then confirm").contains("草稿档案", "修改");
    browser.click(browser.byId("file-confirm-draft"));
    browser.awaitCondition(() -> browser.driver.findElements(By.id("file-draft")).isEmpty());

    signIn("civil", "/notifications");
    browser.awaitText("notifications", code);
    assertThat(browser.text("notifications")).contains("新的协办事项：救助申请", "未读");
    browser.click(browser.byId("notifications-mark-all"));
    browser.awaitCondition(() -> !browser.text("notifications").contains("未读"));
    browser.open(portalUrl + "/workbench");
    claimAndHandle(code);
    assertThat(browser.text("task-details")).contains("韩小雪", "2016-05-20", "13904675678", "基本生活");
    browser.type("task-note", "需由乡镇先行核实家庭收入。");
    browser.click(browser.byId("task-hand-back"));
    browser.awaitNotification("已退回");
    browser.awaitCondition(() -> browser.driver.findElements(By.id("task-dialog")).isEmpty());
    claimAndHandle(code);
    browser.awaitText("task-actions", "需由乡镇先行核实家庭收入。");
    browser.type("complete-outcome", "已纳入临时救助，发放取暖补贴。");
    browser.click(browser.byId("complete-save"));
    browser.awaitCondition(() -> browser.driver.findElements(By.id("task-dialog")).isEmpty());

    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/track/" + code);
    browser.awaitText("track-result", "已办结");
    assertThat(browser.text("track-result")).contains("已纳入临时救助，发放取暖补贴。").doesNotContain("韩小雪");
  }

  @Test
  void township_staff_start_a_screening_campaign_and_a_supervisor_reports_the_villages_round() {
    signIn("township", "/screening");
    browser.click(browser.byId("screening-start"));
    browser.type("screening-name", "冬季全面排查");
    browser.click(browser.byId("screening-start-save"));
    browser.awaitText("screening-campaigns", "冬季全面排查");
    assertThat(browser.text("screening-campaigns")).contains("虎林镇", "新华村", "在册儿童");

    signIn("supervisor", "/screening");
    browser.awaitText("screening-campaigns", "冬季全面排查");
    browser.click(browser.driver.findElements(By.cssSelector(".screening-report")).getFirst());
    browser.type("screening-households", "86");
    browser.click(browser.byId("screening-completed"));
    browser.click(browser.byId("screening-save"));
    browser.awaitCondition(() -> browser.driver.findElements(By.id("screening-report-dialog")).isEmpty());
    browser.awaitText("screening-campaigns", "已完成");
    assertThat(browser.text("screening-campaigns")).contains("已排查86户", "1/1个村已完成");
  }

  @Test
  void a_visitor_offers_money_and_a_caring_family_foster_care_through_the_one_door_and_each_follows_it() {
    String portalUrl = "http://localhost:" + portalPort;
    // A visitor without an account may give money, goods or a sponsorship — not care, not a service.
    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/offer");
    browser.awaitText("offer-step", "第1步，共3步");
    assertThat(browser.text("offer-kind")).contains("捐款", "捐物", "结对帮扶").doesNotContain("寄养", "志愿服务");
    assertThat(browser.text("offer-intro")).as("no hint of what a visitor cannot offer here")
        .doesNotContain("志愿服务、公益项目", "寄养和委托照护");
    assertThat(browser.text("offer-sign-up")).contains("报名");
    browser.pick("offer-kind", "捐款");
    browser.type("offer-name", "王建国");
    browser.type("offer-phone", "13800001111");
    browser.click(browser.byId("offer-next"));
    browser.pick("offer-categories", "医疗");
    browser.type("offer-amount", "2000");
    browser.click(browser.byId("offer-next"));
    browser.click(browser.byId("offer-submit"));
    browser.awaitText("offer-receipt", "帮扶提供已收到");
    String code = browser.text("offer-code");
    browser.open(portalUrl + "/track/" + code);
    browser.awaitText("track-result", "捐赠或服务");
    assertThat(browser.text("track-result")).as("the receipt shows no personal data")
        .doesNotContain("王建国", "13800001111");

    // Civil affairs find the offer among the open ones, look at the needs it meets best and propose one.
    signIn("civil", "/matching");
    browser.awaitText("open-offers", code);
    assertThat(browser.text("open-offers")).doesNotContain("王建国", "13800001111");
    browser.click(browser.driver.findElement(By.cssSelector("#open-offers .offer-needs[data-code='" + code + "']")));
    browser.awaitText("offer-needs", "紧急程度");
    assertThat(browser.text("offer-needs")).contains("医疗");
    List<String> lines = browser.driver.findElements(By.cssSelector("#offer-needs .offer-need")).stream()
        .map(WebElement::getText).toList();
    assertThat(lines).as("needs told apart by code, age band and township").doesNotHaveDuplicates()
        .allSatisfy(line -> assertThat(line).containsPattern("[2-9a-z]{12}").containsPattern("岁|全市|镇|乡"));
    String need = browser.driver.findElements(By.cssSelector("#offer-needs .offer-need")).getFirst()
        .getDomAttribute("data-need");
    browser.click(browser.driver.findElements(By.cssSelector("#offer-needs .offer-need-propose")).getFirst());
    browser.awaitNotification("已提议匹配");
    browser.awaitText("pending-matches", need);


    // A caring family may offer foster care, in its township: left out, the township is asked for before sending.
    signIn("family", "/my-help");
    browser.click(browser.byId("my-help-offer-more"));
    browser.awaitText("offer-kind", "寄养或委托照护");
    assertThat(browser.text("offer-kind")).doesNotContain("公益项目", "志愿服务");
    browser.pick("offer-kind", "寄养或委托照护");
    browser.click(browser.byId("offer-next"));
    browser.pick("offer-care-kind", "家庭寄养");
    browser.type("offer-age-min", "6");
    browser.type("offer-age-max", "12");
    browser.click(browser.byId("offer-next"));
    browser.click(browser.byId("offer-submit"));
    browser.awaitCondition(() -> "true".equals(browser.byId("offer-township").getAttribute("invalid")));
    assertThat(browser.driver.findElements(By.id("offer-code"))).isEmpty();
    browser.choose("offer-township", "虎林镇");
    browser.click(browser.byId("offer-submit"));
    browser.awaitText("offer-receipt", "帮扶提供已收到");
    String familyCode = browser.text("offer-code");
    browser.open(portalUrl + "/my-help");
    browser.awaitText("my-offers", familyCode);
    assertThat(browser.text("my-offers")).contains("寄养或委托照护", "监护照料", "已用0/1", "可匹配");

    // The family changes its mind: once withdrawn, the offer is matched no more.
    browser.click(browser.driver.findElements(By.cssSelector("#my-offers .my-offer-withdraw")).getFirst());
    browser.click(browser.byId("withdraw-offer-confirm"));
    browser.awaitText("my-offers", "已撤回");
    assertThat(browser.driver.findElements(By.cssSelector("#my-offers .my-offer-withdraw"))).isEmpty();
  }

  @Test
  void a_caring_family_fosters_a_child_two_civil_affairs_officers_approve_and_no_contact_details_are_offered() {
    // A child of Xinhua village who needs a family for a while: on file, the guardian's consent, a placement need.
    signIn("township", "/ledger");
    String childName = openXinhuaFile("寄养", "男", "2017/9/1");
    browser.clickId("file-record-consent");
    browser.type("consent-given-by", "徐桂英");
    browser.type("consent-relationship", "祖母");
    browser.clickId("consent-save");
    browser.awaitText("file-consents", "有效");
    String title = "为孩子寻找临时寄养家庭";
    browser.clickId("file-new-need");
    browser.choose("editor-category", "监护照料");
    browser.type("editor-title", title);
    browser.type("editor-description", "祖母住院期间，孩子需要一个临时寄养家庭。");
    browser.tick("editor-placement");
    browser.clickId("editor-check");
    browser.awaitText("publication-check", "检查通过");
    browser.clickId("editor-publish");
    browser.awaitText("published", "已发布");
    browser.clickId("editor-close");
    browser.awaitText("file-needs", title);

    // A caring family of the town offers foster care for a child of 6 to 12.
    signIn("family", "/my-help");
    browser.click(browser.byId("my-help-offer-more"));
    browser.pick("offer-kind", "寄养或委托照护");
    browser.click(browser.byId("offer-next"));
    browser.pick("offer-care-kind", "家庭寄养");
    browser.type("offer-age-min", "6");
    browser.type("offer-age-max", "12");
    browser.click(browser.byId("offer-next"));
    browser.choose("offer-township", "虎林镇");
    browser.click(browser.byId("offer-submit"));
    browser.awaitText("offer-receipt", "帮扶提供已收到");
    String code = browser.text("offer-code");

    // Civil affairs propose the family for the need; the first officer's approval waits for a second.
    signIn("civil", "/matching");
    browser.awaitText("open-offers", code);
    String used = "#open-offers .offer-used[data-code='" + code + "']";
    assertThat(browser.driver.findElement(By.cssSelector(used)).getText()).isEqualTo("已用0/1");
    browser.click(browser.driver.findElement(By.cssSelector("#open-offers .offer-needs[data-code='" + code + "']")));
    browser.awaitText("offer-needs", title);
    browser.click(browser.driver.findElement(By.xpath("//*[@id='offer-needs']//span[@data-need='" + title
        + "']/following-sibling::vaadin-button")));
    browser.awaitNotification("已提议匹配");
    String row = "#pending-matches [data-need='" + title + "']";
    browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector(row + ".match-approve")).isEmpty());
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-approve")));
    browser.type("match-text", "家访评估：张家夫妻和睦，住房宽敞，有育儿经验，无不良记录。");
    browser.clickId("match-send");
    browser.awaitNotification("还须另一位民政工作人员批准");
    assertThat(browser.text("pending-matches")).as("still waiting, one approval of two").contains(title, "1/2");
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-approve")));
    browser.clickId("match-send");
    browser.awaitText("match-dialog", "不同的");
    browser.click(browser.driver.findElement(By.xpath("//vaadin-button[contains(., '关闭')]")));

    signIn("civil2", "/matching");
    browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector(row + ".match-approve")).isEmpty());
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-approve")));
    assertThat(browser.byId("match-text").findElement(By.cssSelector("textarea")).getDomProperty("value"))
        .as("the assessment the first officer relied on").contains("家访评估");
    browser.clickId("match-send");
    browser.awaitNotification("已批准匹配");
    browser.awaitCondition(() -> !browser.text("pending-matches").contains(title));
    browser.awaitCondition(() -> browser.driver.findElement(By.cssSelector(used)).getText().equals("已用1/1"));

    // Neither side is offered an exchange of names and phones: civil affairs arrange the placement in person.
    signIn("family", "/my-help");
    browser.awaitText("my-help", title);
    assertThat(browser.driver.findElement(By.cssSelector("#my-help .my-help-contact-placement[data-need='" + title
        + "']")).getText()).contains("民政部门组织见面");
    assertThat(browser.driver.findElements(By.cssSelector("#my-help .my-contact-agree[data-need='" + title + "']")))
        .isEmpty();
    signIn("township", "/casework");
    browser.awaitText("casework", title);
    assertThat(browser.driver.findElement(By.cssSelector("#casework .casework-contact-placement[data-need='" + title
        + "']")).getText()).contains("不在此交换联系方式");
    assertThat(browser.driver.findElements(By.cssSelector("#casework [data-need='" + title
        + "'].casework-family-agrees"))).isEmpty();
    assertThat(browser.text("casework")).as("the caseworker sees which child").contains(childName);
  }

  /**
   * The charity pledges money on a need of Hulin town still waiting for help, from the board's detail: the first on
   * the board, or the second (so that two journeys do not meet on one need).
   *
   * @return the need's title and the detail text the charity saw
   */
  private String[] pledgeOnAHulinNeed(String amount, boolean second) {
    String portalUrl = "http://localhost:" + portalPort;
    signIn("charity", "/my-help");
    browser.open(portalUrl + "/needs");
    browser.awaitText("needs", "基本生活");
    browser.choose("filter-township", "虎林镇");
    browser.awaitCondition(() -> browser.text("needs").contains("虎林镇") && !browser.text("needs").contains("全市"));
    List<org.openqa.selenium.WebElement> waiting = browser.driver.findElements(By.cssSelector("#needs .need-card"))
        .stream().filter(c -> c.getText().contains("待帮扶") && !c.getText().contains("小时服务")).toList();
    assertThat(waiting).as(browser.text("needs")).hasSizeGreaterThan(second ? 1 : 0);
    browser.click(waiting.get(second ? 1 : 0).findElement(By.cssSelector(".od-card-title a")));
    String title = browser.byId("need-title").getText();
    assertThat(title).isNotBlank();
    String detail = browser.text("need-detail");
    assertThat(detail).as("the detail the charity saw, the children's home that delivers help included")
        .contains("发布于", "经办站点：");
    browser.click(browser.byId("need-pledge"));
    browser.pick("pledge-kind", "捐款");
    browser.type("pledge-amount", amount);
    browser.type("pledge-description", "祝孩子健康成长");
    browser.click(browser.byId("pledge-send"));
    browser.awaitText("pledge-result", "认捐已提交");
    return new String[] {title, detail};
  }

  @Test
  void civil_affairs_record_a_conflict_of_interest_on_a_pledge_approval_is_refused_and_they_reject_it() {
    String title = pledgeOnAHulinNeed("800", true)[0];

    signIn("civil", "/matching");
    browser.awaitText("pending-matches", title);
    String row = "#pending-matches [data-need='" + title + "']";
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-conflict")));
    browser.type("conflict-reason", "认捐的慈善会负责人是孩子的舅舅");
    browser.click(browser.byId("conflict-send"));
    browser.awaitNotification("已记录利益冲突");
    browser.awaitCondition(() -> browser.driver.findElements(By.id("conflict-dialog")).isEmpty());
    browser.awaitText("pending-matches", "已记录利益冲突");
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-approve")));
    browser.awaitCondition(() -> browser.driver.findElements(By.cssSelector("vaadin-notification-card")).stream()
        .anyMatch(card -> card.getText().contains("利益冲突，不能批准")));
    assertThat(browser.text("pending-matches")).as("still waiting").contains(title);
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-reject")));
    browser.type("match-text", "利益冲突：认捐方与儿童有亲属关系");
    browser.click(browser.byId("match-send"));
    browser.awaitNotification("已拒绝匹配");
    browser.awaitCondition(() -> !browser.text("pending-matches").contains(title));

    signIn("charity", "/my-help");
    browser.awaitText("my-help", title);
    assertThat(browser.text("my-help")).contains("未批准");
  }

  @Test
  void a_charity_pledges_civil_affairs_approve_the_caseworker_confirms_and_the_board_shows_the_need_met() {
    String portalUrl = "http://localhost:" + portalPort;
    String[] pledged = pledgeOnAHulinNeed("500", false);
    String title = pledged[0];
    String detail = pledged[1];

    signIn("civil", "/matching");
    browser.awaitText("pending-matches", title);
    assertThat(browser.text("pending-matches")).contains("认捐", "捐款", "500");
    String row = "#pending-matches [data-need='" + title + "']";
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-suggestions")));
    browser.awaitText("suggestions", "紧急程度");
    assertThat(browser.text("suggestions")).contains("捐款", "暂无帮扶记录");
    browser.click(browser.driver.findElement(By.xpath("//vaadin-button[contains(., '关闭')]")));
    browser.awaitCondition(() -> browser.driver.findElements(By.id("suggestions-dialog")).isEmpty());
    // The sign-in expires before the approval: the page says so, and the match still waits.
    revokeSignIn("civil");
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-approve")));
    browser.awaitNotification("登录已过期，请重新登录。");
    signIn("civil", "/matching");
    browser.awaitText("pending-matches", title);
    browser.click(browser.driver.findElement(By.cssSelector(row + ".match-approve")));
    browser.awaitNotification("已批准匹配");
    browser.awaitCondition(() -> !browser.text("pending-matches").contains(title));
    browser.click(browser.byId("allocation-start"));
    browser.awaitText("allocation-state", "已完成");
    assertThat(browser.text("allocation-state")).contains("提议");

    signIn("township", "/casework");
    browser.awaitText("casework", title);
    assertThat(browser.driver.findElements(By.cssSelector("#casework .casework-child")))
        .as("the caseworker sees which child the help is for").isNotEmpty()
        .allSatisfy(link -> assertThat(link.getText()).isNotBlank());
    browser.click(browser.driver.findElements(By.cssSelector("#casework .casework-deliver")).getFirst());
    browser.awaitCondition(() -> !browser.driver.findElements(By.cssSelector("#casework .casework-confirm"))
        .isEmpty());
    browser.click(browser.driver.findElements(By.cssSelector("#casework .casework-confirm")).getFirst());
    browser.type("confirm-thank-you", "孩子收到了生活费，全家衷心感谢您！");
    browser.click(browser.byId("confirm-send"));
    browser.awaitCondition(() -> browser.driver.findElements(By.id("confirm-dialog")).isEmpty());

    browser.driver.manage().deleteAllCookies();
    browser.open(portalUrl + "/needs");
    browser.click(browser.byId("filter-fulfilled"));
    browser.awaitText("needs", title);
    assertThat(browser.text("needs")).contains("已完成帮扶");

    signIn("charity", "/my-help");
    browser.awaitText("my-help", "已完成");
    String mine = browser.text("my-help");
    assertThat(mine).contains(title, "已满足", "孩子收到了生活费，全家衷心感谢您！");
    browser.awaitText("my-offers", "捐款");
    assertThat(browser.text("my-offers")).as("a pledge's offer is used up by its match, its sum shown")
        .containsPattern("捐款：500元\\n[^\\n]+\\n已用1/1\\n[^\\n]+\\n名额已满");
    String pledgedOn = java.time.LocalDate.now(org.onedoor.portal.i18n.CityTime.ZONE).toString();
    for (String seen : List.of(detail, mine.replace(pledgedOn, "(the day of the pledge)"))) {
      assertThat(seen).as("nothing that identifies the child reaches the charity")
          .doesNotContainPattern("\\d{17}[\\dXx]").doesNotContainPattern("1[3-9]\\d{9}")
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain("村", "小学", "中学");
    }

    // The charity lets the child's family know who helped; the caseworker sees it only once the family agrees too.
    browser.click(browser.driver.findElements(By.cssSelector("#my-help .my-contact-agree")).getFirst());
    browser.type("contact-name", "阳光公益 王老师");
    browser.type("contact-phone", "13900001234");
    browser.click(browser.byId("contact-send"));
    browser.awaitText("my-help", "等待孩子家庭答复");

    signIn("township", "/casework");
    browser.choose("casework-status", "已确认");
    browser.awaitText("casework", title);
    assertThat(browser.text("casework")).contains("提供者已同意；家庭未同意").doesNotContain("13900001234");
    browser.click(browser.driver.findElements(By.cssSelector("#casework .casework-family-agrees")).getFirst());
    browser.awaitText("casework", "双方同意，可转告家庭：阳光公益 王老师，电话 13900001234");

    signIn("charity", "/my-help");
    browser.awaitText("my-help", "双方已同意，社工将转告孩子家庭");
    assertThat(browser.text("my-help")).as("the charity still learns nothing of the family")
        .doesNotContain("村", "小学", "中学");
  }

  @Test
  void a_guardian_asks_to_see_and_to_erase_the_township_records_both_civil_affairs_hand_over_the_export_and_erase() {
    signIn("township", "/ledger");
    String childName = openXinhuaFile("韩", "女", "2015-03-09");
    recordGuardianRequest(childName, "查阅", null);
    recordGuardianRequest(childName, "删除", "孩子已随父母迁往外省，请删除档案。");
    String due = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(15).toString();

    browser.open("http://localhost:" + portalPort + "/guardian-requests");
    browser.awaitCondition(() -> requestCard(childName, "查阅") != null && requestCard(childName, "删除") != null);
    assertThat(requestCard(childName, "查阅").getText()).contains("待办理", "韩建国（父亲）", due);
    assertThat(requestCard(childName, "删除").getText()).contains("孩子已随父母迁往外省");
    assertThat(requestCard(childName, "删除").findElements(By.cssSelector(".guardian-request-erase, "
        + ".guardian-request-refuse"))).as("only civil affairs erase or refuse").isEmpty();
    assertThat(requestCard(childName, "查阅").findElements(By.cssSelector(".guardian-request-export")))
        .as("only civil affairs hand the export over").isEmpty();

    signIn("civil", "/guardian-requests");
    browser.awaitCondition(() -> requestCard(childName, "查阅") != null);
    browser.click(requestCard(childName, "查阅").findElement(By.cssSelector(".guardian-request-export")));
    browser.awaitText("guardian-export-text", "姓名：" + childName);
    assertThat(browser.text("guardian-export-text")).contains("【儿童档案】", "【查阅记录】", "本文本由");
    assertThat(browser.byId("guardian-export-download").getAttribute("href")).as("a text file to hand over")
        .isNotBlank();
    browser.clickId("guardian-export-close");
    browser.awaitCondition(() -> browser.driver.findElements(By.id("guardian-export-dialog")).isEmpty());
    browser.awaitCondition(() -> requestCard(childName, "查阅").getText().contains("已出具查阅文本"));
    browser.click(requestCard(childName, "查阅").findElement(By.cssSelector(".guardian-request-complete")));
    browser.type("guardian-close-outcome", "已将查阅文本交给监护人。");
    browser.clickId("guardian-close-confirm");
    browser.awaitNotification("请求已办结");
    browser.awaitCondition(() -> requestCard(childName, "查阅") == null);

    browser.click(requestCard(childName, "删除").findElement(By.cssSelector(".guardian-request-erase")));
    browser.type("guardian-close-outcome", "已按监护人要求删除档案的个人信息。");
    browser.clickId("guardian-close-confirm");
    browser.awaitNotification("档案已删除");
    browser.awaitCondition(() -> requestCard(childName, "删除") == null);
    browser.select("guardian-requests-status", "全部");
    browser.awaitCondition(() -> browser.text("guardian-requests").contains("删除 · （档案已删除）"));
    assertThat(browser.text("guardian-requests")).as("the erased child's name is shown nowhere")
        .doesNotContain(childName);
  }

  /** Records a guardian's request (韩建国, the father) on the file shown. */
  private void recordGuardianRequest(String childName, String kind, String details) {
    browser.clickId("file-guardian-request");
    browser.select("guardian-request-kind", kind);
    browser.type("guardian-request-requester", "韩建国");
    browser.type("guardian-request-relationship", "父亲");
    if (details != null) {
      browser.type("guardian-request-details", details);
    }
    browser.clickId("guardian-request-save");
    browser.awaitNotification("已记录" + childName + "监护人的请求");
    browser.awaitCondition(() -> browser.driver.findElements(By.id("guardian-request-dialog")).isEmpty());
  }

  /** The card of a guardian's request of this kind about this child, or null. */
  private WebElement requestCard(String childName, String kind) {
    return browser.driver.findElements(By.cssSelector("#guardian-requests .guardian-request")).stream()
        .filter(card -> {
          try {
            return card.isDisplayed() && card.getText().contains(kind + " · " + childName);
          } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return false;
          }
        }).findFirst().orElse(null);
  }
}
