package org.charter.web.shell;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.Map;

/**
 * Forgets the view map of a stateless page ({@code <f:view transient>}: the sign-in page, the dashboard) once it
 * is rendered. Such a page is never restored, yet PrimeFaces keeps its script nonce in a view map and Faces keeps
 * every view map in the session (up to 25), so each visit of the dashboard would otherwise leave one behind in the
 * replicated session.
 */
public class StatelessViews implements SystemEventListener {

    /** Where Faces (Mojarra) keeps a view's map id, and the session's active view maps by that id. */
    private static final String VIEW_MAP_ID = "com.sun.faces.application.view.viewMapId";

    private static final String ACTIVE_VIEW_MAPS = "com.sun.faces.application.view.activeViewMaps";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot root && root.isTransient();
    }

    @Override
    public void processEvent(SystemEvent event) {
        UIViewRoot root = (UIViewRoot) event.getSource();
        Map<String, Object> viewMap = root.getViewMap(false);
        if (viewMap == null) {
            return;
        }
        Object id = root.getTransientStateHelper().getTransient(VIEW_MAP_ID);
        // destroys the map's beans
        viewMap.clear();
        ExternalContext external = event.getFacesContext().getExternalContext();
        if (id != null
                && external.getSession(false) != null
                && external.getSessionMap().get(ACTIVE_VIEW_MAPS) instanceof Map<?, ?> active) {
            synchronized (active) {
                active.remove(id);
            }
        }
    }
}
