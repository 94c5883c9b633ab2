package io.cellgate.network.charging;

import io.cellgate.common.Actor;
import io.cellgate.common.Origin;
import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import io.cellgate.network.charging.ChargingRequest.Units;
import io.cellgate.network.charging.ChargingRequest.UnitUsage;
import io.cellgate.network.decision.DataPolicy;
import io.cellgate.network.decision.DataSessionRules.SessionFacts;
import io.cellgate.network.decision.DecisionCache;
import io.cellgate.network.decision.ServicePolicy;
import io.cellgate.network.decision.SimEntry;
import io.cellgate.network.decision.SimEntry.LockMode;
import io.cellgate.ports.ChargingPort;
import io.cellgate.ports.ChargingPort.ChargingFunction;
import io.cellgate.ports.ChargingPort.Invocation;
import io.cellgate.ports.ChargingPort.Invocation.Outcome;
import io.cellgate.ports.ChargingPort.Invocation.Refusal;
import io.cellgate.ports.ChargingPort.Invocation.Unit;
import io.cellgate.ports.ChargingPort.RatingGroup;
import io.cellgate.ports.ChargingPort.Service;
import io.cellgate.ports.NetworkReportPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Online charging's decisions: for each rating group of a request, whether the SIM may have the service at all
 * ({@link ServiceRules}), and if so what may be granted of what it asks, within what is left of its monthly limit
 * ({@link ChargingPort#invoke}, which also counts what was used). A SIM to be IMEI-locked on first use is locked to the
 * PEI of its first PDU session, as the function's action.
 */
@ApplicationScoped
public class OnlineCharging {
    private static final String RATING_FAILED = "RATING_FAILED";
    private static final String SERVICE_DENIED = "END_USER_SERVICE_DENIED";

    @Inject
    DecisionCache decisions;
    @Inject
    ChargingDirectory directory;
    @Inject
    ChargingPort charging;
    @Inject
    NetworkReportPort reports;
    @Inject
    ChargingConfig config;
    @Inject
    MeterRegistry metrics;

    /** What the function is answered: an outcome, or null when no tenant has the SIM. */
    record Answer(ChargingRequest request, Outcome outcome) {
    }

    Uni<Answer> invoke(Actor function, ChargingFunction registered, Invocation.Kind kind, UUID session,
                       ChargingRequest request) {
        return decisions.byImsi(request.imsi()).flatMap(sim -> {
            if (sim == null) {
                return Uni.createFrom().item(new Answer(request, null));
            }
            return lockedOnFirstUse(function, sim, request)
                    .flatMap(decided -> units(decided, request, kind != Invocation.Kind.RELEASE))
                    .flatMap(units -> charging.invoke(function, new Invocation(session, kind, request.sequence(),
                            registered.id(), TenantId.parse(sim.tenant()), Iccid.parse(sim.iccid()),
                            config.validity(), units)))
                    .invoke(this::count)
                    .map(outcome -> new Answer(request, outcome));
        });
    }

    /** cellgate_charging_units_total{service, result}: each rating group answered (a replay counts again). */
    private void count(Outcome outcome) {
        for (Invocation.UnitOutcome unit : outcome.units()) {
            metrics.counter("cellgate.charging.units", "service", unit.service().name().toLowerCase(Locale.ROOT),
                    "result", unit.resultCode()).increment();
        }
    }

    /** Asking: units may be granted (not in a release); a rating group that asks for none only reports usage. */
    private Uni<List<Unit>> units(SimEntry sim, ChargingRequest request, boolean asking) {
        List<Long> asked = request.units().stream().map(UnitUsage::ratingGroup).toList();
        return directory.ratingGroups(asked).flatMap(groups -> a2pAddresses(sim, request, groups).map(a2p -> {
            List<Unit> units = new ArrayList<>();
            for (UnitUsage usage : request.units()) {
                RatingGroup group = groups.get(usage.ratingGroup());
                if (group == null) {
                    // what a rating group nobody configured counts is not known: nothing is counted
                    units.add(new Unit(usage.ratingGroup(), Service.DATA, false, 0, 0, null, false, null, List.of(),
                            new Refusal(RATING_FAILED, null, null)));
                } else if (!asking || usage.requested() == null) {
                    units.add(counted(sim, request, usage, group.service(), null));
                } else {
                    units.add(unit(sim, request, usage, group.service(), a2p));
                }
            }
            return units;
        }));
    }

    private Unit unit(SimEntry sim, ChargingRequest request, UnitUsage usage, Service service, Set<String> a2p) {
        boolean mo = request.sms() != null && Messages.sentBy(request.sms(), request.imsi());
        String counterpart = switch (service) {
            case VOICE -> request.call() == null ? null : request.call().counterpart();
            case SMS -> request.sms() == null ? null : Messages.counterpart(request.sms(), mo);
            case DATA -> null;
        };
        String refusal = switch (service) {
            case VOICE -> ServiceRules.call(sim, counterpart);
            case SMS -> ServiceRules.sms(sim, mo, counterpart, a2p);
            case DATA -> ServiceRules.data(sim, facts(request));
        };
        if (refusal != null) {
            return counted(sim, request, usage, service, new Refusal(SERVICE_DENIED, refusal, counterpart));
        }
        Limit limit = limit(sim, service);
        return new Unit(usage.ratingGroup(), service, mo, up(service, usage.used()), down(service, usage.used()),
                requested(service, usage.requested()), request.oneTimeEvent(), limit.units(), limit.warnPercents(),
                null);
    }

    /**
     * Used units only, counted (with the limit's thresholds) and nothing granted: a report, or a request refused now
     * (what was used before still counts).
     */
    private static Unit counted(SimEntry sim, ChargingRequest request, UnitUsage usage, Service service,
                                Refusal refusal) {
        Limit limit = limit(sim, service);
        boolean mo = request.sms() != null && Messages.sentBy(request.sms(), request.imsi());
        return new Unit(usage.ratingGroup(), service, mo, up(service, usage.used()), down(service, usage.used()),
                null, false, limit.units(), limit.warnPercents(), refusal);
    }

    private record Limit(Long units, List<Integer> warnPercents) {
    }

    /** The service's monthly limit; a data limit whose action is "throttle" caps no grant (the session slows). */
    private static Limit limit(SimEntry sim, Service service) {
        ServicePolicy services = sim.services();
        DataPolicy data = sim.data();
        return switch (service) {
            case VOICE -> services.voiceLimit() < 0 ? new Limit(null, List.of())
                    : new Limit(services.voiceLimit(), services.voiceWarnPercents());
            case SMS -> services.smsLimit() < 0 ? new Limit(null, List.of())
                    : new Limit(services.smsLimit(), services.smsWarnPercents());
            case DATA -> !data.hasDataLimit() || data.throttleAtLimit() ? new Limit(null, List.of())
                    : new Limit(data.dataLimitBytes(), data.warnPercents());
        };
    }

    /** Voice seconds, SMS, or data bytes sent (only uplink when the function splits the volume). */
    private static long up(Service service, Units used) {
        return switch (service) {
            case VOICE -> used.time();
            case SMS -> used.serviceSpecificUnits();
            case DATA -> used.uplinkVolume();
        };
    }

    /** Data bytes received: the downlink volume, or the total volume when the function gives no split. */
    private static long down(Service service, Units used) {
        if (service != Service.DATA) {
            return 0;
        }
        return used.uplinkVolume() == 0 && used.downlinkVolume() == 0 ? used.totalVolume() : used.downlinkVolume();
    }

    /** What is asked for; a requestedUnit that names no amount asks for the configured default. */
    private Long requested(Service service, Units requested) {
        if (requested == null) {
            return null;
        }
        long amount = switch (service) {
            case VOICE -> requested.time();
            case SMS -> requested.serviceSpecificUnits();
            case DATA -> Math.max(requested.totalVolume(), requested.uplinkVolume() + requested.downlinkVolume());
        };
        if (amount > 0) {
            return amount;
        }
        return switch (service) {
            case VOICE -> config.defaultVoiceSeconds();
            case SMS -> config.defaultSms();
            case DATA -> config.defaultDataBytes();
        };
    }

    private Uni<Set<String>> a2pAddresses(SimEntry sim, ChargingRequest request, Map<Long, RatingGroup> groups) {
        boolean sms = request.sms() != null && request.units().stream().map(usage -> groups.get(usage.ratingGroup()))
                .anyMatch(group -> group != null && group.service() == Service.SMS);
        return sms ? charging.a2pAddresses(Actor.networkFunction("online-charging", Origin.system("online-charging")),
                TenantId.parse(sim.tenant())) : Uni.createFrom().item(Set.of());
    }

    private static SessionFacts facts(ChargingRequest request) {
        return request.pdu() == null ? new SessionFacts(null, -1)
                : new SessionFacts(request.pdu().dnn(), request.pdu().pei() == null ? -1
                        : SimEntry.device(request.pdu().pei()));
    }

    /** The PEI of a PDU session locks a SIM waiting for its first device, as the function's action (audited). */
    private Uni<SimEntry> lockedOnFirstUse(Actor function, SimEntry sim, ChargingRequest request) {
        if (sim.lockMode() != LockMode.LOCK_ON_FIRST_USE || sim.lockedDevice() >= 0 || request.pdu() == null
                || request.pdu().pei() == null || ServiceRules.data(sim, facts(request)) != null) {
            return Uni.createFrom().item(sim);
        }
        return reports.imeiSeen(function, request.imsi(), request.pdu().pei())
                .map(seen -> seen == null ? sim : sim.withLock(seen.lockedTo()));
    }
}
