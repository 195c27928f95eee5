package io.passerelle.simulator;

import java.time.DateTimeException;
import java.util.Arrays;
import java.util.List;

/** Runs the POS simulator until interrupted: {@code ./passerelle simulator --installation=pull:...}. */
public final class PosSimulatorMain {

    static final String USAGE = """
            POS simulator: plays restaurant tills against Passerelle's partner API.

            ./passerelle simulator [--option=value ...]     (each option also reads POS_SIM_<OPTION>, e.g. POS_SIM_PORT)

              --installation=SPEC        a till; repeat for several (env: POS_SIM_INSTALLATIONS, space separated)
                  pull:restaurantId=1042,apiKey=pk_...[,installationId=trattoria][,posVersion=5.1][,menu=it]
                  push:installationId=bistro-7,restaurantId=1043,token=tok_...,signingSecret=whsec_...[,posVersion=2.0.16][,menu=fr]
              --port=8090                webhooks, pay at table and /control on this port (0 = any free port)
              --host=127.0.0.1           address to listen on
              --passerelle-url=URL       default http://localhost:8080/api/partner/v1
              --tables=T1..T12           floor plan: names and ranges, comma separated (e.g. T1..T8,Terrasse 1..Terrasse 4)
              --poll-interval=60s        pull style: how often to pull reservations (0 = only on command)
              --scenarios-per-minute=0   random scenarios per minute (0 = only on command)
              --zone=Europe/Paris        the restaurants' time zone (default: the machine's)
              --currency=EUR
              --send-attempts=5 --retry-backoff=500ms --request-timeout=10s      delivery of events to Passerelle
              fault knobs (also changeable at run time: POST /control/faults):
              --latency-ms=0 --jitter-ms=0 --error-rate=0 --error-status=500 --retry-after-seconds=30
              --timeout-rate=0 --timeout-ms=60000 --refuse-connections --duplicate-rate=0 --out-of-order

            Control API: GET /control/state, POST /control/scenarios/{seat|close|walk-in|pay-at-table},
            POST /control/faults, POST /control/tables, POST /control/poll, POST /control/ping.
            See docs/pos-simulator.md.
            """;

    private PosSimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        SimulatorSettings settings;
        try {
            settings = SimulatorSettings.parse(arguments, System.getenv());
        } catch (IllegalArgumentException | DateTimeException wrongSetting) {
            System.err.println("POS simulator: " + wrongSetting.getMessage() + "\n");
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        PosSimulator simulator = PosSimulator.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "pos-simulator-shutdown"));
        simulator.awaitStop();
    }
}
