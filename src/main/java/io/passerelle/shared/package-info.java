/**
 * Small open module every feature may use: persistence base types, database bootstrap, UI helpers.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.passerelle.shared;

import org.springframework.modulith.ApplicationModule;
