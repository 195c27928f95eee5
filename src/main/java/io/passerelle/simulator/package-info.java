/**
 * The POS simulator: a separate program, started on its own ({@link io.passerelle.simulator.PosSimulatorMain})
 * or embedded ({@link io.passerelle.simulator.PosSimulator#start}), that plays the tills of both partner styles
 * against Passerelle over real HTTP and speaks only the partner protocol. It depends on no other module, uses
 * no Spring, and nothing in it is a Spring bean: it is what a POS vendor would write.
 */
@ApplicationModule(allowedDependencies = {})
package io.passerelle.simulator;

import org.springframework.modulith.ApplicationModule;
