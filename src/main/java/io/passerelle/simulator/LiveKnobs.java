package io.passerelle.simulator;

/** The knobs in force; changed through the control API and read at every call, so a change applies at once. */
final class LiveKnobs {

    private volatile Knobs current;

    LiveKnobs(Knobs initial) {
        this.current = initial;
    }

    Knobs current() {
        return current;
    }

    synchronized void set(Knobs knobs) {
        current = knobs;
        notifyAll();
    }

    /** Waits up to {@code millis} unless the knobs change (or already changed since {@code seen} was read). */
    synchronized void awaitChange(Knobs seen, long millis) throws InterruptedException {
        if (current == seen && millis > 0) {
            wait(millis);
        }
    }
}
