package io.passerelle.connection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.partner.FakePos;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.security.AppRole;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IntegrationsViewTest extends KaribuTest {

    @Autowired
    ConnectionService connections;

    @Test
    void listsBothPartnersWithWhatTheyDoAndTheStateOfTheConnection() {
        var tenant = fixtures.tenant();
        connect(tenant, "cassasmart", new ConnectionDetails(null, null, null, null, Set.of(), true));
        login(tenant.owner());
        navigate("integrations");

        assertThat(byId(Card.class, "partner-cassasmart").getTitleAsText()).isEqualTo("CassaSmart");
        assertThat(byId(Card.class, "partner-caissepad").getTitleAsText()).isEqualTo("CaissePad");
        assertThat(text("partner-cassasmart-status")).isEqualTo(t("connection.status.active"));
        assertThat(text("partner-caissepad-status")).isEqualTo(t("connection.status.not-connected"));
        assertThat(byId(Button.class, "partner-cassasmart-action").getText())
                .isEqualTo(t("connection.action.manage"));
        assertThat(byId(Button.class, "partner-caissepad-action").getText())
                .isEqualTo(t("connection.action.connect"));
        var caissePadCard = texts(byId(Card.class, "partner-caissepad"));
        assertThat(caissePadCard).contains(t("connection.card.pay-at-table"), t("connection.card.minimum-version", "2.0.16"));
    }

    @Test
    void aPushConnectionIsSavedFromTheFormWithExactlyTheFieldsThePartnerNeeds() {
        var tenant = fixtures.tenant();
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-caissepad-action"));

        TextField restaurantId = byId(TextField.class, "connection-restaurant-id");
        assertThat(restaurantId)
                .satisfies(field -> assertThat(field.isReadOnly()).isTrue())
                .extracting(TextField::getValue).isEqualTo(Integer.toString(tenant.restaurant().getPublicId()));
        byId(TextField.class, "connection-pay-at-table-server");
        _assertNone(Button.class, spec -> spec.withId("connection-generate-api-key"));
        setAsUser(byId(TextField.class, "connection-webhook-url"), "http://127.0.0.1:9/webhook");
        setAsUser(byId(PasswordField.class, "connection-token"), "tok-from-the-pos");
        _click(byId(Button.class, "connection-save"));

        List<PartnerConnection> saved = connectionsOf(tenant);
        assertThat(saved).singleElement().satisfies(connection -> {
            assertThat(connection.getPartnerCode()).isEqualTo("caissepad");
            assertThat(connection.isEnabled()).isTrue();
            assertThat(connection.getWebhookUrl()).isEqualTo("http://127.0.0.1:9/webhook");
            assertThat(connection.getEvents()).containsExactlyInAnyOrder(PartnerEventType.ORDER_OPENED,
                    PartnerEventType.ORDER_ITEMS_SENT, PartnerEventType.ORDER_CLOSED,
                    PartnerEventType.ORDER_PAID_AT_TABLE);
        });
        assertThat(connections.authenticateToken(tenant.restaurant().getPublicId(), "tok-from-the-pos")).isPresent();
        assertThat(text("partner-caissepad-status")).isEqualTo(t("connection.status.active"));
        // the dialog goes on with what needs the saved connection
        byId(Button.class, "connection-reveal-secret");
        byId(Button.class, "connection-test");
    }

    @Test
    void connectingAPartnerConnectedMeanwhileClosesTheDialogOnTheRefreshedCards() {
        var tenant = fixtures.tenant();
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-caissepad-action"));
        setAsUser(byId(TextField.class, "connection-webhook-url"), "http://127.0.0.1:9/webhook");
        setAsUser(byId(PasswordField.class, "connection-token"), "tok-from-the-pos");
        // a colleague connects the same partner from another screen first
        connect(tenant, "caissepad", new ConnectionDetails("http://127.0.0.1:9/other", "t", null, null, Set.of(), true));

        _click(byId(Button.class, "connection-save"));

        NotificationsKt.expectNotifications(t("connection.error.already-connected"));
        _assertNone(Dialog.class, spec -> spec.withId("connection-dialog"));
        assertThat(text("partner-caissepad-status")).isEqualTo(t("connection.status.active"));
        assertThat(connectionsOf(tenant)).singleElement().extracting(PartnerConnection::getWebhookUrl)
                .isEqualTo("http://127.0.0.1:9/other");
    }

    @Test
    void anInvalidWebhookUrlIsShownNextToTheField() {
        var tenant = fixtures.tenant();
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-caissepad-action"));

        setAsUser(byId(TextField.class, "connection-webhook-url"), "http://example.com");
        setAsUser(byId(PasswordField.class, "connection-token"), "tok");
        _click(byId(Button.class, "connection-save"));

        var webhookUrl = byId(TextField.class, "connection-webhook-url");
        assertThat(webhookUrl.isInvalid()).isTrue();
        assertThat(webhookUrl.getErrorMessage()).isEqualTo(t("partner.url.https-required"));
        assertThat(connectionsOf(tenant)).isEmpty();
    }

    @Test
    void theTokenIsMaskedAndNeverSentBackToTheBrowser() {
        var tenant = fixtures.tenant();
        String token = TestFixtures.unique("pos-token");
        connect(tenant, "caissepad", new ConnectionDetails("http://127.0.0.1:9/webhook", token, null, null, Set.of(), true));
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-caissepad-action"));

        var tokenField = byId(PasswordField.class, "connection-token");
        assertThat(tokenField.getValue()).isEmpty();
        assertThat(tokenField.getHelperText()).isEqualTo(t("connection.field.token.keep"));
        assertThat(everythingShown()).noneMatch(shown -> shown.contains(token));
        _assertNone(TextField.class, spec -> spec.withId("connection-signing-secret"));

        // saving without typing a token keeps the stored one
        _click(byId(Button.class, "connection-save"));
        assertThat(connections.authenticateToken(tenant.restaurant().getPublicId(), token)).isPresent();
    }

    @Test
    void theSigningSecretIsShownOnlyOnRequest() {
        var tenant = fixtures.tenant();
        connect(tenant, "caissepad", new ConnectionDetails("http://127.0.0.1:9/webhook", "t", null, null, Set.of(), true));
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-caissepad-action"));
        assertThat(everythingShown()).noneMatch(shown -> shown.contains("whsec_"));

        _click(byId(Button.class, "connection-reveal-secret"));

        assertThat(byId(TextField.class, "connection-signing-secret").getValue()).startsWith("whsec_");
        assertThat(everythingShown()).as("what the search sees once shown").anyMatch(shown -> shown.contains("whsec_"));
        var auditTrail = byId(Grid.class, "connection-audit");
        assertThat(GridKt._getFormatted(auditTrail, 0, "what")).isEqualTo(t("connection.audit.action.signing-secret-revealed"));
    }

    @Test
    void theHistoryTellsInWordsWhatTheSetUpAndTheSyncEngineChanged() {
        var tenant = fixtures.tenant();
        connect(tenant, "caissepad", new ConnectionDetails("http://127.0.0.1:9/webhook", "t", null, null, Set.of(), true));
        long connectionId = connectionsOf(tenant).getFirst().getId();
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        fixtures.runAs(fixtures.staff(AppRole.ONBOARDING), () -> {
            connections.installCredentials(tenant.restaurant().getId(), connectionId, null, secret);
            return null;
        });
        connections.disableAsGone(connectionId);
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-caissepad-action"));

        var auditTrail = byId(Grid.class, "connection-audit");
        assertThat(GridKt._getFormatted(auditTrail, 0, "who")).isEqualTo(t("connection.audit.sync-engine"));
        assertThat(GridKt._getFormatted(auditTrail, 0, "details")).isEqualTo(t("connection.audit.pos-gone"));
        assertThat(GridKt._getFormatted(auditTrail, 1, "details")).isEqualTo(t("connection.field.signingSecret"));
        assertThat(everythingShown()).noneMatch(shown -> shown.contains("!{"));
    }

    @Test
    void aNewApiKeyIsShownOnceAndNeverAgain() {
        var tenant = fixtures.tenant();
        connect(tenant, "cassasmart", new ConnectionDetails(null, null, null, null, Set.of(), true));
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-cassasmart-action"));
        _assertNone(TextField.class, spec -> spec.withId("connection-webhook-url"));
        _assertNone(PasswordField.class, spec -> spec.withId("connection-token"));
        assertThat(text("connection-api-key-hint")).isEqualTo(t("connection.api-key.none"));

        _click(byId(Button.class, "connection-generate-api-key"));
        assertThat(byId(Dialog.class, "api-key-dialog").isCloseOnEsc()).as("only its button closes it").isFalse();
        String key = byId(TextField.class, "api-key-value").getValue();
        byId(Button.class, "api-key-copy");
        assertThat(everythingShown()).as("what the search sees once shown").anyMatch(shown -> shown.contains(key));
        _click(byId(Button.class, "api-key-close"));

        assertThat(key).startsWith("pk_");
        var auditTrail = byId(Grid.class, "connection-audit");
        assertThat(GridKt._getFormatted(auditTrail, 0, "what")).isEqualTo(t("connection.audit.action.api-key-generated"));
        assertThat(GridKt._getFormatted(auditTrail, 0, "details")).isEqualTo(t("connection.audit.key-hint", key.substring(0, 7)));
        assertThat(connections.authenticateApiKey(tenant.restaurant().getPublicId(), key)).isPresent();
        assertThat(text("connection-api-key-hint")).isEqualTo(t("connection.api-key.current", key.substring(0, 7)));
        _click(byId(Button.class, "connection-cancel"));
        _click(byId(Button.class, "partner-cassasmart-action"));
        _assertNone(TextField.class, spec -> spec.withId("api-key-value"));
        assertThat(everythingShown()).noneMatch(shown -> shown.contains(key));
        assertThat(text("connection-api-key-hint")).isEqualTo(t("connection.api-key.current", key.substring(0, 7)));

        // rotating asks first, then the old key stops working
        _click(byId(Button.class, "connection-generate-api-key"));
        ConfirmDialogKt._fireConfirm(byId(ConfirmDialog.class, "connection-rotate-confirm"));
        String rotated = byId(TextField.class, "api-key-value").getValue();
        assertThat(rotated).isNotEqualTo(key);
        assertThat(connections.authenticateApiKey(tenant.restaurant().getPublicId(), key)).isEmpty();
    }

    @Test
    void theCredentialTestSaysInPlainWordsWhatThePosAnswered() {
        var tenant = fixtures.tenant();
        try (var pos = FakePos.start()) {
            connect(tenant, "caissepad", new ConnectionDetails(pos.url(), "t", null, null, Set.of(), true));
            login(tenant.owner());
            navigate("integrations");
            _click(byId(Button.class, "partner-caissepad-action"));

            pos.answers(200, "{\"posVersion\":\"2.0.16\"}");
            var test = byId(Button.class, "connection-test");
            assertThat(test.isDisableOnClick()).as("not queued twice while the POS answers").isTrue();
            _click(test);
            assertThat(test.isEnabled()).as("ready for the next test").isTrue();
            var result = byId(Span.class, "connection-test-result");
            assertThat(result.getText()).isEqualTo(t("connection.test.ok", "2.0.16"));
            assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("success");

            pos.answers(200, "{\"posVersion\":\"2.0.3\"}");
            _click(byId(Button.class, "connection-test"));
            assertThat(result.getText()).isEqualTo(t("connection.test.pos-too-old", "2.0.3", "2.0.16"));
            assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("error");

            var auditTrail = byId(Grid.class, "connection-audit");
            assertThat(GridKt._getFormatted(auditTrail, 0, "what")).isEqualTo(t("connection.audit.action.credentials-tested"));
            assertThat(GridKt._getFormatted(auditTrail, 0, "details")).isEqualTo(t("connection.outcome.pos-too-old"));
        }
    }

    @Test
    void aSecondActiveTillIsRefusedOnTheEnabledField() {
        var tenant = fixtures.tenant();
        connect(tenant, "cassasmart", new ConnectionDetails(null, null, null, null, Set.of(), true));
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-caissepad-action"));

        setAsUser(byId(TextField.class, "connection-webhook-url"), "http://127.0.0.1:9/webhook");
        setAsUser(byId(PasswordField.class, "connection-token"), "tok");
        _click(byId(Button.class, "connection-save"));

        var enabled = byId(Checkbox.class, "connection-enabled");
        assertThat(enabled.isInvalid()).isTrue();
        assertThat(enabled.getErrorMessage()).isEqualTo(t("connection.error.category-taken", "CassaSmart"));
        assertThat(connectionsOf(tenant)).extracting(PartnerConnection::getPartnerCode).containsExactly("cassasmart");
    }

    @Test
    void aSaveAfterTheConnectionChangedMeanwhileIsRefusedAndKeepsTheDialogAndWhatWasTyped() {
        var tenant = fixtures.tenant();
        connect(tenant, "caissepad", new ConnectionDetails("http://127.0.0.1:9/webhook", "t", null, null,
                Set.of(PartnerEventType.ORDER_OPENED), true));
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-caissepad-action"));
        long id = connectionsOf(tenant).getFirst().getId();

        // the POS answers 410 Gone while the owner is choosing events
        connections.disableAsGone(id);
        CheckboxGroup<PartnerEventType> events = byId(CheckboxGroup.class, "connection-events");
        setAsUser(events, Set.of(PartnerEventType.ORDER_OPENED, PartnerEventType.ORDER_CLOSED));
        _click(byId(Button.class, "connection-save"));

        NotificationsKt.expectNotifications(t("error.conflict"));
        byId(Dialog.class, "connection-dialog");
        assertThat(events.getValue()).containsExactlyInAnyOrder(PartnerEventType.ORDER_OPENED,
                PartnerEventType.ORDER_CLOSED);
        assertThat(byId(Checkbox.class, "connection-enabled").getValue()).isTrue();
        assertThat(connectionsOf(tenant)).singleElement().satisfies(connection -> {
            assertThat(connection.isEnabled()).isFalse();
            assertThat(connection.getEvents()).containsExactly(PartnerEventType.ORDER_OPENED);
        });
    }

    @Test
    void aTestInTheDialogBeforeItsSaveIsNoConflict() {
        var tenant = fixtures.tenant();
        try (var pos = FakePos.start()) {
            connect(tenant, "caissepad", new ConnectionDetails(pos.url(), "t", null, null,
                    Set.of(PartnerEventType.ORDER_OPENED), true));
            login(tenant.owner());
            navigate("integrations");
            _click(byId(Button.class, "partner-caissepad-action"));
            pos.answers(200, "{\"posVersion\":\"2.0.16\"}");
            _click(byId(Button.class, "connection-test"));
            CheckboxGroup<PartnerEventType> events = byId(CheckboxGroup.class, "connection-events");
            setAsUser(events, Set.of(PartnerEventType.ORDER_OPENED, PartnerEventType.ORDER_CLOSED));
            _click(byId(Button.class, "connection-save"));

            NotificationsKt.expectNotifications(t("saved"));
            assertThat(connectionsOf(tenant).getFirst().getEvents()).containsExactlyInAnyOrder(
                    PartnerEventType.ORDER_OPENED, PartnerEventType.ORDER_CLOSED);
        }
    }

    @Test
    void aNewKeyInTheDialogBeforeItsSaveIsNoConflict() {
        var tenant = fixtures.tenant();
        connect(tenant, "cassasmart", new ConnectionDetails(null, null, null, null, Set.of(), true));
        login(tenant.owner());
        navigate("integrations");
        _click(byId(Button.class, "partner-cassasmart-action"));
        _click(byId(Button.class, "connection-generate-api-key"));
        _click(byId(Button.class, "api-key-close"));
        _click(byId(Button.class, "connection-save"));

        NotificationsKt.expectNotifications(t("saved"));
    }

    @Test
    void otherRestaurantsConnectionsStayInvisible() {
        var tenant = fixtures.tenant();
        connect(tenant, "cassasmart", new ConnectionDetails(null, null, null, null, Set.of(), true));
        var other = fixtures.tenant();
        login(other.owner());
        navigate("integrations");
        assertThat(text("partner-cassasmart-status")).isEqualTo(t("connection.status.not-connected"));
    }

    @Test
    void withoutARestaurantThereIsNothingToConnect() {
        login(fixtures.account(AppRole.OWNER, null, Set.of()));
        navigate("integrations");

        byId(Paragraph.class, "integrations-no-restaurant");
        _assertNone(Card.class);
    }


    private void connect(Tenant tenant, String partner, ConnectionDetails details) {
        fixtures.runAs(tenant.owner(), () -> connections.connect(new ConnectPartner(tenant.restaurant().getId(), partner,
                details)));
    }

    private List<PartnerConnection> connectionsOf(Tenant tenant) {
        return fixtures.runAs(tenant.owner(), () -> connections.connections(tenant.restaurant().getId()));
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static String t(String key, Object... arguments) {
        return UI.getCurrent().getTranslation(key, arguments);
    }

    private static List<String> texts(Component root) {
        return root.getChildren().filter(HasText.class::isInstance).map(c -> ((HasText) c).getText()).toList();
    }

    /** Every text, value and element property of every component on screen, dialogs included. */
    private static List<String> everythingShown() {
        return _find(Component.class).stream().<String>mapMulti((component, shown) -> {
            if (component instanceof HasText hasText) {
                shown.accept(hasText.getText());
            }
            if (component instanceof HasValue<?, ?> hasValue && hasValue.getValue() != null) {
                shown.accept(hasValue.getValue().toString());
            }
            component.getElement().getPropertyNames().forEach(name ->
                    shown.accept(String.valueOf(component.getElement().getPropertyRaw(name))));
            component.getElement().getAttributeNames().forEach(name ->
                    shown.accept(String.valueOf(component.getElement().getAttribute(name))));
        }).toList();
    }
}
