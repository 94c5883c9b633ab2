package io.cellgate.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the detector has learned of one SIM (anomaly_sim_watch): the device it was last used in, the APNs and radio
 * access types its sessions came from, those it raised as outside the tenant's expected ones (the most recent
 * {@value #MAX_LEARNED} of each), its refusals within the burst window, and when it last raised a burst.
 */
record SimWatch(String imei, List<String> apns, List<Integer> ratTypes, List<String> flaggedApns,
                List<Integer> flaggedRatTypes, List<Instant> rejectedAt, Instant burstRaisedAt) {
    static final int MAX_LEARNED = 32;
    static final SimWatch NEW = new SimWatch(null, List.of(), List.of(), List.of(), List.of(), List.of(), null);

    SimWatch {
        apns = List.copyOf(apns);
        ratTypes = List.copyOf(ratTypes);
        flaggedApns = List.copyOf(flaggedApns);
        flaggedRatTypes = List.copyOf(flaggedRatTypes);
        rejectedAt = List.copyOf(rejectedAt);
    }

    SimWatch usedBy(String device) {
        return device == null ? this
                : new SimWatch(device, apns, ratTypes, flaggedApns, flaggedRatTypes, rejectedAt, burstRaisedAt);
    }

    SimWatch learnedApn(String apn) {
        return apn == null ? this : new SimWatch(imei, learned(apns, apn), ratTypes, flaggedApns, flaggedRatTypes,
                rejectedAt, burstRaisedAt);
    }

    SimWatch learnedRatType(Integer ratType) {
        return ratType == null ? this : new SimWatch(imei, apns, learned(ratTypes, ratType), flaggedApns,
                flaggedRatTypes, rejectedAt, burstRaisedAt);
    }

    SimWatch flaggedApn(String apn) {
        return new SimWatch(imei, apns, ratTypes, learned(flaggedApns, apn), flaggedRatTypes, rejectedAt,
                burstRaisedAt);
    }

    SimWatch flaggedRatType(Integer ratType) {
        return new SimWatch(imei, apns, ratTypes, flaggedApns, learned(flaggedRatTypes, ratType), rejectedAt,
                burstRaisedAt);
    }

    SimWatch withRejections(List<Instant> recent, Instant raisedAt) {
        return new SimWatch(imei, apns, ratTypes, flaggedApns, flaggedRatTypes, recent, raisedAt);
    }

    private static <T> List<T> learned(List<T> known, T value) {
        if (known.contains(value)) {
            return known;
        }
        List<T> more = new ArrayList<>(known);
        more.add(value);
        return more.size() > MAX_LEARNED ? more.subList(more.size() - MAX_LEARNED, more.size()) : more;
    }
}
