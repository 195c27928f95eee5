package io.passerelle.sync.job;

import io.passerelle.sync.SyncService;
import io.passerelle.sync.SyncWindow;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** A scheduled window over every push connection. Thin: the service does the work. */
@DisallowConcurrentExecution
class SyncWindowJob extends QuartzJobBean {

    static final String WINDOW = "window";

    // Quartz instantiates jobs itself; Spring injects fields only (constructor injection is not available).
    @Autowired
    private SyncService sync;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        sync.runWindow(SyncWindow.valueOf(context.getMergedJobDataMap().getString(WINDOW)));
    }
}
