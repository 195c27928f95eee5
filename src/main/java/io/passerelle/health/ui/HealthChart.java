package io.passerelle.health.ui;

import com.vaadin.flow.component.Html;
import io.passerelle.health.DayFigures;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Seven days of deliveries as a small SVG bar chart (Vaadin has no free chart component): a green bar per day
 * for deliveries, red on top for failures. Screen readers get the figures in words (role="img" + title).
 */
final class HealthChart {

    static final int HEIGHT = 28;
    private static final int BAR_WIDTH = 10;
    private static final int GAP = 3;

    private HealthChart() {}

    static Html of(List<DayFigures> days, Locale locale, String describedDay) {
        int max = Math.max(1, days.stream().mapToInt(day -> day.deliveries() + day.failures()).max().orElse(0));
        var description = new StringBuilder();
        var bars = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            DayFigures day = days.get(i);
            int x = i * (BAR_WIDTH + GAP);
            int delivered = HEIGHT * day.deliveries() / max;
            int failed = HEIGHT * day.failures() / max;
            bars.append(rect(x, HEIGHT - delivered, delivered, "var(--lumo-success-color)", "delivered"));
            bars.append(rect(x, HEIGHT - delivered - failed, failed, "var(--lumo-error-color)", "failed"));
            description.append(describedDay
                    .replace("{0}", day.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, locale))
                    .replace("{1}", String.valueOf(day.deliveries()))
                    .replace("{2}", String.valueOf(day.failures())));
            if (i < days.size() - 1) {
                description.append("; ");
            }
        }
        int width = days.size() * (BAR_WIDTH + GAP) - GAP;
        String text = escape(description.toString());
        return new Html("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"health-chart\" role=\"img\" width=\"" + width
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + width + " " + HEIGHT + "\" aria-label=\"" + text
                + "\"><title>" + text + "</title>" + bars + "</svg>");
    }

    private static String rect(int x, int y, int height, String colour, String kind) {
        if (height <= 0) {
            return "";
        }
        return "<rect class=\"" + kind + "\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + BAR_WIDTH + "\" height=\""
                + height + "\" fill=\"" + colour + "\"></rect>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
