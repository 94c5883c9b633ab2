package io.cellgate.sim.store;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.common.id.Msisdn;
import io.cellgate.common.id.TenantId;
import io.cellgate.sim.SimAction;
import io.cellgate.sim.SimStatus;
import io.cellgate.sim.SimView;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Maps rows of the sims table to the API view, and labels between the API and jsonb. */
public final class SimRows {
    static final String COLUMNS =
            "iccid, imsi, msisdn, tenant_id, status, name, labels, version, created_at, updated_at, activated_at,"
                    + " profile_id, imei_last_seen";

    private SimRows() {
    }

    static SimView toView(Row row) {
        SimStatus status = SimStatus.fromDb(row.getString("status"));
        String msisdn = row.getString("msisdn");
        String tenant = row.getString("tenant_id");
        return new SimView(Iccid.parse(row.getString("iccid")), Imsi.parse(row.getString("imsi")),
                msisdn == null ? null : Msisdn.parse(msisdn), tenant == null ? null : TenantId.parse(tenant), status,
                row.getString("name"), labels(row.getJsonObject("labels")), SimAction.allowedFrom(status),
                row.getLong("version"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("updated_at")), instant(row.getOffsetDateTime("activated_at")),
                row.getUUID("profile_id"), row.getString("imei_last_seen"));
    }

    public static Map<String, String> labels(JsonObject json) {
        Map<String, String> labels = new TreeMap<>();
        if (json != null) {
            json.forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return labels;
    }

    public static JsonObject toJson(Map<String, String> labels) {
        return new JsonObject(new LinkedHashMap<>(labels == null ? Map.of() : labels));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
