package io.cellgate.network.radius;

import io.cellgate.sim.SimService;

/**
 * A fixture that breaks the boundary of the network plane on purpose (it reaches a management-plane service instead of
 * a port), for ArchitectureRulesFailTest. It lives in the test sources only and is never run.
 */
public class ForbiddenReach {
    SimService sims;
}
