package io.cellgate.network.decision;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.db.DatabaseChannels;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.Imsi;
import io.cellgate.ports.Decision;
import io.cellgate.ports.DecisionReadPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The decision view in memory, so that the network plane decides without a database round trip. It follows the
 * database: each change of a decision row is announced with its ICCIDs ({@link DecisionReadPort#CHANGES}) and those
 * rows are read again, on every replica, within moments of the commit. The whole view is read at start and again
 * after the notification connection was lost (a notification may have been missed meanwhile). Announced rows are read
 * again in batches, one read at a time, so that a burst of changes (a bulk job) never floods the database; a read that
 * fails is tried again until it succeeds, so no change is lost. A SIM missing from
 * memory is looked up in the database, never taken as allowed. Data policies equal between SIMs are held once.
 */
@ApplicationScoped
public class DecisionCache {
    private static final Logger LOG = Logger.getLogger(DecisionCache.class);
    private static final int PAGE = 10_000;
    private static final int REFRESH_BATCH = 5_000;
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Actor READER = Actor.networkFunction("decision-cache", Origin.system("decision-cache"));

    @Inject
    DecisionReadPort decisions;
    @Inject
    DatabaseChannels channels;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "cellgate.network.decision-cache.enabled", defaultValue = "true")
    boolean enabled;

    private volatile Map<Long, SimEntry> byImsi = new ConcurrentHashMap<>();
    private volatile Map<String, SimEntry> byIccid = new ConcurrentHashMap<>();
    private final Map<Map<String, Object>, DataPolicy> policies = new ConcurrentHashMap<>();
    private final Map<Map<String, Object>, ServicePolicy> servicePolicies = new ConcurrentHashMap<>();
    private final Map<String, String> tenants = new ConcurrentHashMap<>();
    private final List<Consumer<List<Iccid>>> changeListeners = new ArrayList<>();
    private Set<String> changedDuringLoad;
    /** ICCIDs announced and not read again yet; one read at a time takes them, so a burst costs few queries. */
    private final Set<String> toRefresh = new LinkedHashSet<>();
    private boolean refreshing;
    private volatile boolean complete;

    void start(@Observes StartupEvent event) {
        metrics.gauge("cellgate.decision_cache.sims", this, DecisionCache::size);
        if (enabled) {
            channels.listen(DecisionReadPort.CHANGES, this::changed, this::reload);
        }
    }

    /**
     * Called with the SIMs whose decision row changed or went away, once this copy holds the change ({@link #cached}).
     * Runs on an event loop: keep it short.
     */
    public synchronized void onChange(Consumer<List<Iccid>> listener) {
        changeListeners.add(listener);
    }

    /** The SIM of this IMSI: from memory, else from the database; null when no tenant has it. */
    public Uni<SimEntry> byImsi(Imsi imsi) {
        SimEntry entry = byImsi.get(Long.parseLong(imsi.value()));
        if (entry != null) {
            return Uni.createFrom().item(entry);
        }
        return decisions.decision(READER, imsi).map(decision -> decision == null ? null : remember(decision));
    }

    /** The SIM of this IMSI from memory only (null when it is not there: ask {@link #byImsi}). */
    public SimEntry cached(Imsi imsi) {
        return byImsi.get(Long.parseLong(imsi.value()));
    }

    /** The SIM of this ICCID, from memory only (null when it is not there). */
    public SimEntry cached(String iccid) {
        return byIccid.get(iccid);
    }

    /**
     * The accounting path's latest usage count of a SIM in a period, so that this replica decides on it at once. A
     * count of an earlier period than the one held (a commit just before the period turned) changes nothing.
     */
    public void usageCounted(String iccid, long dataBytes, int period) {
        SimEntry entry = byIccid.get(iccid);
        if (entry != null && (period > entry.usagePeriod()
                || period == entry.usagePeriod() && dataBytes > entry.dataBytesUsed())) {
            put(entry.withUsage(dataBytes, period));
        }
    }

    public boolean complete() {
        return complete;
    }

    public int size() {
        return byImsi.size();
    }

    private SimEntry remember(Decision decision) {
        SimEntry entry = entryOf(decision);
        put(entry);
        return entry;
    }

    private void put(SimEntry entry) {
        SimEntry before = byIccid.put(entry.iccid(), entry);
        if (before != null && before.imsi() != entry.imsi()) {
            byImsi.remove(before.imsi(), before);
        }
        byImsi.put(entry.imsi(), entry);
    }

    private void forget(String iccid) {
        SimEntry before = byIccid.remove(iccid);
        if (before != null) {
            byImsi.remove(before.imsi(), before);
        }
    }

    /**
     * The entry of a row, sharing what it can: the policy and tenant with other SIMs, and the ICCID with the entry it
     * replaces (the map keeps its first key: a new string would be a second copy of every changed SIM's ICCID).
     */
    private SimEntry entryOf(Decision decision) {
        Map<String, Object> policy = new HashMap<>(decision.policy());
        policy.remove("imei_lock");
        DataPolicy data = policies.computeIfAbsent(policy, DataPolicy::of);
        ServicePolicy services = servicePolicies.computeIfAbsent(policy, ServicePolicy::of);
        String tenant = tenants.computeIfAbsent(decision.tenantId().value(), id -> id);
        SimEntry known = byIccid.get(decision.iccid().value());
        return SimEntry.of(decision, known == null ? decision.iccid().value() : known.iccid(), data, services,
                tenant);
    }

    /** A notification: the rows of these ICCIDs changed (or went away). */
    private void changed(String payload) {
        List<Iccid> iccids = new ArrayList<>();
        for (String iccid : payload.split(",")) {
            if (Iccid.error(iccid) == null) {
                iccids.add(Iccid.parse(iccid));
            }
        }
        if (iccids.isEmpty()) {
            return;
        }
        refresh(iccids);
    }

    private void refresh(List<Iccid> iccids) {
        synchronized (this) {
            if (changedDuringLoad != null) {
                iccids.forEach(iccid -> changedDuringLoad.add(iccid.value()));
            }
            iccids.forEach(iccid -> toRefresh.add(iccid.value()));
        }
        refreshNext();
    }

    /** Reads the next batch of announced rows again, unless a read is under way (it takes the next when done). */
    private void refreshNext() {
        List<Iccid> batch = new ArrayList<>();
        synchronized (this) {
            if (refreshing || toRefresh.isEmpty()) {
                return;
            }
            refreshing = true;
            for (Iterator<String> next = toRefresh.iterator(); next.hasNext() && batch.size() < REFRESH_BATCH; ) {
                batch.add(Iccid.parse(next.next()));
                next.remove();
            }
        }
        decisions.decisions(READER, batch).subscribe().with(rows -> {
            try {
                refreshed(batch, rows);
            } finally {
                synchronized (this) {
                    refreshing = false;
                }
                refreshNext();
            }
        }, e -> {
            LOG.warnf("decision rows of %d SIMs could not be read again (%s); trying again", batch.size(),
                    e.getMessage());
            synchronized (this) {
                batch.forEach(iccid -> toRefresh.add(iccid.value()));
                refreshing = false;
            }
            Uni.createFrom().voidItem().onItem().delayIt().by(RETRY).subscribe().with(again -> refreshNext());
        });
    }

    /**
     * Takes the rows read again, and tells the listeners. A row that cannot be held (it should not happen: the
     * database checks what it stores) leaves its SIM out of memory, so that it is looked up, never allowed.
     */
    private void refreshed(List<Iccid> batch, List<Decision> rows) {
        Set<String> gone = new HashSet<>();
        batch.forEach(iccid -> gone.add(iccid.value()));
        for (Decision decision : rows) {
            try {
                SimEntry entry = entryOf(decision);
                put(entry);
                gone.remove(entry.iccid());
            } catch (RuntimeException e) {
                LOG.errorf("decision row of SIM %s cannot be held in memory (%s)", decision.iccid(), e.toString());
            }
        }
        gone.forEach(this::forget);
        List<Consumer<List<Iccid>>> listeners;
        synchronized (this) {
            listeners = List.copyOf(changeListeners);
        }
        for (Consumer<List<Iccid>> listener : listeners) {
            try {
                listener.accept(batch);
            } catch (RuntimeException e) {
                LOG.errorf(e, "a listener of decision changes failed");
            }
        }
    }

    /** Reads the whole view into fresh maps, then swaps them in and reads again what changed meanwhile. */
    private void reload() {
        synchronized (this) {
            changedDuringLoad = new HashSet<>();
        }
        complete = false;
        long started = System.nanoTime();
        Map<Long, SimEntry> imsis = new ConcurrentHashMap<>();
        Map<String, SimEntry> iccids = new ConcurrentHashMap<>();
        loadPage(null, imsis, iccids).subscribe().with(loaded -> {
            List<Iccid> again;
            synchronized (this) {
                byImsi = imsis;
                byIccid = iccids;
                again = changedDuringLoad.stream().map(Iccid::parse).toList();
                changedDuringLoad = null;
            }
            complete = true;
            LOG.infof("decision cache: %d SIMs loaded in %d ms, %d data policies", loaded,
                    (System.nanoTime() - started) / 1_000_000, policies.size());
            if (!again.isEmpty()) {
                refresh(again);
            }
        }, e -> LOG.errorf("decision cache: loading failed (%s); lookups go to the database", e.getMessage()));
    }

    private Uni<Integer> loadPage(Iccid after, Map<Long, SimEntry> imsis, Map<String, SimEntry> iccids) {
        return decisions.decisionsAfter(READER, after, PAGE).flatMap(rows -> {
            for (Decision decision : rows) {
                SimEntry entry = entryOf(decision);
                iccids.put(entry.iccid(), entry);
                imsis.put(entry.imsi(), entry);
            }
            if (rows.size() < PAGE) {
                return Uni.createFrom().item(imsis.size());
            }
            return loadPage(rows.get(rows.size() - 1).iccid(), imsis, iccids);
        });
    }
}
