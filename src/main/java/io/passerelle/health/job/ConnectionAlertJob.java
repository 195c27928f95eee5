package io.passerelle.health.job;

import io.passerelle.health.ConnectionAlerts;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Every minute: announces connections failing for too long, and their recovery. Thin: the service does the work. */
@DisallowConcurrentExecution
class ConnectionAlertJob extends QuartzJobBean {

    // Quartz instantiates jobs itself; Spring injects fields only (constructor injection is not available).
    @Autowired
    private ConnectionAlerts alerts;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        alerts.check();
    }
}
