package org.charter.web.shell;

import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Ties each field's error to the field: before a view is rendered, every input with a message gets
 * {@code aria-describedby} naming the message's item in the page's message list ({@link PageMessages}), so a screen
 * reader reads the error when the field takes the focus. The fields marked on the last rendering are unmarked
 * first, so a corrected field no longer points at an error that is gone.
 */
public class FieldErrors implements SystemEventListener {

    private static final String MARKED = FieldErrors.class.getName();
    private static final String DESCRIBED_BY = "aria-describedby";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot root = (UIViewRoot) event.getSource();
        @SuppressWarnings("unchecked")
        Set<String> before = (Set<String>) root.getAttributes().remove(MARKED);
        if (before != null) {
            for (String clientId : before) {
                root.invokeOnComponent(
                        context,
                        clientId,
                        (c, field) -> field.getPassThroughAttributes().remove(DESCRIBED_BY));
            }
        }
        Set<String> marked = new HashSet<>();
        for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId != null) {
                root.invokeOnComponent(context, clientId, (c, field) -> {
                    if (field instanceof UIInput) {
                        field.getPassThroughAttributes().put(DESCRIBED_BY, PageMessages.idFor(clientId));
                        marked.add(clientId);
                    }
                });
            }
        }
        if (!marked.isEmpty()) {
            root.getAttributes().put(MARKED, marked);
        }
    }
}
