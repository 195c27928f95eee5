package io.passerelle.synclog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@PasserelleTest
@Import(TestFixtures.class)
class SyncLogServiceTest {

    @Autowired
    SyncLogService syncLog;

    @Autowired
    SyncLogRepository repository;

    @Autowired
    RestaurantAccess access;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    SyncLogQueries queries;

    @Autowired
    SyncLogInserts inserts;

    @Autowired
    ObjectProvider<FailedDeliveryReplay> replay;

    @Test
    void secretsNeverReachTheLog() {
        var tenant = fixtures.tenant();
        long id = syncLog.record(LogRecord.message(tenant.restaurant().getId(), LogDirection.OUT, "connection.test")
                .payload("""
                        {"type":"connection.test","token":"tok_live_123","signingSecret":"whsec_c2VjcmV0c2VjcmV0",
                         "apiKey":"pk_abcdefghijklmnopqrstuvwxyz"}
                        Authorization: Bearer abc.def.ghi""", "{\"password\": \"hunter2\"}")
                .error("bad_token", "POS said: token tok_live_123 refused, Bearer abc.def"));

        var entry = repository.findById(id).orElseThrow();
        assertThat(entry.getPayload()).doesNotContain("tok_live_123", "whsec_c2VjcmV0c2VjcmV0", "pk_abcdefghij", "abc.def.ghi")
                .contains("\"type\":\"connection.test\"");
        assertThat(entry.getResponse()).doesNotContain("hunter2");
        assertThat(entry.getErrorDetail()).doesNotContain("abc.def");
    }

    @Test
    void aLineSurvivesTheRollbackOfTheWorkItDescribes() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        var transaction = new TransactionTemplate(transactionManager);
        Long[] written = new Long[1];
        transaction.executeWithoutResult(status -> {
            written[0] = syncLog.record(LogRecord.rejected(restaurantId, "reservation.attached", "not_confirmed",
                    "reservation 12 is PENDING"));
            status.setRollbackOnly();
        });
        assertThat(repository.findById(written[0])).isPresent();
    }

    @Test
    void pagesNewestFirstByKeysetAndOnlyForThoseWhoMaySee() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        for (int i = 0; i < 5; i++) {
            syncLog.record(LogRecord.message(restaurantId, LogDirection.IN, "order.opened").messageId("e" + i));
        }
        syncLog.record(LogRecord.message(tenant.sibling().getId(), LogDirection.IN, "order.opened").messageId("other"));

        var firstPage = fixtures.runAs(tenant.owner(), () -> syncLog.latest(restaurantId, null, 3));
        assertThat(firstPage).extracting(SyncLogEntry::getMessageId).containsExactly("e4", "e3", "e2");
        var secondPage = fixtures.runAs(tenant.owner(),
                () -> syncLog.latest(restaurantId, firstPage.getLast().getId(), 3));
        assertThat(secondPage).extracting(SyncLogEntry::getMessageId).containsExactly("e1", "e0");

        // the owner of the first restaurant does not own the sibling: it does not exist for them
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(), () -> syncLog.latest(tenant.sibling().getId(), null, 3)))
                .isInstanceOf(NotFoundException.class);
        // the reseller's support sees both
        assertThat(fixtures.runAs(tenant.support(), () -> syncLog.latest(tenant.sibling().getId(), null, 3)))
                .extracting(SyncLogEntry::getMessageId).containsExactly("other");
        var stranger = fixtures.tenant();
        assertThatThrownBy(() -> fixtures.runAs(stranger.support(), () -> syncLog.latest(restaurantId, null, 3)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void purgeRemovesOnlyLinesPastTheRetention() {
        var tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        long kept = syncLog.record(LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted"));

        var settings = new SyncLogSettings(Duration.ofDays(90), 2);
        var now = new SyncLogService(repository, inserts, queries, access, settings, replay, Clock.systemUTC(),
                transactionManager);
        now.purgeExpired();
        assertThat(repository.findById(kept)).isPresent();

        var ninetyOneDaysLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(91));
        var later = new SyncLogService(repository, inserts, queries, access, settings, replay, ninetyOneDaysLater,
                transactionManager);
        assertThat(later.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(repository.findById(kept)).isEmpty();
    }
}
