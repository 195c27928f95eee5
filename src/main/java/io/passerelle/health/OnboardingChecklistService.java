package io.passerelle.health;

import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.CredentialTestOutcome;
import io.passerelle.connection.CredentialTestResult;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.partner.PosVersion;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.security.CurrentUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-flight checklist of a connection. Every step is derived from real state (the last credential test,
 * the POS's last call, deliveries, received events); only what a person must confirm (the restaurant's time
 * zone) is stored.
 */
@Service
public class OnboardingChecklistService {

    private final ConnectionService connections;
    private final PartnerCatalogue catalogue;
    private final HealthStore store;
    private final RestaurantAccess access;
    private final ObjectProvider<TablesReconciliationCheck> tables;
    private final CurrentUser currentUser;
    private final Clock clock;

    OnboardingChecklistService(ConnectionService connections, PartnerCatalogue catalogue, HealthStore store,
            RestaurantAccess access, ObjectProvider<TablesReconciliationCheck> tables, CurrentUser currentUser,
            Clock clock) {
        this.connections = connections;
        this.catalogue = catalogue;
        this.store = store;
        this.access = access;
        this.tables = tables;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ChecklistItem> checklist(long restaurantId, long connectionId) {
        PartnerConnection connection = connections.get(restaurantId, connectionId);
        PartnerDescriptor partner = catalogue.byCode(connection.getPartnerCode()).orElseThrow();
        boolean push = connection.getStyle() == PartnerStyle.PUSH;
        Optional<CredentialTestResult> test = connection.getLastTest();
        Optional<PosVersion> version = push ? test.map(CredentialTestResult::posVersion)
                : connection.getLastSeenPosVersion();
        var items = new ArrayList<ChecklistItem>();
        boolean credentialsWork = push ? test.map(result -> result.outcome().success()).orElse(false)
                : connection.getLastSeenAt().isPresent();
        items.add(item(ChecklistStep.CREDENTIALS_TESTED, credentialsWork));
        items.add(push ? item(ChecklistStep.CERTIFICATE_VALID, certificateValid(connection, test))
                : new ChecklistItem(ChecklistStep.CERTIFICATE_VALID, StepStatus.NOT_APPLICABLE));
        items.add(item(ChecklistStep.POS_VERSION,
                version.map(v -> v.isAtLeast(partner.minimumPosVersion())).orElse(false)));
        items.add(payAtTable(partner, connection));
        items.add(item(ChecklistStep.TIMEZONE_CONFIRMED, store.isConfirmed(connectionId, ChecklistStep.TIMEZONE_CONFIRMED)));
        boolean synced = push ? store.find(restaurantId, connectionId).map(r -> r.lastSuccessAt() != null).orElse(false)
                : connection.getLastSeenAt().isPresent();
        items.add(item(ChecklistStep.FIRST_SYNC, synced));
        items.add(new ChecklistItem(ChecklistStep.TABLES_RECONCILED, tables.stream().findFirst()
                .flatMap(check -> check.reconciled(restaurantId, connectionId))
                .map(reconciled -> reconciled ? StepStatus.DONE : StepStatus.TO_DO)
                .orElse(StepStatus.NOT_CHECKED_YET)));
        items.add(item(ChecklistStep.FIRST_POS_EVENT, store.hasAcceptedEvent(connectionId)));
        return items;
    }

    /** A person confirms the restaurant's time zone is the one the POS uses. */
    @Transactional
    public void confirmTimeZone(long restaurantId, long connectionId) {
        connections.get(restaurantId, connectionId);
        store.confirm(connectionId, ChecklistStep.TIMEZONE_CONFIRMED, currentUser.require().getUsername(),
                clock.instant());
    }

    /**
     * Pay at table is optional: without a server and installation ID the step does not apply. With them, the last
     * check says (see {@link ConnectionService#checkPayAtTable}); a change of either forgets it.
     */
    private static ChecklistItem payAtTable(PartnerDescriptor partner, PartnerConnection connection) {
        if (!partner.payAtTable() || !connection.hasPayAtTable()) {
            return new ChecklistItem(ChecklistStep.PAY_AT_TABLE, StepStatus.NOT_APPLICABLE);
        }
        return connection.getLastPayAtTableCheck()
                .map(check -> new ChecklistItem(ChecklistStep.PAY_AT_TABLE,
                        check.outcome().success() ? StepStatus.DONE : StepStatus.FAILED, check.outcome().messageKey()))
                .orElseGet(() -> new ChecklistItem(ChecklistStep.PAY_AT_TABLE, StepStatus.TO_DO));
    }

    /** A successful TLS call proves the certificate; plain HTTP (development only) never does. */
    private static boolean certificateValid(PartnerConnection connection, Optional<CredentialTestResult> test) {
        boolean https = connection.getWebhookUrl() != null
                && connection.getWebhookUrl().toLowerCase(Locale.ROOT).startsWith("https://");
        return https && test.map(result -> result.outcome() != CredentialTestOutcome.CERTIFICATE_INVALID
                && result.outcome().success()).orElse(false);
    }

    private static ChecklistItem item(ChecklistStep step, boolean done) {
        return new ChecklistItem(step, done ? StepStatus.DONE : StepStatus.TO_DO);
    }
}
