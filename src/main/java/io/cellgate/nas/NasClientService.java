package io.cellgate.nas;

import io.cellgate.audit.AuditedWrites;
import io.cellgate.common.Actor;
import io.cellgate.common.Cursor;
import io.cellgate.common.Page;
import io.cellgate.common.crypto.ResealedSecrets;
import io.cellgate.common.crypto.Resealing;
import io.cellgate.common.crypto.SecretSeal.UnreadableSecretException;
import io.cellgate.common.db.PgErrors;
import io.cellgate.common.db.ScopedDatabase;
import io.cellgate.common.net.Cidr;
import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;
import io.cellgate.ports.NasClientPort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The NAS clients carrier ops register. Every change is announced on {@link NasClientPort#CHANGES} in its transaction,
 * so that every replica's RADIUS server follows within a moment; secrets are encrypted before they reach the database
 * and never recorded in the audit trail.
 */
@ApplicationScoped
public class NasClientService implements NasClientPort {
    private static final String COLUMNS = "id, name, source::text AS source, coa_port, enabled, created_at, updated_at";
    private static final Logger LOG = Logger.getLogger(NasClientService.class);
    private static final String NOTIFY = "SELECT pg_notify('" + CHANGES + "', '')";

    @Inject
    ScopedDatabase db;
    @Inject
    AuditedWrites writes;
    @Inject
    NasSecrets secrets;

    public Uni<NasClientView> create(Actor actor, CreateNasClientRequest request) {
        Cidr source = source("source", request.source());
        UUID id = UUID.randomUUID();
        String secret = request.secret() != null ? request.secret() : secrets.generate();
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.preparedQuery("INSERT INTO nas_clients"
                                + " (id, name, source, secret, coa_port, enabled) VALUES ($1, $2, $3::text::cidr, $4, $5, $6)"
                                + " RETURNING " + COLUMNS)
                        .execute(Tuple.from(List.of(id, request.name(), source.toString(),
                                Buffer.buffer(secrets.encrypt(id.toString(), secret)),
                                request.coaPort() == null ? 3799 : request.coaPort(),
                                request.enabled() == null || request.enabled())))
                        .flatMap(rows -> announce(tx, toView(rows.iterator().next())))
                        .invoke(created -> note.changes(Map.of(), recorded(created))))
                .onFailure(PgErrors::isExclusionViolation).transform(e -> overlap(source))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> nameTaken(request.name()))
                .map(created -> created.withSecret(secret));
    }

    public Uni<NasClientView> get(Actor actor, UUID id) {
        return db.transaction(actor.allTenants(), tx -> find(tx, id, false)).map(NasClientService::toView);
    }

    public Uni<Page<NasClientView>> list(Actor actor, int limit, String cursor) {
        String after = Cursor.decode(cursor, name -> name);
        return db.query(actor.allTenants(), "SELECT " + COLUMNS + " FROM nas_clients WHERE name > $1"
                        + " ORDER BY name LIMIT $2", Tuple.of(after == null ? "" : after, limit + 1))
                .map(rows -> {
                    List<NasClientView> clients = new ArrayList<>();
                    rows.forEach(row -> clients.add(toView(row)));
                    return Page.of(clients, limit, NasClientView::name);
                });
    }

    public Uni<NasClientView> update(Actor actor, UUID id, UpdateNasClientRequest request) {
        Cidr source = request.source() == null ? null : source("source", request.source());
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> find(tx, id, true).flatMap(row -> {
                    NasClientView before = toView(row);
                    return tx.preparedQuery("UPDATE nas_clients SET name = coalesce($2, name),"
                                    + " source = coalesce($3::text::cidr, source), coa_port = coalesce($4, coa_port),"
                                    + " enabled = coalesce($5, enabled), version = version + 1, updated_at = now()"
                                    + " WHERE id = $1 RETURNING " + COLUMNS)
                            .execute(Tuple.from(Arrays.asList(id, request.name(),
                                    source == null ? null : source.toString(), request.coaPort(), request.enabled())))
                            .flatMap(rows -> announce(tx, toView(rows.iterator().next())))
                            .invoke(after -> note.changes(recorded(before), recorded(after)));
                }))
                .onFailure(PgErrors::isExclusionViolation).transform(e -> overlap(source))
                .onFailure(PgErrors::isUniqueViolation).transform(e -> nameTaken(request.name()));
    }

    /** A new shared secret (given, or made by Cellgate): the old one stops working at once. */
    public Uni<NasClientView> rotateSecret(Actor actor, UUID id, String given) {
        String secret = given != null ? given : secrets.generate();
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> find(tx, id, true)
                        .flatMap(row -> tx.preparedQuery("UPDATE nas_clients SET secret = $2, version = version + 1,"
                                        + " updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
                                .execute(Tuple.of(id, Buffer.buffer(
                                        secrets.encrypt(id.toString(), secret)))))
                        .flatMap(rows -> announce(tx, toView(rows.iterator().next())))
                        .invoke(after -> note.changes(Map.of(), Map.of("secret", "rotated"))))
                .map(rotated -> rotated.withSecret(secret));
    }

    /** Deletes a NAS client that never accounted a session; one that did can only be disabled (its sessions stay). */
    public Uni<Void> delete(Actor actor, UUID id) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> find(tx, id, true).flatMap(row -> {
            note.changes(recorded(toView(row)), Map.of());
            return tx.preparedQuery("DELETE FROM nas_clients c WHERE id = $1"
                            + " AND NOT EXISTS (SELECT 1 FROM data_sessions s WHERE s.nas_id = c.id)").execute(Tuple.of(id))
                    .flatMap(rows -> {
                        if (rows.rowCount() == 0) {
                            throw new ProblemException(ProblemType.CONFLICT, "NAS client " + row.getString("name")
                                    + " has accounted sessions; disable it instead (enabled: false)");
                        }
                        return tx.query(NOTIFY).execute().replaceWithVoid();
                    });
        }));
    }

    /** Seals every NAS client's secret under the current key ({@link NasSecrets}); answers what it found. */
    public Uni<ResealedSecrets> resealSecrets(Actor actor) {
        return writes.inTransaction(actor, actor.allTenants(), (tx, note) -> tx.query(
                "SELECT id, secret FROM nas_clients ORDER BY id FOR UPDATE").execute().flatMap(rows -> {
                    Resealing resealing = new Resealing("nas_client_secrets");
                    List<Tuple> changed = new ArrayList<>();
                    for (Row row : rows) {
                        String id = row.getUUID("id").toString();
                        resealing.of(id, () -> secrets.resealed(id, row.getBuffer("secret").getBytes()))
                                .ifPresent(sealed -> changed.add(Tuple.of(row.getUUID("id"), Buffer.buffer(sealed))));
                    }
                    ResealedSecrets result = resealing.result();
                    note.changes(Map.of(), Map.of("resealed_nas_client_secrets", result.resealed()));
                    return changed.isEmpty() ? Uni.createFrom().item(result)
                            : tx.preparedQuery("UPDATE nas_clients SET secret = $2 WHERE id = $1").executeBatch(changed)
                                    .replaceWith(result);
                }));
    }

    /** Every enabled NAS client but one whose secret no configured key opens, which is logged and left out. */
    @Override
    public Uni<List<NasClient>> enabledNasClients(Actor reader) {
        return db.query(reader.allTenants(), "SELECT id, name, source::text AS source, secret, coa_port"
                + " FROM nas_clients WHERE enabled", Tuple.tuple()).map(rows -> {
                    List<NasClient> clients = new ArrayList<>();
                    for (Row row : rows) {
                        try {
                            clients.add(new NasClient(row.getUUID("id"), row.getString("name"),
                                    row.getString("source"), secrets.decrypt(row.getUUID("id").toString(),
                                    row.getBuffer("secret").getBytes()), row.getInteger("coa_port")));
                        } catch (UnreadableSecretException e) {
                            LOG.errorf("NAS client %s is not served: %s. Rotate its secret"
                                    + " (POST /api/v1/admin/nas-clients/%s/secret)", row.getString("name"),
                                    e.getMessage(), row.getUUID("id"));
                        }
                    }
                    return clients;
                });
    }

    private static Uni<NasClientView> announce(SqlConnection tx, NasClientView view) {
        return tx.query(NOTIFY).execute().replaceWith(view);
    }

    private static Uni<Row> find(SqlConnection tx, UUID id, boolean forUpdate) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM nas_clients WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("NAS client " + id);
                    }
                    return rows.iterator().next();
                });
    }

    private static Map<String, Object> recorded(NasClientView view) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", view.name());
        fields.put("source", view.source());
        fields.put("coa_port", view.coaPort());
        fields.put("enabled", view.enabled());
        return fields;
    }

    /** An address is a network of one: /32 or /128. */
    private static Cidr source(String field, String text) {
        try {
            return Cidr.parse(text.contains("/") ? text : text + (text.contains(":") ? "/128" : "/32"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    private static ProblemException overlap(Cidr source) {
        return new ProblemException(ProblemType.NAS_SOURCES_OVERLAP, source + " overlaps the source of another NAS"
                + " client: a packet must belong to one NAS client", Map.of("source", source.toString()));
    }

    private static ProblemException nameTaken(String name) {
        return new ProblemException(ProblemType.CONFLICT, "a NAS client named " + name + " exists");
    }

    static NasClientView toView(Row row) {
        return new NasClientView(row.getUUID("id"), row.getString("name"), row.getString("source"),
                row.getInteger("coa_port"), row.getBoolean("enabled"), null,
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
