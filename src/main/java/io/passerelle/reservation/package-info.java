/**
 * The platform's reservation book: guests, rooms and tables, reservations and their status. Every
 * change to a reservation is published as a {@link io.passerelle.reservation.ReservationChanged}.
 */
@ApplicationModule(allowedDependencies = {"shared", "security", "restaurant"})
package io.passerelle.reservation;

import org.springframework.modulith.ApplicationModule;
