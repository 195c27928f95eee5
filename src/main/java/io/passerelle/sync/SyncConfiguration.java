package io.passerelle.sync;

import io.passerelle.connection.ConnectionService;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerSettings;
import io.passerelle.synclog.SyncLogService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay runs on every node, polled by a small dedicated Spring scheduler rather than Quartz: a
 * one-second cadence on every node is what it needs (SKIP LOCKED shares the work), while clustered Quartz
 * would run it on one node at a time at the cost of its own locking rows every second.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    /** Names this node in claims and leases: as configured, else unique per start (a restarted node is a new one). */
    @Bean
    SyncNode syncNode(SyncSettings settings) {
        if (!settings.nodeName().isBlank()) {
            return new SyncNode(settings.nodeName());
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return new SyncNode(host + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Bean
    ConnectionBreakers connectionBreakers(SyncSettings settings, Clock clock) {
        return new ConnectionBreakers(settings, clock);
    }

    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(OutboxStore store, ConnectionService connections, PartnerCatalogue catalogue,
            SyncLogService syncLog, PayAtTableCalls payAtTable, ConnectionBreakers breakers, SyncSettings settings,
            PlatformTransactionManager transactionManager, Clock clock, SyncNode node,
            ApplicationEventPublisher events, PartnerSettings partnerSettings) {
        return new OutboxRelay(store, connections, catalogue, syncLog, payAtTable, breakers, settings,
                new TransactionTemplate(transactionManager), clock, node.id(), events,
                callBudget(settings, partnerSettings));
    }

    /**
     * Longest a call to a POS may take (connect and read timeouts), which the claim lease must exceed: a call starts
     * only if it can end within its claim. Refuses a shorter lease, so that start-up fails rather than the relay
     * never calling.
     */
    static Duration callBudget(SyncSettings settings, PartnerSettings partnerSettings) {
        Duration callBudget = partnerSettings.connectTimeout().plus(partnerSettings.readTimeout());
        if (settings.claimLease().compareTo(callBudget) <= 0) {
            throw new IllegalStateException("passerelle.sync.claim-lease (" + settings.claimLease() + ") must be"
                    + " longer than a call may take, passerelle.partners.connect-timeout + read-timeout ("
                    + callBudget + "): a call starts only if it can end within its claim");
        }
        return callBudget;
    }

    /**
     * Not initialised here: the container does it. Initialising it here as well gave it a second executor, and the
     * poll scheduled on the first one ran beside the kicks and outlived the application's shutdown.
     */
    @Bean
    ThreadPoolTaskScheduler syncRelayScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("sync-relay-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }

    @Bean
    RelayKicker relayKicker(OutboxRelay relay, @Qualifier("syncRelayScheduler") ThreadPoolTaskScheduler scheduler,
            SyncSettings settings) {
        return new RelayKicker(relay, scheduler, settings.pollInterval());
    }

    @Bean
    ThreadPoolTaskExecutor manualSyncExecutor(SyncSettings settings) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.manualSyncThreads());
        executor.setMaxPoolSize(settings.manualSyncThreads());
        executor.setQueueCapacity(20);
        executor.setThreadNamePrefix("manual-sync-");
        return executor;
    }

    record SyncNode(String id) {}
}
