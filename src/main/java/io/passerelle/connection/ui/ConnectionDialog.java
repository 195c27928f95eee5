package io.passerelle.connection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.passerelle.connection.ApiKey;
import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionAuditEntry;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.CredentialTestOutcome;
import io.passerelle.connection.PayAtTableCheckOutcome;
import io.passerelle.connection.CredentialTestResult;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.connection.UpdateConnection;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.WebhookUrl;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.shared.UserFacingException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * Connect to a partner, or manage the connection: exactly the fields that partner needs, its secrets
 * (signing secret revealed on request, API key shown once), the credential test and the history.
 */
class ConnectionDialog extends Dialog {

    private final PartnerDescriptor partner;
    private final RestaurantRef restaurant;
    /** Null while connecting. */
    private final PartnerConnection connection;
    private final ConnectionService connections;
    private final Runnable onChange;

    private final Binder<ConnectionForm> binder = new Binder<>();
    private final Map<String, HasValidation> fieldsByName = new HashMap<>();
    private final DateTimeFormatter timeFormat;
    private Grid<ConnectionAuditEntry> auditTrail;
    /** The first characters of the current API key (pull style); null while there is none. */
    private String apiKeyHint;

    ConnectionDialog(PartnerDescriptor partner, RestaurantRef restaurant, PartnerConnection connection,
            ConnectionService connections, Runnable onChange) {
        this.partner = partner;
        this.restaurant = restaurant;
        this.connection = connection;
        this.connections = connections;
        this.onChange = onChange;
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(restaurant.timeZone());
        setId("connection-dialog");
        setHeaderTitle(getTranslation(connection == null ? "connection.dialog.connect-title"
                : "connection.dialog.manage-title", partner.name()));
        setWidth("44rem");

        FormLayout fields = form();
        add(fields);
        if (connection == null) {
            if (!partner.isPush()) {
                add(new Paragraph(getTranslation("connection.api-key.save-first")));
            }
        } else {
            add(partner.isPush() ? signingSecretSection() : apiKeySection(), testSection(), auditTrailSection());
        }

        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("connection-cancel");
        var save = new Button(getTranslation("action.save"), click -> save());
        save.setId("connection-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in a field saves; not Enter on another button (it clicks that button, and the shortcut would save
        // and close the dialog too), nor in a dialog opened on top of this one (the API key dialog)
        save.addClickShortcut(Key.ENTER).listenOn(fields);
        getFooter().add(cancel, save);
    }

    private FormLayout form() {
        var restaurantId = new TextField(getTranslation("connection.field.restaurantId"));
        restaurantId.setId("connection-restaurant-id");
        restaurantId.setValue(Integer.toString(restaurant.publicId()));
        restaurantId.setReadOnly(true);
        restaurantId.setHelperText(getTranslation("connection.field.restaurantId.help"));
        var form = new FormLayout(restaurantId);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

        if (partner.isPush()) {
            var webhookUrl = new TextField(getTranslation("connection.field.webhookUrl"));
            webhookUrl.setId("connection-webhook-url");
            webhookUrl.setMaxLength(WebhookUrl.MAX_LENGTH);
            webhookUrl.setHelperText(getTranslation("connection.field.webhookUrl.help"));
            binder.forField(webhookUrl).asRequired(getTranslation("connection.error.required"))
                    .bind(ConnectionForm::getWebhookUrl, ConnectionForm::setWebhookUrl);
            register("webhookUrl", webhookUrl);

            // Masked, and never filled from the server: an empty field on edit keeps the stored token.
            var token = new PasswordField(getTranslation("connection.field.token"));
            token.setId("connection-token");
            token.setMaxLength(PartnerConnection.TOKEN_MAX_LENGTH);
            var tokenBinding = binder.forField(token);
            if (connection == null) {
                token.setHelperText(getTranslation("connection.field.token.help"));
                tokenBinding.asRequired(getTranslation("connection.error.required"));
            } else {
                token.setHelperText(getTranslation("connection.field.token.keep"));
            }
            tokenBinding.bind(ConnectionForm::getToken, ConnectionForm::setToken);
            register("token", token);
            form.add(webhookUrl, token);

            if (partner.payAtTable()) {
                var server = new TextField(getTranslation("connection.field.payAtTableServer"));
                server.setId("connection-pay-at-table-server");
                server.setMaxLength(WebhookUrl.MAX_LENGTH);
                server.setHelperText(getTranslation("connection.field.payAtTable.help"));
                binder.forField(server).bind(ConnectionForm::getPayAtTableServer, ConnectionForm::setPayAtTableServer);
                register("payAtTableServer", server);
                var installationId = new TextField(getTranslation("connection.field.installationId"));
                installationId.setId("connection-installation-id");
                installationId.setMaxLength(PartnerConnection.INSTALLATION_ID_MAX_LENGTH);
                binder.forField(installationId).bind(ConnectionForm::getInstallationId, ConnectionForm::setInstallationId);
                register("installationId", installationId);
                form.add(server, installationId);
            }
        }

        var events = new CheckboxGroup<PartnerEventType>(getTranslation("connection.field.events"));
        events.setId("connection-events");
        events.setItems(partner.supportedEvents());
        events.setItemLabelGenerator(event -> getTranslation(event.messageKey()));
        binder.forField(events).bind(ConnectionForm::getEvents, ConnectionForm::setEvents);
        register("events", events);

        var enabled = new Checkbox(getTranslation("connection.field.enabled"));
        enabled.setId("connection-enabled");
        binder.forField(enabled).bind(ConnectionForm::isEnabled, ConnectionForm::setEnabled);
        register("enabled", enabled);
        form.add(events, enabled);

        binder.readBean(connection == null ? ConnectionForm.forNew(partner) : ConnectionForm.of(connection));
        return form;
    }

    private void register(String field, HasValidation component) {
        fieldsByName.put(field, component);
    }

    private void save() {
        var form = new ConnectionForm();
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        PartnerConnection saved;
        try {
            saved = connection == null
                    ? connections.connect(new ConnectPartner(restaurant.id(), partner.code(), form.toDetails()))
                    : connections.update(new UpdateConnection(restaurant.id(), connection.getId(),
                            connection.getVersion(), form.toDetails()));
        } catch (UserFacingException refused) {
            String message = getTranslation(refused.messageKey(), refused.arguments());
            HasValidation field = fieldsByName.get(refused.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
                return;
            }
            if (ConnectPartner.PARTNER_FIELD.equals(refused.field())) {
                // the partner itself was refused (connected meanwhile, from another screen): nothing typed here can
                // change that, so the dialog gives way to the refreshed cards
                close();
                onChange.run();
            }
            // else the dialog stays open with what was typed: a conflict is told, not resolved by overwriting a side
            Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        close();
        onChange.run();
        Notification.show(getTranslation("saved"), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        if (connection == null) {
            // next steps need the saved connection: the signing secret or the API key, and the test
            new ConnectionDialog(partner, restaurant, saved, connections, onChange).open();
        }
    }

    private Component signingSecretSection() {
        var section = section("connection.signing-secret.label");
        var masked = new Span(getTranslation("connection.signing-secret.masked"));
        masked.setId("connection-signing-secret-masked");
        var reveal = new Button(getTranslation("connection.signing-secret.reveal"));
        reveal.setId("connection-reveal-secret");
        var row = row(masked, reveal);
        reveal.addClickListener(click -> {
            String secret = connections.revealSigningSecret(restaurant.id(), connection.getId());
            var value = new TextField();
            value.setId("connection-signing-secret");
            value.setAriaLabel(getTranslation("connection.signing-secret.label"));
            value.setValue(secret);
            value.setReadOnly(true);
            section.replace(row, row(value, new CopyButton(secret)));
            refreshAuditTrail();
        });
        section.add(row);
        return section;
    }

    private Component apiKeySection() {
        var section = section("connection.api-key.section");
        var hint = new Span();
        hint.setId("connection-api-key-hint");
        var generate = new Button();
        generate.setId("connection-generate-api-key");
        apiKeyHint = connection.getApiKeyHint().orElse(null);
        showApiKeyState(hint, generate);
        generate.addClickListener(click -> {
            if (apiKeyHint == null) {
                generateApiKey(hint, generate);
                return;
            }
            var confirm = new ConfirmDialog(getTranslation("connection.api-key.rotate-title"),
                    getTranslation("connection.api-key.rotate-text"), getTranslation("connection.api-key.rotate"),
                    confirmed -> generateApiKey(hint, generate));
            confirm.setId("connection-rotate-confirm");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        section.add(row(hint, generate));
        return section;
    }

    private void generateApiKey(Span hint, Button generate) {
        ApiKey key = connections.generateApiKey(restaurant.id(), connection.getId());
        apiKeyHint = key.hint();
        showApiKeyState(hint, generate);
        refreshAuditTrail();
        new ApiKeyDialog(key).open();
    }

    private void showApiKeyState(Span hint, Button generate) {
        hint.setText(apiKeyHint == null ? getTranslation("connection.api-key.none")
                : getTranslation("connection.api-key.current", apiKeyHint));
        generate.setText(getTranslation(apiKeyHint == null ? "connection.api-key.generate" : "connection.api-key.rotate"));
    }

    private Component testSection() {
        var section = section("connection.test.section");
        var result = new Span();
        result.setId("connection-test-result");
        result.addClassName("credential-test");
        if (partner.isPush()) {
            connection.getLastTest().ifPresent(last -> showTestResult(result, last));
        }
        var test = new Button(getTranslation("connection.test.action"));
        test.addClickListener(click -> {
            try {
                showTestResult(result, connections.testCredentials(restaurant.id(), connection.getId()));
                refreshAuditTrail();
                onChange.run();
            } finally {
                test.setEnabled(true);
            }
        });
        // a test waits for the POS (seconds, at worst the read timeout): the button says so, and is not queued twice
        test.setDisableOnClick(true);
        test.setId("connection-test");
        section.add(test, result);
        return section;
    }

    private void showTestResult(Span result, CredentialTestResult test) {
        String version = test.posVersion() == null ? getTranslation("connection.version-unknown")
                : test.posVersion().toString();
        String when = test.testedAt() == null ? "" : timeFormat.format(test.testedAt());
        result.setText(getTranslation(test.outcome().messageKey(), version, partner.minimumPosVersion(), when));
        result.getElement().setAttribute("data-outcome", test.outcome().success() ? "success" : "error");
    }

    private Component auditTrailSection() {
        auditTrail = new Grid<>();
        auditTrail.setId("connection-audit");
        auditTrail.addColumn(entry -> format(entry.getOccurredAt())).setKey("when")
                .setHeader(getTranslation("connection.audit.when")).setAutoWidth(true);
        auditTrail.addColumn(this::auditActor).setKey("who")
                .setHeader(getTranslation("connection.audit.who")).setAutoWidth(true);
        auditTrail.addColumn(entry -> getTranslation(entry.getAction().messageKey())).setKey("what")
                .setHeader(getTranslation("connection.audit.what")).setAutoWidth(true);
        auditTrail.addColumn(this::auditDetails).setKey("details")
                .setHeader(getTranslation("connection.audit.details")).setFlexGrow(1);
        auditTrail.setItems(query -> connections.auditTrail(restaurant.id(), connection.getId(),
                PageRequest.of(query.getPage(), query.getPageSize())).stream());
        auditTrail.setHeight("14rem");
        var details = new Details(getTranslation("connection.audit.title"), auditTrail);
        details.setWidthFull();
        return details;
    }

    /** A person's e-mail address, or the sync engine in the reader's language. */
    private String auditActor(ConnectionAuditEntry entry) {
        return ConnectionAuditEntry.SYNC_ENGINE.equals(entry.getActor())
                ? getTranslation("connection.audit.sync-engine") : entry.getActor();
    }

    /** Field names, a test outcome or a key hint, as recorded: never a secret. */
    private String auditDetails(ConnectionAuditEntry entry) {
        String details = entry.getDetails();
        if (details == null) {
            return "";
        }
        return switch (entry.getAction()) {
            case CONNECTED, UPDATED -> Arrays.stream(details.split(","))
                    .map(field -> getTranslation("connection.field." + field))
                    .collect(Collectors.joining(", "));
            case CREDENTIALS_TESTED -> Arrays.stream(CredentialTestOutcome.values())
                    .filter(outcome -> outcome.name().equals(details))
                    .findFirst().map(outcome -> getTranslation(outcome.labelKey())).orElse(details);
            case PAY_AT_TABLE_CHECKED -> Arrays.stream(PayAtTableCheckOutcome.values())
                    .filter(outcome -> outcome.name().equals(details))
                    .findFirst().map(outcome -> getTranslation(outcome.labelKey())).orElse(details);
            case API_KEY_GENERATED, API_KEY_ROTATED -> getTranslation("connection.audit.key-hint", details);
            case DISABLED -> ConnectionAuditEntry.POS_GONE.equals(details)
                    ? getTranslation("connection.audit.pos-gone") : details;
            case ENABLED, SIGNING_SECRET_REVEALED -> details;
        };
    }

    private void refreshAuditTrail() {
        if (auditTrail != null) {
            auditTrail.getDataProvider().refreshAll();
        }
    }

    private String format(Instant instant) {
        return timeFormat.format(instant);
    }

    private VerticalLayout section(String titleKey) {
        var section = new VerticalLayout(new H4(getTranslation(titleKey)));
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private static HorizontalLayout row(Component... components) {
        var row = new HorizontalLayout(components);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }
}
