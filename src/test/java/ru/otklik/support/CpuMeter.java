package ru.otklik.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the CPU goes during a benchmark, from Linux's {@code /proc}: this JVM's threads grouped by name (request
 * threads, JIT compilers, garbage collector, the rest) and all PostgreSQL processes. Benchmarks print it per
 * operation, so a figure says what a request costs, not only how many fit in a second. Elsewhere than Linux it
 * reports nothing.
 */
public final class CpuMeter {

    /** CPU seconds by group at one moment. */
    public record Snapshot(Map<String, Double> seconds) {}

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Path process;
    private final Function<String, String> groupOfThread;
    private final Long postmaster;

    /** @param groupOfThread the group of a JVM thread by its (15-character) Linux name */
    public CpuMeter(Function<String, String> groupOfThread) {
        this(Path.of("/proc/self"), groupOfThread, null);
    }

    private CpuMeter(Path process, Function<String, String> groupOfThread, Long postmaster) {
        this.process = process;
        this.groupOfThread = groupOfThread;
        this.postmaster = postmaster;
    }

    /**
     * Meters another JVM (the application under load, in its own process) by its threads, and only the PostgreSQL
     * of that postmaster (it and its backends), not another server that happens to run on the machine.
     */
    public static CpuMeter ofProcess(long pid, long postmaster, Function<String, String> groupOfThread) {
        return new CpuMeter(Path.of("/proc", Long.toString(pid)), groupOfThread, postmaster);
    }

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    public Snapshot snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (!available()) {
            return new Snapshot(seconds);
        }
        double jvm = ticks(process.resolve("stat"));
        double grouped = 0;
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            for (Path task : tasks.toList()) {
                String name = name(task.resolve("comm"));
                double t = ticks(task.resolve("stat"));
                String group = groupOfThread.apply(name);
                if (group != null) {
                    seconds.merge(group, t / TICKS_PER_SECOND, Double::sum);
                    grouped += t;
                }
            }
        } catch (IOException ex) {
            return new Snapshot(Map.of());
        }
        seconds.put("JVM, other threads", (jvm - grouped) / TICKS_PER_SECOND);
        double postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path candidate : processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                if ("postgres".equals(name(candidate.resolve("comm"))) && ofThisServer(candidate)) {
                    postgres += ticks(candidate.resolve("stat"));
                }
            }
        } catch (IOException ex) {
            // a process ended while listing: counted as far as it was read
        }
        seconds.put("PostgreSQL", postgres / TICKS_PER_SECOND);
        return new Snapshot(seconds);
    }

    /** CPU milliseconds per operation in each group between two snapshots, and their sum. */
    public static Map<String, Double> perOperation(Snapshot before, Snapshot after, long operations) {
        Map<String, Double> result = new LinkedHashMap<>();
        double total = 0;
        for (var entry : after.seconds().entrySet()) {
            double spent = entry.getValue() - before.seconds().getOrDefault(entry.getKey(), 0.0);
            double ms = operations == 0 ? 0 : spent * 1000 / operations;
            result.put(entry.getKey(), ms);
            total += ms;
        }
        if (!result.isEmpty()) {
            result.put("total", total);
        }
        return result;
    }

    /** Whether a PostgreSQL process is the metered postmaster or one of its children (every server when unset). */
    private boolean ofThisServer(Path process) {
        if (postmaster == null) {
            return true;
        }
        long pid = Long.parseLong(process.getFileName().toString());
        return pid == postmaster || parent(process.resolve("stat")) == postmaster;
    }

    private static long parent(Path stat) {
        try {
            String line = Files.readString(stat);
            return Long.parseLong(line.substring(line.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    private static String name(Path comm) {
        try {
            return Files.readString(comm).strip();
        } catch (IOException ex) {
            return "";
        }
    }

    /** utime + stime of a /proc stat file, in ticks; 0 when the process or thread has gone. */
    private static double ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            // the name in parentheses may hold spaces: count fields after the last ')'
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException ex) {
            return 0;
        }
    }
}
