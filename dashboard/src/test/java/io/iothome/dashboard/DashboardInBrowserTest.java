package io.iothome.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import io.iothome.dashboard.ui.Format;
import io.iothome.stack.testing.LocalStackExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running app in a real, headless Chromium, on the batch and ML jobs' output for the 2,838 real
 * rows. It switches datasets and granularities, checks that the charts drew (inside their shadow
 * roots) and that the numbers in the tables are Cassandra's, and saves a screenshot of every view
 * under target/screenshots.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver browser;

    @LocalServerPort int port;

    @DynamicPropertySource
    static void cassandra(DynamicPropertyRegistry registry) {
        FilledStore data = FilledStore.get();
        registry.add("iothome.cassandra-port", () -> data.settings().cassandraPort());
        registry.add("iothome.streaming-keyspace", () -> data.keyspaces().streaming());
        registry.add("iothome.batch-keyspace", () -> data.keyspaces().batch());
        registry.add("iothome.live-refresh", () -> "2s");
    }

    @BeforeAll
    static void openBrowser() throws IOException {
        // CI installs both (Debian's chromium and chromium-driver): a missing browser fails here
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").isExecutable();
        assertThat(CHROMEDRIVER)
                .as("ChromeDriver (apt-get install chromium-driver)")
                .isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void exploreSwitchesDatasetsAndGranularitiesAndShowsCassandrasNumbers() throws IOException {
        FilledStore data = FilledStore.get();
        open("/");

        // All: the readings grid and the distribution of use
        awaitChartText("explore-chart", "Distribution of Use (kW)");
        awaitCells("readings", "2016-01-01 00:00");
        screenshot("explore-all");

        // Weather by month: avg, min, max of temperature, January named, the table one click away
        choose("dataset", "Weather");
        awaitChartText("explore-chart", "Temperature per month: avg, min, max");
        assertThat(chartTexts("explore-chart")).contains("Jan", "Temperature (°C)", "Month");
        browser.findElement(By.id("explore-table-toggle")).click();
        Row month =
                data.cassandra()
                        .execute(
                                "SELECT * FROM "
                                        + data.keyspaces().batch()
                                        + ".weather_month WHERE house_id = ? AND month = 1",
                                FilledStore.HOUSE)
                        .one();
        awaitCells(
                "explore-table",
                "Jan",
                String.valueOf(month.getLong("count")),
                Format.number(month.getDouble("avgtemp")),
                Format.number(month.getDouble("mintemp")),
                Format.number(month.getDouble("maxtemp")));
        screenshot("explore-weather-month");

        // Energy by day of week: Friday and Saturday (1 and 2 January 2016), with the kWh chart
        choose("dataset", "Energy");
        choose("granularity", "Day of week");
        awaitChartText("explore-chart", "House use per day of week: avg, min, max");
        assertThat(chartTexts("explore-chart")).contains("Fri", "Sat", "House use (kW)");
        awaitChartText("explore-energy-chart", "House use per day of week: energy");
        screenshot("explore-energy-day-of-week");

        // Day of year: the average with its range as a band
        choose("granularity", "Day of year");
        awaitChartText("explore-chart", "House use per day of year: avg, min, max");
        assertThat(chartTexts("explore-chart")).contains("average", "min–max range");
        screenshot("explore-energy-day-of-year");

        // Whole period: a table, and the numbers are the table's
        choose("dataset", "Weather");
        choose("granularity", "Whole period");
        Row all =
                data.cassandra()
                        .execute(
                                "SELECT * FROM "
                                        + data.keyspaces().batch()
                                        + ".weather_all_time WHERE house_id = ?",
                                FilledStore.HOUSE)
                        .one();
        awaitCells(
                "whole-period-table",
                "Pressure",
                "hPa",
                Format.number(all.getDouble("avgpressure")),
                Format.number(all.getDouble("maxpressure")));
        screenshot("explore-weather-whole-period");
    }

    @Test
    void energyModelsAndLiveViewsDrawAndLiveRefreshesItself() throws Exception {
        FilledStore data = FilledStore.get();

        open("/energy");
        awaitChartText("use-vs-solar-chart", "House use against solar generation per month");
        awaitChartText("appliances-chart", "Energy per appliance circuit, whole period");
        assertThat(chartTexts("appliances-chart")).contains("Fridge", "Energy (kWh)");
        screenshot("energy");

        open("/models");
        Row forecast =
                data.cassandra()
                        .execute(
                                "SELECT test_rmse FROM "
                                        + data.keyspaces().batch()
                                        + ".model_metrics WHERE house_id = ? AND target ="
                                        + " 'temperature' AND setup = 'forecast' LIMIT 1",
                                FilledStore.HOUSE)
                        .one();
        awaitCells("metrics", "forecast", "original", Format.number(forecast.getDouble(0)));
        awaitChartText(
                "predictions-chart",
                "Temperature, forecast model: actual and predicted, test hours");
        awaitChartText("residuals-chart", "Temperature, forecast model: residuals");
        screenshot("models");

        open("/live");
        awaitChartText("live-chart", "Use and solar generation, newest 120 readings");
        String first = text("live-refreshed");
        assertThat(text("live-newest"))
                .startsWith("Newest reading: 2016-01-02")
                .endsWith("days behind now.");
        // the server pushes a new refresh without any action in the page
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !text("live-refreshed").equals(first));
        screenshot("live");
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    /** The select item with this text that is on screen, or null while the overlay opens. */
    private static WebElement displayedItem(WebDriver driver, String item) {
        By byText = By.xpath("//vaadin-select-item[normalize-space()='" + item + "']");
        return driver.findElements(byText).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null);
    }

    /**
     * Picks an item of a vaadin-select the way a person does: open it, click the item; again if the
     * click landed while the overlay was still opening.
     */
    private static void choose(String selectId, String item) {
        WebElement select = browser.findElement(By.id(selectId));
        for (int attempt = 1; attempt <= 3; attempt++) {
            select.click();
            WebElement option =
                    new WebDriverWait(browser, Duration.ofSeconds(10))
                            .until(b -> displayedItem(b, item));
            option.click();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(5))
                        .until(b -> item.equals(shownValue(selectId)));
                return;
            } catch (TimeoutException notYet) {
                browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            }
        }
        throw new AssertionError(
                selectId + " did not take '" + item + "': " + shownValue(selectId));
    }

    private static String shownValue(String selectId) {
        return String.valueOf(
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "const b = document.getElementById(arguments[0])"
                                        + ".querySelector('vaadin-select-value-button');"
                                        + "return b ? b.textContent.trim() : null;",
                                selectId));
    }

    /** The texts drawn in a chart's SVG, read through its shadow root. */
    @SuppressWarnings("unchecked")
    private static List<String> chartTexts(String chartId) {
        return (List<String>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "const chart = document.getElementById(arguments[0]);"
                                        + "if (!chart || !chart.shadowRoot) return [];"
                                        + "return Array.from(chart.shadowRoot"
                                        + ".querySelectorAll('svg text'))"
                                        + ".map(t => t.textContent.trim());",
                                chartId);
    }

    private static void awaitChartText(String chartId, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> chartId + " never drew '" + text + "': " + chartTexts(chartId))
                .until(b -> chartTexts(chartId).stream().anyMatch(t -> t.startsWith(text)));
    }

    /** Waits until a grid shows every one of the cell texts. */
    @SuppressWarnings("unchecked")
    private static void awaitCells(String gridId, String... cells) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> gridId + " never showed " + List.of(cells))
                .until(
                        b -> {
                            List<String> shown =
                                    (List<String>)
                                            ((JavascriptExecutor) b)
                                                    .executeScript(
                                                            "const g = document.getElementById("
                                                                    + "arguments[0]);"
                                                                    + "if (!g) return [];"
                                                                    + "return Array.from(g"
                                                                    + ".querySelectorAll("
                                                                    + "'vaadin-grid-cell-content'))"
                                                                    + ".map(c => c.textContent"
                                                                    + ".trim());",
                                                            gridId);
                            return shown.containsAll(List.of(cells));
                        });
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
