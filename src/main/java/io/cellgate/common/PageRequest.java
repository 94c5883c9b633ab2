package io.cellgate.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list takes: how many items, and where the previous page stopped. */
public class PageRequest {
    public static final int MAX_LIMIT = 1000;

    @QueryParam("limit")
    @DefaultValue("100")
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Items per page, 1 to 1000")
    Integer limit;

    @QueryParam("cursor")
    @Size(max = Cursor.MAX_LENGTH)
    @Pattern(regexp = Cursor.PATTERN, message = "not a cursor returned by this API")
    @Parameter(description = "next_cursor of the previous page")
    String cursor;

    public int limit() {
        return limit;
    }

    public String cursor() {
        return cursor;
    }
}
