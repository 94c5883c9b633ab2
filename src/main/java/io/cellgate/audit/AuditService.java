package io.cellgate.audit;

import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.DataScope;
import io.cellgate.common.Page;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.id.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reading and verifying the trail. A tenant reads its own chain; carrier ops read every chain. */
@ApplicationScoped
public class AuditService {
    private static final String COLUMNS = "id, chain, seq, at, tenant_id, subject, roles, mfa, client_ip, user_agent,"
            + " request_id, action, method, target, outcome, status, changes, hash";

    static final int LINK_BATCH = 100_000;

    /** audit_link works whatever the scope (it runs with the owner's rights), so the linker needs none. */
    @Inject
    Pool pool;
    @Inject
    ScopedDatabase db;

    /** Filters of the trail; every one but the scope is optional. {@code tenantId} null means all tenants. */
    public record Filter(DataScope scope, TenantId tenant, Instant from, Instant to, String subject, String action,
                         String target, String outcome) {
    }

    public Uni<Page<AuditRecordView>> list(Filter filter, int limit, String cursor) {
        List<String> where = new ArrayList<>();
        Tuple params = Tuple.tuple();
        add(where, params, "tenant_id = $", filter.tenant() == null ? null : filter.tenant().value());
        add(where, params, "at >= $", filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
        add(where, params, "at < $", filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC));
        add(where, params, "subject = $", filter.subject());
        add(where, params, "action = $", filter.action());
        add(where, params, "starts_with(target, $)", filter.target());
        add(where, params, "outcome = $", filter.outcome());
        add(where, params, "id > $", Cursor.decode(cursor, Long::valueOf));
        params.addValue(limit + 1);
        String sql = "SELECT " + COLUMNS + " FROM audit_records"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id LIMIT $" + params.size();
        return db.query(filter.scope(), sql, params).map(rows -> {
            List<AuditRecordView> records = new ArrayList<>();
            rows.forEach(row -> records.add(toView(row)));
            return Page.of(records, limit, r -> Long.toString(r.id()));
        });
    }

    /** Links what is still unlinked first, so the answer covers every committed record. */
    public Uni<AuditVerification> verify(DataScope scope, String chain) {
        return link().flatMap(linked -> db.transaction(scope, tx -> tx
                        .preparedQuery("SELECT checked, first_broken FROM audit_verify($1)").execute(Tuple.of(chain))))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Long broken = row.getLong("first_broken");
                    return new AuditVerification(chain, row.getLong("checked"), broken == null, broken);
                });
    }

    /** Links committed records into their chains (see audit_link); returns how many. */
    public Uni<Integer> link() {
        return pool.preparedQuery("SELECT audit_link($1)").execute(Tuple.of(LINK_BATCH))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** Seconds the oldest committed record has waited to be linked (0 when none waits). */
    public Uni<Double> unlinkedAge() {
        return pool.query("SELECT audit_unlinked_age()").execute().map(rows -> rows.iterator().next().getDouble(0));
    }

    public Uni<List<String>> chains(Actor actor) {
        return db.transaction(actor.allTenants(), tx -> tx.query("SELECT chain FROM audit_chains ORDER BY chain")
                .execute()).map(rows -> {
            List<String> chains = new ArrayList<>();
            rows.forEach(row -> chains.add(row.getString(0)));
            return chains;
        });
    }

    private static void add(List<String> where, Tuple params, String clause, Object value) {
        if (value != null) {
            params.addValue(value);
            where.add(clause.replace("$", "$" + params.size()));
        }
    }

    private static AuditRecordView toView(Row row) {
        String tenant = row.getString("tenant_id");
        return new AuditRecordView(row.getLong("id"), row.getString("chain"), row.getLong("seq"),
                row.getOffsetDateTime("at").toInstant(), tenant == null ? null : TenantId.parse(tenant),
                row.getString("subject"),
                List.of(row.getArrayOfStrings("roles")), row.getBoolean("mfa"), row.getString("client_ip"),
                row.getString("user_agent"), row.getString("request_id"), row.getString("action"),
                row.getString("method"), row.getString("target"), row.getString("outcome"), row.getInteger("status"),
                row.getJsonObject("changes") == null ? null : row.getJsonObject("changes").getMap(),
                row.getBuffer("hash") == null ? null : HexFormat.of().formatHex(row.getBuffer("hash").getBytes()));
    }
}
