package io.passerelle.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.connection.PayAtTableCheckOutcome;
import io.passerelle.connection.UpdateConnection;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.sync.SimulatedPos;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checklist's "pay-at-table server and installation ID answer", asked of a POS simulator's pay-at-table server
 * over real HTTP: it answers, it does not know the installation, it is down.
 */
@PasserelleTest
@Import(TestFixtures.class)
class PayAtTableCheckTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ConnectionService connections;
    @Autowired
    OnboardingChecklistService checklists;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTillsServerAnswersForItsInstallationAndTheStepTurnsGreen() {
        try (var pos = SimulatedPos.start(fixtures, connections).withPayAtTable(connections)) {
            assertThat(step(pos)).isEqualTo(new ChecklistItem(ChecklistStep.PAY_AT_TABLE, StepStatus.TO_DO));

            var check = pos.asOwner(() -> connections.checkPayAtTable(pos.restaurantId(), pos.connectionId()));

            assertThat(check.outcome()).isEqualTo(PayAtTableCheckOutcome.OK);
            assertThat(step(pos)).isEqualTo(new ChecklistItem(ChecklistStep.PAY_AT_TABLE, StepStatus.DONE,
                    "connection.pay-at-table-check.ok"));
            assertThat(jdbc.queryForMap("select action, details from connection_audit where connection_id = ?"
                    + " order by id desc limit 1", pos.connectionId()))
                    .containsEntry("action", "PAY_AT_TABLE_CHECKED").containsEntry("details", "OK");
        }
    }

    @Test
    void anInstallationIdTheServerDoesNotServeTurnsTheStepRedUntilTheIdChanges() {
        try (var pos = SimulatedPos.start(fixtures, connections).withPayAtTable(connections, "not-this-till")) {
            var check = pos.asOwner(() -> connections.checkPayAtTable(pos.restaurantId(), pos.connectionId()));

            assertThat(check.outcome()).isEqualTo(PayAtTableCheckOutcome.UNKNOWN_INSTALLATION);
            assertThat(step(pos)).isEqualTo(new ChecklistItem(ChecklistStep.PAY_AT_TABLE, StepStatus.FAILED,
                    "connection.pay-at-table-check.unknown-installation"));

            // a check of another installation ID says nothing about the new one
            pos.withPayAtTable(connections);
            assertThat(step(pos).status()).isEqualTo(StepStatus.TO_DO);
        }
    }

    @Test
    void theConnectionAnEditReturnsForgetsTheCheckOfTheInstallationItMovedFrom() {
        try (var pos = SimulatedPos.start(fixtures, connections).withPayAtTable(connections)) {
            pos.asOwner(() -> connections.checkPayAtTable(pos.restaurantId(), pos.connectionId()));
            PartnerConnection before = pos.asOwner(() -> connections.get(pos.restaurantId(), pos.connectionId()));
            assertThat(before.getLastPayAtTableCheck()).isPresent();

            PartnerConnection moved = pos.asOwner(() -> connections.update(new UpdateConnection(pos.restaurantId(),
                    pos.connectionId(), before.getVersion(), new ConnectionDetails(before.getWebhookUrl(), null,
                            before.getPayAtTableServer(), "another-till", Set.of(), true))));

            assertThat(moved.getLastPayAtTableCheck()).as("as returned").isEmpty();
            PartnerConnection reread = pos.asOwner(() -> connections.get(pos.restaurantId(), pos.connectionId()));
            assertThat(reread.getLastPayAtTableCheck()).as("as stored").isEmpty();
            assertThat(reread.getVersion()).as("forgetting it in memory wrote nothing more").isEqualTo(moved.getVersion());
        }
    }

    @Test
    void aServerThatIsDownIsUnreachable() {
        try (var pos = SimulatedPos.start(fixtures, connections).withPayAtTable(connections)) {
            pos.close();

            var check = pos.asOwner(() -> connections.checkPayAtTable(pos.restaurantId(), pos.connectionId()));

            assertThat(check.outcome()).isEqualTo(PayAtTableCheckOutcome.UNREACHABLE);
            assertThat(step(pos)).isEqualTo(new ChecklistItem(ChecklistStep.PAY_AT_TABLE, StepStatus.FAILED,
                    "connection.pay-at-table-check.unreachable"));
        }
    }

    @Test
    void withoutPayAtTableTheStepDoesNotApplyAndThereIsNothingToCheck() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            assertThat(step(pos).status()).isEqualTo(StepStatus.NOT_APPLICABLE);
            assertThatThrownBy(() -> pos.asOwner(() -> connections.checkPayAtTable(pos.restaurantId(),
                    pos.connectionId())))
                    .isInstanceOfSatisfying(RuleViolationException.class, refusal -> assertThat(
                            refusal.messageKey()).isEqualTo("connection.error.no-pay-at-table"));
        }
    }

    @Test
    void anotherTenantCannotCheckTheConnection() {
        try (var pos = SimulatedPos.start(fixtures, connections).withPayAtTable(connections)) {
            var stranger = fixtures.tenant().owner();

            assertThatThrownBy(() -> fixtures.runAs(stranger, () -> connections.checkPayAtTable(pos.restaurantId(),
                    pos.connectionId()))).isInstanceOf(NotFoundException.class);
            assertThat(step(pos).status()).isEqualTo(StepStatus.TO_DO);
        }
    }

    private ChecklistItem step(SimulatedPos pos) {
        return pos.asOwner(() -> checklists.checklist(pos.restaurantId(), pos.connectionId())).stream()
                .filter(item -> item.step() == ChecklistStep.PAY_AT_TABLE)
                .findFirst().orElseThrow();
    }
}
