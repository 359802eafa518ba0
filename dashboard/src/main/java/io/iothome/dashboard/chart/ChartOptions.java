package io.iothome.dashboard.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ECharts options for the dashboard's few kinds of chart. Every chart has a title and named axes
 * (the unit in the name); values arrive already in display units.
 */
public final class ChartOptions {

    /** One named series of values, aligned with the chart's categories; null is a gap. */
    public record Series(String name, List<Double> values) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A value axis turns logarithmic when all values are positive and span this many times. */
    static final double LOG_SCALE_SPAN = 100;

    private ChartOptions() {}

    /** Bars side by side per category: avg, min and max of an attribute per month, say. */
    public static ObjectNode groupedBars(
            String title, String xName, List<String> categories, String yName, List<Series> bars) {
        ObjectNode option = base(title, xName, categories, yName, logScaleFits(bars));
        ArrayNode series = option.putArray("series");
        for (Series bar : bars) {
            ObjectNode s = series.addObject().put("name", bar.name()).put("type", "bar");
            s.set("data", numbers(bar.values()));
        }
        return option;
    }

    /** Bars stacked per category: the parts of a total (kWh per appliance per month, say). */
    public static ObjectNode stackedBars(
            String title, String xName, List<String> categories, String yName, List<Series> bars) {
        ObjectNode option = groupedBars(title, xName, categories, yName, List.of());
        ArrayNode series = option.putArray("series");
        for (Series bar : bars) {
            ObjectNode s = series.addObject().put("name", bar.name()).put("type", "bar");
            s.put("stack", "total").set("data", numbers(bar.values()));
        }
        return option;
    }

    /** Lines over the categories (time, day of year, hour). */
    public static ObjectNode lines(
            String title, String xName, List<String> categories, String yName, List<Series> lines) {
        ObjectNode option = base(title, xName, categories, yName, false);
        ArrayNode series = option.putArray("series");
        for (Series line : lines) {
            ObjectNode s = series.addObject().put("name", line.name()).put("type", "line");
            s.put("showSymbol", false).put("connectNulls", false);
            s.set("data", numbers(line.values()));
        }
        return option;
    }

    /**
     * The average as a line with the min–max range as a shaded band: an invisible series at the
     * minimum and, stacked on it, the range (max − min) filled.
     */
    public static ObjectNode bandLine(
            String title,
            String xName,
            List<String> categories,
            String yName,
            List<Double> avg,
            List<Double> min,
            List<Double> max) {
        ObjectNode option = base(title, xName, categories, yName, false);
        ((ObjectNode) option.get("legend")).putArray("data").add("average").add("min–max range");
        ArrayNode series = option.putArray("series");

        ObjectNode floor = series.addObject().put("name", "min").put("type", "line");
        floor.put("stack", "range").put("showSymbol", false).put("silent", true);
        floor.putObject("lineStyle").put("opacity", 0);
        floor.set("data", numbers(min));

        ObjectNode range = series.addObject().put("name", "min–max range").put("type", "line");
        range.put("stack", "range").put("showSymbol", false);
        range.putObject("lineStyle").put("opacity", 0);
        range.putObject("areaStyle").put("opacity", 0.3);
        ArrayNode spans = range.putArray("data");
        for (int i = 0; i < categories.size(); i++) {
            Double low = min.get(i);
            Double high = max.get(i);
            if (low == null || high == null) {
                spans.addNull();
            } else {
                spans.add(high - low);
            }
        }

        ObjectNode mean = series.addObject().put("name", "average").put("type", "line");
        mean.put("showSymbol", false);
        mean.set("data", numbers(avg));
        return option;
    }

    /** Bars with values of one series and no legend: a distribution or a total per category. */
    public static ObjectNode bars(
            String title,
            String xName,
            List<String> categories,
            String yName,
            List<Double> values) {
        ObjectNode option =
                groupedBars(title, xName, categories, yName, List.of(new Series(yName, values)));
        option.remove("legend");
        return option;
    }

    private static ObjectNode base(
            String title, String xName, List<String> categories, String yName, boolean logScale) {
        ObjectNode option = JSON.objectNode();
        option.putObject("title").put("text", title).put("left", "center");
        // drawn at once: a chart is complete as soon as it shows (and in the screenshots)
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 28);
        option.putObject("grid").put("top", 70).put("left", 70).put("right", 30).put("bottom", 60);

        ObjectNode x = option.putObject("xAxis").put("type", "category").put("name", xName);
        x.put("nameLocation", "middle").put("nameGap", 35);
        ArrayNode labels = x.putArray("data");
        categories.forEach(labels::add);

        ObjectNode y = option.putObject("yAxis").put("name", yName).put("nameLocation", "middle");
        y.put("nameGap", 50).put("type", logScale ? "log" : "value").put("scale", true);
        return option;
    }

    /** True when every value is positive and the largest is 100 or more times the smallest. */
    static boolean logScaleFits(List<Series> series) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v == null) {
                    continue;
                }
                if (v <= 0) {
                    return false;
                }
                smallest = Math.min(smallest, v);
                largest = Math.max(largest, v);
            }
        }
        return largest > 0 && largest / smallest >= LOG_SCALE_SPAN;
    }

    private static ArrayNode numbers(List<Double> values) {
        ArrayNode array = JSON.arrayNode();
        for (Double v : values) {
            if (v == null || v.isNaN()) {
                array.addNull();
            } else {
                array.add(v);
            }
        }
        return array;
    }
}
