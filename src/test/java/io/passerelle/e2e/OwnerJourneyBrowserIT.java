package io.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.shared.i18n.TranslationProvider;
import io.passerelle.simulator.ControlClient;
import io.passerelle.simulator.InstallationSettings;
import io.passerelle.simulator.PosSimulator;
import io.passerelle.simulator.SimulatorSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * An owner's day in a real browser against the production jar: log in, connect the push-style till (a POS
 * simulator this test runs), sync reservations by hand and watch the progress bar arrive over Vaadin Push under
 * the production content security policy, let the till seat and close a reservation and find it FINISHED with its
 * bill in the guest's profile, link a table name the till spells differently, then use the back office in Italian
 * and French. Steps depend on the ones before. Screenshots of every step (and of a failure): target/browser-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnerJourneyBrowserIT {

    /** Demo data (DemoDataSeeder): Claire owns the two French restaurants; Brasserie du Marché has no till yet. */
    private static final String OWNER = "claire@demo.passerelle.test";
    private static final String OWNER_NAME = "Claire Martin";
    private static final String DEMO_PASSWORD = "passerelle-demo";
    private static final String RESTAURANT = "Brasserie du Marché";
    private static final String INSTALLATION = "brasserie-du-marche";
    private static final String POS_VERSION = "2.1.4";
    private static final Path TARGET = Path.of("target");

    private final TranslationProvider translations = new TranslationProvider();
    private ProductionApp app;
    private Browser browser;
    private PosSimulator till;
    private ControlClient control;

    @RegisterExtension
    final TestWatcher failureScreenshots = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
            } catch (Exception | AssertionError e) {
                cause.addSuppressed(e);
            }
        }
    };

    @BeforeAll
    void start() throws Exception {
        app = ProductionApp.start(Path.of(System.getProperty("passerelle.e2e.jar", "missing.jar")),
                TARGET.resolve("browser-app"));
        browser = Browser.start(app.baseUrl(), TARGET.resolve("browser-screenshots"), TARGET.resolve("browser-app"));
    }

    @AfterAll
    void stop() throws Exception {
        try (var closingApp = app; var closingBrowser = browser; var closingTill = till) {
            if (browser != null) {
                assertThat(browser.consoleMessages()).as("no content security policy violation in the browser console")
                        .noneMatch(message -> message.contains("Content Security Policy"));
            }
        }
    }

    @Test
    @Order(1)
    void ownerLogsIn() throws Exception {
        // the policy every later step runs under (the console is checked for violations at the end)
        var login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.baseUrl().resolve("login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'"));

        browser.open("login");
        browser.type("vaadinLoginUsername", OWNER);
        browser.type("vaadinLoginPassword", DEMO_PASSWORD);
        browser.screenshot("login");
        browser.find(By.cssSelector("#vaadinLoginPassword input")).sendKeys(Keys.ENTER);

        assertThat(browser.byId("user-menu").getText()).contains(OWNER_NAME);
        browser.waitForVaadin();
        assertThat(browser.currentPath()).isEqualTo("/");
        browser.screenshot("home");
    }

    @Test
    @Order(2)
    void ownerConnectsThePushTillOfTheSimulator() throws Exception {
        selectRestaurant(RESTAURANT);
        browser.open("integrations");
        browser.click("partner-caissepad-action");
        int tillPort = ProductionApp.freePort();
        String webhookUrl = "http://127.0.0.1:" + tillPort + "/webhooks/" + INSTALLATION;
        String token = "tok_" + UUID.randomUUID();
        browser.type("connection-webhook-url", webhookUrl);
        browser.type("connection-token", token);
        browser.type("connection-pay-at-table-server", "http://127.0.0.1:" + tillPort + "/");
        browser.type("connection-installation-id", INSTALLATION);
        browser.screenshot("connect-push-till");
        browser.click("connection-save");

        // Saved: the dialog comes back to manage the connection, with the signing secret the till needs.
        browser.click("connection-reveal-secret");
        String signingSecret = browser.value("connection-signing-secret");
        String restaurantId = browser.value("connection-restaurant-id");
        assertThat(signingSecret).startsWith("whsec_");
        till = PosSimulator.start(SimulatorSettings.defaults()
                .withPort(tillPort)
                .withPasserelleUrl(app.partnerApiUrl())
                .withInstallations(List.of(InstallationSettings.push(INSTALLATION, restaurantId, token, signingSecret,
                        POS_VERSION))));
        control = new ControlClient(till);

        // by keyboard: Enter on the test button tests, and only that (the dialog's Enter-to-save stays in its fields)
        browser.focus(browser.find(By.id("connection-test")));
        browser.press(Keys.ENTER);
        WebElement result = browser.find(By.cssSelector("#connection-test-result[data-outcome]"));
        browser.screenshot("credential-test");
        assertThat(result.getDomAttribute("data-outcome")).as(result.getText()).isEqualTo("success");
        assertThat(result.getText()).contains(POS_VERSION);
        browser.click("connection-cancel");
    }

    @Test
    @Order(3)
    void manualSyncShowsItsProgressLiveUntilTheEnd() throws Exception {
        browser.open("sync");
        WebElement start = browser.find(By.cssSelector("vaadin-button[id^='sync-'][id$='-start']"));
        String panel = start.getDomAttribute("id").replaceFirst("-start$", "");
        start.click();
        browser.screenshot("sync-running");

        // No click from here on: what the page learns, it learns through Push.
        WebElement summary = browser.byId(panel + "-summary");
        WebElement progress = browser.byId(panel + "-progress");
        assertThat(Double.parseDouble(progress.getDomProperty("value"))).isEqualTo(1.0);
        assertThat(summary.getText()).isNotBlank();
        browser.screenshot("sync-finished");

        JsonNode state = control.state();
        assertThat(state.path("counters").path("webhooksReceived").asInt()).isPositive();
        assertThat(reservations(state)).isNotEmpty();
    }

    @Test
    @Order(4)
    void reservationSeatedAndClosedAtTheTillIsFinishedWithItsBill() throws Exception {
        // the till's next confirmed reservation, as a waiter would pick it
        JsonNode reservation = reservations(control.state()).stream()
                .filter(candidate -> "CONFIRMED".equals(candidate.path("status").asString()))
                .min(Comparator.comparing(candidate -> OffsetDateTime.parse(candidate.path("start").asString())))
                .orElseThrow(() -> new AssertionError("no confirmed reservation reached the till"));
        String guest = reservation.path("guest").path("firstName").asString() + " "
                + reservation.path("guest").path("lastName").asString();
        GuestFigures before = guestProfile(guest);

        String reservationId = reservation.path("id").asString();
        awaitDelivered(control.play("seat", "{\"installation\": \"" + INSTALLATION + "\", \"reservationId\": \""
                + reservationId + "\"}"));
        JsonNode closed = control.play("close", "{\"installation\": \"" + INSTALLATION + "\", \"reservationId\": \""
                + reservationId + "\", \"items\": [{\"name\": \"Plat du jour\", \"quantity\": 2, \"unitPrice\": \"16.50\"}]}");
        assertThat(closed.path("order").path("total").path("amount").asString()).isEqualTo("33.00");
        awaitDelivered(closed);

        GuestFigures after = guestProfile(guest);
        assertThat(after.finished()).isEqualTo(before.finished() + 1);
        assertThat(after.visits()).isEqualTo(before.visits() + 1);
        assertThat(after.totalSpent()).isNotEqualTo(before.totalSpent());
        // the bill, line by line as the till sent it (the owner reads French: Claire's language)
        WebElement bill = browser.find(By.xpath("//vaadin-grid[@id='guest-profile-orders']//vaadin-grid-cell-content["
                + "contains(., '" + translations.getTranslation("guest.order.item", Locale.FRENCH, 2, "Plat du jour") + "')]"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", bill);
        assertThat(browser.byId("guest-profile-orders").getText()).contains("33,00");
        browser.screenshot("guest-profile-with-the-bill");
        browser.click("guest-profile-close");
    }

    /** What the guest's profile shows: visits, total spent and FINISHED reservations. */
    private record GuestFigures(int visits, String totalSpent, int finished) {}

    private GuestFigures guestProfile(String guest) {
        browser.open("guests");
        browser.type("guests-search", guest);
        browser.click(browser.find(By.xpath("//vaadin-grid[@id='guests-grid']//vaadin-grid-cell-content[normalize-space(.)='"
                + guest + "']")));
        browser.byId("guest-profile-reservations");
        return new GuestFigures(Integer.parseInt(browser.text("guest-profile-visits").trim()),
                browser.text("guest-profile-total-spent"),
                browser.findAll(By.cssSelector("#guest-profile-reservations [data-status='FINISHED']")).size());
    }

    @Test
    @Order(5)
    void ownerLinksATableNameTheTillSpellsDifferently() throws Exception {
        // the till names its tables T1..T12; the restaurant's floor plan says "Table 1".."Table 14"
        assertThat(control.post("/control/tables", "{\"installation\": \"" + INSTALLATION + "\"}").statusCode())
                .isEqualTo(200);
        browser.open("table-names");
        String unmatchedBefore = browser.text("table-names-summary");
        WebElement t7 = browser.find(By.xpath("//vaadin-grid[@id='pos-names-grid']//vaadin-grid-cell-content["
                + "normalize-space(.)='T7']"));
        browser.click(t7);
        browser.screenshot("table-name-mismatch");
        // Enter in the list links the name chosen to the table suggested
        browser.press(Keys.ENTER);

        browser.until(page -> !browser.text("table-names-summary").equals(unmatchedBefore));
        assertThat(browser.findAll(By.xpath("//vaadin-grid[@id='pos-names-grid']//vaadin-grid-cell-content["
                + "normalize-space(.)='" + translations.getTranslation("table-names.state.LINKED", Locale.FRENCH) + "']")))
                .hasSize(1);
        browser.screenshot("table-name-linked");
    }

    @Test
    @Order(6)
    void ownerSwitchesToItalianThenFrench() throws Exception {
        for (Locale language : List.of(Locale.ITALIAN, Locale.FRENCH)) {
            browser.click("user-menu-root");
            browser.click("user-menu-language");
            browser.click("user-menu-language-" + language.getLanguage());
            browser.byId("main-nav");
            browser.waitForVaadin();
            assertThat(browser.byId("main-nav").getText())
                    .contains(translations.getTranslation("nav.reservations", language))
                    .contains(translations.getTranslation("nav.sync", language));
            browser.screenshot("language-" + language.getLanguage());
        }
    }

    private void selectRestaurant(String name) {
        browser.choose("restaurant-switcher", name);
        assertThat(browser.value("restaurant-switcher")).startsWith(name);
    }

    private static List<JsonNode> reservations(JsonNode state) {
        return StreamSupport.stream(state.path("reservations").spliterator(), false)
                .filter(reservation -> INSTALLATION.equals(reservation.path("installation").asString()))
                .toList();
    }

    /** The till sends its events one at a time in the background: wait until Passerelle took them. */
    private void awaitDelivered(JsonNode scenario) throws Exception {
        List<String> eventIds = StreamSupport.stream(scenario.path("events").spliterator(), false)
                .map(event -> event.path("eventId").asString()).toList();
        for (int attempt = 0; attempt < 100; attempt++) {
            List<JsonNode> events = StreamSupport.stream(control.state().path("recentEvents").spliterator(), false)
                    .filter(event -> eventIds.contains(event.path("eventId").asString())).toList();
            if (!events.isEmpty() && events.stream().allMatch(event -> "DELIVERED".equals(event.path("status").asString()))) {
                return;
            }
            Thread.sleep(200);
        }
        JsonNode state = control.state();
        throw new AssertionError("events not delivered: " + state.path("recentEvents") + "; errors: " + state.path("lastErrors"));
    }
}
