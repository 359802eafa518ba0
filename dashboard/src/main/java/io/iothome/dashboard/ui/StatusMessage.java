package io.iothome.dashboard.ui;

import com.vaadin.flow.component.html.Div;

/** The line a view shows instead of data: nothing written yet, or the store unreachable. */
public class StatusMessage extends Div {

    public StatusMessage() {
        addClassName("status-message");
        getStyle()
                .set("padding", "var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-l)");
        setVisible(false);
    }

    /** "No data yet: run the batch job": the table exists and is empty. */
    public void noData(String whatToRun) {
        setText("No data yet: " + whatToRun + ".");
        getElement().setAttribute("kind", "no-data");
        getStyle().set("color", "var(--lumo-secondary-text-color)");
        setVisible(true);
    }

    public void failed(String message) {
        setText(message);
        getElement().setAttribute("kind", "error");
        getStyle().set("color", "var(--lumo-error-text-color)");
        setVisible(true);
    }

    public void clear() {
        setText("");
        getElement().removeAttribute("kind");
        setVisible(false);
    }
}
