package ru.otklik.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** A benchmark's {@code --name=value} options (a bare {@code --name} is {@code true}), in the order given. */
public final class BenchmarkOptions {

    private BenchmarkOptions() {}

    public static Map<String, String> parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        return options;
    }
}
