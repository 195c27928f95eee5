package io.passerelle.simulator;

import java.util.Arrays;
import java.util.List;

/**
 * What a scenario did: the order as it now stands and the events queued for Passerelle.
 *
 * @param paymentId set by pay at table
 */
record ScenarioResult(String installation, String scenario, Bill order, String paymentId, List<QueuedEvent> events) {

    record QueuedEvent(String eventId, String type) {}

    static ScenarioResult of(Till till, String scenario, Bill order, String paymentId, PosEvent... events) {
        return new ScenarioResult(till.id(), scenario, order, paymentId,
                Arrays.stream(events).map(event -> new QueuedEvent(event.eventId(), event.type())).toList());
    }
}
