package io.passerelle.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync engine's timings and bounds ({@code passerelle.sync.*}); docs/sync-engine.md explains each.
 *
 * @param pollInterval          how often the relay looks for due messages, besides the kick after every change
 * @param relayBatchSize        messages claimed at once by one node (up to four such batches claimed and not yet
 *                              recorded: the relay claims ahead of its calls)
 * @param deliveryThreads       calls to POS systems in parallel on one node
 * @param claimLease            how long a claimed message is this node's; after that (node died) anyone may take it.
 *                              A call starts only if it can end (connect and read timeouts) within the claim
 * @param backoffBase           ceiling of the first retry delay; doubled per attempt (full jitter below the ceiling)
 * @param backoffCap            the ceiling never grows past this
 * @param maxAttempts           attempts before a retryable failure becomes FAILED ...
 * @param minimumRetrySpan      ... but never before this long after the first failure (retries span at least this)
 * @param breakerFailureRate    percentage of failed calls (among the last {@code breakerWindow}) that opens a circuit
 * @param breakerWindow         calls the failure rate is computed over (and the minimum before it is computed)
 * @param breakerOpenFor        how long an open circuit rests before a trial call
 * @param windowBatchSize       connections read per page when a window fans out
 * @param reconcileBatchSize    reservations read per page when one connection is reconciled
 * @param reconcileLease        how long a node holds a connection while reconciling it (renewed per page)
 * @param manualSyncThreads     manual syncs running at once on one node
 * @param shortWindowCron       the 3-minute window (yesterday to +7 days)
 * @param longWindowCron        the 12-hour window (yesterday to +2 months)
 * @param nodeName              this node's name in claims and leases; empty: the host name and a random suffix
 */
@ConfigurationProperties("passerelle.sync")
public record SyncSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int relayBatchSize,
        @DefaultValue("4") int deliveryThreads,
        @DefaultValue("60s") Duration claimLease,
        @DefaultValue("10s") Duration backoffBase,
        @DefaultValue("1h") Duration backoffCap,
        @DefaultValue("60") int maxAttempts,
        @DefaultValue("24h") Duration minimumRetrySpan,
        @DefaultValue("50") int breakerFailureRate,
        @DefaultValue("10") int breakerWindow,
        @DefaultValue("60s") Duration breakerOpenFor,
        @DefaultValue("100") int windowBatchSize,
        @DefaultValue("500") int reconcileBatchSize,
        @DefaultValue("5m") Duration reconcileLease,
        @DefaultValue("2") int manualSyncThreads,
        @DefaultValue("0 0/3 * * * ?") String shortWindowCron,
        @DefaultValue("0 0 0/12 * * ?") String longWindowCron,
        @DefaultValue("") String nodeName) {

    public BackoffPolicy backoff() {
        return new BackoffPolicy(backoffBase, backoffCap, maxAttempts, minimumRetrySpan);
    }
}
