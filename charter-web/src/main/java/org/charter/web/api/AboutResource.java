package org.charter.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.charter.model.franchise.Language;

/** Public, read-only: what this installation is and which languages it speaks. */
@Path("about")
public class AboutResource {

    /** The product and its languages. */
    public record About(String product, List<String> languages) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public About about() {
        return new About("Charter", Language.tags());
    }
}
