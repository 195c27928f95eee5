package io.passerelle.simulator;

import io.passerelle.simulator.Activity.Counter;
import io.passerelle.simulator.ReservationBook.Filing;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * Pull style: every few seconds, asks Passerelle for the reservations from yesterday to a week ahead that
 * changed since the cursor it kept, files them in the till's book, and keeps the new cursor.
 */
final class ReservationPoller {

    static final int PAGE_SIZE = 200;
    /** A page this full means more are waiting; this many pages in a row is the most one pull fetches. */
    private static final int MAX_PAGES_PER_PULL = 50;
    private static final int DAYS_BEHIND = 1;
    private static final int DAYS_AHEAD = 7;

    record PullResult(String installation, int received, int filed, String cursor) {}

    private final List<Till> tills;
    private final PasserelleClient passerelle;
    private final Duration interval;
    private final Clock clock;
    private final Activity activity;
    private final Thread poller;

    ReservationPoller(List<Till> tills, PasserelleClient passerelle, Duration interval, Clock clock, Activity activity) {
        this.tills = tills.stream().filter(till -> till.settings().style() == InstallationSettings.Style.PULL).toList();
        this.passerelle = passerelle;
        this.interval = interval;
        this.clock = clock;
        this.activity = activity;
        this.poller = Thread.ofVirtual().name("reservation-poller").unstarted(this::pullForever);
    }

    void start() {
        if (!tills.isEmpty() && interval.isPositive()) {
            poller.start();
        }
    }

    void stop() {
        poller.interrupt();
    }

    /** One pull for one till, now; a failure is recorded in the activity and thrown as a 502 for the control API. */
    PullResult pull(Till till) throws InterruptedException {
        if (till.settings().style() != InstallationSettings.Style.PULL) {
            throw PosProblem.conflict(till.id() + " is a push-style installation: Passerelle pushes to it");
        }
        // One pull at a time per till, or two would race for the cursor.
        synchronized (till) {
            LocalDate today = LocalDate.now(clock);
            String cursor = till.pullCursor();
            int received = 0;
            int filed = 0;
            try {
                for (int page = 0; page < MAX_PAGES_PER_PULL; page++) {
                    PasserelleClient.ReservationPage reply = passerelle.pullReservations(till.settings(),
                            today.minusDays(DAYS_BEHIND), today.plusDays(DAYS_AHEAD), cursor, PAGE_SIZE);
                    for (Reservation reservation : reply.reservations()) {
                        received++;
                        if (till.book().file(reservation, "pull", clock.instant()) == Filing.FILED) {
                            filed++;
                        } else {
                            activity.count(Counter.STALE_VERSIONS_IGNORED);
                        }
                    }
                    cursor = reply.nextCursor();
                    if (reply.reservations().size() < PAGE_SIZE) {
                        break;
                    }
                }
            } catch (IOException unreachable) {
                throw failed(till, PasserelleClient.describe(unreachable));
            } catch (PasserelleClient.Refused refused) {
                throw failed(till, refused.getMessage());
            } catch (PosProblem | JacksonException malformed) {
                throw failed(till, "Passerelle sent a reply the till cannot read: " + malformed.getMessage());
            } finally {
                // Keep what was fetched before a failure, so the next pull does not fetch it again.
                till.pulled(cursor);
            }
            activity.count(Counter.PULLS);
            activity.count(Counter.RESERVATIONS_PULLED, received);
            return new PullResult(till.id(), received, filed, cursor);
        }
    }

    private PosProblem failed(Till till, String why) {
        activity.error(till.id(), "pull failed: " + why);
        return PosProblem.of(502, "pull failed: " + why);
    }

    private void pullForever() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (Till till : tills) {
                    try {
                        pull(till);
                    } catch (PosProblem alreadyRecorded) {
                        // The next round tries again.
                    }
                }
                Thread.sleep(interval);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
