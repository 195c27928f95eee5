package io.passerelle.synclog.job;

import io.passerelle.synclog.SyncLogService;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Nightly: drops log lines past their retention. Thin: the service does the work. */
@DisallowConcurrentExecution
class SyncLogPurgeJob extends QuartzJobBean {

    // Quartz instantiates jobs itself; Spring injects fields only (constructor injection is not available).
    @Autowired
    private SyncLogService syncLog;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        syncLog.purgeExpired();
    }
}
