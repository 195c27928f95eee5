package io.passerelle.sync.job;

import io.passerelle.sync.OutboxPurge;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Nightly: drops settled outbox messages past their retention. Thin: {@link OutboxPurge} does the work. */
@DisallowConcurrentExecution
class OutboxPurgeJob extends QuartzJobBean {

    // Quartz instantiates jobs itself; Spring injects fields only (constructor injection is not available).
    @Autowired
    private OutboxPurge purge;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        purge.purgeSettled();
    }
}
