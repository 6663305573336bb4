package org.charter.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.service.api.VersionMismatch;
import org.charter.service.database.DatabaseOutage;

/** Every failure of the API as problem details in the caller's language; nothing else reaches the client. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    static Response answer(HttpHeaders headers, BusinessException e) {
        int status;
        if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof AccessDeniedException) {
            return Problem.answer(headers, 403, "api.error.scope");
        } else if (e instanceof VersionMismatch) {
            status = 412;
        } else {
            status = 422;
        }
        return Problem.answer(headers, status, e.getMessageKey(), e.getArguments());
    }

    /** What the caller can act on: not found, not allowed, changed meanwhile, or a rule of the product. */
    @Provider
    public static class Business implements ExceptionMapper<BusinessException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(BusinessException e) {
            return answer(headers, e);
        }
    }

    /** The framework's own refusals: an unknown path, a wrong method, a body that is not the JSON expected. */
    @Provider
    public static class Framework implements ExceptionMapper<WebApplicationException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String key = status == 404 ? "api.error.noSuchPath" : status == 405 ? "api.error.method" : "api.error.body";
            return Problem.answer(headers, status >= 500 ? 500 : status, key);
        }
    }

    /** Anything else is ours to fix: logged, and answered without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(RuntimeException e) {
            BusinessException cause = businessCause(e);
            if (cause != null) {
                return answer(headers, cause);
            }
            if (e instanceof ProcessingException || e instanceof JsonbException) {
                // a body that is not JSON, or not the JSON of the record
                return Problem.answer(headers, 400, "api.error.body");
            }
            if (DatabaseOutage.causedBy(e)) {
                LOG.log(Level.WARNING, "Database unavailable, API call answered 503");
                return Response.fromResponse(Problem.answer(headers, 503, "api.error.outage"))
                        .header(HttpHeaders.RETRY_AFTER, 30)
                        .build();
            }
            LOG.log(Level.SEVERE, "API call failed", e);
            return Problem.answer(headers, 500, "api.error.internal");
        }

        private static BusinessException businessCause(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BusinessException business) {
                    return business;
                }
            }
            return null;
        }
    }
}
