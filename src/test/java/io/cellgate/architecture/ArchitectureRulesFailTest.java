package io.cellgate.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.cellgate.common.ForbiddenFeatureUse;
import io.cellgate.network.radius.ForbiddenReach;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The architecture rules fail on the code they forbid: fixtures that break them, kept in the test sources only. */
@Tag("unit")
class ArchitectureRulesFailTest {

    @Test
    void aNetworkPlaneClassThatImportsAServiceBreaksTheBuild() {
        AssertionError broken = assertThrows(AssertionError.class, () -> ArchitectureTest.NETWORK_PLANE_ONLY_THROUGH_PORTS
                .check(new ClassFileImporter().importClasses(ForbiddenReach.class)));
        assertTrue(broken.getMessage().contains("the network plane reaches the management plane only through its ports"),
                broken.getMessage());
        assertTrue(broken.getMessage().contains("io.cellgate.sim.SimService"), broken.getMessage());
    }

    @Test
    void aCommonClassThatImportsAFeatureBreaksTheBuild() {
        AssertionError broken = assertThrows(AssertionError.class, () -> ArchitectureTest.COMMON_DEPENDS_ON_NO_FEATURE
                .check(new ClassFileImporter().importClasses(ForbiddenFeatureUse.class)));
        assertTrue(broken.getMessage().contains("common depends on no feature package"), broken.getMessage());
    }

    @Test
    void aWriteOfAnotherFeaturesTableIsNamed() {
        Map<String, String> source = Map.of("io/cellgate/ip/Sneaky.java", """
                class Sneaky {
                    static final String RENAME = "UPDATE sims SET name = $2"
                            + " WHERE iccid = $1";
                    static final String OWN = \"""
                            DELETE FROM sim_ip_addresses WHERE iccid = $1\""";
                }""");
        assertEquals(List.of("sims written in io/cellgate/ip/Sneaky.java, owned by sim"),
                ArchitectureTest.ownerViolations(source));
    }
}
