package org.charter.web.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.charter.service.rollout.RolloutService.SignedBy;
import org.charter.web.shell.Html;

/**
 * The rollout's signatures over time as an SVG line, drawn on the server (no script, nothing for the page's
 * content policy to refuse): days from the start to the deadline (or today, if later) across, signatures up to
 * everyone required, with the deadline and the goal marked. The picture carries a text alternative; the figures
 * themselves stand beside it on the page.
 */
final class SignedChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;

    private SignedChart() {}

    /**
     * @param days the signatures by each day's end, from the rollout's start to today
     * @param required how many have to sign
     * @param deadline the rollout's deadline
     * @param description the text alternative, already in the reader's language
     * @param startLabel, deadlineLabel the two dates written under the axis
     */
    static String svg(
            List<SignedBy> days,
            int required,
            LocalDate deadline,
            String description,
            String startLabel,
            String deadlineLabel) {
        if (days.isEmpty()) {
            return "";
        }
        LocalDate start = days.get(0).day();
        LocalDate today = days.get(days.size() - 1).day();
        LocalDate end = deadline.isAfter(today) ? deadline : today;
        long span = Math.max(1, ChronoUnit.DAYS.between(start, end));
        int top = Math.max(1, required);
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(description))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        // the axes, the goal (everyone signed) and the deadline
        line(svg, LEFT, y(0, top), WIDTH - RIGHT, y(0, top), "#4b5563", null);
        line(svg, LEFT, TOP, LEFT, y(0, top), "#4b5563", null);
        line(svg, LEFT, y(top, top), WIDTH - RIGHT, y(top, top), "#4b5563", "4 4");
        double deadlineX = x(ChronoUnit.DAYS.between(start, deadline), span);
        line(svg, deadlineX, TOP, deadlineX, y(0, top), "#b91c1c", "6 3");
        text(svg, LEFT - 6, y(top, top) + 4, "end", String.valueOf(required));
        text(svg, LEFT - 6, y(0, top) + 4, "end", "0");
        text(svg, LEFT, HEIGHT - 10, "start", startLabel);
        text(svg, Math.min(deadlineX, WIDTH - RIGHT), HEIGHT - 10, "end", deadlineLabel);
        // the signatures, day by day: a line through the days, and a dot on each (the first day of a rollout is
        // a dot alone)
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (SignedBy day : days) {
            double x = x(ChronoUnit.DAYS.between(start, day.day()), span);
            double y = y(Math.min(day.signed(), top), top);
            line.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(
                    java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#0f766e\"/>", x, y));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#0f766e\" stroke-width=\"3\" points=\"")
                .append(line.toString().strip())
                .append("\"/>")
                .append(dots)
                .append("</svg>");
        return svg.toString();
    }

    private static double x(long day, long span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) day / span;
    }

    private static double y(int signed, int top) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (double) signed / top);
    }

    private static void line(
            StringBuilder svg, double x1, double y1, double x2, double y2, String colour, String dash) {
        svg.append(String.format(
                java.util.Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"%s/>",
                x1,
                y1,
                x2,
                y2,
                colour,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append(String.format(
                        java.util.Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"13\" fill=\"#1f2937\">",
                        x,
                        y,
                        anchor))
                .append(Html.escape(text))
                .append("</text>");
    }
}
