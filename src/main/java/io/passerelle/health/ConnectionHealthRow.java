package io.passerelle.health;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One connection as the health grid shows it.
 *
 * @param failingSince     start of the ongoing failure episode, or null
 * @param lastSuccessfulSync last acknowledged delivery or clean window run (push), last POS call (pull); null: never
 * @param lastPosContact   when the POS last called Passerelle authenticated; null: never
 * @param averageDelay     over the last 24 h, null when nothing was delivered
 * @param lastSevenDays    oldest first, one per day, today included
 */
public record ConnectionHealthRow(long restaurantId, String restaurantName, ZoneId timeZone, long connectionId, String partnerCode,
        HealthState state, Instant failingSince, Instant lastSuccessfulSync, Instant lastPosContact,
        int deliveries24h, int failures24h, Duration averageDelay, List<DayFigures> lastSevenDays) {}
