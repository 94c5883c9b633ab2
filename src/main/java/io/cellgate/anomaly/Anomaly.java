package io.cellgate.anomaly;

import io.cellgate.common.id.Iccid;
import io.cellgate.common.id.TenantId;
import java.util.UUID;

/** An anomaly to raise: what a rule found about a SIM, what the rule's action is, and the event that showed it. */
record Anomaly(TenantId tenant, Iccid iccid, Finding finding, AnomalyAction action, UUID causeEventId) {
}
