/**
 * The partner catalogue: which POS partners Passerelle speaks to, how (pull or push), what they can do,
 * and the outbound calls to push-style POS webhooks. One adapter sub-package per partner.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package io.passerelle.partner;

import org.springframework.modulith.ApplicationModule;
