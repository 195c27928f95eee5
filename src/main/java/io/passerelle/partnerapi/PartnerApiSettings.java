package io.passerelle.partnerapi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner API's limits.
 *
 * @param maxFailuresPerSource     failed authentications from one address within the window before its requests get
 *                                 429 unchecked
 * @param maxFailuresPerRestaurant failed authentications naming one restaurant within the window before a wrong
 *                                 credential for it gets 429 (the right one still passes), and from one address for
 *                                 one restaurant before that address gets 429 unchecked for it (after 1 failure while
 *                                 the restaurant is blocked); see AuthenticationThrottle
 * @param failureWindow            how long a failed authentication counts
 * @param settle                   the pull feed serves only rows changed at least this long ago (see PullFeed)
 * @param currency                 the restaurants' currency: money in events must be in it
 * @param credentialCacheTtl       how long accepted POS credentials are remembered (0: checked on every request);
 *                                 a change of them is seen at once on this node, on others within this time
 * @param occurredAtMaxAge         how long ago an event's occurredAt may be: a till offline for a while replays what
 *                                 it kept; older is refused (400)
 * @param occurredAtMaxAhead       how far ahead of Passerelle's clock an event's occurredAt may be: a till's clock
 *                                 off by a daylight-saving hour, and some; further is refused (400)
 */
@ConfigurationProperties("passerelle.partner-api")
public record PartnerApiSettings(
        @DefaultValue("20") int maxFailuresPerSource,
        @DefaultValue("10") int maxFailuresPerRestaurant,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("2s") Duration settle,
        @DefaultValue("EUR") String currency,
        @DefaultValue("10s") Duration credentialCacheTtl,
        @DefaultValue("30d") Duration occurredAtMaxAge,
        @DefaultValue("2h") Duration occurredAtMaxAhead) {

    /** PROTOCOL.md: a body over 1 MiB is refused (413). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** PROTOCOL.md: a batch holds at most this many events. */
    public static final int MAX_EVENTS_PER_BATCH = 500;
}
