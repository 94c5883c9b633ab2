package io.cellgate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The lifecycle state machine, state by state. */
@Tag("unit")
class SimActionTest {

    @Test
    void eachStateAllowsItsActionsOnly() {
        assertEquals(List.of(), SimAction.allowedFrom(SimStatus.STOCK), "stock belongs to carrier ops");
        assertEquals(List.of(SimAction.ACTIVATE, SimAction.TERMINATE), SimAction.allowedFrom(SimStatus.READY));
        assertEquals(List.of(SimAction.SUSPEND), SimAction.allowedFrom(SimStatus.ACTIVE));
        assertEquals(List.of(SimAction.RESUME, SimAction.TERMINATE), SimAction.allowedFrom(SimStatus.SUSPENDED));
        assertEquals(List.of(), SimAction.allowedFrom(SimStatus.TERMINATED), "terminated is final");
    }

    @Test
    void eachActionLeadsToItsStateAndNeedsItsRoles() {
        assertEquals(SimStatus.ACTIVE, SimAction.ACTIVATE.to());
        assertEquals(SimStatus.SUSPENDED, SimAction.SUSPEND.to());
        assertEquals(SimStatus.ACTIVE, SimAction.RESUME.to());
        assertEquals(SimStatus.TERMINATED, SimAction.TERMINATE.to());
        assertEquals(List.of("tenant-admin"), SimAction.TERMINATE.roles());
        assertEquals(List.of("tenant-admin", "tenant-operator"), SimAction.ACTIVATE.roles());
        assertEquals("terminate", SimAction.TERMINATE.apiName());
    }
}
