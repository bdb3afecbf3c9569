package org.onedoor.portal;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Debian's chromedriver; never a downloaded browser. */
final class Browser implements AutoCloseable {

  final WebDriver driver;
  private final WebDriverWait wait;

  Browser() {
    String chromium = System.getProperty("onedoor.chromium", "/usr/bin/chromium");
    String chromedriver = System.getProperty("onedoor.chromedriver", "/usr/bin/chromedriver");
    if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
      throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
          + chromium + ", " + chromedriver + "): apt-get install chromium chromium-driver, or run .ci/run");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver))
        .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // Vaadin re-renders lists as they load: an element read while it is replaced is read again.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  /** Emulates a phone's screen (CSS pixels, touch, the page's viewport meta honoured), as most citizens use. */
  void phone(int width, int height) {
    ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 3, "mobile", true));
    ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setTouchEmulationEnabled",
        java.util.Map.of("enabled", true, "maxTouchPoints", 5));
  }

  /** Back to the desktop window the journeys use. */
  void desktop() {
    ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride",
        java.util.Map.of());
    ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setTouchEmulationEnabled",
        java.util.Map.of("enabled", false));
  }

  /** How much wider than the viewport the document is, in CSS pixels (0: no sideways scrolling). */
  long overflow() {
    Object excess = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;");
    return ((Number) excess).longValue();
  }

  /** The grids and card lists whose content is wider than their box (they would scroll sideways), by id. */
  java.util.List<String> sidewaysScrolling() {
    Object wide = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "const out = [];"
            + "for (const g of document.querySelectorAll('vaadin-grid')) {"
            + "  const t = g.shadowRoot && g.shadowRoot.querySelector('#table');"
            + "  if (t && t.scrollWidth > t.clientWidth + 1) { out.push((g.id || 'grid') + ' ' + t.scrollWidth + '>' + t.clientWidth); }"
            + "}"
            + "for (const c of document.querySelectorAll('.od-cards, .od-card')) {"
            + "  if (c.scrollWidth > c.clientWidth + 1) { out.push((c.id || c.className) + ' ' + c.scrollWidth + '>' + c.clientWidth); }"
            + "}"
            + "return out;");
    return ((java.util.List<?>) wide).stream().map(String::valueOf).toList();
  }

  /** Elements reaching past the viewport's right edge, for a failure to name the culprits. */
  String overflowing() {
    return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "const w = window.innerWidth; const out = [];"
            + "for (const e of document.querySelectorAll('body *')) {"
            + "  const r = e.getBoundingClientRect();"
            + "  if (r.width > 0 && r.right > w + 1) {"
            + "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.getAttribute('class') + ' '"
            + "        + Math.round(r.right));"
            + "  }"
            + "}"
            + "return out.slice(0, 12).join(' | ');"));
  }

  /** The serious and critical accessibility violations axe-core finds on the page, one line each. */
  java.util.List<String> seriousAccessibilityViolations() {
    var results = new com.deque.html.axecore.selenium.AxeBuilder()
        .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
        .analyze(driver);
    java.util.List<String> found = new java.util.ArrayList<>();
    for (var rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        found.add(rule.getImpact() + " " + rule.getId() + ": " + rule.getNodes().stream().limit(3)
            .map(n -> String.valueOf(n.getTarget())).toList());
      }
    }
    return found;
  }

  /** All the text an element holds, shown or folded away (a chart's data table), once the element exists. */
  String content(String id) {
    return wait.until(d -> {
      var found = d.findElements(By.id(id));
      return found.isEmpty() ? null : found.getFirst().getDomProperty("textContent");
    });
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement byId(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  void awaitText(String id, String text) {
    wait.until(d -> {
      try {
        return d.findElement(By.id(id)).getText().contains(text);
      } catch (org.openqa.selenium.WebDriverException reloading) {
        return false;
      }
    });
  }

  /** Picks an item of a Vaadin combo box by its label, as a user choosing from the opened list would. */
  void choose(String comboBoxId, String label) {
    chooseWhere(comboBoxId, "label === arguments[1]", label);
  }

  /** Picks the first item of a Vaadin combo box whose label starts so (e.g. a name before its bracketed detail). */
  void chooseStartingWith(String comboBoxId, String prefix) {
    chooseWhere(comboBoxId, "label.startsWith(arguments[1])", prefix);
  }

  /** Opens a combo box and selects the first of its items whose label meets the test (JavaScript on {@code label}). */
  private void chooseWhere(String comboBoxId, String test, String text) {
    WebElement comboBox = byId(comboBoxId);
    comboBox.findElement(By.cssSelector("input")).click();
    wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
        "const c = arguments[0];"
            + "const item = (c.filteredItems || []).find(i => i && i.label && i." + test + ");"
            + "if (!item) { return false; }"
            + "c.selectedItem = item; c.opened = false; return true;", comboBox, text)));
  }

  /** Picks an item of a Vaadin select by its label: opens it and clicks the item, as a user would. */
  void select(String selectId, String label) {
    click(byId(selectId));
    WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
        .filter(i -> i.isDisplayed() && i.getText().strip().equals(label)).findFirst().orElse(null));
    item.click();
    wait.until(d -> byId(selectId).getText().contains(label)
        || label.equals(byId(selectId).getDomProperty("value")) || d.findElements(
            By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
  }

  /** Ticks (or unticks) a single Vaadin checkbox on its label, as a user would (its row may be wider than the label). */
  void tick(String checkboxId) {
    click(byId(checkboxId).findElement(By.cssSelector("label")));
  }

  /** Ticks the option of a Vaadin radio-button or checkbox group that shows this label. */
  void pick(String groupId, String label) {
    click(byId(groupId).findElements(By.cssSelector("vaadin-radio-button, vaadin-checkbox")).stream()
        .filter(option -> option.getText().contains(label)).findFirst().orElseThrow());
  }

  /** Types into a Vaadin text field, area, integer field or date picker, replacing what it held. */
  void type(String fieldId, String text) {
    WebElement input = byId(fieldId).findElement(By.cssSelector("input, textarea"));
    input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
        org.openqa.selenium.Keys.DELETE);
    input.sendKeys(text);
  }

  /** Clicks an element after scrolling it to the middle of the window, as a user would scroll to it first. */
  void click(WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** Waits for a notification whose text holds this. */
  void awaitNotification(String text) {
    wait.until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream().anyMatch(card -> {
      try {
        return card.getText().contains(text);
      } catch (org.openqa.selenium.StaleElementReferenceException gone) {
        return false;
      }
    }));
  }

  /** Clicks the element with this id, again if the page re-rendered it between finding and clicking. */
  void clickId(String id) {
    wait.until(d -> {
      try {
        click(byId(id));
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
        return false;
      }
    });
  }

  void awaitCondition(java.util.function.BooleanSupplier condition) {
    wait.until(d -> condition.getAsBoolean());
  }

  void awaitPageText(String text) {
    wait.until(d -> d.getPageSource().contains(text));
  }

  void awaitUrlStartingWith(String prefix) {
    wait.until(d -> d.getCurrentUrl().startsWith(prefix));
  }

  /** The text of an element, retried while a page (re)load replaces the element under our feet. */
  String text(String id) {
    return wait.until(d -> {
      try {
        WebElement element = d.findElement(By.id(id));
        return element.isDisplayed() ? element.getText() : null;
      } catch (org.openqa.selenium.WebDriverException reloading) {
        return null;
      }
    });
  }

  /** Keeps what the browser showed, for the developer reading a failed run (target/browser-failures). */
  void keepEvidence(String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/browser-failures"));
      java.nio.file.Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
      byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
      java.nio.file.Files.write(dir.resolve(name + ".png"), png);
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println("Could not keep browser evidence: " + e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
