package io.passerelle.connection.ui;

import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerEventType;
import java.util.Set;

/** What the connection dialog's binder edits; the token always starts empty, a stored one is never read back. */
class ConnectionForm {

    private String webhookUrl;
    private String token;
    private String payAtTableServer;
    private String installationId;
    private Set<PartnerEventType> events = Set.of();
    private boolean enabled;

    /** A new connection: every event the partner can send, enabled. */
    static ConnectionForm forNew(PartnerDescriptor partner) {
        var form = new ConnectionForm();
        form.events = partner.supportedEvents();
        form.enabled = true;
        return form;
    }

    static ConnectionForm of(PartnerConnection connection) {
        var form = new ConnectionForm();
        form.webhookUrl = connection.getWebhookUrl();
        form.payAtTableServer = connection.getPayAtTableServer();
        form.installationId = connection.getInstallationId();
        form.events = connection.getEvents();
        form.enabled = connection.isEnabled();
        return form;
    }

    ConnectionDetails toDetails() {
        return new ConnectionDetails(webhookUrl, token, payAtTableServer, installationId, events, enabled);
    }

    String getWebhookUrl() {
        return webhookUrl;
    }

    void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    String getToken() {
        return token;
    }

    void setToken(String token) {
        this.token = token;
    }

    String getPayAtTableServer() {
        return payAtTableServer;
    }

    void setPayAtTableServer(String payAtTableServer) {
        this.payAtTableServer = payAtTableServer;
    }

    String getInstallationId() {
        return installationId;
    }

    void setInstallationId(String installationId) {
        this.installationId = installationId;
    }

    Set<PartnerEventType> getEvents() {
        return events;
    }

    void setEvents(Set<PartnerEventType> events) {
        this.events = events;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
