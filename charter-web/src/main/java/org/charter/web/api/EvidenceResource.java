package org.charter.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.charter.service.api.AcknowledgementRecord;
import org.charter.service.api.ApiEvidence;
import org.charter.service.api.ComplaintRecord;
import org.charter.service.api.ComplianceRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Compliance, signatures and complaints for reports and auditors, with the READ scope. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence")
@SecurityRequirement(name = ApiApplication.TOKEN)
public class EvidenceResource {

    @Inject
    ApiEvidence evidence;

    @GET
    @Path("compliance")
    @Operation(summary = "Who has signed a version, store by store: required, completed, excused, still open.")
    @APIResponse(responseCode = "200", description = "Every store of the franchise, by code.")
    @APIResponse(responseCode = "404", description = "No such version, or none in rollout or in force.")
    public ComplianceRecord compliance(
            @Parameter(description = "The version's number; without it, the version in rollout, else the one in force.")
                    @QueryParam("version")
                    Integer version) {
        return evidence.compliance(version);
    }

    @GET
    @Path("acknowledgements")
    @Operation(
            summary = "The signatures in the order they were made. Every page has a next cursor: come back with it to"
                    + " read only what is new.")
    @APIResponse(responseCode = "200", description = "One page; an empty one means nothing new yet.")
    public ListPage<AcknowledgementRecord> acknowledgements(
            @Parameter(description = "The next cursor of the page before.") @QueryParam("after") String after,
            @Parameter(description = "Signatures per page, at most 500.") @QueryParam("limit") @DefaultValue("100")
                    int limit) {
        return Cursors.page(evidence.acknowledgements(Cursors.after(after), limit));
    }

    @GET
    @Path("complaints")
    @Operation(
            summary = "Customers' complaints in the order they came in, with their deadlines and whether they were"
                    + " missed, without the customers' contact details. Every page has a next cursor: come back with it"
                    + " to read only what is new.")
    @APIResponse(responseCode = "200", description = "One page; an empty one means nothing new yet.")
    public ListPage<ComplaintRecord> complaints(
            @Parameter(description = "The next cursor of the page before.") @QueryParam("after") String after,
            @Parameter(description = "Complaints per page, at most 500.") @QueryParam("limit") @DefaultValue("100")
                    int limit) {
        return Cursors.page(evidence.complaints(Cursors.after(after), limit));
    }
}
