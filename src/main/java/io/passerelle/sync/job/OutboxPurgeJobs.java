package io.passerelle.sync.job;

import io.passerelle.sync.OutboxPurgeSettings;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's nightly purge: clustered Quartz runs it on one node. A missed night is purged with the next. */
@Configuration(proxyBeanMethods = false)
class OutboxPurgeJobs {

    private static final String NAME = "outbox-purge";
    private static final String GROUP = "maintenance";

    @Bean
    JobDetail outboxPurgeJob() {
        return JobBuilder.newJob(OutboxPurgeJob.class).withIdentity(NAME, GROUP).storeDurably().build();
    }

    @Bean
    Trigger outboxPurgeTrigger(JobDetail outboxPurgeJob, OutboxPurgeSettings settings) {
        return TriggerBuilder.newTrigger().forJob(outboxPurgeJob).withIdentity(NAME, GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(settings.cron()).inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
