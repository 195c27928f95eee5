package io.passerelle.health.job;

import io.passerelle.health.AlertSettings;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Clustered Quartz fires the check on one node at a time; a missed minute is not made up for (the next one covers it). */
@Configuration(proxyBeanMethods = false)
class ConnectionAlertJobs {

    @Bean
    JobDetail connectionAlertJob() {
        return JobBuilder.newJob(ConnectionAlertJob.class).withIdentity("connection-alerts", "health")
                .storeDurably().build();
    }

    @Bean
    Trigger connectionAlertTrigger(JobDetail connectionAlertJob, AlertSettings settings) {
        return TriggerBuilder.newTrigger().forJob(connectionAlertJob).withIdentity("connection-alerts", "health")
                .withSchedule(CronScheduleBuilder.cronSchedule(settings.checkCron())
                        .inTimeZone(TimeZone.getTimeZone("UTC")).withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
