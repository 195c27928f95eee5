package io.passerelle.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium, both from the system (Debian's {@code chromium} and {@code chromium-driver}):
 * the paths are given explicitly, so Selenium Manager never looks for, or downloads, a browser. Knows how to wait
 * for Vaadin (no round trip in flight) and keeps a numbered screenshot of every step.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("passerelle.e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("passerelle.e2e.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final URI baseUrl;
    private final Path screenshots;
    private final List<String> console = new ArrayList<>();
    private int step;

    private Browser(ChromeDriver driver, URI baseUrl, Path screenshots) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    /** @param workDir where the browser's profile and chromedriver's log go */
    static Browser start(URI baseUrl, Path screenshots, Path workDir) throws IOException {
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory(Files.createDirectories(workDir), "chromium-profile");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1440,960", "--lang=en-US", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath());
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(workDir.resolve("chromedriver.log").toFile())
                .build();
        return new Browser(new ChromeDriver(service, options), baseUrl, screenshots);
    }

    void open(String route) {
        driver.get(baseUrl.resolve(route).toString());
        waitForVaadin();
    }

    /** Waits until the page has loaded Vaadin and no request to the server is in flight. */
    void waitForVaadin() {
        until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients || document.readyState !== 'complete') return false;
                return Object.values(clients).every(c => !c.isActive || !c.isActive());""")));
    }

    WebElement byId(String id) {
        return find(By.id(id));
    }

    /**
     * The first shown element the locator finds. One that is there but out of sight (below the fold of a tall
     * dialog, which Selenium counts as not shown) is scrolled to, as a person would scroll to it.
     */
    WebElement find(By locator) {
        return until(d -> {
            List<WebElement> found = d.findElements(locator);
            WebElement shown = found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (shown == null && !found.isEmpty()) {
                script("arguments[0].scrollIntoView({block: 'center'})", found.getFirst());
            }
            return shown;
        });
    }

    List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    void click(String id) {
        click(byId(id));
    }

    /** Clicks where a person would: the element scrolled into view first (long dialogs scroll). */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        waitForVaadin();
    }

    /** Moves the keyboard focus to an element, as tabbing to it would (scrolled into view first). */
    void focus(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", element);
    }

    /** Presses a key where the keyboard focus is. */
    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
        waitForVaadin();
    }

    /** Types into a Vaadin text field (its input is in the light DOM) and leaves it, so the value reaches the server. */
    void type(String id, String text) {
        WebElement input = find(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        waitForVaadin();
    }

    /** Picks an item of a Vaadin combo box: types the start of its label, then clicks it in the drop-down. */
    void choose(String id, String label) {
        WebElement input = find(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(label.substring(0, Math.min(label.length(), 8)));
        find(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), '" + label + "')]")).click();
        waitForVaadin();
    }

    String value(String id) {
        return until(d -> d.findElements(By.cssSelector("#" + id + " input")).stream().findFirst()
                .map(input -> input.getDomProperty("value")).orElse(null));
    }

    String text(String id) {
        return byId(id).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    String currentPath() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Keeps what the page looks like now as {@code NN-name.png}. */
    void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        step++;
        Files.copy(shot.toPath(), screenshots.resolve(String.format(Locale.ROOT, "%02d-%s.png", step, name)),
                StandardCopyOption.REPLACE_EXISTING);
        // the browser keeps a bounded console buffer: read it as we go
        drainConsole();
    }

    /** Everything the pages wrote to the console so far (CSP violations show up there). */
    List<String> consoleMessages() {
        drainConsole();
        return List.copyOf(console);
    }

    private void drainConsole() {
        driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).forEach(console::add);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
