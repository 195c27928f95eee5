package io.passerelle.tables;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How POS table names are resolved for events.
 *
 * @param resolutionCacheTtl how long the dining table a POS table name stands for is remembered (0: resolved on
 *                           every event); a link or table changed is seen at once on this node, on others within
 *                           this time
 */
@ConfigurationProperties("passerelle.table-names")
record TableNameSettings(@DefaultValue("10s") Duration resolutionCacheTtl) {}
