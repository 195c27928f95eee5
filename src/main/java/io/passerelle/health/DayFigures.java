package io.passerelle.health;

import java.time.LocalDate;

/** Deliveries of one connection on one day (the restaurant's day), for the 7-day chart. */
public record DayFigures(LocalDate day, int deliveries, int failures) {}
