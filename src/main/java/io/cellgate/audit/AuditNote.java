package io.cellgate.audit;

import io.cellgate.common.id.TenantId;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * What a piece of audited work adds to its record beyond its actor: the fields it changed, before and after, and the
 * tenant it turned out to concern when its actor acts for none (carrier ops deleting a pool, say). Never pass secrets.
 */
public final class AuditNote {
    private JsonObject changes;
    private TenantId concerned;

    public void changes(Map<String, ?> before, Map<String, ?> after) {
        changes = new JsonObject().put("before", new JsonObject(new HashMap<>(before)))
                .put("after", new JsonObject(new HashMap<>(after)));
    }

    public void concerns(TenantId tenant) {
        concerned = tenant;
    }

    JsonObject changes() {
        return changes;
    }

    TenantId concerned() {
        return concerned;
    }
}
