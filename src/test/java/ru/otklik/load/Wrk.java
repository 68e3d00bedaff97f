package ru.otklik.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: {@code wrk} (Debian's package {@code wrk}), a process of its own, driven by a Lua script. Its
 * own CPU is read from the shell that waits for it, so a figure can say what the load itself took of the machine.
 */
final class Wrk {

    /** One run's totals, as the scripts' {@code done} prints them; latencies in microseconds. */
    record Run(
            int unexpectedStatus,
            long requests,
            long durationMicros,
            long socketErrors,
            long unexpected,
            long p50,
            long p95,
            long p99,
            long max,
            double wrkCpuSeconds) {

        double perSecond() {
            return requests / (durationMicros / 1e6);
        }

        String latencies() {
            return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
                    .formatted(p50 / 1e3, p95 / 1e3, p99 / 1e3, max / 1e3);
        }
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private Wrk() {}

    static void requireInstalled() throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v wrk").start();
        if (which.waitFor() != 0) {
            throw new IllegalStateException(
                    "wrk is not installed: run bench/load.sh (it installs Debian's package), or apt-get install wrk");
        }
    }

    /**
     * Runs {@code wrk} with this script against {@code url} for {@code seconds} with {@code connections} connections
     * on {@code threads} threads, and reads the {@code RESULT} line the script's {@code done} writes.
     */
    static Run run(String url, Path script, int connections, int threads, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "sh",
                "-c",
                // the shell waits for wrk, so its children's CPU (fields 16 and 17 of its stat) is wrk's
                "wrk \"$@\"; status=$?; echo \"WRK_CPU $(cut -d' ' -f16,17 /proc/$$/stat)\"; exit $status",
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "30s",
                "-s",
                script.toString(),
                url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        String[] result = null;
        double cpu = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                result = line.strip().split(" ");
            } else if (line.startsWith("WRK_CPU ")) {
                String[] ticks = line.strip().split(" ");
                cpu = (Long.parseLong(ticks[1]) + Long.parseLong(ticks[2])) / TICKS_PER_SECOND;
            }
        }
        if (result == null) {
            throw new IllegalStateException("wrk gave no RESULT line:\n" + output);
        }
        return new Run(
                Integer.parseInt(result[1]),
                Long.parseLong(result[2]),
                Long.parseLong(result[3]),
                Long.parseLong(result[4]),
                Long.parseLong(result[5]),
                Long.parseLong(result[6]),
                Long.parseLong(result[7]),
                Long.parseLong(result[8]),
                Long.parseLong(result[9]),
                cpu);
    }

    /**
     * A script whose {@code request} is {@code requestFunction} (Lua), counting every answer other than
     * {@code expectedStatus} and printing the totals and latency percentiles when wrk is done.
     */
    static Path script(String prelude, String requestFunction, int expectedStatus) throws IOException {
        String lua = prelude + "\n" + requestFunction + "\n" + """
                local threads = {}
                unexpected = 0
                unexpected_status = 0
                setup = function(thread)
                  table.insert(threads, thread)
                  thread:set("id", #threads)
                end
                init = function(args)
                  math.randomseed(os.time() * 1000 + id)
                end
                response = function(status, headers, body)
                  if status ~= %d then
                    unexpected = unexpected + 1
                    unexpected_status = status
                  end
                end
                done = function(summary, latency, requests)
                  local bad = 0
                  local bad_status = 0
                  for _, t in ipairs(threads) do
                    bad = bad + t:get("unexpected")
                    if t:get("unexpected_status") ~= 0 then bad_status = t:get("unexpected_status") end
                  end
                  local e = summary.errors
                  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n",
                    bad_status, summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, bad,
                    math.floor(latency:percentile(50)), math.floor(latency:percentile(95)),
                    math.floor(latency:percentile(99)), math.floor(latency.max)))
                end
                """.formatted(expectedStatus);
        Path file = Files.createTempFile("otklik-load", ".lua");
        file.toFile().deleteOnExit();
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    /** A Lua list of strings. */
    static String luaList(List<String> values) {
        StringBuilder lua = new StringBuilder("{");
        for (String value : values) {
            lua.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\",");
        }
        return lua.append('}').toString();
    }
}
