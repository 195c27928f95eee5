/**
 * Demo data for the run command: resellers, restaurants, people, a reservation book and POS
 * connections to the bundled simulator. Active only with {@code passerelle.demo.enabled=true}; nothing
 * depends on this module.
 */
@ApplicationModule
package io.passerelle.demo;

import org.springframework.modulith.ApplicationModule;
