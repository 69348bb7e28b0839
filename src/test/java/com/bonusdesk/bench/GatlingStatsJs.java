package com.bonusdesk.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures out of the {@code js/stats.js} of a Gatling report (3.13): for the whole run and for each
 * request name, how many requests, how many failed, and the 95th percentile of the response time (Gatling's third
 * percentile by default). The harness test reads a real report, so a Gatling that writes another shape fails there.
 */
final class GatlingStatsJs {

    private static final Pattern REQUEST_STATS = Pattern.compile(
            "\"name\": \"([^\"]+)\",\\s*\"numberOfRequests\": \\{\\s*\"total\": \"(\\d+)\",\\s*\"ok\": \"(\\d+)\","
                    + "\\s*\"ko\": \"(\\d+)\".*?\"percentiles3\": \\{\\s*\"total\": \"([0-9.]+)\"",
            Pattern.DOTALL);
    private static final String ALL = "All Requests";

    private GatlingStatsJs() {
    }

    static LoadBenchmarks.GatlingStats parse(String statsJs) {
        Map<String, Double> p95 = new LinkedHashMap<>();
        long requests = -1;
        long failed = -1;
        Matcher matcher = REQUEST_STATS.matcher(statsJs);
        while (matcher.find()) {
            if (matcher.group(1).equals(ALL)) {
                requests = Long.parseLong(matcher.group(2));
                failed = Long.parseLong(matcher.group(4));
            } else {
                p95.put(matcher.group(1), Double.parseDouble(matcher.group(5)));
            }
        }
        if (requests < 0) {
            throw new IllegalStateException("No figures for all requests in this Gatling report");
        }
        return new LoadBenchmarks.GatlingStats(p95, requests, failed);
    }
}
