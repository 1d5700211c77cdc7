package io.gantry.itests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.Assume;
import org.openqa.selenium.By;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through chromedriver, both from the system (Debian's {@code chromium}
 * and {@code chromium-driver}): Selenium is given both paths so it never looks for or downloads
 * either. Without them the test is skipped, except in CI ({@code CI=true}), where it fails.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("gantry.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("gantry.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path screenshots;
    private final List<String> console = new ArrayList<>();
    private int shot;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /**
     * Starts the browser, or skips the calling test when there is none outside CI.
     *
     * @param screenshots the folder for {@link #screenshot(String)} (emptied first)
     * @return the browser, 1280x800
     */
    public static Browser start(Path screenshots) {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            String message = "no headless browser: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are needed (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + "; in CI the browser test must run, .ci/run installs them");
            }
            Assume.assumeTrue(message + " — skipped outside CI", false);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,800",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--disable-extensions");
        // the page's console (CSP violations land there) for consoleLog()
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            deleteFolder(screenshots);
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        // --window-size is the outer window: grow it so the page itself gets the panel's 1280x800
        long extraWidth = (Long) driver.executeScript("return window.outerWidth - window.innerWidth");
        long extraHeight = (Long) driver.executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1280 + (int) extraWidth, 800 + (int) extraHeight));
        return new Browser(driver, screenshots);
    }

    /** @return e.g. {@code chrome 156.0.8078.108, chromedriver 156.0.8078.108 (...)} */
    public String versions() {
        Capabilities caps = driver.getCapabilities();
        Object chrome = caps.getCapability("chrome");
        String driverVersion = chrome instanceof Map<?, ?> map ? String.valueOf(map.get("chromedriverVersion")) : "?";
        return caps.getBrowserName() + " " + caps.getBrowserVersion() + ", chromedriver " + driverVersion;
    }

    /**
     * Everything the page wrote to its console since the browser started, reloads included: each
     * call drains chromedriver's buffer into the list kept here.
     *
     * @return the lines, as {@code LEVEL message}
     */
    public List<String> consoleLog() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
        return List.copyOf(console);
    }

    /** @param url the page to open */
    public void open(String url) {
        driver.get(url);
    }

    /**
     * @param testid a {@code data-testid}
     * @return the element, once present
     */
    public WebElement byTestId(String testid) {
        return until(
                "[data-testid=" + testid + "] present",
                d -> d.findElements(css(testid)).stream().findFirst().orElse(null));
    }

    /** @param testid a {@code data-testid} @return whether such an element is there now */
    public boolean has(String testid) {
        return !driver.findElements(css(testid)).isEmpty();
    }

    /** @param testid a {@code data-testid} to click once it is displayed and enabled */
    public void click(String testid) {
        until("[data-testid=" + testid + "] clicked", d -> {
            WebElement element = d.findElement(css(testid));
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /**
     * Clicks an element inside another, both found afresh until the click lands.
     *
     * @param testid      the outer element's {@code data-testid}, e.g. a table row
     * @param innerTestid the inner one's, e.g. a button in the row
     */
    public void clickIn(String testid, String innerTestid) {
        until("[data-testid=" + innerTestid + "] in [data-testid=" + testid + "] clicked", d -> {
            d.findElement(css(testid)).findElement(css(innerTestid)).click();
            return true;
        });
    }

    /** Accepts the confirm() dialog the page shows. */
    public void acceptDialog() {
        until("a dialog", ExpectedConditions.alertIsPresent()).accept();
    }

    /**
     * Clicks a point of an element, as a user does on a canvas.
     *
     * @param element the element
     * @param x       pixels from its left edge
     * @param y       pixels from its top edge
     */
    public void clickAt(WebElement element, double x, double y) {
        Rectangle box = element.getRect();
        new Actions(driver)
                .moveToElement(element, (int) Math.round(x - box.getWidth() / 2.0), (int)
                        Math.round(y - box.getHeight() / 2.0))
                .click()
                .perform();
    }

    /**
     * Drags with the mouse: presses at a point of an element, moves by an offset, releases.
     *
     * @param element the element
     * @param x       pixels from its left edge
     * @param y       pixels from its top edge
     * @param dx      pixels to the right
     * @param dy      pixels down
     */
    public void dragAt(WebElement element, double x, double y, int dx, int dy) {
        Rectangle box = element.getRect();
        new Actions(driver)
                .moveToElement(element, (int) Math.round(x - box.getWidth() / 2.0), (int)
                        Math.round(y - box.getHeight() / 2.0))
                .clickAndHold()
                .moveByOffset(dx / 2, dy / 2)
                .moveByOffset(dx - dx / 2, dy - dy / 2)
                .release()
                .perform();
    }

    /**
     * @param script JavaScript returning a value
     * @param args   its arguments
     * @return the value
     */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Waits up to 20 s for a condition; the only way this test synchronises with the page.
     *
     * @param what      what is awaited, for the failure message
     * @param condition the condition, non-null and non-false when it holds
     * @param <T>       its value
     * @return its value
     */
    public <T> T until(String what, ExpectedCondition<T> condition) {
        return until(what, Duration.ofSeconds(20), condition);
    }

    /**
     * @param what      what is awaited
     * @param timeout   the deadline
     * @param condition the condition
     * @param <T>       its value
     * @return its value
     */
    public <T> T until(String what, Duration timeout, ExpectedCondition<T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        wait.withMessage(() -> what);
        // the page redraws lists as events arrive: an element found a moment ago may be gone
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(ElementClickInterceptedException.class);
        return wait.until(condition);
    }

    /**
     * Saves a screenshot as {@code NN-name.png}.
     *
     * @param name the step
     * @return the file
     */
    public Path screenshot(String name) {
        File taken = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        try {
            return Files.move(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static By css(String testid) {
        return By.cssSelector("[data-testid=\"" + testid + "\"]");
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
        }
    }
}
