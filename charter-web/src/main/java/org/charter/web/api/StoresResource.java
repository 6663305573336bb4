package org.charter.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.charter.service.api.ApiDirectory;
import org.charter.service.api.StoreRecord;
import org.charter.service.api.Upserted;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The franchise's stores by store code: read with the READ scope, created and changed with WRITE_STORES. */
@Path("v1/stores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stores")
@SecurityRequirement(name = ApiApplication.TOKEN)
public class StoresResource {

    @Inject
    ApiDirectory directory;

    @GET
    @Operation(summary = "Lists the stores by code, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page; pass its next cursor as after for the following one.")
    public ListPage<StoreRecord> list(
            @Parameter(description = "The next cursor of the page before.") @QueryParam("after") String after,
            @Parameter(description = "Stores per page, at most 500.") @QueryParam("limit") @DefaultValue("100")
                    int limit) {
        return Cursors.page(directory.stores(Cursors.after(after), limit));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Reads one store; its ETag goes into If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The store.")
    @APIResponse(responseCode = "404", description = "No store of this franchise has this code.")
    public Response get(@PathParam("code") String code) {
        StoreRecord store = directory.store(code);
        return Response.ok(store).tag(Cursors.tag(store.version())).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Creates the store with this code, or makes it as sent; sending the same store again"
                    + " changes nothing.")
    @APIResponse(responseCode = "201", description = "Created.")
    @APIResponse(responseCode = "200", description = "Changed, or already as sent.")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer the store's.")
    @APIResponse(responseCode = "422", description = "The store breaks a rule; the detail says which.")
    public Response put(
            @PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            StoreRecord store,
            @Context UriInfo uri) {
        Upserted<StoreRecord> written = directory.putStore(code, Bodies.required(store), Cursors.ifMatch(ifMatch));
        Response.ResponseBuilder answer = written.created()
                ? Response.created(uri.getAbsolutePathBuilder().build())
                : Response.ok();
        return answer.entity(written.record())
                .tag(Cursors.tag(written.record().version()))
                .build();
    }
}
