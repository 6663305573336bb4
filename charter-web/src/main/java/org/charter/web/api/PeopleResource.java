package org.charter.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.charter.service.api.Idempotency;
import org.charter.service.api.PersonRecord;
import org.charter.service.api.Upserted;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The franchise's people by employee number, for an HR or payroll sync: read with the READ scope, hired, changed,
 * sent on leave, let go and rehired with WRITE_PEOPLE.
 */
@Path("v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
@SecurityRequirement(name = ApiApplication.TOKEN)
public class PeopleResource {

    /** What a write answers: the person as now, and for a new person the one-time code to choose a password. */
    public record Written(PersonRecord person, String setupCode) {}

    @Inject
    ApiDirectory directory;

    @GET
    @Operation(summary = "Lists everybody of the franchise, a page at a time, with the store they work in.")
    @APIResponse(responseCode = "200", description = "One page; pass its next cursor as after for the following one.")
    public ListPage<PersonRecord> list(
            @Parameter(description = "The next cursor of the page before.") @QueryParam("after") String after,
            @Parameter(description = "People per page, at most 500.") @QueryParam("limit") @DefaultValue("100")
                    int limit) {
        return Cursors.page(directory.people(Cursors.after(after), limit));
    }

    @GET
    @Path("{employeeNumber}")
    @Operation(summary = "Reads one person; the ETag goes into If-Match when changing them.")
    @APIResponse(responseCode = "200", description = "The person.")
    @APIResponse(responseCode = "404", description = "Nobody of this franchise has this employee number.")
    public Response get(@PathParam("employeeNumber") String employeeNumber) {
        PersonRecord person = directory.person(employeeNumber);
        return Response.ok(person).tag(Cursors.tag(person.version())).build();
    }

    @PUT
    @Path("{employeeNumber}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Hires the person with this employee number, or makes them as sent: name, e-mail, language,"
                    + " hire date, store (a move takes their open training along) and status (ACTIVE, ON_LEAVE,"
                    + " LEFT). Sending the same person again changes nothing.")
    @APIResponse(responseCode = "201", description = "Hired; setupCode lets them choose a password, once.")
    @APIResponse(responseCode = "200", description = "Changed, or already as sent.")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer the person's.")
    @APIResponse(responseCode = "422", description = "The person breaks a rule; the detail says which.")
    public Response put(
            @PathParam("employeeNumber") String employeeNumber,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PersonRecord person,
            @Context UriInfo uri) {
        Upserted<PersonRecord> written =
                directory.putPerson(employeeNumber, Bodies.required(person), Cursors.ifMatch(ifMatch));
        Response.ResponseBuilder answer = written.created()
                ? Response.created(uri.getAbsolutePathBuilder().build())
                : Response.ok();
        return answer.entity(new Written(written.record(), written.setupCode()))
                .tag(Cursors.tag(written.record().version()))
                .build();
    }

    @POST
    @Path("{employeeNumber}/access-codes")
    @Operation(
            summary = "Issues the person a new one-time code to choose a password; their other sessions end. Send an"
                    + " Idempotency-Key: the same key again (within a day) answers the same code instead of a new one.")
    @APIResponse(responseCode = "201", description = "The code, with the person's employee number and username.")
    @APIResponse(responseCode = "404", description = "Nobody of this franchise has this employee number.")
    @APIResponse(
            responseCode = "422",
            description = "The person has left, or the key was used for another request, or it is not 1 to 255"
                    + " visible characters.")
    public Response issueAccessCode(
            @PathParam("employeeNumber") String employeeNumber,
            @Parameter(description = "Any unique string of 1 to 255 visible characters, e.g. a UUID.")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey) {
        Idempotency.Answer answer = directory.issueAccessCode(employeeNumber, idempotencyKey);
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body())
                .header("Cache-Control", "no-store");
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
