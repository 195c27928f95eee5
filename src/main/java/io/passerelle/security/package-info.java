/** Who may log in and what they may see: accounts, roles, login throttling, sessions. */
@ApplicationModule(allowedDependencies = "shared")
package io.passerelle.security;

import org.springframework.modulith.ApplicationModule;
