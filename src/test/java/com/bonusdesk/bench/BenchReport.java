package com.bonusdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one benchmark run, as a table for the console, {@code results.json} for programs and
 * {@code report.html} (bars of each figure beside its floor) for people.
 */
public final class BenchReport {

    private final List<Figure> figures = new ArrayList<>();

    public void add(Figure figure) {
        figures.add(figure);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-58s %14s %14s %8s  %-22s %s%n",
                "figure", "value", "floor", "ratio", "target", "pass"));
        for (Figure figure : figures) {
            table.append(String.format(Locale.ROOT, "%-58s %14s %14s %8s  %-22s %s%n", figure.name(),
                    number(figure.value()) + " " + figure.unit(),
                    figure.floor() == null ? "—" : number(figure.floor()) + " " + figure.unit(),
                    figure.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f×", figure.ratio()), figure.target(),
                    figure.pass() ? "yes" : "NO"));
        }
        return table.toString();
    }

    /** Writes {@code results.json} and {@code report.html} into {@code directory}. */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.json"), json(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("report.html"), html(), StandardCharsets.UTF_8);
    }

    String json() {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < figures.size(); i++) {
            Figure figure = figures.get(i);
            json.append(String.format(Locale.ROOT,
                    "  {\"figure\": %s, \"unit\": %s, \"value\": %s, \"floor\": %s, \"ratio\": %s, \"target\": %s, "
                            + "\"pass\": %s}%s%n",
                    quoted(figure.name()), quoted(figure.unit()), number(figure.value()),
                    figure.floor() == null ? "null" : number(figure.floor()),
                    figure.ratio() == null ? "null" : String.format(Locale.ROOT, "%.3f", figure.ratio()),
                    quoted(figure.target()), figure.pass(), i + 1 < figures.size() ? "," : ""));
        }
        return json.append("]\n").toString();
    }

    private String html() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Bonus Desk benchmarks</title>
                <style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 8px;text-align:left}
                .bar{fill:#0d6efd}.floor{fill:#adb5bd}.fail{color:#b02a37;font-weight:bold}</style></head>
                <body><h1>Bonus Desk benchmarks</h1>
                <p>Each bar is the figure; the grey bar under it is its floor, measured beside it in the same run.</p>
                <table><tr><th>figure</th><th>value</th><th>floor</th><th>ratio</th><th>target</th><th>pass</th><th></th></tr>
                """);
        for (Figure figure : figures) {
            double scale = Math.max(figure.value(), figure.floor() == null ? 0 : figure.floor());
            html.append("<tr><td>").append(escape(figure.name())).append("</td><td>")
                    .append(number(figure.value())).append(' ').append(escape(figure.unit())).append("</td><td>")
                    .append(figure.floor() == null ? "—" : number(figure.floor())).append("</td><td>")
                    .append(figure.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f×", figure.ratio()))
                    .append("</td><td>").append(escape(figure.target())).append("</td><td")
                    .append(figure.pass() ? ">yes" : " class=\"fail\">NO").append("</td><td>")
                    .append("<svg width=\"240\" height=\"22\">")
                    .append(bar("bar", 0, figure.value(), scale));
            if (figure.floor() != null) {
                html.append(bar("floor", 12, figure.floor(), scale));
            }
            html.append("</svg></td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static String bar(String kind, int y, double value, double scale) {
        double width = scale <= 0 ? 0 : 240 * value / scale;
        return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"0\" y=\"%d\" width=\"%.1f\" height=\"10\"/>", kind, y,
                width);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
