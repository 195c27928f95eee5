/**
 * The partner API ({@code /api/partner/v1}, PROTOCOL.md): how a POS authenticates, pulls reservations, reports
 * what happens at its tables (pay at table: items sent, through the sync engine) and lists its table names.
 * Stateless, separate from the people's (Vaadin) security.
 */
@ApplicationModule(allowedDependencies = {"shared", "restaurant", "reservation", "connection", "partner", "sync",
        "synclog", "tables"})
package io.passerelle.partnerapi;

import org.springframework.modulith.ApplicationModule;
