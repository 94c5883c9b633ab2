package io.cellgate.anomaly;

import java.util.Map;

/** An anomaly a rule found, with its evidence (the members of anomaly.detected's evidence; nulls are left out). */
record Finding(AnomalyRule rule, Map<String, Object> evidence) {
}
