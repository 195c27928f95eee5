package io.passerelle.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.health.TablesReconciliationCheck;
import io.passerelle.reservation.CreateDiningTable;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableDetails;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.Drift;
import io.passerelle.reservation.DriftReport;
import io.passerelle.reservation.DriftSeeds;
import io.passerelle.reservation.DriftService;
import io.passerelle.reservation.DuplicateWalkIn;
import io.passerelle.reservation.PosOrderService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.tables.PosTableName.Suggestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@PasserelleTest
@Import(TestFixtures.class)
class TableNameServiceTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    TableNameService tableNames;
    @Autowired
    PosTableNames posTableNames;
    @Autowired
    ConnectionService connections;
    @Autowired
    DiningTableService diningTables;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TablesReconciliationCheck checklistStep;
    @Autowired
    PosOrderService posOrders;
    @Autowired
    DriftService drift;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactionManager;

    final Map<Long, Authentication> authentications = new HashMap<>();
    Tenant tenant;
    long restaurantId;
    long connectionId;
    DiningTable t12;
    DiningTable t7;
    DiningTable terrazza;
    DiningTable bar;

    @BeforeEach
    void setUp() {
        var book = fixtures.reservationBook();
        tenant = fixtures.tenant();
        restaurantId = tenant.restaurant().getId();
        t12 = book.table(restaurantId, "T12");
        t7 = book.table(restaurantId, "T7");
        terrazza = book.table(restaurantId, "Terrazza 3");
        bar = book.table(restaurantId, "Bar");
        connectionId = connect(restaurantId);
        posTableNames.replace(connectionId, List.of("T12", "terrazza3", "Tavolo 7", "Sala 9"));
    }

    @Test
    void exactNamesLinkByThemselvesCloseOnesAreSuggestedAndTheRestAreFlagged() {
        ConnectionTableNames names = asOwner(() -> tableNames.reconciliation(restaurantId)).getFirst();

        assertThat(names.connectionId()).isEqualTo(connectionId);
        assertThat(names.posNames()).extracting(PosTableName::name, PosTableName::state, PosTableName::tableName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Sala 9", LinkState.UNMATCHED, null),
                        org.assertj.core.groups.Tuple.tuple("Tavolo 7", LinkState.UNMATCHED, null),
                        org.assertj.core.groups.Tuple.tuple("terrazza3", LinkState.UNMATCHED, null),
                        org.assertj.core.groups.Tuple.tuple("T12", LinkState.EXACT, "T12"));
        assertThat(name(names, "Tavolo 7").suggestions())
                .containsExactly(new Suggestion(t7.getId(), "T7", Similarity.NUMBER));
        assertThat(name(names, "terrazza3").suggestions())
                .containsExactly(new Suggestion(terrazza.getId(), "Terrazza 3", Similarity.SPELLING));
        assertThat(name(names, "Sala 9").suggestions()).isEmpty();
        assertThat(names.tables()).extracting(DiningTableLinks::name, DiningTableLinks::posNames)
                .contains(org.assertj.core.groups.Tuple.tuple("T12", List.of("T12")),
                        org.assertj.core.groups.Tuple.tuple("Bar", List.of()));
        assertThat(names.unmatchedPosNames()).isEqualTo(3);
        assertThat(names.unmatchedTables()).isEqualTo(3);
        assertThat(asOwner(() -> tableNames.unmatchedCount(restaurantId))).isEqualTo(3);
    }

    @Test
    void aLinkIsUsedToResolveTheNameAndUndoPutsBackWhatWasThere() {
        assertThat(posTableNames.resolve(restaurantId, connectionId, "Tavolo 7")).isEmpty();

        TableNameChange linked = asOwner(() -> tableNames.link(restaurantId, connectionId, "Tavolo 7", t7.getId()));

        assertThat(state("Tavolo 7")).isEqualTo(LinkState.LINKED);
        assertThat(posTableNames.resolve(restaurantId, connectionId, "Tavolo 7")).contains(t7.getId());
        TableNameChange relinked = asOwner(() -> tableNames.link(restaurantId, connectionId, "Tavolo 7", bar.getId()));
        assertThat(posTableNames.resolve(restaurantId, connectionId, "Tavolo 7")).contains(bar.getId());

        asOwner(() -> undo(relinked));
        assertThat(posTableNames.resolve(restaurantId, connectionId, "Tavolo 7")).contains(t7.getId());
        asOwner(() -> undo(linked));
        assertThat(state("Tavolo 7")).isEqualTo(LinkState.UNMATCHED);
        assertThat(posTableNames.resolve(restaurantId, connectionId, "Tavolo 7")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from pos_table_link where connection_id = ?", Long.class,
                connectionId)).isZero();
    }

    @Test
    void aBatchResolvesALinkedNameWhateverItsTrailingSpacesAndOtherSpellingsNot() {
        asOwner(() -> tableNames.link(restaurantId, connectionId, "Tavolo 7", bar.getId()));
        // the link's column ignores trailing spaces (and nothing else); a table's name must match exactly
        Map<String, Optional<Long>> batch = posTableNames.resolveAll(restaurantId, connectionId,
                List.of("Tavolo 7", "Tavolo 7 ", "TAVOLO 7", "T12", "t12", "Sala 9"));

        assertThat(batch).containsOnly(
                Map.entry("Tavolo 7", Optional.of(bar.getId())),
                Map.entry("Tavolo 7 ", Optional.of(bar.getId())),
                Map.entry("TAVOLO 7", Optional.empty()),
                Map.entry("T12", Optional.of(t12.getId())),
                Map.entry("t12", Optional.empty()),
                Map.entry("Sala 9", Optional.empty()));
    }

    @Test
    void unlinkingAnExactNamesakeKeepsItUnmatchedUntilUndone() {
        assertThat(posTableNames.resolve(restaurantId, connectionId, "T12")).contains(t12.getId());

        TableNameChange unlinked = asOwner(() -> tableNames.unlink(restaurantId, connectionId, "T12"));

        PosTableName name = name(asOwner(() -> tableNames.reconciliation(restaurantId)).getFirst(), "T12");
        assertThat(name.state()).isEqualTo(LinkState.UNMATCHED);
        assertThat(name.unlinkedOnPurpose()).isTrue();
        assertThat(posTableNames.resolve(restaurantId, connectionId, "T12")).isEmpty();

        asOwner(() -> undo(unlinked));
        assertThat(state("T12")).isEqualTo(LinkState.EXACT);
        assertThat(posTableNames.resolve(restaurantId, connectionId, "T12")).contains(t12.getId());
    }

    @Test
    void renamingTheTableToThePosNameMakesAnExactMatchAndUndoRenamesItBack() {
        TableNameChange renamed = asOwner(() -> tableNames.renameTable(restaurantId, terrazza.getId(), "terrazza3"));

        assertThat(state("terrazza3")).isEqualTo(LinkState.EXACT);
        assertThat(posTableNames.resolve(restaurantId, connectionId, "terrazza3")).contains(terrazza.getId());

        asOwner(() -> undo(renamed));
        assertThat(tableName(terrazza.getId())).isEqualTo("Terrazza 3");
        assertThat(state("terrazza3")).isEqualTo(LinkState.UNMATCHED);
    }

    @Test
    void ordersAlreadyReportedUnderANameFollowItsLinkSoTheDriftReportComparesTables() {
        var book = fixtures.reservationBook();
        var pos = new DriftSeeds(posOrders, restaurantId, connectionId);
        var booking = book.changeStatus(book.reservation(restaurantId, evening(), 2, null, t7),
                ReservationStatus.CONFIRMED);
        // as the partner API applies it: "Tavolo 7" stands for no table yet
        pos.seat(booking, "ord-7", "Tavolo 7", 2, evening());
        assertThat(drift().drifts()).extracting(Drift::field, Drift::platformValue, Drift::posValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Drift.Field.TABLE, "T7", "Tavolo 7"));

        TableNameChange linked = asOwner(() -> tableNames.link(restaurantId, connectionId, "Tavolo 7", t7.getId()));

        assertThat(orderTable("ord-7")).isEqualTo(t7.getId());
        assertThat(drift().drifts()).isEmpty();
        asOwner(() -> undo(linked));
        assertThat(orderTable("ord-7")).isNull();
        assertThat(drift().drifts()).hasSize(1);
    }

    @Test
    void aWalkInOnANameLinkedLaterIsCheckedForDuplicatesOnItsTable() {
        var book = fixtures.reservationBook();
        var pos = new DriftSeeds(posOrders, restaurantId, connectionId);
        // pending while the POS opens the table, so the order could not be matched to it
        var booking = book.reservation(restaurantId, evening(), 2, null, bar);
        long walkIn = pos.walkInOnUnknownTable("w-9", "Sala 9", 3, evening());
        book.changeStatus(booking, ReservationStatus.CONFIRMED);
        assertThat(drift().duplicates()).isEmpty();

        asOwner(() -> tableNames.link(restaurantId, connectionId, "Sala 9", bar.getId()));

        assertThat(drift().duplicates()).extracting(DuplicateWalkIn::walkInId, DuplicateWalkIn::reservationId,
                DuplicateWalkIn::match, DuplicateWalkIn::tableName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(walkIn, booking.getId(),
                        DuplicateWalkIn.Match.SAME_TABLE, "Bar"));
    }

    @Test
    void ordersFollowARenameToThePosNameAndItsUndo() {
        var pos = new DriftSeeds(posOrders, restaurantId, connectionId);
        pos.walkInOnUnknownTable("w-terrazza", "terrazza3", 2, evening());
        assertThat(orderTable("w-terrazza")).isNull();

        TableNameChange renamed = asOwner(() -> tableNames.renameTable(restaurantId, terrazza.getId(), "terrazza3"));
        assertThat(orderTable("w-terrazza")).isEqualTo(terrazza.getId());

        asOwner(() -> undo(renamed));
        assertThat(orderTable("w-terrazza")).isNull();
    }

    /** Tomorrow at 19:00 in the restaurant. */
    private Instant evening() {
        ZoneId rome = ZoneId.of("Europe/Rome");
        return LocalDate.now(clock.withZone(rome)).plusDays(1).atTime(LocalTime.of(19, 0)).atZone(rome).toInstant();
    }

    private DriftReport drift() {
        LocalDate day = LocalDate.ofInstant(evening(), ZoneId.of("Europe/Rome"));
        return asOwner(() -> drift.report(restaurantId, day, day));
    }

    private Long orderTable(String orderId) {
        return jdbc.queryForObject("select dining_table_id from pos_order where restaurant_id = ? and external_id = ?",
                Long.class, restaurantId, orderId);
    }

    @Test
    void undoingARenameIsRefusedWhenTheTableWasRenamedAgainSince() {
        TableNameChange renamed = asOwner(() -> tableNames.renameTable(restaurantId, terrazza.getId(), "terrazza3"));
        asOwner(() -> tableNames.renameTable(restaurantId, terrazza.getId(), "Terrazza grande"));

        assertThatThrownBy(() -> asOwner(() -> undo(renamed)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("table-names.error.changed-since"));
        assertThat(tableName(terrazza.getId())).isEqualTo("Terrazza grande");
    }

    @Test
    void undoingALinkIsRefusedWhenAnotherOwnerRelinkedTheNameSince() {
        TableNameChange linked = asOwner(() -> tableNames.link(restaurantId, connectionId, "Tavolo 7", t7.getId()));
        as(secondOwner(), () -> tableNames.link(restaurantId, connectionId, "Tavolo 7", bar.getId()));

        assertThatThrownBy(() -> asOwner(() -> undo(linked)))
                .isInstanceOfSatisfying(RuleViolationException.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("table-names.error.link-changed-since");
                    assertThat(refusal.arguments()).containsExactly("Tavolo 7");
                });
        assertThat(posTableNames.resolve(restaurantId, connectionId, "Tavolo 7")).contains(bar.getId());
    }

    /** The relink commits while the undo waits on its row: the undo then sees it, not what it read before. */
    @Test
    void undoingALinkWaitsForARelinkInFlightAndIsThenRefused() throws Exception {
        TableNameChange linked = asOwner(() -> tableNames.link(restaurantId, connectionId, "Tavolo 7", t7.getId()));
        Thread undoing = Thread.currentThread();
        var relinked = new CountDownLatch(1);
        Throwable refused;
        try (ExecutorService rivals = Executors.newSingleThreadExecutor()) {
            var transactions = new TransactionTemplate(transactionManager);
            Future<?> relink = rivals.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.update("update pos_table_link set dining_table_id = ? where connection_id = ? and pos_name = ?",
                        bar.getId(), connectionId, "Tavolo 7");
                relinked.countDown();
                await("the undo to wait on the relinked row", Duration.ofSeconds(20),
                        () -> inAStatementOnTheLinkRow(undoing), waiting -> waiting);
            }));
            assertThat(relinked.await(20, TimeUnit.SECONDS)).isTrue();
            refused = catchThrowable(() -> asOwner(() -> undo(linked)));
            relink.get(20, TimeUnit.SECONDS);
        }

        assertThat(refused).isInstanceOfSatisfying(RuleViolationException.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("table-names.error.link-changed-since"));
        assertThat(jdbc.queryForObject(
                "select dining_table_id from pos_table_link where connection_id = ? and pos_name = ?", Long.class,
                connectionId, "Tavolo 7")).isEqualTo(bar.getId());
    }

    /**
     * Two first links of one name at once: neither finds a row to lock, and the second to write must record the first
     * as what it overwrote. A trigger holds the first link's insert (a sleep before the row exists) while the other
     * link is made and committed.
     */
    @Test
    void ofTwoFirstLinksOfANameAtOnceTheLaterRecordsTheOtherAsWhatItOverwrote() throws Exception {
        jdbc.execute("""
                create trigger test_slow_first_link before insert on pos_table_link for each row
                begin
                    if new.pos_name = 'Sala 9' and new.dining_table_id = %d then
                        set @slept = sleep(2);
                    end if;
                end""".formatted(t7.getId()));
        try (ExecutorService first = Executors.newSingleThreadExecutor()) {
            asOwner(() -> tableNames.reconciliation(restaurantId));
            Future<TableNameChange> slowLink = first.submit(() -> asOwner(() -> tableNames.link(restaurantId,
                    connectionId, "Sala 9", t7.getId())));
            await("the first link's insert to be held", Duration.ofSeconds(20), () -> jdbc.queryForObject(
                    "select count(*) from information_schema.processlist where state = 'User sleep'", Long.class),
                    sleeping -> sleeping > 0);
            asOwner(() -> tableNames.link(restaurantId, connectionId, "Sala 9", bar.getId()));
            TableNameChange overwroteBar = slowLink.get(20, TimeUnit.SECONDS);

            assertThat(tableLinkedTo("Sala 9")).isEqualTo(t7.getId());
            asOwner(() -> undo(overwroteBar));
            assertThat(tableLinkedTo("Sala 9")).as("undone: back to the link it overwrote").isEqualTo(bar.getId());
        } finally {
            jdbc.execute("drop trigger if exists test_slow_first_link");
        }
    }

    private Long tableLinkedTo(String posName) {
        return jdbc.query("select dining_table_id from pos_table_link where connection_id = ? and pos_name = ?",
                (row, number) -> row.getObject(1, Long.class), connectionId, posName).stream().findFirst().orElse(null);
    }

    /** In the undo's locking check of the link's row, or in its write were the check a plain read: both wait there. */
    private static boolean inAStatementOnTheLinkRow(Thread undoing) {
        return Stream.of(undoing.getStackTrace()).anyMatch(frame ->
                frame.getClassName().equals(TableNameStore.class.getName())
                        && Set.of("lockedLink", "saveLink", "deleteLink").contains(frame.getMethodName()));
    }

    @Test
    void acceptingSuggestionsLinksEveryClearOneAndOneUndoTakesThemAllBack() {
        TableNameChange accepted = asOwner(() -> tableNames.acceptSuggestions(restaurantId, connectionId));

        assertThat(state("Tavolo 7")).isEqualTo(LinkState.LINKED);
        assertThat(state("terrazza3")).isEqualTo(LinkState.LINKED);
        assertThat(state("Sala 9")).isEqualTo(LinkState.UNMATCHED);
        assertThat(asOwner(() -> tableNames.unmatchedCount(restaurantId))).isEqualTo(1);

        asOwner(() -> undo(accepted));
        assertThat(state("Tavolo 7")).isEqualTo(LinkState.UNMATCHED);
        assertThat(state("terrazza3")).isEqualTo(LinkState.UNMATCHED);
    }

    @Test
    void undoingAcceptedSuggestionsIsRefusedAndUndoesNoneOfThemWhenOneWasUnlinkedSince() {
        TableNameChange accepted = asOwner(() -> tableNames.acceptSuggestions(restaurantId, connectionId));
        // the first suggestion accepted, so the last one undone
        as(secondOwner(), () -> tableNames.unlink(restaurantId, connectionId, "Tavolo 7"));

        assertThatThrownBy(() -> asOwner(() -> undo(accepted)))
                .isInstanceOfSatisfying(RuleViolationException.class, refusal ->
                        assertThat(refusal.messageKey()).isEqualTo("table-names.error.link-changed-since"));
        assertThat(name(asOwner(() -> tableNames.reconciliation(restaurantId)).getFirst(), "Tavolo 7")
                .unlinkedOnPurpose()).isTrue();
        assertThat(posTableNames.resolve(restaurantId, connectionId, "terrazza3")).contains(terrazza.getId());
    }

    @Test
    void namesSeenInEventsAreListedUntilLinked() {
        posTableNames.recordUnmapped(restaurantId, connectionId, "Giardino 1");
        posTableNames.recordUnmapped(restaurantId, connectionId, "Giardino 1");

        PosTableName seen = name(asOwner(() -> tableNames.reconciliation(restaurantId)).getFirst(), "Giardino 1");
        assertThat(seen.state()).isEqualTo(LinkState.UNMATCHED);
        assertThat(seen.reported()).isFalse();
        assertThat(seen.unmappedEvents()).isEqualTo(2);
        assertThat(seen.lastUnmappedAt()).isNotNull();
        assertThat(asOwner(() -> tableNames.unmatchedCount(restaurantId))).isEqualTo(4);

        asOwner(() -> tableNames.link(restaurantId, connectionId, "Giardino 1", bar.getId()));
        assertThat(state("Giardino 1")).isEqualTo(LinkState.LINKED);
        assertThat(asOwner(() -> tableNames.unmatchedCount(restaurantId))).isEqualTo(3);
    }

    @Test
    void aDeletedTableTakesItsLinksAlong() {
        asOwner(() -> tableNames.link(restaurantId, connectionId, "Sala 9", bar.getId()));

        asOwner(() -> {
            diningTables.deleteTable(restaurantId, bar.getId());
            return null;
        });

        assertThat(state("Sala 9")).isEqualTo(LinkState.UNMATCHED);
        assertThat(posTableNames.resolve(restaurantId, connectionId, "Sala 9")).isEmpty();
    }

    @Test
    void whatEventsRememberANameStandsForFollowsEveryLinkAndTableChange() {
        assertThat(forEvents("Tavolo 7")).isEmpty();
        assertThat(forEvents("Sala 9")).isEmpty();

        TableNameChange linked = asOwner(() -> tableNames.link(restaurantId, connectionId, "Tavolo 7", t7.getId()));
        assertThat(forEvents("Tavolo 7")).contains(t7.getId());
        assertThat(forEvents("T12")).contains(t12.getId());
        asOwner(() -> tableNames.unlink(restaurantId, connectionId, "T12"));
        assertThat(forEvents("T12")).isEmpty();
        asOwner(() -> undo(linked));
        assertThat(forEvents("Tavolo 7")).isEmpty();

        DiningTable sala9 = asOwner(() -> diningTables.createTable(new CreateDiningTable(restaurantId,
                new DiningTableDetails("Sala 9", 4, null))));
        assertThat(forEvents("Sala 9")).contains(sala9.getId());
        asOwner(() -> tableNames.renameTable(restaurantId, sala9.getId(), "Sala 10"));
        assertThat(forEvents("Sala 9")).isEmpty();

        // linked elsewhere, then that table deleted: the link goes with it, and the name follows its namesake again
        assertThat(forEvents("T7")).contains(t7.getId());
        asOwner(() -> tableNames.link(restaurantId, connectionId, "T7", bar.getId()));
        assertThat(forEvents("T7")).contains(bar.getId());
        asOwner(() -> {
            diningTables.deleteTable(restaurantId, bar.getId());
            return null;
        });
        assertThat(forEvents("T7")).contains(t7.getId());
    }

    private Optional<Long> forEvents(String posName) {
        return posTableNames.resolveAllForEvents(restaurantId, connectionId, List.of(posName)).get(posName);
    }

    @Test
    void everyRoleSeesAndChangesOnlyTheRestaurantsItMaySee() {
        long siblingId = tenant.sibling().getId();
        long siblingConnection = connect(siblingId);
        Tenant other = fixtures.tenant();
        UserAccount otherSupport = other.support();
        UserAccount otherOwner = other.owner();

        for (UserAccount allowed : List.of(tenant.owner(), tenant.support(), fixtures.staff(AppRole.ONBOARDING),
                fixtures.staff(AppRole.ADMIN))) {
            assertThat(as(allowed, () -> tableNames.reconciliation(restaurantId))).as(allowed.getEmail())
                    .hasSize(1);
        }
        for (UserAccount denied : List.of(otherSupport, otherOwner)) {
            assertAllRefused(denied, restaurantId, connectionId);
        }
        // the owner of the first restaurant does not own its sibling
        assertAllRefused(tenant.owner(), siblingId, siblingConnection);
        // another restaurant's connection or table is "not found" even through a restaurant one may see
        assertThatThrownBy(() -> asOwner(() -> tableNames.link(restaurantId, siblingConnection, "T12", t12.getId())))
                .isInstanceOf(NotFoundException.class);
        var siblingTable = fixtures.reservationBook()
                .table(siblingId, "S1");
        assertThatThrownBy(() -> asOwner(() -> tableNames.link(restaurantId, connectionId, "Sala 9",
                siblingTable.getId()))).isInstanceOf(NotFoundException.class);
        TableNameChange siblingChange = as(tenant.support(),
                () -> tableNames.link(siblingId, siblingConnection, "S1", siblingTable.getId()));
        assertThatThrownBy(() -> asOwner(() -> undo(siblingChange))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(tenant.owner(), () -> {
            tableNames.undo(restaurantId, siblingChange);
            return null;
        })).isInstanceOf(NotFoundException.class);
    }

    private void assertAllRefused(UserAccount who, long restaurant, long connection) {
        List<Supplier<Object>> calls = List.of(
                () -> tableNames.reconciliation(restaurant),
                () -> tableNames.unmatchedCount(restaurant),
                () -> tableNames.link(restaurant, connection, "T12", t12.getId()),
                () -> tableNames.unlink(restaurant, connection, "T12"),
                () -> tableNames.renameTable(restaurant, t12.getId(), "T99"),
                () -> tableNames.acceptSuggestions(restaurant, connection));
        for (Supplier<Object> call : calls) {
            assertThatThrownBy(() -> as(who, call)).as(who.getEmail())
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(tableName(t12.getId())).isEqualTo("T12");
    }

    @Test
    void theOnboardingChecklistSeesTablesReconciledOnceEveryPosNameIsLinked() {
        long silentConnection = connect(tenant.sibling().getId());
        assertThat(fixtures.runAsStaff(() -> checklistStep.reconciled(tenant.sibling().getId(), silentConnection)))
                .as("a POS that never named a table: cannot tell yet").isEmpty();
        assertThat(asOwner(() -> checklistStep.reconciled(restaurantId, connectionId))).contains(false);

        asOwner(() -> tableNames.acceptSuggestions(restaurantId, connectionId));
        asOwner(() -> tableNames.link(restaurantId, connectionId, "Sala 9", bar.getId()));

        assertThat(asOwner(() -> checklistStep.reconciled(restaurantId, connectionId))).contains(true);
    }

    private long connect(long restaurant) {
        return fixtures.runAsStaff(() -> connections.connect(new ConnectPartner(restaurant, "cassasmart",
                new ConnectionDetails(null, null, null, null, Set.of(), true))).getId());
    }

    /** Another owner of the same restaurant, changing the same names from their own session. */
    private UserAccount secondOwner() {
        return fixtures.runAsStaff(() -> fixtures.account(AppRole.OWNER, null, Set.of(restaurantId)));
    }

    private Object undo(TableNameChange change) {
        tableNames.undo(change.restaurantId(), change);
        return null;
    }

    private LinkState state(String posName) {
        return name(asOwner(() -> tableNames.reconciliation(restaurantId)).getFirst(), posName).state();
    }

    private String tableName(long tableId) {
        return jdbc.queryForObject("select name from dining_table where id = ?", String.class, tableId);
    }

    private static PosTableName name(ConnectionTableNames names, String posName) {
        return names.posNames().stream().filter(name -> name.name().equals(posName)).findFirst().orElseThrow();
    }

    private <T> T asOwner(Supplier<T> block) {
        return as(tenant.owner(), block);
    }

    /** Logging in checks a bcrypt hash (slow on purpose): once per account is enough. */
    private <T> T as(UserAccount account, Supplier<T> block) {
        fixtures.useAuthentication(authentications.computeIfAbsent(account.getId(),
                id -> fixtures.authenticate(account)));
        try {
            return block.get();
        } finally {
            fixtures.useAuthentication(null);
        }
    }
}
