package io.passerelle.simulator;

import io.passerelle.simulator.Activity.Counter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the dining rooms busy at the configured pace (scenarios per minute, changeable at run time): seats
 * confirmed reservations that are due about now, closes bills (some through pay at table on push-style tills)
 * and lets walk-ins in on push-style tills (a pull-style till sends none), choosing among what makes sense on each
 * floor at that moment.
 */
final class ScenarioPlayer {

    private static final Logger log = LoggerFactory.getLogger(ScenarioPlayer.class);
    /** A reservation is seated when its time is this close, before or after. */
    static final Duration NEAR_THEIR_TIME = Duration.ofMinutes(30);
    private static final double PAY_AT_TABLE_SHARE = 0.3;

    private record Choice(double weight, Supplier<ScenarioResult> scenario) {}

    private final List<Till> tills;
    private final LiveKnobs knobs;
    private final Activity activity;
    private final Thread player;

    ScenarioPlayer(List<Till> tills, LiveKnobs knobs, Activity activity) {
        this.tills = tills;
        this.knobs = knobs;
        this.activity = activity;
        this.player = Thread.ofVirtual().name("scenario-player").unstarted(this::playForever);
    }

    void start() {
        if (!tills.isEmpty()) {
            player.start();
        }
    }

    void stop() {
        player.interrupt();
    }

    /** Plays one scenario on a random till, if anything can happen there; empty when every floor is idle. */
    Optional<ScenarioResult> playOnce() {
        List<Choice> choices = new ArrayList<>();
        for (Till till : tills) {
            addChoices(till, choices);
        }
        double total = choices.stream().mapToDouble(Choice::weight).sum();
        double pick = ThreadLocalRandom.current().nextDouble() * total;
        for (Choice choice : choices) {
            pick -= choice.weight();
            if (pick < 0) {
                try {
                    ScenarioResult result = choice.scenario().get();
                    activity.count(Counter.RANDOM_SCENARIOS_PLAYED);
                    log.debug("played {} on {}", result.scenario(), result.installation());
                    return Optional.of(result);
                } catch (PosProblem raced) {
                    // A command took the table or the order meanwhile; the next turn chooses again.
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Weights keep about a third of the tables busy: closing grows with open orders, walk-ins with free tables. */
    private static void addChoices(Till till, List<Choice> choices) {
        OffsetDateTime now = till.now();
        for (ReservationBook.Entry entry : till.book().entries()) {
            Reservation reservation = entry.reservation();
            if (reservation.isConfirmed() && reservation.start() != null && !till.floor().wasSeated(reservation.id())
                    && Duration.between(reservation.start(), now).abs().compareTo(NEAR_THEIR_TIME) <= 0) {
                choices.add(new Choice(3, () -> till.seat(reservation.id(), null, null, List.of())));
            }
        }
        boolean payAtTable = till.settings().style() == InstallationSettings.Style.PUSH;
        for (Bill order : till.floor().openOrders()) {
            choices.add(new Choice(1, () -> payAtTable && ThreadLocalRandom.current().nextDouble() < PAY_AT_TABLE_SHARE
                    ? till.payAtTable(order.orderId(), List.of())
                    : till.close(order.orderId(), null, List.of())));
        }
        int freeTables = till.floor().freeTables().size();
        if (freeTables > 0 && till.sendsWalkIns()) {
            choices.add(new Choice(freeTables / 2.0, () -> till.walkIn(null, null, List.of())));
        }
    }

    private void playSafely() {
        try {
            playOnce();
        } catch (RuntimeException unexpected) {
            log.error("a random scenario failed; the player goes on", unexpected);
        }
    }

    private void playForever() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Knobs pace = knobs.current();
                if (pace.scenariosPerMinute() <= 0) {
                    knobs.awaitChange(pace, Duration.ofMinutes(1).toMillis());
                    continue;
                }
                // Exponential gaps: scenarios arrive like guests do, at random around the mean rate.
                double meanMillis = 60_000 / pace.scenariosPerMinute();
                long gap = (long) (-meanMillis * Math.log(1 - ThreadLocalRandom.current().nextDouble()));
                knobs.awaitChange(pace, Math.max(gap, 1));
                if (knobs.current() == pace) {
                    playSafely();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
