package io.cellgate.ports;

import io.cellgate.common.Actor;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What online charging asks of the management plane: the network functions and rating groups carrier ops registered,
 * and each invocation of a charging session: used units counted into the SIM's usage, units reserved from what is left
 * of its limits, the outcome kept so that a retried invocation gets the same answer and counts nothing. A change of
 * the functions or rating groups is announced on the database channel {@link #CHANGES} after its transaction commits.
 */
public interface ChargingPort {
    String CHANGES = "charging_config";

    /** The enabled charging function of this OAuth2 client, or null when none is registered. */
    Uni<ChargingFunction> function(Actor reader, String clientId);

    /** What each configured rating group counts. */
    Uni<List<RatingGroup>> ratingGroups(Actor reader);

    /** The tenant's A2P addresses (its SMS senders and reply addresses), without a leading '+'. */
    Uni<Set<String>> a2pAddresses(Actor reader, TenantId tenant);

    /** One invocation (create, update or release) of a charging session, in one transaction. */
    Uni<Invocation.Outcome> invoke(Actor function, Invocation invocation);

    /** Releases the sessions whose function stopped reporting for this long; answers how many. */
    Uni<Integer> releaseIdle(Actor reader, Duration idle);

    enum Service { VOICE, SMS, DATA }

    record ChargingFunction(UUID id, String name, String clientId) {
    }

    record RatingGroup(long ratingGroup, Service service) {
    }

    /**
     * @param kind     create, update or release
     * @param validFor how long granted units stay reserved without a report
     */
    record Invocation(UUID session, Kind kind, long sequence, UUID function, TenantId tenant, Iccid iccid,
                      Duration validFor, List<Unit> units) {

        public enum Kind { CREATE, UPDATE, RELEASE }

        /**
         * One rating group of the request.
         *
         * @param mo        an SMS the device sends (else one it receives)
         * @param up        used since the last report: voice seconds, SMS, or data bytes sent
         * @param down      used since the last report: data bytes received
         * @param requested units asked for; null: none
         * @param debit     the requested units are used at once (a one-time event)
         * @param limit     the service's monthly limit; null: none
         * @param refusal   set when the service is refused before any quota is looked at
         */
        public record Unit(long ratingGroup, Service service, boolean mo, long up, long down, Long requested,
                           boolean debit, Long limit, List<Integer> warnPercents, Refusal refusal) {
        }

        /** A refusal: END_USER_SERVICE_DENIED (with the reason and the other party, if any) or RATING_FAILED. */
        public record Refusal(String resultCode, String reason, String counterpart) {
        }

        /** What became of an invocation. */
        public record Outcome(State state, Long lastSequence, List<UnitOutcome> units) {
        }

        public enum State { CREATED, UPDATED, REPLAYED, STALE, UNKNOWN }

        /**
         * @param finalUnits the grant is all that is left of the limit
         * @param debited    the granted units were counted as used at once
         */
        public record UnitOutcome(long ratingGroup, Service service, String resultCode, long granted,
                                  boolean finalUnits, boolean debited) {
        }
    }
}
