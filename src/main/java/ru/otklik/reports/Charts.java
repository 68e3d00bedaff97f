package ru.otklik.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Server-rendered SVG bar charts: geometry computed here, drawn by the template (no script, no inline style).
 */
final class Charts {

    static final int WIDTH = 640;
    static final int BAR_HEIGHT = 18;
    static final int GAP = 8;
    /** Bars start at the left edge; each rule's Russian name is written on its own line above its bar. */
    static final int LABEL_WIDTH = 0;

    static final int LABEL_HEIGHT = 16;

    /** One bar: met (green) then breached (red), scaled to the longest bar. */
    record Bar(String label, long met, long breached) {}

    /** A drawn bar: its row's y and the two segments' widths. */
    record DrawnBar(String label, long met, long breached, int y, int metWidth, int breachedWidth) {

        public int labelY() {
            return y + LABEL_HEIGHT - 4;
        }

        public int barY() {
            return y + LABEL_HEIGHT;
        }

        public int textY() {
            return barY() + BAR_HEIGHT - 4;
        }

        public int breachedX() {
            return LABEL_WIDTH + metWidth;
        }

        public int countX() {
            return LABEL_WIDTH + metWidth + breachedWidth + 6;
        }
    }

    /** The drawn chart and its total height. */
    record Chart(List<DrawnBar> bars, int height, int labelWidth, int barHeight) {}

    private Charts() {}

    static Chart bars(List<Bar> bars) {
        long max = bars.stream().mapToLong(b -> b.met() + b.breached()).max().orElse(0);
        int room = WIDTH - LABEL_WIDTH - 60;
        List<DrawnBar> drawn = new ArrayList<>();
        int y = 0;
        for (Bar bar : bars) {
            int met = max == 0 ? 0 : (int) Math.round((double) bar.met() / max * room);
            int breached = max == 0 ? 0 : (int) Math.round((double) bar.breached() / max * room);
            drawn.add(new DrawnBar(bar.label(), bar.met(), bar.breached(), y, met, breached));
            y += LABEL_HEIGHT + BAR_HEIGHT + GAP;
        }
        return new Chart(drawn, Math.max(y, BAR_HEIGHT), LABEL_WIDTH, BAR_HEIGHT);
    }
}
