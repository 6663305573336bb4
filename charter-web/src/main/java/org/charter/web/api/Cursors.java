package org.charter.web.api;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.charter.model.common.BusinessException;
import org.charter.service.api.Slice;

/** The opaque parts of the API: list cursors, and entity tags made of record versions. */
final class Cursors {

    private Cursors() {}

    static <T> ListPage<T> page(Slice<T> slice) {
        return new ListPage<>(
                slice.items(),
                slice.next() == null
                        ? null
                        : Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(slice.next().getBytes(StandardCharsets.UTF_8)));
    }

    /** The key a cursor stands for; a cursor this API did not make is refused. */
    static String after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BusinessException("api.error.cursor");
        }
    }

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} names, or null without one; a tag this API did not make is refused. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new BusinessException("api.error.ifMatch");
        }
    }
}
