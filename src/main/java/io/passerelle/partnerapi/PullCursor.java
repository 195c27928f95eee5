package io.passerelle.partnerapi;

import io.passerelle.reservation.FeedPosition;
import io.passerelle.reservation.FeedProgress;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The pull's {@code nextCursor}: a {@link FeedProgress}, base64url text. Opaque to the POS but not signed: it only
 * ever selects among the restaurant's own reservations, which the POS may pull in full without a cursor anyway, and
 * acknowledges only its own connection's missed reservations.
 * Text: {@code position|from|to} once caught up, else {@code position|from|to|caughtUpFrom|caughtUpTo|othersPosition};
 * a position is {@code updatedAt|id}. A cursor given out before cursors held their window ({@code position} alone)
 * stands for the window it comes back with.
 */
final class PullCursor {

    private static final String BAR = "|";

    private PullCursor() {}

    static String encode(FeedProgress progress) {
        String text = position(progress.position()) + BAR + progress.from() + BAR + progress.to();
        if (!progress.isCaughtUp()) {
            text += BAR + progress.caughtUpFrom() + BAR + progress.caughtUpTo() + BAR
                    + position(progress.othersPosition());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The progress the cursor holds; {@code from} and {@code to}: the request's window, for a cursor of old. */
    static FeedProgress decode(String cursor, LocalDate from, LocalDate to) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            FeedPosition position = position(parts[0], parts[1]);
            return switch (parts.length) {
                case 2 -> FeedProgress.caughtUp(from, to, position);
                case 4 -> FeedProgress.caughtUp(day(parts[2]), day(parts[3]), position);
                case 8 -> new FeedProgress(day(parts[2]), day(parts[3]), day(parts[4]), day(parts[5]), position,
                        position(parts[6], parts[7]));
                default -> throw new IllegalArgumentException("not a cursor");
            };
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException notOurs) {
            throw Problem.invalidField("cursor", "not a cursor this API gave out").exception();
        }
    }

    private static String position(FeedPosition position) {
        return position.updatedAt() + BAR + position.id();
    }

    private static FeedPosition position(String updatedAt, String id) {
        return new FeedPosition(Instant.parse(updatedAt), Long.parseLong(id));
    }

    /** Within the days a request may name, so that the feed's date arithmetic holds. */
    private static LocalDate day(String text) {
        LocalDate day = LocalDate.parse(text);
        if (day.isBefore(PullFeed.FIRST_DAY) || day.isAfter(PullFeed.LAST_DAY)) {
            throw new IllegalArgumentException("day out of range");
        }
        return day;
    }
}
