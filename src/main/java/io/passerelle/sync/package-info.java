/**
 * The sync engine: every reservation change a push-style POS must hear of goes through a transactional
 * outbox and a relay (signed webhooks, retries with backoff, a circuit breaker per connection); scheduled
 * windows reconcile what the POS has not acknowledged; a person can run a manual sync and watch it.
 * See docs/sync-engine.md.
 */
@ApplicationModule(allowedDependencies = {"shared", "security", "restaurant", "reservation", "connection", "partner",
        "synclog"})
package io.passerelle.sync;

import org.springframework.modulith.ApplicationModule;
