/** Tenants: resellers, restaurants, the tenant wall ({@link io.passerelle.restaurant.RestaurantAccess}) and staff administration. */
@ApplicationModule(allowedDependencies = {"shared", "security"})
package io.passerelle.restaurant;

import org.springframework.modulith.ApplicationModule;
