package io.passerelle.sync;

/** Told how a manual sync goes, from the thread that runs it (a UI must hop onto its own thread). */
public interface SyncProgress {

    SyncProgress NONE = new SyncProgress() {
        @Override
        public void progress(int done, int total) {}

        @Override
        public void finished(RunSummary summary) {}
    };

    void progress(int done, int total);

    void finished(RunSummary summary);

    /** The run broke off on an unexpected error (already logged). */
    default void failed() {}
}
