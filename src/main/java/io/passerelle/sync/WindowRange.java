package io.passerelle.sync;

import java.time.Instant;
import java.time.LocalDate;

/** Reservations starting in [from, to): the first day's midnight to the midnight after the last day. */
public record WindowRange(LocalDate firstDay, LocalDate lastDay, Instant from, Instant to) {}
