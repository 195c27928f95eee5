package io.passerelle.reservation;

import java.util.List;

/** A restaurant's drift over a period: reservations the POS sees differently, and probable duplicate walk-ins. */
public record DriftReport(List<Drift> drifts, List<DuplicateWalkIn> duplicates) {}
