package org.charter.web.shell;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.persistence.OptimisticLockException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;

/**
 * Turns the services' expected failures into what the user should see, in their language: a message on the
 * same page after a form post, or a 404/403 page when a link (GET) named something the caller may not see.
 * Anything else goes on to the next handler, which shows the error page without details.
 */
public class BusinessExceptionHandler extends ExceptionHandlerWrapper {

    public BusinessExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            if (org.charter.service.database.DatabaseOutage.causedBy(thrown)) {
                // ajax requests never reach the outage filter: the error page handler would answer them first
                events.remove();
                sendOutage(context);
                continue;
            }
            Optional<BusinessException> business = find(thrown, BusinessException.class);
            if (business.isEmpty()
                    && find(thrown, OptimisticLockException.class).isPresent()) {
                business = Optional.of(new BusinessException("error.concurrentChange"));
            }
            if (business.isEmpty()) {
                continue;
            }
            events.remove();
            BusinessException e = business.get();
            boolean postback =
                    context.isPostback() || context.getPartialViewContext().isAjaxRequest();
            if (!postback && (e instanceof NotFoundException || e instanceof AccessDeniedException)) {
                sendError(context, e instanceof NotFoundException ? 404 : 403);
            } else {
                Texts.error(e);
                context.validationFailed();
                if (context.getPartialViewContext().isAjaxRequest()) {
                    context.getPartialViewContext().getRenderIds().add("messages");
                }
            }
        }
        getWrapped().handle();
    }

    private static void sendOutage(FacesContext context) {
        if (context.getResponseComplete()) {
            return;
        }
        try {
            OutagePage.send(
                    (jakarta.servlet.http.HttpServletRequest)
                            context.getExternalContext().getRequest(),
                    (jakarta.servlet.http.HttpServletResponse)
                            context.getExternalContext().getResponse());
        } catch (IOException e) {
            throw new FacesException(e);
        }
        context.responseComplete();
    }

    private static void sendError(FacesContext context, int status) {
        try {
            context.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new FacesException(e);
        }
        context.responseComplete();
    }

    private static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new BusinessExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
