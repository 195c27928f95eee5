package io.passerelle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of one side of a figure: the JVM threads that serve it, picked by name, and the database server's
 * process. A throughput on a shared 2-core machine moves by a tenth from run to run; the CPU an event costs hardly
 * does, so it tells a change that helps from one that does not. The compiler and GC threads are nobody's here:
 * they are not Java threads, and both sides share them; the compiler threads' CPU meanwhile is told beside the
 * figure, as CPU neither side had on a 2-core machine.
 */
final class CpuMeter {

    /**
     * CPU used, in nanoseconds: the side's threads, the database server's process (0 where it is not found), and,
     * told apart from both, the JIT's compiler threads.
     */
    record Reading(long threadNanos, long databaseNanos, long compilerNanos) {

        Reading since(Reading before) {
            return new Reading(threadNanos - before.threadNanos, databaseNanos - before.databaseNanos,
                    compilerNanos - before.compilerNanos);
        }

        /** Milliseconds of both, per unit of work. */
        double millisPer(int units) {
            return (threadNanos + databaseNanos) / 1e6 / units;
        }

        String describe(int units, String unit) {
            return String.format("%.3f ms per %s (threads %.3f, database %.3f; the JIT's compiler threads meanwhile"
                    + " %.1f s of CPU)", millisPer(units), unit, threadNanos / 1e6 / units, databaseNanos / 1e6 / units,
                    compilerNanos / 1e9);
        }
    }

    /** /proc counts a process's time in clock ticks: 100 a second on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Predicate<String> threadNames;
    private final Optional<Path> databaseStat;

    CpuMeter(Predicate<String> threadNames) {
        this.threadNames = threadNames;
        // this JVM's embedded server first: other tests' servers may come and go on the same machine; else the
        // machine's own server (CI's, through PASSERELLE_TEST_DB_URL)
        this.databaseStat = Stream.of(ProcessHandle.current().descendants(), ProcessHandle.allProcesses())
                .flatMap(processes -> processes.filter(CpuMeter::isDatabaseServer).findFirst().stream())
                .findFirst()
                .map(process -> Path.of("/proc", String.valueOf(process.pid()), "stat"));
    }

    private static boolean isDatabaseServer(ProcessHandle process) {
        return process.info().command()
                .filter(command -> command.endsWith("/mariadbd") || command.endsWith("/mysqld"))
                .isPresent();
    }

    boolean seesDatabase() {
        return databaseStat.isPresent();
    }

    Reading read() {
        long threadNanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && threadNames.test(thread.getThreadName())) {
                threadNanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return new Reading(threadNanos, databaseStat.map(CpuMeter::processNanos).orElse(0L), compilerNanos());
    }

    /**
     * The C1 and C2 compiler threads, which are not Java threads: read from /proc by their names. (The JVM's own
     * compilation time counts elapsed time, which on a busy 2-core machine is mostly waiting for a core.)
     */
    private static long compilerNanos() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.mapToLong(task -> {
                try {
                    String name = Files.readString(task.resolve("comm"));
                    return name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")
                            ? processNanos(task.resolve("stat")) : 0;
                } catch (IOException | UncheckedIOException ended) {
                    return 0; // a compiler thread the JVM stopped since: its time is gone with it
                }
            }).sum();
        } catch (IOException noProc) {
            return 0;
        }
    }

    /** A process's or thread's user and system time, from its /proc stat file. */
    private static long processNanos(Path stat) {
        try {
            String line = Files.readString(stat);
            // the fields after the command, which is in parentheses and may hold spaces: utime and stime are 14 and 15
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time in " + stat, e);
        }
    }
}
