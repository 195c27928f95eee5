/**
 * A restaurant's connections to partners: what each holds (webhook URL, token, API key, pay at table,
 * events), its secrets encrypted at rest, the credential test, the audit trail, and the machine-side
 * authentication the partner API uses.
 */
@ApplicationModule(allowedDependencies = {"shared", "security", "restaurant", "partner"})
package io.passerelle.connection;

import org.springframework.modulith.ApplicationModule;
