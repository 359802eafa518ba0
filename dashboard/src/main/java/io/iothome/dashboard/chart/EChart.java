package io.iothome.dashboard.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * One Apache ECharts chart (our own {@code <iothome-chart>} Lit element). The option is built on
 * the server with {@link ChartOptions} and sent as JSON; the browser draws it as SVG.
 */
@Tag("iothome-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./iothome-chart.js")
public class EChart extends Component implements HasSize {

    private ObjectNode option;

    public EChart() {
        setWidthFull();
    }

    /** Replaces the drawn chart. */
    public void setOption(ObjectNode option) {
        this.option = option;
        getElement().setProperty("option", option.toString());
    }

    /** The option last sent to the browser, for tests and for the table behind the chart. */
    public ObjectNode option() {
        return option;
    }

    /** The chart's title as sent, or an empty string. */
    public String title() {
        return option == null ? "" : option.path("title").path("text").asText("");
    }
}
