package io.passerelle.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a benchmark run found: one figure per scenario and metric, Passerelle beside its floor, and the
 * quiet cycle's scaling curve. Printed as a Markdown table, written as results.json, and plotted.
 */
final class BenchReport {

    /**
     * @param floor          null when a figure has no floor (start-up, memory)
     * @param met            null when the figure has no target
     * @param higherIsBetter a rate (events/s) rather than a cost (seconds, milliseconds, megabytes)
     */
    record Figure(String scenario, String metric, String unit, double passerelle, Double floor, String target,
            Boolean met, boolean higherIsBetter) {

        /** What Passerelle costs over what the floor costs: 2.0 means twice the time, or half the rate. */
        Double ratio() {
            if (floor == null || floor <= 0 || passerelle <= 0) {
                return null;
            }
            return higherIsBetter ? floor / passerelle : passerelle / floor;
        }
    }

    record CurvePoint(int restaurants, long reservations, int changes, double passerelleSeconds, double floorSeconds) {}

    private final String scale;
    private final Map<String, Object> machine;
    private final List<Figure> figures = new ArrayList<>();
    private final List<CurvePoint> curve = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchReport(String scale, Map<String, Object> machine) {
        this.scale = scale;
        this.machine = machine;
    }

    void add(Figure figure) {
        figures.add(figure);
    }

    void add(CurvePoint point) {
        curve.add(point);
    }

    void note(String note) {
        notes.add(note);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    String markdown() {
        var table = new StringBuilder();
        table.append("| scenario | metric | Passerelle | floor | cost ratio | target | met |\n");
        table.append("| --- | --- | ---: | ---: | ---: | --- | --- |\n");
        for (Figure figure : figures) {
            table.append("| ").append(figure.scenario())
                    .append(" | ").append(figure.metric())
                    .append(" | ").append(number(figure.passerelle())).append(' ').append(figure.unit())
                    .append(" | ").append(figure.floor() == null ? "" : number(figure.floor()) + " " + figure.unit())
                    .append(" | ").append(figure.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f×", figure.ratio()))
                    .append(" | ").append(figure.target() == null ? "" : figure.target())
                    .append(" | ").append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        if (!curve.isEmpty()) {
            table.append("\nQuiet cycle scaling (").append(curve.getFirst().changes() > 0 ? "0.5 % changed" : "")
                    .append("):\n\n| restaurants | reservations | changes | Passerelle | floor |\n| ---: | ---: | ---: | ---: | ---: |\n");
            for (CurvePoint point : curve) {
                table.append(String.format(Locale.ROOT, "| %d | %d | %d | %s s | %s s |%n", point.restaurants(),
                        point.reservations(), point.changes(), number(point.passerelleSeconds()),
                        number(point.floorSeconds())));
            }
        }
        if (!notes.isEmpty()) {
            table.append('\n');
            notes.forEach(note -> table.append("- ").append(note).append('\n'));
        }
        return table.toString();
    }

    /** results.json, results.md and quiet-cycle.png in the folder. */
    void write(Path folder) {
        try {
            Files.createDirectories(folder);
            var results = new LinkedHashMap<String, Object>();
            results.put("scale", scale);
            results.put("machine", machine);
            var rows = new ArrayList<Map<String, Object>>();
            for (Figure figure : figures) {
                var row = new LinkedHashMap<String, Object>();
                row.put("scenario", figure.scenario());
                row.put("metric", figure.metric());
                row.put("unit", figure.unit());
                row.put("passerelle", figure.passerelle());
                row.put("floor", figure.floor());
                row.put("ratio", figure.ratio());
                row.put("target", figure.target());
                row.put("met", figure.met());
                rows.add(row);
            }
            results.put("figures", rows);
            results.put("quietCycleCurve", curve);
            results.put("notes", notes);
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(folder.resolve("results.json"), json.writeValueAsString(results));
            Files.writeString(folder.resolve("results.md"), "Benchmark, scale " + scale + ", " + machine + "\n\n" + markdown());
            ImageIO.write(plot(), "png", folder.resolve("quiet-cycle.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seconds of one quiet window cycle against connected restaurants: Passerelle and the floor. */
    BufferedImage plot() {
        int width = 800;
        int height = 500;
        int left = 80;
        int right = 30;
        int top = 50;
        int bottom = 60;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        double maxX = curve.stream().mapToInt(CurvePoint::restaurants).max().orElse(1);
        double maxY = curve.stream().mapToDouble(p -> Math.max(p.passerelleSeconds(), p.floorSeconds())).max()
                .orElse(1) * 1.15;
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        g.setColor(Color.DARK_GRAY);
        g.drawLine(left, top + plotHeight, left + plotWidth, top + plotHeight);
        g.drawLine(left, top, left, top + plotHeight);
        for (int tick = 0; tick <= 5; tick++) {
            int y = top + plotHeight - tick * plotHeight / 5;
            int x = left + tick * plotWidth / 5;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left + 1, y, left + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(number(maxY * tick / 5), 10, y + 5);
            g.drawString(String.valueOf(Math.round(maxX * tick / 5)), x - 12, top + plotHeight + 20);
        }
        g.drawString("connected restaurants", left + plotWidth / 2 - 70, height - 15);
        g.drawString("seconds", 10, top - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Quiet window cycle (scale " + scale + ")", left + 150, 25);
        line(g, maxX, maxY, left, top, plotWidth, plotHeight, new Color(0, 102, 204), true);
        line(g, maxX, maxY, left, top, plotWidth, plotHeight, new Color(230, 120, 0), false);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(new Color(0, 102, 204));
        g.drawString("Passerelle", left + 20, top + 20);
        g.setColor(new Color(230, 120, 0));
        g.drawString("floor (plain JDBC + java.net.http)", left + 20, top + 40);
        g.dispose();
        return image;
    }

    private void line(Graphics2D g, double maxX, double maxY, int left, int top, int plotWidth, int plotHeight,
            Color color, boolean passerelle) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int previousX = -1;
        int previousY = -1;
        for (CurvePoint point : curve) {
            double seconds = passerelle ? point.passerelleSeconds() : point.floorSeconds();
            int x = left + (int) (point.restaurants() / maxX * plotWidth);
            int y = top + plotHeight - (int) (seconds / maxY * plotHeight);
            g.fillOval(x - 4, y - 4, 8, 8);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
}
