package io.iothome.dashboard.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.iothome.dashboard.chart.EChart;
import java.util.List;

/** A chart with the table of its numbers one click away ("Show table"). */
public class ChartPanel extends VerticalLayout {

    private final EChart chart = new EChart();
    private final Button toggle = new Button("Show table");
    private final Grid<List<String>> table = new Grid<>();
    private TableData data;

    public ChartPanel(String id) {
        setId(id);
        setPadding(false);
        setSpacing(false);
        chart.setId(id + "-chart");
        toggle.setId(id + "-table-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(click -> setTableVisible(!table.isVisible()));
        table.setId(id + "-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setMaxHeight("400px");
        table.setVisible(false);
        add(chart, toggle, table);
    }

    public void show(ObjectNode option, TableData data) {
        this.data = data;
        chart.setOption(option);
        table.removeAllColumns();
        for (int i = 0; i < data.headers().size(); i++) {
            int column = i;
            table.addColumn(row -> row.get(column))
                    .setHeader(data.headers().get(i))
                    .setKey("c" + i)
                    .setAutoWidth(true);
        }
        table.setItems(data.rows());
        // short tables show whole (and read whole in the browser tests); long ones scroll
        table.setAllRowsVisible(data.rows().size() <= 40);
        setVisible(true);
    }

    public void setTableVisible(boolean visible) {
        table.setVisible(visible);
        toggle.setText(visible ? "Hide table" : "Show table");
    }

    public EChart chart() {
        return chart;
    }

    public Grid<List<String>> table() {
        return table;
    }

    public TableData data() {
        return data;
    }
}
