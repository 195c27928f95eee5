package io.passerelle.demo;

import io.passerelle.reservation.CreateDiningTable;
import io.passerelle.reservation.CreateGuest;
import io.passerelle.reservation.CreateReservation;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableDetails;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.GuestDetails;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.PosBill;
import io.passerelle.reservation.PosOrderItem;
import io.passerelle.reservation.PosOrderService;
import io.passerelle.reservation.PosSeating;
import io.passerelle.reservation.ReservationDetails;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.restaurant.RestaurantRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * A believable reservation book, yesterday to two months ahead: lunch and dinner services, regulars
 * who come back, every status a real book holds, and what the till reported for the services already
 * over (seatings, bills with their items, walk-ins), so guest statistics and orders are there from
 * the start. Seeded from a fixed random seed, so every demo installation looks the same.
 */
@Component
class DemoReservationBook {

    private static final int GUESTS_PER_RESTAURANT = 60;
    private static final int DAYS_AHEAD = 61;
    private static final LocalTime[] SLOTS = {
        LocalTime.of(12, 30), LocalTime.of(13, 0), LocalTime.of(13, 30), LocalTime.of(19, 30),
        LocalTime.of(20, 0), LocalTime.of(20, 30), LocalTime.of(21, 0), LocalTime.of(21, 30)
    };
    private static final String[] NOTES = {
        null, null, null, null, "Allergic to nuts", "Birthday: a candle on the dessert, please", "High chair for a baby",
        "Window table if possible", "Vegetarian", "Gluten-free", "Arriving by wheelchair", "Anniversary"
    };

    private static final List<List<ReservationStatus>> PAST_OUTCOMES = List.of(
            List.of(ReservationStatus.CONFIRMED, ReservationStatus.ARRIVED, ReservationStatus.FINISHED),
            List.of(ReservationStatus.CONFIRMED, ReservationStatus.NO_SHOW),
            List.of(ReservationStatus.CONFIRMED, ReservationStatus.ARRIVED),
            List.of(ReservationStatus.CONFIRMED, ReservationStatus.ARRIVED, ReservationStatus.FINISHED),
            List.of(ReservationStatus.CANCELLED),
            List.of(ReservationStatus.CONFIRMED, ReservationStatus.ARRIVED, ReservationStatus.FINISHED),
            List.of(ReservationStatus.CONFIRMED, ReservationStatus.ARRIVED, ReservationStatus.FINISHED));

    /** What the demo till sells: name, unit price in euros. */
    private static final List<List<String>> MENU = List.of(
            List.of("Antipasto misto", "14.00"), List.of("Soupe à l'oignon", "9.50"),
            List.of("Tagliatelle al ragù", "16.00"), List.of("Risotto ai funghi", "18.50"),
            List.of("Entrecôte, frites", "24.00"), List.of("Branzino al forno", "26.00"),
            List.of("Tiramisù", "7.50"), List.of("Crème brûlée", "8.00"),
            List.of("Vino della casa (75 cl)", "22.00"), List.of("Eau minérale", "4.00"),
            List.of("Caffè", "2.50"));
    private static final String CURRENCY = "EUR";
    private static final int WALK_INS_PER_PAST_DAY = 3;
    /** The till history is seeded before any connection exists: it was reported by no connection of today's. */
    private static final long NO_CONNECTION = 0;

    private final DiningTableService tables;
    private final GuestService guests;
    private final ReservationService reservations;
    private final PosOrderService till;
    private final Clock clock;

    DemoReservationBook(DiningTableService tables, GuestService guests, ReservationService reservations,
            PosOrderService till, Clock clock) {
        this.tables = tables;
        this.guests = guests;
        this.reservations = reservations;
        this.till = till;
        this.clock = clock;
    }

    /** Fills one restaurant; returns how many reservations it wrote. */
    int fill(RestaurantRef restaurant, Locale language) {
        var random = new Random(restaurant.name().hashCode());
        boolean italian = Locale.ITALIAN.getLanguage().equals(language.getLanguage());
        List<DiningTable> floor = floorPlan(restaurant.id(), italian);
        List<Guest> regulars = regulars(restaurant.id(), italian, random);

        LocalDate today = LocalDate.now(clock.withZone(restaurant.timeZone()));
        int written = 0;
        int past = 0;
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
            int count = 3 + random.nextInt(day.getDayOfWeek().getValue() >= 5 ? 9 : 5);
            for (int i = 0; i < count; i++) {
                var start = ZonedDateTime.of(day, SLOTS[random.nextInt(SLOTS.length)], restaurant.timeZone());
                var table = floor.get(random.nextInt(floor.size()));
                var guest = regulars.get(random.nextInt(regulars.size()));
                var details = new ReservationDetails(start.toInstant(), 1 + random.nextInt(Math.min(8, table.getSeats())),
                        NOTES[random.nextInt(NOTES.length)], table.getId(), guest.getId());
                long id = reservations.create(new CreateReservation(restaurant.id(), details)).getId();
                var steps = path(start, random, past);
                if (start.toInstant().isBefore(clock.instant())) {
                    past++;
                }
                for (ReservationStatus step : steps) {
                    applyStep(restaurant, id, step, details.partySize(), table, start.toInstant(), random);
                }
                written++;
            }
            if (day.isBefore(today)) {
                written += walkIns(restaurant, day, random);
            }
        }
        return written;
    }

    /** Seating and bills come from the till, as in production; the rest is what the restaurant's staff does. */
    private void applyStep(RestaurantRef restaurant, long reservationId, ReservationStatus step, int covers,
            DiningTable table, Instant start, Random random) {
        String orderId = "demo-" + restaurant.publicId() + "-" + reservationId;
        switch (step) {
            case ARRIVED -> till.seat(restaurant.id(), NO_CONNECTION,
                    new PosSeating(reservationId, orderId, table.getName(), table.getId(), null, covers, start));
            case FINISHED -> till.close(restaurant.id(), NO_CONNECTION, bill(orderId, reservationId, covers,
                    start.plusSeconds(5400), random));
            default -> reservations.changeStatus(restaurant.id(), reservationId, step);
        }
    }

    /** Guests who came without booking, reported by the till when their bill closed. */
    private int walkIns(RestaurantRef restaurant, LocalDate day, Random random) {
        for (int i = 0; i < WALK_INS_PER_PAST_DAY; i++) {
            Instant closedAt = ZonedDateTime.of(day, SLOTS[random.nextInt(SLOTS.length)], restaurant.timeZone())
                    .plusMinutes(75).toInstant();
            String orderId = "demo-" + restaurant.publicId() + "-walk-in-" + day + "-" + i;
            till.close(restaurant.id(), NO_CONNECTION, bill(orderId, null, 1 + random.nextInt(4), closedAt, random));
        }
        return WALK_INS_PER_PAST_DAY;
    }

    private static PosBill bill(String orderId, Long reservationId, int covers, Instant closedAt, Random random) {
        var items = new ArrayList<PosOrderItem>();
        BigDecimal total = BigDecimal.ZERO;
        for (int course = 0; course < 2 + random.nextInt(3); course++) {
            List<String> dish = MENU.get(random.nextInt(MENU.size()));
            var item = new PosOrderItem(dish.get(0), 1 + random.nextInt(covers), new BigDecimal(dish.get(1)));
            items.add(item);
            total = total.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
        }
        return new PosBill(orderId, reservationId, covers, total, CURRENCY, items, null, closedAt);
    }

    /**
     * The status moves a reservation at that time has plausibly gone through. Past ones take their
     * outcome in turn from {@link #PAST_OUTCOMES}, so even a short past (yesterday) shows each of them.
     */
    private List<ReservationStatus> path(ZonedDateTime start, Random random, int pastIndex) {
        if (start.toInstant().isBefore(clock.instant())) {
            return PAST_OUTCOMES.get(pastIndex % PAST_OUTCOMES.size());
        }
        int dice = random.nextInt(100);
        if (dice < 75) {
            return List.of(ReservationStatus.CONFIRMED);
        }
        if (dice < 87) {
            return List.of();
        }
        if (dice < 95) {
            return List.of(ReservationStatus.CONFIRMED, ReservationStatus.CANCELLED);
        }
        return List.of(ReservationStatus.REFUSED);
    }

    private List<DiningTable> floorPlan(long restaurantId, boolean italian) {
        var inside = tables.createRoom(restaurantId, italian ? "Sala principale" : "Salle");
        var outside = tables.createRoom(restaurantId, italian ? "Dehors" : "Terrasse");
        var floor = new ArrayList<DiningTable>();
        for (int n = 1; n <= 14; n++) {
            // Italian tills name tables "T1"; French ones "Table 1": the mapping screen has work to show.
            String name = italian ? "T" + n : "Table " + n;
            var room = n <= 10 ? inside : outside;
            int seats = n % 5 == 0 ? 8 : n % 2 == 0 ? 4 : 2;
            floor.add(tables.createTable(new CreateDiningTable(restaurantId, new DiningTableDetails(name, seats, room.getId()))));
        }
        return floor;
    }

    private List<Guest> regulars(long restaurantId, boolean italian, Random random) {
        String[] firstNames = italian
                ? new String[] {"Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara", "Matteo",
                    "Elena", "Giovanni", "Martina", "Davide", "Valentina", "Simone", "Federica", "Niccolò"}
                : new String[] {"Camille", "Louis", "Léa", "Hugo", "Chloé", "Jules", "Manon", "Gabriel", "Inès",
                    "Arthur", "Zoé", "Raphaël", "Élodie", "Théo", "Juliette", "François"};
        String[] lastNames = italian
                ? new String[] {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
                    "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa"}
                : new String[] {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
                    "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Faure"};
        var regulars = new ArrayList<Guest>();
        for (int i = 0; i < GUESTS_PER_RESTAURANT; i++) {
            String first = firstNames[random.nextInt(firstNames.length)];
            String last = lastNames[random.nextInt(lastNames.length)];
            String mobile = (italian ? "+39 3" : "+33 6") + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
            String email = random.nextInt(4) == 0 ? null
                    : ascii(first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '.') + i + "@example.com";
            regulars.add(guests.create(new CreateGuest(restaurantId, new GuestDetails(first, last, mobile, email))));
        }
        return regulars;
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
