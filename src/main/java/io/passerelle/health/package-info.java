/**
 * Connection health, alerts, the notification centre, the onboarding checklist and the "last synced"
 * badge. Built on the sync engine's delivery events ({@code DeliveryAttempted}, {@code SyncRunCompleted}),
 * kept as a small per-connection state and an hourly rollup, so no page view scans the outbox or the log.
 */
@ApplicationModule(allowedDependencies = {"shared", "security", "restaurant", "connection", "partner", "sync",
        "synclog", "shell"})
package io.passerelle.health;

import org.springframework.modulith.ApplicationModule;
