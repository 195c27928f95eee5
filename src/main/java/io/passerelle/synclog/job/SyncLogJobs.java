package io.passerelle.synclog.job;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import java.util.TimeZone;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SyncLogJobs {

    @Bean
    JobDetail syncLogPurgeJob() {
        return JobBuilder.newJob(SyncLogPurgeJob.class).withIdentity("sync-log-purge", "maintenance")
                .storeDurably().build();
    }

    /** In UTC, whatever the server's zone. A missed night is not made up for: the next night purges the same and more. */
    @Bean
    Trigger syncLogPurgeTrigger(JobDetail syncLogPurgeJob,
            @Value("${passerelle.synclog.purge-cron:0 15 3 * * ?}") String cron) {
        return TriggerBuilder.newTrigger().forJob(syncLogPurgeJob).withIdentity("sync-log-purge", "maintenance")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
