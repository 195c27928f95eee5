package io.passerelle.sync.job;

import io.passerelle.sync.SyncSettings;
import io.passerelle.sync.SyncWindow;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two cron triggers, one per window, each fanning out over every push connection (not one trigger per
 * restaurant). Clustered Quartz fires each on one node. A missed firing is not made up for (do-nothing):
 * the next one covers the same days, since a window sends whatever is not acknowledged.
 */
@Configuration(proxyBeanMethods = false)
class SyncWindowJobs {

    private static final String GROUP = "sync";

    @Bean
    JobDetail shortSyncWindowJob() {
        return job(SyncWindow.SHORT);
    }

    @Bean
    JobDetail longSyncWindowJob() {
        return job(SyncWindow.LONG);
    }

    @Bean
    Trigger shortSyncWindowTrigger(JobDetail shortSyncWindowJob, SyncSettings settings) {
        return trigger(shortSyncWindowJob, settings.shortWindowCron());
    }

    @Bean
    Trigger longSyncWindowTrigger(JobDetail longSyncWindowJob, SyncSettings settings) {
        return trigger(longSyncWindowJob, settings.longWindowCron());
    }

    private static JobDetail job(SyncWindow window) {
        return JobBuilder.newJob(SyncWindowJob.class).withIdentity(window.trigger(), GROUP)
                .usingJobData(SyncWindowJob.WINDOW, window.name())
                .storeDurably().build();
    }

    private static Trigger trigger(JobDetail job, String cron) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getKey().getName(), GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
