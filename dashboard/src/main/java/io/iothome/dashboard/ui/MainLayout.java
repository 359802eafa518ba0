package io.iothome.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.shared.Registration;
import io.iothome.dashboard.store.ResultStore;
import io.iothome.dashboard.store.StoreUnavailableException;

/**
 * The frame of every view: the navigation and a banner while Cassandra is unreachable. The page
 * checks Cassandra every few seconds; when it returns, the banner goes and the view reloads.
 */
public class MainLayout extends AppLayout {

    static final int STORE_CHECK_MILLIS = 4000;

    private final ResultStore store;
    private final Div banner = new Div();
    private final VerticalLayout frame = new VerticalLayout();
    private HasElement view;
    private Registration polling;

    public MainLayout(ResultStore store) {
        this.store = store;

        H1 title = new H1("iothome");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        addToNavbar(new DrawerToggle(), title);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Explore", ExploreView.class));
        nav.addItem(new SideNavItem("Energy", EnergyView.class));
        nav.addItem(new SideNavItem("Models", ModelsView.class));
        nav.addItem(new SideNavItem("Live", LiveView.class));
        addToDrawer(nav);

        banner.setId("store-banner");
        banner.getStyle()
                .set("background", "var(--lumo-error-color-10pct)")
                .set("color", "var(--lumo-error-text-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("width", "100%")
                .set("box-sizing", "border-box");
        banner.setVisible(false);
        frame.setPadding(false);
        frame.setSizeFull();
        frame.add(banner);
        setContent(frame);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        if (view != null) {
            frame.remove((Component) view);
        }
        view = content;
        frame.add((Component) content);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        ui.setPollInterval(STORE_CHECK_MILLIS);
        polling = ui.addPollListener(poll -> checkStore());
        checkStore();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    Div banner() {
        return banner;
    }

    /** Shows or hides the banner; on recovery, reloads the view's data. */
    void checkStore() {
        boolean wasDown = banner.isVisible();
        try {
            store.ping();
            banner.setVisible(false);
            if (wasDown && view instanceof Refreshable refreshable) {
                refreshable.refresh();
            }
        } catch (StoreUnavailableException e) {
            banner.setText(e.getMessage() + ". Retrying every few seconds.");
            banner.setVisible(true);
        }
    }
}
