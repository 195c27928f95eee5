package io.passerelle.connection;

import java.time.Instant;

/** The last check of a connection's pay-at-table server and installation ID, and when it ran. */
public record PayAtTableCheck(PayAtTableCheckOutcome outcome, Instant checkedAt) {}
