/**
 * The sync log: what happened between Passerelle and each POS, written by the partner API and the sync
 * engine, read by owners, support and onboarding.
 */
@ApplicationModule(allowedDependencies = {"shared", "security", "restaurant", "partner"})
package io.passerelle.synclog;

import org.springframework.modulith.ApplicationModule;
