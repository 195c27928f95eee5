/** The frame around every view: layout, navigation, restaurant switcher, languages, error handling. */
@ApplicationModule(allowedDependencies = {"shared", "security", "restaurant"})
package io.passerelle.shell;

import org.springframework.modulith.ApplicationModule;
