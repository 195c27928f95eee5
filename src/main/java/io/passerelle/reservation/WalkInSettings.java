package io.passerelle.reservation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An order opened on a table without a reservation first looks for a confirmed reservation assigned to that table
 * that the opening falls near: from {@code matchBefore} before its start (guests early) to {@code matchAfter} after
 * it (guests late). Only when none matches is it a walk-in.
 */
@ConfigurationProperties("passerelle.walk-in")
public record WalkInSettings(
        @DefaultValue("30m") Duration matchBefore,
        @DefaultValue("60m") Duration matchAfter) {}
