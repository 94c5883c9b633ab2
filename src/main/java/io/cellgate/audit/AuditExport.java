package io.cellgate.audit;

import io.cellgate.common.Page;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Streams a trail of any length as JSON Lines or CSV: pages of 1,000 records are read one after the other and written
 * as they come, so memory stays flat however many records match.
 */
@ApplicationScoped
public class AuditExport {
    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";
    private static final int PAGE = 1000;
    private static final List<String> CSV_COLUMNS = List.of("id", "chain", "seq", "at", "tenant_id", "subject", "roles",
            "mfa", "client_ip", "user_agent", "request_id", "action", "method", "target", "outcome", "status",
            "changes", "hash");

    @Inject
    AuditService audit;

    /** The records themselves: for JSON Lines the framework writes each as one line of JSON. */
    Multi<AuditRecordView> jsonLines(AuditService.Filter filter) {
        return records(filter);
    }

    Multi<String> csv(AuditService.Filter filter) {
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(String.join(",", CSV_COLUMNS) + "\n"),
                records(filter).map(AuditExport::csvLine));
    }

    private Multi<AuditRecordView> records(AuditService.Filter filter) {
        return pages(filter, null).onItem().transformToIterable(Page::items);
    }

    private Multi<Page<AuditRecordView>> pages(AuditService.Filter filter, String cursor) {
        Uni<Page<AuditRecordView>> page = audit.list(filter, PAGE, cursor);
        return page.toMulti().onItem().transformToMultiAndConcatenate(current -> current.nextCursor() == null
                ? Multi.createFrom().item(current)
                : Multi.createBy().concatenating().streams(Multi.createFrom().item(current),
                        pages(filter, current.nextCursor())));
    }

    private static String csvLine(AuditRecordView r) {
        return Stream.of(r.id(), r.chain(), r.seq(), r.at(), r.tenantId() == null ? null : r.tenantId().value(), r.subject(), String.join(" ", r.roles()),
                        r.mfa(), r.clientIp(), r.userAgent(), r.requestId(), r.action(), r.method(), r.target(),
                        r.outcome(), r.status(), r.changes() == null ? null : new JsonObject(r.changes()).encode(), r.hash())
                .map(AuditExport::csvField).collect(Collectors.joining(",")) + "\n";
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // a spreadsheet must not read a field as a formula
        }
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
