package io.passerelle.synclog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention      how long log lines are kept; older ones are purged every night
 * @param purgeBatchSize rows deleted per statement while purging
 */
@ConfigurationProperties("passerelle.synclog")
public record SyncLogSettings(@DefaultValue("90d") Duration retention, @DefaultValue("10000") int purgeBatchSize) {}
