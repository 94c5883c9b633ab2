package io.cellgate.network.charging;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.db.DatabaseChannels;
import io.cellgate.ports.ChargingPort;
import io.cellgate.ports.ChargingPort.ChargingFunction;
import io.cellgate.ports.ChargingPort.RatingGroup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered charging functions (by OAuth2 client) and the configured rating groups, in memory. Emptied whenever
 * carrier ops change either (every replica hears of it through {@link ChargingPort#CHANGES}); what is not in memory is
 * read from the database, never assumed.
 */
@ApplicationScoped
public class ChargingDirectory {
    private static final Actor READER = Actor.networkFunction("charging-directory",
            Origin.system("charging-directory"));

    @Inject
    ChargingPort charging;
    @Inject
    DatabaseChannels channels;

    private final Map<String, ChargingFunction> functions = new ConcurrentHashMap<>();
    private volatile Map<Long, RatingGroup> ratingGroups;

    void start(@Observes StartupEvent event) {
        channels.listen(ChargingPort.CHANGES, changed -> forget(), this::forget);
    }

    /** The enabled function of this client, or null when none is registered. */
    Uni<ChargingFunction> function(String clientId) {
        ChargingFunction known = functions.get(clientId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return charging.function(READER, clientId).invoke(found -> {
            if (found != null) {
                functions.put(clientId, found);
            }
        });
    }

    /** The rating groups by number; read again when one asked for is not known. */
    Uni<Map<Long, RatingGroup>> ratingGroups(Iterable<Long> asked) {
        Map<Long, RatingGroup> known = ratingGroups;
        boolean complete = known != null;
        for (Long ratingGroup : asked) {
            complete = complete && known.containsKey(ratingGroup);
        }
        if (complete) {
            return Uni.createFrom().item(known);
        }
        return charging.ratingGroups(READER).map(list -> {
            Map<Long, RatingGroup> loaded = new HashMap<>();
            list.forEach(group -> loaded.put(group.ratingGroup(), group));
            ratingGroups = Map.copyOf(loaded);
            return ratingGroups;
        });
    }

    private void forget() {
        functions.clear();
        ratingGroups = null;
    }
}
